/** Device profiles, note placement, images of every type, right-to-left books and covers, each checked by EPUBCheck. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { imageSize } from 'image-size';
import { emptyBook } from '../../../src/model/build-helpers';
import type { Block, Book, Inline, Position, Section } from '../../../src/model/types';
import { corpusFile, tempDir, unzip } from '../../helpers/tools';
import { sampleBook } from '../../helpers/sample-book';
import { entry, expectCleanEpubcheck, FIXTURES, renderBook, spineHrefs } from './render-helpers';

const t = (value: string): Inline => ({ type: 'text', value });
const p = (...children: Inline[]): Block => ({ type: 'paragraph', children });
const at = (line: number): Position => ({ file: 'pictures.md', start: { line, column: 1 }, end: { line, column: 1 } });
const chapter = (id: string, title: string, children: Block[], sections: Section[] = []): Section => ({
  type: 'section', role: 'chapter', depth: 1, id, title: [t(title)], children, sections,
});

/** Two chapters with footnotes and one image of each type, one of them without alt text. */
function picturesBook(): Book {
  const book = emptyBook(FIXTURES);
  book.meta.title = 'Pictures';
  book.meta.authors = [{ name: 'Ink Well' }];
  book.body = [
    chapter('one', 'One', [
      p(t('First sentence. Second one! Third?'), { type: 'footnoteReference', identifier: 'a' }),
      { type: 'imageBlock', url: 'dot.png', alt: 'A dot', position: at(5) },
      { type: 'imageBlock', url: 'dot.gif', alt: 'A GIF dot', position: at(6) },
      { type: 'imageBlock', url: 'logo.webp', alt: 'The logo', position: at(7) },
      { type: 'imageBlock', url: 'mark.svg', alt: '', position: at(8) },
    ]),
    chapter('two', 'Two', [p(t('Again'), { type: 'footnoteReference', identifier: 'a' }, t(' and more.'), { type: 'footnoteReference', identifier: 'b' })]),
  ];
  book.footnotes = [
    { type: 'footnote', identifier: 'a', children: [p(t('Note A.'))] },
    { type: 'footnote', identifier: 'b', children: [p(t('Note B.'))] },
  ];
  return book;
}

describe('kobo profile, notes at the end of the book, every image type', () => {
  let r: Awaited<ReturnType<typeof renderBook>>;
  beforeAll(async () => {
    r = await renderBook(picturesBook(), undefined, { profile: 'kobo', notes: 'book' });
  });

  test('passes EPUBCheck and is a .kepub.epub', () => {
    expect(r.artifact.extension).toBe('.kepub.epub');
    expectCleanEpubcheck(r.file);
  });

  test('sentences are in koboSpans inside the book-columns wrapper', () => {
    const one = entry(r, 'one.xhtml');
    expect(one).toContain('<body>\n<div id="book-columns"><div id="book-inner">');
    expect(one).toContain('<p><span class="koboSpan" id="kobo.2.1">First sentence. </span><span class="koboSpan" id="kobo.2.2">Second one! </span><span class="koboSpan" id="kobo.2.3">Third?</span><a epub:type="noteref"');
  });

  test('notes are endnotes in a Notes document at the end, linked both ways', () => {
    const opf = entry(r, 'content.opf');
    expect(spineHrefs(opf).slice(-1)).toEqual(['notes.xhtml']);
    const one = entry(r, 'one.xhtml');
    expect(one).toContain('id="note-ref-1" href="notes.xhtml#note-1"');
    expect(one).not.toContain('<aside');
    expect(entry(r, 'two.xhtml')).toContain('id="note-ref-1-2" href="notes.xhtml#note-1"');
    const notes = entry(r, 'notes.xhtml');
    expect(notes).toContain('<section epub:type="endnotes" class="notes-page" role="doc-endnotes">');
    expect(notes).toMatch(/<aside epub:type="endnote" id="note-1" class="footnote"><p class="footnote-label"><a href="one.xhtml#note-ref-1" role="doc-backlink">/);
    expect(notes).toContain('<a href="two.xhtml#note-ref-2" role="doc-backlink">');
    expect(entry(r, 'toc.xhtml')).toContain('<a href="notes.xhtml">Notes</a>');
    expect(entry(r, 'contents.xhtml')).toMatch(/<a href="notes.xhtml">(?:<span class="koboSpan"[^>]*>)?Notes</);
  });

  test('images keep their size; WebP has an SVG fallback; a missing alt is a warning at its position', () => {
    const opf = entry(r, 'content.opf');
    expect(opf).toContain('<item id="item-images-image-3" href="images/image-3.webp" media-type="image/webp" fallback="item-images-image-3-fallback"/>');
    expect(opf).toContain('<item id="item-images-image-3-fallback" href="images/image-3-fallback.svg" media-type="image/svg+xml"/>');
    expect(opf).toContain('href="images/image-2.gif" media-type="image/gif"');
    const one = entry(r, 'one.xhtml');
    expect(one).toContain('<img src="images/image-3.webp" alt="The logo" width="16" height="16"/>');
    expect(one).toContain('<img src="images/image-4.svg" alt="" width="10" height="10"/>');
    expect(entry(r, 'images/image-3-fallback.svg')).toContain('<text');
    expect(r.report.messages.map((m) => [m.rule, m.position])).toEqual([['image-alt-missing', at(8)]]);
  });

  test('accessibility metadata follows the content: visual, no alternativeText claim, no conformance, GIF hazard unknown', () => {
    const opf = entry(r, 'content.opf');
    expect(opf).toContain('<meta property="schema:accessMode">visual</meta>');
    expect(opf).toContain('<meta property="schema:accessModeSufficient">textual,visual</meta>');
    expect(opf).not.toContain('<meta property="schema:accessModeSufficient">textual</meta>');
    expect(opf).not.toContain('alternativeText');
    expect(opf).not.toContain('dcterms:conformsTo');
    expect(opf).toContain('<meta property="schema:accessibilityHazard">unknown</meta>');
    expect(opf).toContain('1 of 4 images have no text alternative.');
  });
});

describe('apple profile with embedded fonts, a Hebrew book', () => {
  let r: Awaited<ReturnType<typeof renderBook>>;
  beforeAll(async () => {
    const book = emptyBook(FIXTURES);
    book.meta.title = 'Hebrew Book';
    book.meta.language = 'he';
    book.meta.authors = [{ name: 'דוד' }];
    book.body = [chapter('a', 'פרק ראשון', [p(t('בראשית ברא אלהים את השמים ואת הארץ.'))])];
    r = await renderBook(book, undefined, { profile: 'apple', embedFonts: true });
  });

  test('passes EPUBCheck', () => {
    expectCleanEpubcheck(r.file);
  });

  test('every document is right to left in Hebrew, and so is the page progression', () => {
    const opf = entry(r, 'content.opf');
    expect(opf).toContain('<spine toc="ncx" page-progression-direction="rtl">');
    expect(opf).toContain('xml:lang="he" dir="rtl"');
    const docs = [...r.files.keys()].filter((n) => n.endsWith('.xhtml'));
    expect(docs.length).toBeGreaterThanOrEqual(4);
    for (const name of docs) expect(r.files.get(name)).toMatch(/<html [^>]*lang="he" xml:lang="he" dir="rtl">/);
  });

  test('fonts are embedded and Apple is told to use them', () => {
    expect(r.files.get('META-INF/com.apple.ibooks.display-options.xml')).toContain('<option name="specified-fonts">true</option>');
    expect(entry(r, 'content.opf')).toContain('href="fonts/SourceSerif4-Regular.ttf" media-type="font/ttf"');
    expect(entry(r, 'style.css')).toMatch(/^@font-face \{ font-family: "Source Serif 4"; font-style: normal; font-weight: normal; src: url\("fonts\/SourceSerif4-Regular.ttf"\); \}/);
  });

  test('the generated cover draws the Hebrew title and author in the fallback face, with no warning', () => {
    expect(r.report.messages.map((m) => m.rule)).toEqual([]);
  });
});

describe('kindle profile', () => {
  let r: Awaited<ReturnType<typeof renderBook>>;
  beforeAll(async () => {
    const book = sampleBook();
    book.root = FIXTURES;
    // Parts → chapters → sections: three levels, of which the NCX keeps two.
    const deep: Section = { ...chapter('deep', 'Deep', [p(t('Inside.'))]), role: 'section', depth: 3 };
    book.body = [{ type: 'section', role: 'part', depth: 1, id: 'part', title: [t('The Part')], children: [], sections: book.body.map((s) => ({ ...s, depth: 2, sections: [deep] })) }];
    book.body[0].sections[1].sections = [{ ...deep, id: 'deep-2' }];
    r = await renderBook(book, undefined, { profile: 'kindle' });
  });

  test('passes EPUBCheck', () => {
    expectCleanEpubcheck(r.file);
  });

  test('has a guide with a text reference, a two-level NCX, utf-8 declarations and a plain stylesheet', () => {
    const opf = entry(r, 'content.opf');
    expect(opf).toContain('<reference type="text" title="Start of Content" href="part.xhtml"/>');
    expect(opf).toContain('<reference type="cover" title="Cover" href="cover.xhtml"/>');
    const ncx = entry(r, 'toc.ncx');
    expect(ncx).not.toContain('#deep');
    expect(ncx).toContain('<content src="chapter-1.xhtml"/>');
    expect(entry(r, 'toc.xhtml')).toContain('chapter-1.xhtml#deep'); // the EPUB 3 navigation keeps every level
    for (const [name, text] of r.files) if (/\.(xhtml|opf|ncx|xml)$/.test(name)) expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const css = entry(r, 'style.css');
    expect(css).not.toContain('/*');
    expect(css).not.toContain('--');
    expect(css).toContain('.scene-break');
  });
});

describe('a given cover', () => {
  test('a JPEG cover is used as is, declared twice, and its shape is reported', async () => {
    const dir = tempDir('quire-cover-');
    fs.copyFileSync(corpusFile('pandoc/test/lalune.jpg'), path.join(dir, 'moon.jpg'));
    const book = sampleBook();
    book.root = dir;
    book.meta.cover = 'moon.jpg';
    book.metaPositions.cover = at(3);
    const r = await renderBook(book);
    const opf = entry(r, 'content.opf');
    expect(opf).toContain('<item id="cover-image" href="images/cover.jpg" media-type="image/jpeg" properties="cover-image"/>');
    expect(opf).toContain('<meta name="cover" content="cover-image"/>');
    // The cover sits in an SVG wrapper that scales it to one screen; its alt text is the SVG's accessible name.
    const { width: w, height: h } = imageSize((await unzip(r.data)).get('OEBPS/images/cover.jpg') as Buffer);
    const page = entry(r, 'cover.xhtml');
    expect(page).toContain(`viewBox="0 0 ${w} ${h}" preserveAspectRatio="xMidYMid meet" role="img" aria-label="Cover: The Lantern &amp; the Loft by Ada Quill and B. Marsh"`);
    expect(page).toContain(`<image width="${w}" height="${h}" xlink:href="images/cover.jpg"/>`);
    expect(opf).toContain('<item id="item-cover" href="cover.xhtml" media-type="application/xhtml+xml" properties="svg"/>');
    const { width, height } = imageSize(r.files.has('OEBPS/images/cover.jpg') ? (await unzip(r.data)).get('OEBPS/images/cover.jpg') as Buffer : Buffer.alloc(0));
    expect(r.report.messages.map((m) => [m.rule, m.position])).toEqual([
      ...(width < 625 || height < 1000 ? [['cover-small', at(3)]] : []),
      ['cover-ratio', at(3)],
    ]);
  });
});
