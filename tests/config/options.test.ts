/**
 * The option specs are the one declaration of every `quire:` option: the README table, the schema, the command line
 * and `quire init`'s book.yaml all follow them, and every renderer option can be set both ways.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, UsageError } from '../../src/cli/args';
import { configurationTable, initOptions, withConfigurationTable } from '../../src/config/docs';
import { CONFIG_DEFAULTS, OPTIONS } from '../../src/config/options';
import { CONFIG_KEYS, configSchema } from '../../src/config/schema';
import { resolveSettings } from '../../src/config/settings';
import { renderers } from '../../src/render';
import { DEFAULT_OPTIONS } from '../../src/render/epub/options';
import { kebab } from '../../src/render/option-spec';
import { DEFAULT_PDF_OPTIONS } from '../../src/render/pdf/options';

const README = path.resolve(__dirname, '..', '..', 'README.md');

test('the README configuration table is the one the specs give (run `npm run readme` to rewrite it)', () => {
  const readme = fs.readFileSync(README, 'utf8');
  expect(readme).toContain(configurationTable());
  expect(withConfigurationTable(readme)).toBe(readme);
});

test('every renderer option has a flag and a book.yaml key; no two options share either', () => {
  for (const [name, { options }] of Object.entries(renderers)) {
    for (const spec of options) expect({ renderer: name, key: spec.key, flag: spec.flag }).toEqual({ renderer: name, key: expect.any(String), flag: expect.stringMatching(/^--[a-z][a-z-]+$/) });
  }
  const keys = OPTIONS.map((s) => s.key);
  const flags = OPTIONS.flatMap((s) => [s.flag, s.short]).filter(Boolean);
  expect(new Set(keys).size).toBe(keys.length);
  expect(new Set(flags).size).toBe(flags.length);
});

test('a key is the name in kebab-case and a flag the key, unless the spec says otherwise', () => {
  expect(kebab('chapterOpening')).toBe('chapter-opening');
  const renamed = OPTIONS.filter((s) => s.key !== kebab(s.name) || s.flag !== `--${s.key}`).map((s) => [s.name, s.key, s.flag]);
  expect(renamed).toEqual([
    ['formats', 'formats', '--format'],
    ['cover', 'cover', undefined],
    ['width', 'line-width', '--line-width'],
  ]);
});

test('the schema takes exactly the specs\' keys, and every default passes it', () => {
  expect(CONFIG_KEYS).toEqual(OPTIONS.map((s) => s.key));
  expect(configSchema.safeParse(CONFIG_DEFAULTS)).toMatchObject({ success: true, data: CONFIG_DEFAULTS });
  expect(configSchema.safeParse({ 'scene-break': 'stars' }).success).toBe(false);
  expect(configSchema.safeParse({ 'line-width': 72 }).success).toBe(true);
});

test('a renderer\'s defaults are its specs\' defaults', () => {
  expect(DEFAULT_PDF_OPTIONS).toEqual({ pageSize: 'a5', hyphenate: true, chapterStart: 'any', chapterOpening: 'plain' });
  expect(DEFAULT_OPTIONS).toEqual({ profile: 'generic', notes: 'chapter', embedFonts: false });
  expect(renderers.pdf.load().defaultOptions).toBe(DEFAULT_PDF_OPTIONS);
  expect(CONFIG_DEFAULTS).toMatchObject({ 'page-size': 'a5', 'scene-break': 'rule', 'line-width': 0, formats: ['epub', 'pdf'] });
});

test('quire init\'s book.yaml lists every option, commented out at its default', () => {
  const section = initOptions();
  for (const spec of OPTIONS) expect(section).toMatch(new RegExp(`^  # ${spec.key}: `, 'm'));
  expect(section).toMatch(/^ {2}# page-size: a5 +# PDF trim size/m);
});

describe('flags', () => {
  const build = (...argv: string[]) => parseArgs(['build', ...argv]);

  test('each renderer option\'s flag lands in that renderer\'s options', () => {
    const args = build('--profile', 'kobo', '--embed-fonts', '--toc-title', 'Inhalt', '--no-hyphenate', '--chapter-start', 'right', '--chapter-opening=small-caps', '--scene-break', 'ornament', '--line-width', '60');
    expect(args.rendererOptions).toEqual({
      epub: { profile: 'kobo', embedFonts: true, tocTitle: 'Inhalt' },
      pdf: { hyphenate: false, chapterStart: 'right', chapterOpening: 'small-caps' },
      html: { sceneBreak: 'ornament' },
      txt: { width: 60 },
    });
    expect(args.explicit.size).toBe(0);
  });

  test('build options keep their own fields, defaults from the specs', () => {
    expect(build()).toMatchObject({ out: 'dist', formats: ['epub', 'pdf'], fileName: '{slug}', check: false, rendererOptions: {} });
    const args = build('-o', 'books', '-f', 'TXT, html', '--check', '--file-name', '{slug}-{year}', '--encoding', 'latin1');
    expect(args).toMatchObject({ out: 'books', formats: ['txt', 'html'], fileName: '{slug}-{year}', check: true, encoding: 'latin1' });
    expect([...args.explicit].sort()).toEqual(['check', 'encoding', 'fileName', 'formats', 'out']);
    expect(build('--check', '--no-check').check).toBe(false);
  });

  test.each([
    [['--encoding', 'klingon'], 'unknown encoding klingon (try utf-8, windows-1252, latin1, utf-16le, utf-16be)'],
    [['--file-name', ' '], '--file-name takes a file name without a folder, e.g. {slug}-{date}'],
    [['--format', ','], '--format needs at least one format'],
    [['--chapter-start', 'left'], '--chapter-start must be one of any, right (got left)'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => build(...argv)).toThrow(new UsageError(message));
  });
});

test('book.yaml\'s renderer options reach their renderers; a flag wins', () => {
  const settings = resolveSettings({ 'scene-break': 'ornament', 'line-width': 50, formats: ['html', 'txt'] }, { rendererOptions: { txt: { width: 30 } } });
  expect(settings.rendererOptions).toEqual({ html: { sceneBreak: 'ornament' }, txt: { width: 30 } });
});
