/**
 * Folders as people have them: chapter files that say nothing of the book's title, and the README, licence and
 * source notes that sit beside a manuscript without being part of it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { read } from '../../src/build';
import { CollectingReporter } from '../../src/diagnostics/reporter';
import { tempDir } from '../helpers/tools';

/** A folder `name` in a fresh temporary folder, holding `files`; returns its path. */
function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(tempDir('quire-folder-'), name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

const titles = (book: ReturnType<typeof read>) => book.body.map((s) => [s.role, s.label ?? '', s.title.map((t) => ('value' in t ? t.value : '')).join('')]);

test('chapter files are the chapters; SOURCE, README and LICENSE are skipped with a note; the folder names the book', () => {
  const dir = folder('the-night-ferry', {
    'Chapter 1.txt': 'Chapter 1\n\nThe ferry left at nine.\n',
    'Chapter 2.txt': 'Chapter 2\n\nFog all the way.\n',
    'SOURCE.txt': 'Source: typed from the author\'s notebook.\n',
    'README.md': '# About\n\nHow to build this book.\n',
    'LICENSE.md': 'CC BY 4.0\n',
  });
  const report = new CollectingReporter();
  const book = read(dir, { report });
  expect(book.meta.title).toBe('The night ferry');
  expect(titles(book)).toEqual([
    ['chapter', 'Chapter 1', ''],
    ['chapter', 'Chapter 2', ''],
  ]);
  expect(book.sources.map((s) => path.basename(s))).toEqual(['Chapter 1.txt', 'Chapter 2.txt']);
  const skipped = report.messages.filter((m) => m.rule === 'file-skipped');
  expect(skipped.map((m) => [m.severity, path.basename(m.position!.file)])).toEqual([
    ['info', 'LICENSE.md'],
    ['info', 'README.md'],
    ['info', 'SOURCE.txt'],
  ]);
  expect(JSON.stringify(book)).not.toMatch(/notebook|How to build|CC BY/);
  expect(report.messages.find((m) => m.rule === 'title-missing')?.message).toBe('the manuscript has no title; using "The night ferry"');
});

test.each([
  ['Chapter 1.txt', 'Chapter 1\n\nText.\n'],
  ['chapter-01.md', '## Chapter 1\n\nText.\n'],
  ['01.txt', 'Text.\n'],
  ['Ch 3.md', 'Text.\n'],
  ['ch.3.txt', 'Text.\n'],
])('a single chapter file %s gives the book its folder\'s name', (name, text) => {
  const dir = folder('night-ferry', { [name]: text });
  expect(read(path.join(dir, name)).meta.title).toBe('Night ferry');
});

test('a file with a name of its own names the book; a manuscript folder is passed over for the one above it', () => {
  expect(read(path.join(folder('drafts', { 'the-long-crossing.txt': 'Text.\n' }), 'the-long-crossing.txt')).meta.title).toBe('The long crossing');
  const project = folder('night-ferry/manuscript', { '01.md': 'Text.\n', '02.md': 'More.\n' });
  expect(read(project).meta.title).toBe('Night ferry');
  expect(read(folder('Autumn Tales', { 'a-first-story.md': 'Text.\n', 'b-second.md': 'More.\n' })).meta.title).toBe('Autumn Tales');
});

test('in a folder of several Markdown files, each file\'s # heading stays a part', () => {
  const dir = folder('seasons', {
    '1-summer.md': '# Summer\n\n## Chapter 1\n\nHeat.\n',
    '2-winter.md': '# Winter\n\n## Chapter 2\n\nSnow.\n',
  });
  const book = read(dir);
  expect(book.meta.title).toBe('Seasons');
  expect(titles(book)).toEqual([
    ['part', '', 'Summer'],
    ['part', '', 'Winter'],
  ]);
});

test('a folder with one Markdown file reads it as a file alone: its single # heading is the title', () => {
  const book = read(folder('manuscript', { 'story.md': '# The Night Ferry\n\n## Chapter 1\n\nThe ferry left at nine.\n' }));
  expect(book.meta.title).toBe('The Night Ferry');
  expect(titles(book)).toEqual([['chapter', 'Chapter 1', '']]);
});
