/** Books of other shapes: no metadata, parts with sub-sections and images, and a long book. */
import { emptyBook } from '../../../src/model/build-helpers';
import type { Block, Book, Inline, Section } from '../../../src/model/types';
import { assertEpubXmlWellFormed } from '../../helpers/tools';
import { entry, expectCleanEpubcheck, FIXTURES, renderBook, spineHrefs } from './render-helpers';

const t = (value: string): Inline => ({ type: 'text', value });
const p = (...children: Inline[]): Block => ({ type: 'paragraph', children });
const section = (role: Section['role'], id: string, title: string, children: Block[], sections: Section[] = [], depth = 1): Section => ({
  type: 'section', role, depth, id, title: title ? [t(title)] : [], children, sections,
});

test('a book with no authors, summary, disclaimer or dedication invents none of them', async () => {
  const book = emptyBook(FIXTURES);
  book.meta.title = 'Bare';
  book.body = [section('chapter', '', '', [p(t('Only text, and a '), { type: 'link', url: '#nowhere', children: [t('dead link')] }, t('.'))])];
  const r = await renderBook(book);
  expectCleanEpubcheck(r.file);
  expect(r.report.messages.map((m) => m.rule)).toEqual(['link-unresolved']);
  expect(entry(r, 'chapter-1.xhtml')).toContain('<span class="link">dead link</span>');
  const opf = entry(r, 'content.opf');
  expect(opf).not.toContain('dc:creator');
  expect(opf).not.toContain('dc:description');
  expect(opf).not.toContain('dc:date');
  // A one-shot: no contents page in the reading order and no invented `Chapter 1` heading (see one-shot.test.ts).
  expect(spineHrefs(opf)).toEqual(['cover.xhtml', 'title-page.xhtml', 'chapter-1.xhtml']);
  expect(entry(r, 'chapter-1.xhtml')).not.toContain('<h1');
  expect(entry(r, 'title-page.xhtml')).not.toContain('book-authors');
  expect(entry(r, 'toc.ncx')).not.toContain('docAuthor');
});

function partsBook(): Book {
  const book = emptyBook(FIXTURES);
  book.meta.title = 'Parts';
  book.meta.authors = [{ name: 'Solo Author' }];
  book.meta.language = 'fr';
  book.meta.cover = 'dot.png';
  const at = { file: 'parts.md', start: { line: 7, column: 1 }, end: { line: 7, column: 9 } };
  const sub = section('section', 'the-cellar', 'The Cellar', [p(t('Down.'), { type: 'footnoteReference', identifier: 'b' })], [
    section('section', 'the-well', 'The Well', [p(t('Deeper.'))], [], 3),
  ], 2);
  book.body = [
    section('part', 'part-one', 'Beginnings', [p(t('Part one opens.'))], [
      section('chapter', 'arrival', 'Arrival', [
        { type: 'imageBlock', url: 'dot.png', alt: 'A dot', caption: [t('The dot')] },
        p(t('An inline mark '), { type: 'image', url: 'mark.svg', alt: 'mark' }, t(' and a '), { type: 'link', url: '#the-well', children: [t('link to the well')] }, t('.')),
      ], [sub], 2),
    ]),
    section('part', 'part-two', '', [], [
      section('chapter', 'return', 'Return', [p(t('Back '), { type: 'link', url: '#arrival', children: [t('to the start')] }, t('.'), { type: 'footnoteReference', identifier: 'b' })], [], 2),
    ]),
  ];
  book.body[0].sections[0].position = at;
  book.footnotes = [
    { type: 'footnote', identifier: 'b', children: [p(t('Second-level note.'))] },
    { type: 'footnote', identifier: 'orphan', children: [p(t('Nobody cites me.'))] },
  ];
  return book;
}

test('parts with chapters and sub-sections give a nested table of contents, images and a cover', async () => {
  const r = await renderBook(partsBook());
  expectCleanEpubcheck(r.file);
  await assertEpubXmlWellFormed(r.data);
  // The 1×1 cover is reported, and used all the same.
  expect(r.report.messages.map((m) => m.rule)).toEqual(['cover-small', 'cover-ratio']);
  const opf = entry(r, 'content.opf');
  expect(spineHrefs(opf)).toEqual(['cover.xhtml', 'title-page.xhtml', 'contents.xhtml', 'part-one.xhtml', 'arrival.xhtml', 'part-two.xhtml', 'return.xhtml']);
  expect(opf).toContain('<dc:language>fr</dc:language>');
  expect(opf).toContain('<item id="cover-image" href="images/cover.png" media-type="image/png" properties="cover-image"/>');
  expect(opf).toContain('href="images/image-2.svg" media-type="image/svg+xml"');
  expect(opf).toContain('<meta property="schema:accessMode">visual</meta>');
  expect(r.files.has('OEBPS/images/cover.png')).toBe(true);

  const nav = entry(r, 'toc.xhtml').replace(/\n/g, '');
  // The visible contents page lists the same tree as the navigation document.
  const contents = entry(r, 'contents.xhtml').replace(/\n/g, '');
  expect(contents).toContain('<li><a href="part-one.xhtml">Beginnings</a><ol><li><a href="arrival.xhtml">Arrival</a><ol><li><a href="arrival.xhtml#the-cellar">The Cellar</a>');
  expect(nav).toContain('<li><a href="part-one.xhtml">Beginnings</a><ol><li><a href="arrival.xhtml">Arrival</a><ol><li><a href="arrival.xhtml#the-cellar">The Cellar</a><ol><li><a href="arrival.xhtml#the-well">The Well</a></li></ol>');
  expect(nav).toContain('<a href="part-two.xhtml">Partie 2</a><ol><li><a href="return.xhtml">Return</a>');
  expect(entry(r, 'toc.ncx')).toContain('<meta name="dtb:depth" content="4"/>');

  expect(entry(r, 'part-one.xhtml')).toMatch(/<section epub:type="part" role="doc-part" class="part" id="part-one">\s*<h1 class="part-title">Beginnings<\/h1>\s*<p>Part one opens.<\/p>/);
  expect(entry(r, 'part-two.xhtml')).toContain('<h1 class="part-title">Partie 2</h1>');
  const arrival = entry(r, 'arrival.xhtml');
  expect(arrival).toMatch(/<section id="the-cellar" class="subsection">\s*<h2>The Cellar<\/h2>/);
  expect(arrival).toMatch(/<section id="the-well" class="subsection">\s*<h3>The Well<\/h3>/);
  expect(arrival).toContain('<figure class="image"><img src="images/cover.png" alt="A dot" width="1" height="1"/><figcaption>The dot</figcaption></figure>');
  expect(arrival).toContain('<img class="inline-image" src="images/image-2.svg" alt="mark" width="10" height="10"/>');
  expect(arrival).toContain('<a href="#the-well">link to the well</a>');
  expect(arrival).toContain('id="note-1"');
  const ret = entry(r, 'return.xhtml');
  expect(ret).toContain('<a href="arrival.xhtml">to the start</a>');
  // The second reference to note 1 links back to the chapter that holds it; the unreferenced note ends the book.
  expect(ret).toContain('id="note-ref-1-2" href="arrival.xhtml#note-1"');
  expect(ret).toMatch(/<aside epub:type="footnote" role="doc-footnote" id="note-2" class="footnote"><p class="footnote-label">2\.<\/p>\s*<p>Nobody cites me\.<\/p>/);
});

test('a long book (150 chapters of 40 paragraphs) passes EPUBCheck', async () => {
  const book = emptyBook(FIXTURES);
  book.meta.title = 'Long';
  book.meta.authors = [{ name: 'Prolific' }];
  const sentence = 'The lamp burned low & the wind said <nothing> for a while, and then it spoke again. ';
  book.body = Array.from({ length: 150 }, (_, c) =>
    section('chapter', `chapter-${c + 1}`, `Night ${c + 1}`, Array.from({ length: 40 }, (_, i) => p(t(`${i + 1}. ${sentence.repeat(4)}`)))),
  );
  const r = await renderBook(book);
  expect(spineHrefs(entry(r, 'content.opf'))).toHaveLength(153);
  expect(entry(r, 'chapter-150.xhtml')).toContain('&amp; the wind said &lt;nothing&gt;');
  expectCleanEpubcheck(r.file);
});
