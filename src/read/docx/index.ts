/**
 * The Word reader (`.docx`, as Word, LibreOffice and Google Docs save it): mammoth maps the document's styles to
 * HTML (headings, lists, tables, italic, bold, footnotes and endnotes, images embedded as `data:` URLs), and the HTML
 * reader's allow-list turns that into the model. The Title and Subtitle styles (or, without them, a lone Heading 1
 * at the top) and `docProps/core.xml` give the metadata; Heading 1 and 2 give parts and chapters (the Markdown reader's rule), or, in a document without heading
 * styles, short paragraphs that are chapter lines by the plain-text reader's rule (`Chapter 1`, `Prologue`).
 *
 * Positions: a Word document has no lines. A node's `line` is the number of its paragraph among the document's
 * non-empty paragraphs (headings, list items and table paragraphs count; footnotes follow the body), and its column
 * is 1: enough to find the place in the document by counting, or by searching for the text a message quotes.
 */
import { emptyBook, plainText } from '../../model/build-helpers';
import type { Block, Book, Section } from '../../model/types';
import { pointPosition } from '../../diagnostics/reporter';
import type { Reporter } from '../../diagnostics/types';
import { makeSections } from '../markdown/sections';
import { applyMetadata, type MetaEntry } from '../metadata';
import type { Piece } from '../plaintext/blocks';
import { sectionsOf } from '../plaintext/body';
import { chapterLines } from '../plaintext/chapters';
import type { Reader } from '../types';
import { toBlocks } from '../html/blocks';
import { contextFor, readFootnotes } from '../html/document';
import { takeTitleHeading } from '../markdown/title';
import { elementChildren, findElement, findElements, hasClass, lastAtOrBefore, nameOf, parseHtml, textOf, type HtmlDocument, type HtmlElement, type Locate } from '../html/dom';
import { dataUrlBytes, isDataUrl } from '../../files/data-url';
import { sniffImage } from '../../files/image-format';
import type { HtmlContext } from '../html/inlines';
import { convertToHtmlSync } from './mammoth';
import { isZip, readZipEntry } from './zip';

/**
 * Lines added to mammoth's default style map (which already maps `Heading 1`…`6` in any case, Word's, LibreOffice's
 * and Google Docs' spellings alike, since mammoth compares style names case-insensitively): the title styles are
 * kept apart for the metadata, and Word's quotation styles become block quotes.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => p.title:fresh",
  "p[style-name='Subtitle'] => p.subtitle:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
];

/** Elements of mammoth's HTML that each stand for one Word paragraph. */
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);
/** A chapter line stands alone and is short: a longer paragraph that begins `Chapter 3` is prose. */
const MAX_CHAPTER_LINE = 80;

/** Positions by paragraph number (see the module comment), from the start offsets of mammoth's paragraph elements. */
function paragraphLocator(file: string, doc: HtmlDocument): Locate {
  // A list item holding paragraphs (a footnote's) is their container, not a paragraph of its own.
  const isParagraph = (e: HtmlElement) => PARAGRAPHS.has(nameOf(e)) && !(nameOf(e) === 'li' && elementChildren(e).some((c) => nameOf(c) === 'p'));
  const starts = [-1, ...findElements(doc, isParagraph).map((e) => e.startIndex ?? 0)].sort((a, b) => a - b);
  const number = (offset: number) => Math.max(1, lastAtOrBefore(starts, offset));
  return (node) => {
    if (node.startIndex === null || node.endIndex === null) return undefined;
    return { file, start: { line: number(node.startIndex), column: 1 }, end: { line: number(node.endIndex), column: 1 } };
  };
}

/** `docProps/core.xml`'s title, creator and language, as metadata entries (the Title style wins over the title). */
function coreEntries(bytes: Uint8Array, file: string): MetaEntry[] {
  const xml = readZipEntry(bytes, 'docProps/core.xml');
  if (!xml) return [];
  const core = parseHtml(xml.toString('utf8'));
  const entries: MetaEntry[] = [];
  for (const [element, key] of [['dc:title', 'title'], ['dc:creator', 'author'], ['dc:language', 'language']]) {
    const found = findElement(core, (e) => nameOf(e) === element);
    const value = found && textOf(found);
    if (value) entries.push({ key, value, position: pointPosition(file, 1) });
  }
  return entries;
}

/** The text of every paragraph in a style (`p.title`), joined: a title set over two paragraphs is one title. */
function styled(doc: HtmlDocument, name: string): { text: string; elements: HtmlElement[] } {
  const elements = findElements(doc, (e) => nameOf(e) === 'p' && hasClass(e, name));
  return { text: elements.map(textOf).filter(Boolean).join(' '), elements };
}

/**
 * Chapters from chapter lines, for a document without heading styles: its short paragraphs go through the plain-text
 * reader's whole-file chapter-line rules (`chapterLines`: labels, parts, numbered lines used consistently) and its
 * sections are made the same way (`sectionsOf`). A chapter title loses its formatting.
 */
function sectionsByChapterLines(blocks: readonly Block[], file: string, report: Reporter): Section[] {
  const texts = blocks.map((block) => {
    const text = block.type === 'paragraph' ? plainText(block.children).trim() : undefined;
    return text !== undefined && text.length <= MAX_CHAPTER_LINE ? text : undefined;
  });
  const found = chapterLines(texts);
  for (const note of found.notes) report.info(note.rule, note.message, { position: blocks[note.index].position });
  const pieces = blocks.map((block, i): Piece => {
    const line = found.lines[i];
    if (!line) return { kind: 'block', block };
    const title = line.titleStart === undefined ? '' : texts[i]!.slice(line.titleStart, line.titleEnd).trim();
    return { kind: 'chapter', role: line.role, label: line.label, title: title ? [{ type: 'text', value: title }] : [], position: block.position ?? pointPosition(file, 1) };
  });
  return sectionsOf(pieces);
}

/** Reports mammoth's messages: an unknown style is a note for `--verbose` (its text is kept), anything else a warning. */
function reportMessages(messages: ReturnType<typeof convertToHtmlSync>['messages'], file: string, report: Reporter): void {
  for (const { type, message } of messages) {
    const position = pointPosition(file, 1);
    if (type === 'warning' && /^Unrecognised (?:paragraph|run) style/.test(message)) report.info('docx-style', `${message}; read as plain text`, { position });
    else report.warn('docx-content', message, { position, hint: 'Check this part of the document in the book; Word features quire does not know are left out.' });
  }
}

/**
 * Pictures in formats no e-reader or PDF shows (Windows metafiles: `.emf`, `.wmf`, as old clip art and equations
 * are stored) give way to their alt text, with a warning, instead of failing the build later.
 */
function dropUnshowableImages(doc: HtmlDocument, cx: HtmlContext): void {
  for (const img of findElements(doc, (e) => nameOf(e) === 'img' && isDataUrl(e.attribs.src ?? ''))) {
    const bytes = dataUrlBytes(img.attribs.src);
    if (bytes && sniffImage(bytes)) continue;
    const type = /^data:([^;,]*)/.exec(img.attribs.src)?.[1] || 'unknown';
    cx.report.warn('image-unsupported', `a picture of type ${type} cannot be shown in an EPUB or PDF; its alt text is kept instead`, {
      position: cx.locate(img),
      hint: 'In Word, save the picture as PNG or JPEG (right-click → Save as Picture) and insert that instead.',
    });
    img.attribs.src = '';
  }
}

/** Reads a Word document's bytes into a book. */
function readDocx(bytes: Uint8Array, file: string, report: Reporter): Book {
  const refuse = (why: string): never =>
    report.fail('docx-invalid', `${file.split(/[\\/]/).pop()} is not a Word document: ${why}`, { position: pointPosition(file, 1) });
  if (!isZip(bytes)) refuse(bytes[0] === 0xd0 && bytes[1] === 0xcf ? 'it is an old Word (.doc) file' : 'it is not a ZIP archive');
  let converted: ReturnType<typeof convertToHtmlSync>;
  try {
    converted = convertToHtmlSync(bytes, STYLE_MAP);
  } catch (e) {
    return refuse((e as Error).message);
  }
  reportMessages(converted.messages, file, report);
  const doc = parseHtml(converted.html);
  const title = styled(doc, 'title');
  const subtitle = styled(doc, 'subtitle');
  const cx = contextFor(doc, paragraphLocator(file, doc), report, [...title.elements, ...subtitle.elements]);
  dropUnshowableImages(doc, cx);
  const book = emptyBook('');
  const entries = coreEntries(bytes, file);
  if (title.text) entries.push({ key: 'title', value: title.text, position: cx.locate(title.elements[0]) });
  if (subtitle.text) entries.push({ key: 'subtitle', value: subtitle.text, position: cx.locate(subtitle.elements[0]) });
  let blocks = toBlocks(doc.children, cx);
  // Without a Title paragraph, a lone Heading 1 at the top is the title, as in an HTML page.
  if (!title.text) {
    const taken = takeTitleHeading(blocks, '');
    blocks = taken.blocks;
    if (taken.title) entries.push({ key: 'title', value: taken.title, position: taken.heading?.position });
  }
  applyMetadata(book, entries, report);
  book.body = blocks.some((b) => b.type === 'heading') ? makeSections(blocks) : sectionsByChapterLines(blocks, file, report);
  book.footnotes = readFootnotes(cx);
  return book;
}

/** Reads `.docx` files (through `readBytes`: a Word document is a ZIP archive, not text). */
export const docxReader: Reader = {
  name: 'docx',
  extensions: ['.docx'],
  read(_text, { file, report }) {
    return report.fail('docx-invalid', 'a Word document must be read from its bytes, not as text', { position: pointPosition(file, 1) });
  },
  readBytes(bytes, { file, report }) {
    return readDocx(bytes, file, report);
  },
};
