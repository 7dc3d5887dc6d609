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
  // calibre joins the `title-type` main title, `: ` and the subtitle: the full title, said once.
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

/** calibre's environment: no display, and QtWebEngine (its PDF output) may run as root only without its sandbox. */
const CALIBRE_ENV = { ...process.env, QT_QPA_PLATFORM: 'offscreen', QTWEBENGINE_CHROMIUM_FLAGS: '--no-sandbox' };

/** Converts `from` to the format of `to`'s extension with calibre. */
function convert(from: string, to: string): string {
  execFileSync('ebook-convert', [from, to], { encoding: 'utf8', stdio: 'pipe', env: CALIBRE_ENV });
  return to;
}

test.each(['mobi', 'azw3'])('a %s shows the contents page but none of the navigation document (no landmarks)', (format) => {
  const dir = tempDir('quire-calibre-');
  // Back to text through calibre's own reader of the Kindle format: what a Kindle would lay out, page after page.
  const text = fs.readFileSync(convert(convert(r.file, path.join(dir, `book.${format}`)), path.join(dir, 'book.txt')), 'utf8');
  expect(text).toContain('Contents');
  expect(text).toContain('Chapter 1: The Lantern');
  // The landmarks nav's heading and entries are nowhere; the contents page lists the chapters once.
  for (const word of ['Landmarks', 'Start of Content', 'Title Page']) expect(text).not.toContain(word);
});

test('calibre PDF: the cover page is one page', async () => {
  requireTool('pdftotext', 'poppler-utils');
  // The generic profile has no guide, so calibre keeps quire's cover page (and adds its own cover page before it).
  const generic = await renderBook(sampleBook());
  const pdf = convert(generic.file, path.join(tempDir('quire-calibre-'), 'book.pdf'));
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f');
  const titlePage = pages.findIndex((p) => p.includes('The Lantern & the Loft'));
  // Before the title page: calibre's cover from the metadata, then quire's cover page; neither has text.
  expect(titlePage).toBe(2);
  expect(pages.slice(0, titlePage).every((p) => p.trim() === '')).toBe(true);
  const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((l) => Number(l.trim().split(/\s+/)[0]));
  // Each of the two cover pages draws the cover once; no page after them does (the cover spilling over).
  expect(images.filter((page) => page <= titlePage)).toEqual([1, 2]);
});

/** The text of the OPF's first `dc:title`: what Apple Books, Kobo and Kindle show. */
function firstTitle(opf: string): string {
  return /<dc:title[^>]*>([^<]*)<\/dc:title>/.exec(opf)![1].replace(/&amp;/g, '&');
}

test.each([
  // [title, subtitle, what a reader should see]
  ['Salt & Silver', 'A Small Collection', 'Salt & Silver: A Small Collection'],
  ['Salt & Silver: Stories', 'A Small Collection', 'Salt & Silver: Stories: A Small Collection'],
  ['Why Not?', 'A Story', 'Why Not? A Story'],
  ['Salt & Silver', undefined, 'Salt & Silver'],
])('title %j with subtitle %j: calibre and the first dc:title both show %j', async (title, subtitle, shown) => {
  const book = sampleBook();
  book.meta.title = title;
  book.meta.subtitle = subtitle;
  const rendered = await renderBook(book);
  const opf = rendered.files.get('OEBPS/content.opf')!;
  expect(firstTitle(opf)).toBe(shown);
  expect(ebookMeta(rendered.file).Title).toBe(shown);
  // Each part is written once: no title or subtitle repeated in what calibre shows.
  if (subtitle) expect(shown.split(subtitle).length).toBe(2);
});

test('calibre reads the full title of a Markdown book with a subtitle, and keeps it in the AZW3', () => {
  const dir = tempDir('quire-calibre-');
  fs.writeFileSync(path.join(dir, 'salt.md'), '---\ntitle: "Salt & Silver"\nsubtitle: "A Small Collection"\nauthor: Ana Reyes\n---\n\n# One\n\nText.\n\n# Two\n\nMore text.\n');
  const cli = path.resolve(__dirname, '..', '..', '..', 'lib', 'cli', 'main.js');
  execFileSync('node', [cli, 'build', path.join(dir, 'salt.md'), '--out', dir, '--format', 'epub'], { stdio: 'pipe' });
  const epub = path.join(dir, 'salt-silver.epub');
  expect(ebookMeta(epub).Title).toBe('Salt & Silver: A Small Collection');
  expect(ebookMeta(convert(epub, path.join(dir, 'salt.azw3'))).Title).toBe('Salt & Silver: A Small Collection');
});
