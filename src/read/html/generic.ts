/**
 * Any HTML page as a book: a single leading `<h1>` (else `<title>`) as the title, `<meta name="author">` and the
 * other metadata `<meta>` names quire knows, `<html lang>`, pandoc's title block, and the body's headings as parts
 * and chapters, split by the Markdown reader's rule (../markdown/sections.ts) so that both formats divide a book alike.
 */
import { emptyBook } from '../../model/build-helpers';
import type { Block, Book, Position } from '../../model/types';
import { takeTitleHeading } from '../markdown/title';
import { makeSections } from '../markdown/sections';
import { addFrontMatterFromMeta, applyMetadata, canonicalKey, type MetaEntry } from '../metadata';
import { toBlocks } from './blocks';
import { findElement, findElements, hasClass, nameOf, textOf, type HtmlDocument, type HtmlElement } from './dom';
import { readFootnotes } from './document';
import type { HtmlContext } from './inlines';

/** `<meta name>` prefixes of Dublin Core, which page generators write (`DC.creator`, `dcterms.language`). */
const DUBLIN_CORE = /^(?:dc|dcterms)\./i;

/**
 * Metadata from the document's head: `<html lang>`, `<title>`, and each `<meta name content>` whose name (Dublin
 * Core prefix dropped) is a metadata key quire knows (`author`, `description`, `keywords`); other names (`viewport`,
 * `generator`) describe the page, not the book, and are passed over.
 */
function headEntries(doc: HtmlDocument, cx: HtmlContext): MetaEntry[] {
  const entries: MetaEntry[] = [];
  const html = findElement(doc, (e) => nameOf(e) === 'html');
  const lang = html?.attribs.lang ?? html?.attribs['xml:lang'];
  if (lang?.trim()) entries.push({ key: 'language', value: lang.trim(), position: cx.locate(html!) });
  const title = findElement(doc, (e) => nameOf(e) === 'title');
  if (title && textOf(title)) entries.push({ key: 'title', value: textOf(title), position: cx.locate(title) });
  for (const meta of findElements(doc, (e) => nameOf(e) === 'meta' && !!e.attribs.name && !!e.attribs.content?.trim())) {
    const key = meta.attribs.name.replace(DUBLIN_CORE, '');
    if (canonicalKey(key)) entries.push({ key, value: meta.attribs.content.trim(), position: cx.locate(meta) });
  }
  return entries;
}

/** pandoc's title block (`header#title-block-header` in its HTML template) and the key each of its classes gives. */
const TITLE_BLOCK: [selector: string, key: string][] = [['title', 'title'], ['subtitle', 'subtitle'], ['author', 'author'], ['date', 'date']];

/**
 * pandoc's title block: the title, authors and date it repeats from the head. Taken out of the story; its values
 * fill the keys the head does not give.
 */
function titleBlock(doc: HtmlDocument, given: readonly MetaEntry[], cx: HtmlContext): { element?: HtmlElement; entries: MetaEntry[] } {
  const element = findElement(doc, (e) => nameOf(e) === 'header' && e.attribs.id === 'title-block-header');
  if (!element) return { entries: [] };
  const entries: MetaEntry[] = [];
  for (const [name, key] of TITLE_BLOCK) {
    const found = findElements(element, (e) => hasClass(e, name) && !!textOf(e));
    if (found.length && !given.some((e) => canonicalKey(e.key) === key)) entries.push({ key, value: found.map(textOf), position: cx.locate(found[0]) });
  }
  return { element, entries: entries.map((e) => (e.key === 'author' ? e : { ...e, value: (e.value as string[]).join(' ') })) };
}

/** A metadata text (the `description`) as a paragraph at the place of its `<meta>`. */
const metaParagraph = (text: string, position?: Position): Block[] => [
  { type: 'paragraph', children: [{ type: 'text', value: text }], ...(position ? { position } : {}) },
];

/** Reads an HTML page that is not an AO3 download. */
export function readGeneric(doc: HtmlDocument, cx: HtmlContext): Book {
  const book = emptyBook('');
  const entries = headEntries(doc, cx);
  const pandoc = titleBlock(doc, entries, cx);
  entries.push(...pandoc.entries);
  const body = findElement(doc, (e) => nameOf(e) === 'body') ?? doc;
  let blocks = toBlocks(body.children, pandoc.element ? { ...cx, skip: new Set([...cx.skip, pandoc.element]) } : cx);
  const title = entries.find((e) => e.key === 'title')?.value as string | undefined;
  const taken = takeTitleHeading(blocks, title ?? '', { pageTitle: true });
  blocks = taken.blocks;
  // The page's own heading names the story; a `<title>` often adds the site's name (`… - My Archive`).
  if (taken.title) entries.push({ key: 'title', value: taken.title, position: taken.heading?.position });
  applyMetadata(book, entries, cx.report);
  book.body = makeSections(blocks);
  book.footnotes = readFootnotes(cx);
  addFrontMatterFromMeta(book, metaParagraph);
  return book;
}
