/** calibre, the library manager many readers use, reads our metadata and converts the EPUB for Kindle (AZW3). */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requireTool, tempDir } from '../../helpers/tools';
import { sampleBook } from '../../helpers/sample-book';
import { renderBook, type Rendered } from './render-helpers';

let r: Rendered;
beforeAll(async () => {
  requireTool('ebook-meta', 'calibre');
  requireTool('ebook-convert', 'calibre');
  const book = sampleBook();
  book.meta.series = { name: 'Lights', index: 2 };
  r = await renderBook(book, undefined, { profile: 'kindle' });
});

/** `ebook-meta`'s `Key : value` lines as a map. */
function ebookMeta(file: string): Record<string, string> {
  const out = execFileSync('ebook-meta', [file], { encoding: 'utf8', env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' } });
  const fields: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([A-Za-z() ]+?)\s*: (.*)$/.exec(line);
    if (m) fields[m[1]] = m[2];
  }
  return fields;
}

test('ebook-meta reads title, authors, language, tags, series and comments', () => {
  const t0 = Date.now();
  const meta = ebookMeta(r.file);
  console.log(`ebook-meta: ${Date.now() - t0} ms`);
  // calibre joins an EPUB 3 subtitle (`title-type` subtitle) to the main title.
  expect(meta.Title).toBe('The Lantern & the Loft: A Story in Two Chapters');
  // Both authors, then calibre's author sort from the first author's file-as.
  expect(meta['Author(s)']).toBe('Ada Quill & B. Marsh [Quill, Ada]');
  expect(meta.Languages).toBe('eng');
  expect(meta.Tags.split(', ').sort()).toEqual(['Mara', 'Original Work', 'Tobiah', 'friendship', 'winter']);
  expect(meta.Series).toBe('Lights #2');
  expect(meta.Comments).toBe('Two friends, one lantern, a long night.');
});

test('ebook-convert turns the EPUB into an AZW3', () => {
  const target = path.join(tempDir('quire-calibre-'), 'book.azw3');
  const t0 = Date.now();
  execFileSync('ebook-convert', [r.file, target], { encoding: 'utf8', stdio: 'pipe', env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' } });
  console.log(`ebook-convert to azw3: ${Date.now() - t0} ms`);
  const bytes = fs.readFileSync(target);
  // A MOBI/KF8 container: a Palm database whose type and creator are BOOKMOBI, at offset 60.
  expect(bytes.subarray(60, 68).toString('latin1')).toBe('BOOKMOBI');
  expect(ebookMeta(target).Title).toBe('The Lantern & the Loft: A Story in Two Chapters');
});
