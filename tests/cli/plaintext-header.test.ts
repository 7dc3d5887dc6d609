/**
 * The plain-text header through the CLI, as a new user meets it: `quire inspect` on the one-line repro keeps
 * the summary and disclaimer out of the story, and a built EPUB's package names every author and relationship.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quire } from '../helpers/cli';
import { tempDir, unzip } from '../helpers/tools';

/** Every text value in a JSON tree, in document order. */
function texts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  return [...(record.type === 'text' && typeof record.value === 'string' ? [record.value] : []), ...Object.values(record).flatMap(texts)];
}

test('inspect: a summary and a disclaimer in paragraphs of their own are metadata and front matter, not story', () => {
  const dir = tempDir();
  const file = path.join(dir, 's.txt');
  fs.writeFileSync(file, 'Title: T\nAuthor: A\n\nSummary: S.\n\nDisclaimer: D.\n\nChapter 1\n\nText.\n');
  const run = quire(['inspect', file]);
  expect(run.status).toBe(0);
  expect(run.stderr).toBe('');
  const book = JSON.parse(run.stdout);
  expect(book.meta).toMatchObject({ title: 'T', authors: [{ name: 'A' }], summary: 'S.', disclaimer: 'D.' });
  expect(book.front.map((m: { role: string }) => [m.role, texts(m)])).toEqual([
    ['summary', ['S.']],
    ['disclaimer', ['D.']],
  ]);
  expect(texts(book.body)).toEqual(['Text.']);
});

test('build: two authors are two dc:creator, and pairings are dc:subject', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'ferry.txt');
  fs.writeFileSync(file, 'Title: The Night Ferry\nAuthors: Wren Halloway, Jay Ortiz\nPairings: Wren/Jay, Ada/Bel\n\nThe ferry left at six.\n');
  const out = path.join(dir, 'out');
  const run = quire(['build', file, '--out', out, '--format', 'epub']);
  expect(run.status).toBe(0);
  const files = await unzip(fs.readFileSync(path.join(out, 'the-night-ferry.epub')));
  const opfName = [...files.keys()].find((name) => name.endsWith('.opf'))!;
  const opf = files.get(opfName)!.toString('utf8');
  expect([...opf.matchAll(/<dc:creator[^>]*>([^<]*)<\/dc:creator>/g)].map((m) => m[1])).toEqual(['Wren Halloway', 'Jay Ortiz']);
  const subjects = [...opf.matchAll(/<dc:subject[^>]*>([^<]*)<\/dc:subject>/g)].map((m) => m[1]);
  expect(subjects).toEqual(expect.arrayContaining(['Wren/Jay', 'Ada/Bel']));
});
