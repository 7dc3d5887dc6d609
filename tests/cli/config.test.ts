/** book.yaml's `quire:` options: applied to the build, overridden by flags, and errors at their YAML line and column. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quire } from '../helpers/cli';
import { pdfInfo, tempDir } from '../helpers/tools';

/** A book folder with one chapter and a book.yaml whose `quire:` section is `options` (YAML lines, indented by two). */
function book(options: string): string {
  const dir = tempDir('quire-config-');
  fs.mkdirSync(path.join(dir, 'manuscript'));
  fs.writeFileSync(path.join(dir, 'manuscript', '1-one.md'), '# Chapter 1: Start\n\nIt began with a lamp.\n');
  fs.writeFileSync(path.join(dir, 'manuscript', 'book.yaml'), `title: Lamp Light\nauthor: Ann Example\ndate: 2024-05-06\nquire:\n${options}`);
  return dir;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('options in book.yaml choose the formats, folder, file name and page size', () => {
  const dir = book('  formats: [txt, pdf]\n  out: books\n  file-name: "{slug}-{year}"\n  page-size: letter\n');
  const run = quire(['build'], { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toBe(`${path.join('books', 'lamp-light-2024.txt')}\n${path.join('books', 'lamp-light-2024.pdf')}\n`);
  expect(pdfInfo(path.join(dir, 'books', 'lamp-light-2024.pdf'))['Page size']).toMatch(/^612 x 792 pts/);
});

test('flags on the command line override book.yaml', () => {
  const dir = book('  formats: txt\n  out: books\n  page-size: letter\n');
  const run = quire(['build', '--format', 'pdf', '--out', 'elsewhere', '--page-size', 'a4'], { cwd: dir });
  expect(run.status).toBe(0);
  expect(run.stdout).toBe(`${path.join('elsewhere', 'lamp-light.pdf')}\n`);
  expect(fs.existsSync(path.join(dir, 'books'))).toBe(false);
  expect(pdfInfo(path.join(dir, 'elsewhere', 'lamp-light.pdf'))['Page size']).toMatch(/^595\.28 x 841\.89 pts/);
});

test.each([
  ['an unknown option, with the near miss', '  formats: [txt]\n  profle: kobo\n', 6, 3, 'unknown option `quire.profle`', 'did you mean `profile`?'],
  ['a value not in the list, with the near miss', '  profile: kobbo\n', 5, 12, '`quire.profile` must be one of generic, kindle, kobo, apple (got kobbo)', 'did you mean `kobo`?'],
  ['a wrong type', '  formats: [txt]\n  hyphenate: yes\n', 6, 14, '`quire.hyphenate` should be true or false (got yes)', undefined],
  ['an unknown format in a list', '  formats: [epub, docx]\n', 5, 19, '`quire.formats[1]` must be one of epub, pdf, html, txt (got docx)', undefined],
  ['a file-name pattern with an unknown placeholder', '  file-name: "{slug}-{dat}"\n', 5, 14, '`quire.file-name` may use only the placeholders', undefined],
])('%s is an error at its line and column in book.yaml, exit 1, nothing written', (_name, options, line, column, message, hint) => {
  const dir = book(options);
  const run = quire(['build'], { cwd: dir });
  expect(run.status).toBe(1);
  const file = path.join('manuscript', 'book.yaml');
  expect(run.stderr).toMatch(new RegExp(`^${escape(file)}:${line}:${column}: error: ${escape(message)}`, 'm'));
  if (hint) expect(run.stderr).toContain(`hint: ${hint}`);
  expect(run.stdout).toBe('');
  expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
});

test('a bad option is reported with --json as a positioned config-invalid diagnostic', () => {
  const dir = book('  notes: margin\n');
  const run = quire(['build', '--json'], { cwd: dir });
  expect(run.status).toBe(1);
  const d = JSON.parse(run.stderr.trim().split('\n')[0]);
  expect(d).toMatchObject({ severity: 'error', rule: 'config-invalid', position: { file: path.join('manuscript', 'book.yaml'), start: { line: 5, column: 10 } } });
});

test('a cover option points at an image in the manuscript folder; a missing one is an error at the option', () => {
  const dir = book('  formats: [epub]\n  cover: missing.png\n');
  const run = quire(['build'], { cwd: dir });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(new RegExp(`^${escape(path.join('manuscript', 'book.yaml'))}:6:10: error: `, 'm'));
});

test('`quire:` in a single file\'s front matter is not applied, and a warning says where options go', () => {
  const dir = tempDir('quire-config-');
  const file = path.join(dir, 'story.md');
  fs.writeFileSync(file, '---\ntitle: Solo\nquire:\n  formats: [txt]\n---\n\nText.\n');
  const run = quire(['build', file, '--out', path.join(dir, 'out')]);
  expect(run.status).toBe(0);
  expect(run.stdout).toBe(`${path.join(dir, 'out', 'solo.epub')}\n${path.join(dir, 'out', 'solo.pdf')}\n`);
  expect(run.stderr).toContain(`${file}:3:1: warning: \`quire:\` options are read from book.yaml in a manuscript folder only; ignored here`);
});

test.each([
  [['build', '--page-size', 'a3'], '--page-size must be one of a5, 5.5x8.5, 6x9, letter, a4, ereader (got a3)'],
  [['build', '--file-name', 'out/x'], '--file-name takes a file name without a folder'],
  [['inspect', 'manuscript', '--watch'], '--watch works with build only'],
  [['build', '--templates'], '--templates works with init only'],
])('%j is a usage error (exit 2)', (args, message) => {
  const run = quire(args);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(`quire: error: ${message}`);
});

test('--help lists init, --watch, --verbose and the new build options', () => {
  const run = quire(['--help']);
  for (const text of ['quire init [DIR] [--templates]', '--watch', '--verbose', '--page-size SIZE', '--file-name PAT', 'book.yaml']) expect(run.stdout).toContain(text);
});
