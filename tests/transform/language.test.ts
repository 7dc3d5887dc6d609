/**
 * The language step decides the book's language once: a canonical tag, its script, its direction, its quotation
 * marks and its hyphenation patterns. Both renderers read the decision, so a book is right to left in its EPUB
 * exactly when it is in its PDF.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from '../../src/build';
import { CollectingReporter } from '../../src/diagnostics/reporter';
import { decideLanguage, languageTagFrom } from '../../src/locale';
import { tempDir, unzip } from '../helpers/tools';

describe('decideLanguage', () => {
  it('reads a tag or a name as manuscripts write them into one canonical tag', () => {
    expect(['pt_br', 'EN-gb', 'Français', 'Deutsch', 'iw', 'zh-hant-tw'].map(languageTagFrom)).toEqual(['pt-BR', 'en-GB', 'fr', 'de', 'he', 'zh-Hant-TW']);
    expect(['english please', '', 'x'].map(languageTagFrom)).toEqual([undefined, undefined, undefined]);
  });

  it.each([
    ['he', 'Hebr'], ['yi', 'Hebr'], ['ar', 'Arab'], ['fa', 'Arab'], ['ur', 'Arab'], ['ps', 'Arab'], ['sd', 'Arab'],
    ['ug', 'Arab'], ['ckb', 'Arab'], ['dv', 'Thaa'], ['syr', 'Syrc'], ['ku-Arab', 'Arab'], ['pa-Arab', 'Arab'],
  ])('writes %s right to left, in the %s script', (tag, script) => {
    expect(decideLanguage({ language: tag })).toMatchObject({ tag, script, direction: 'rtl' });
  });

  it.each([['en', 'Latn'], ['ku', 'Latn'], ['ja', 'Jpan'], ['ru', 'Cyrl'], ['el', 'Grek'], ['pa', 'Guru']])('writes %s left to right (%s)', (tag, script) => {
    expect(decideLanguage({ language: tag })).toMatchObject({ script, direction: 'ltr' });
  });

  it('lets the manuscript’s `dir:` win over the script', () => {
    expect(decideLanguage({ language: 'he', direction: 'ltr' }).direction).toBe('ltr');
    expect(decideLanguage({ language: 'en', direction: 'rtl' }).direction).toBe('rtl');
  });

  it('chooses the quotation marks and the hyphenation patterns from the tag', () => {
    const fr = decideLanguage({ language: 'fr-CA' });
    expect([fr.primary, fr.quotes.open2, fr.hyphenation]).toEqual(['fr', '\u00ab\u00a0', 'fr']);
    const gb = decideLanguage({ language: 'en-GB' });
    expect([gb.quotes.open2, gb.hyphenation]).toEqual(['\u201c', 'en-gb']);
    expect(decideLanguage({ language: 'tlh' }).hyphenation).toBeUndefined();
  });
});

describe('the language step in a build', () => {
  const out = tempDir('quire-language-');
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it.each(['ckb', 'ps', 'dv', 'ug'])('builds a %s book right to left in both its EPUB and its PDF', async (tag) => {
    const input = path.join(out, `${tag}.md`);
    fs.writeFileSync(input, `---\ntitle: Book ${tag}\nauthor: A. Writer\nlanguage: ${tag}\n---\n\n# One\n\nText.\n`);
    const report = new CollectingReporter();
    const result = await build({ input, outDir: path.join(out, tag), formats: ['epub', 'pdf'], report });
    const epub = result.outputs.find((f) => f.endsWith('.epub'))!;
    const pdf = result.outputs.find((f) => f.endsWith('.pdf'))!;
    const files = await unzip(fs.readFileSync(epub));
    const opf = [...files].find(([name]) => name.endsWith('.opf'))![1].toString('utf8');
    expect(opf).toContain(`<dc:language>${tag}</dc:language>`);
    expect(opf).toMatch(/<spine[^>]*page-progression-direction="rtl"/);
    expect(fs.readFileSync(pdf, 'latin1')).toMatch(/\/Direction \/R2L/);
    expect(fs.readFileSync(pdf, 'latin1')).toContain(`/Lang (${tag})`);
  });

  it('stores the decision in the model, where `quire inspect` shows it', async () => {
    const { read } = await import('../../src/build');
    const input = path.join(out, 'sorani.md');
    fs.writeFileSync(input, '---\ntitle: T\nlanguage: CKB\n---\n\n# One\n\nText.\n');
    expect(read(input).language).toMatchObject({ tag: 'ckb', script: 'Arab', direction: 'rtl' });
  });
});
