/**
 * AO3 downloads as books. The layout is fixed by the archive's download templates (otwarchive
 * `app/views/downloads/`: `show.html.erb`, `_download_preface`, `_download_chapter`, `_download_afterword`):
 *
 * - `div#preface`: the archive's message (`p.message`, with the work's URL), `dl.tags` of `dt`/`dd` pairs
 *   (tags, language, series, collections, stats), the `h1` title, `div.byline`, then `Summary` and `Notes`, each a
 *   `p` label before a `blockquote.userstuff`, and a `div.endnote-link` pointing at the end notes;
 * - `div#chapters`: per chapter a `div.meta.group` (`h2.heading`, optional summary and notes as label and blockquote),
 *   the text in `div.userstuff`, then `div#endnotesN`; a one-chapter work has only its `div.userstuff`;
 * - `div#afterword`: the work's end notes (`div#endnotes`), works inspired by it, and the archive's plea for comments.
 *
 * The archive's own words (`Posted originally on…`, `Please drop by the archive and comment…`, `See the end of the
 * chapter for notes`, the `Preface` and `Afterword` headings) are dropped; the work's URL becomes its identifier.
 * Everything else is kept: what has no place in the metadata stays in the book as text.
 */
import { emptyBook, plainText } from '../../model/build-helpers';
import type { AuthorNote, Block, Book, Inline, Matter, Position, Section } from '../../model/types';
import { splitLabel } from '../markdown/labels';
import { spanOf } from '../markdown/source';
import { applyMetadata, canonicalKey, type MetaEntry } from '../metadata';
import { toBlocks } from './blocks';
import { elementChildren, findElement, hasClass, nameOf, textOf, type HtmlDocument, type HtmlElement } from './dom';
import { readFootnotes, topSection } from './document';
import { toInlines, type HtmlContext } from './inlines';

const byId = (doc: HtmlDocument, id: string) => findElement(doc, (e) => e.attribs.id === id);

/** Whether a page is an AO3 download: it has the templates' `div#preface` and `div#chapters`. */
export function isAo3Download(doc: HtmlDocument): boolean {
  return byId(doc, 'preface') !== undefined && byId(doc, 'chapters') !== undefined;
}

/** The archive's words, recognised by the classes its templates give them: dropped. */
const isBoilerplate = (e: HtmlElement): boolean =>
  (nameOf(e) === 'p' && hasClass(e, 'message')) || hasClass(e, 'endnote-link') || (nameOf(e) === 'h2' && hasClass(e, 'toc-heading'));

/** The metadata list each `dt` of `dl.tags` fills (singular and plural, as AO3 labels one tag or several). */
const TAG_FIELDS: Record<string, string> = {
  'archive warning': 'warnings', 'archive warnings': 'warnings',
  category: 'genre', categories: 'genre',
  fandom: 'fandom', fandoms: 'fandom',
  relationship: 'relationships', relationships: 'relationships',
  character: 'characters', characters: 'characters',
  'additional tag': 'tags', 'additional tags': 'tags',
};

/** `Part 2 of The Loft Chronicles` (`_download_preface`'s series line). */
const SERIES = /^Part\s+(\d+)\s+of\s+(.+)$/is;
/** `Published: 2021-03-04 Completed: 2021-05-06 Words: 12,345 Chapters: 3/3`: the Stats `dd`. */
const STAT = /([A-Z][A-Za-z]*):\s*(\S+)/g;

/** A `dd`'s values: its links' texts (one per tag; AO3 tags hold no commas), else its text split at commas. */
function values(dd: HtmlElement): string[] {
  const links = elementChildren(dd).filter((e) => nameOf(e) === 'a').map(textOf).filter(Boolean);
  return links.length ? links : textOf(dd).split(/\s*,\s*/).filter(Boolean);
}

/** What one `dd` adds: metadata entries, or values set on the book directly (collections, figures without a key). */
type Definition = (dd: HtmlElement, at: (key: string, value: unknown) => void, book: Book, cx: HtmlContext) => void;

/** The `dd`s that are not tag lists, by their `dt`'s label (lower case, without the colon). */
const DEFINITIONS: Record<string, Definition> = {
  // One rating per work, in AO3's words (`Teen And Up Audiences`), which src/model/ratings.ts maps to both sites.
  rating: (dd, at) => at('rating', textOf(dd)),
  // AO3 names the language (`English`, `Deutsch`, `Bahasa Indonesia`): the metadata setter reads names and tags alike.
  language: (dd, at) => at('language', textOf(dd)),
  // `Part 2 of The Loft Chronicles`; a work in several series lists them all, the first becoming the book's.
  series: (dd, at, book) => {
    const parts = values(dd).length > 1 ? textOf(dd).split(/,\s*(?=Part\s+\d)/) : [textOf(dd)];
    const match = SERIES.exec(parts[0]);
    at('series', match ? { name: match[2].trim(), index: Number(match[1]) } : parts[0]);
    if (parts.length > 1) book.meta.extra.series = parts;
  },
  collections: (dd, _at, book) => {
    book.meta.extra.collections = values(dd);
  },
  // Figures quire has no key for (`Kudos: 12`, `Hits: 340`) are kept as declared figures all the same.
  stats: (dd, at, book) => {
    for (const { key, value } of statEntries(textOf(dd))) {
      if (canonicalKey(key)) at(key, value);
      else book.meta.declared[key] = value;
    }
  },
};

/** The entries of `dl.tags`, each at its `dd`; a label AO3 may add later is kept as an unknown key (and reported). */
function tagEntries(dl: HtmlElement, book: Book, cx: HtmlContext): MetaEntry[] {
  const entries: MetaEntry[] = [];
  let label = '';
  for (const item of elementChildren(dl)) {
    if (nameOf(item) === 'dt') label = textOf(item).replace(/:$/, '').trim();
    if (nameOf(item) !== 'dd') continue;
    const at = (key: string, value: unknown) => entries.push({ key, value, position: cx.locate(item) });
    const key = label.toLowerCase();
    // `Ratings:` as well as `Rating:`, should a work ever show several.
    const definition = DEFINITIONS[key] ?? DEFINITIONS[key.replace(/s$/, '')];
    if (TAG_FIELDS[key]) at(TAG_FIELDS[key], values(item));
    else if (definition) definition(item, at, book, cx);
    else at(label, textOf(item));
  }
  return entries;
}

/** The Stats line's figures (`Published: 2021-03-04 Words: 1,234 Chapters: 3/3`), and the status its chapter count implies. */
function statEntries(text: string): { key: string; value: string }[] {
  const entries = [...text.matchAll(STAT)].map(([, key, value]) => ({ key: key.toLowerCase(), value }));
  const chapters = /^(\d+)\/(\d+|\?)$/.exec(entries.find((e) => e.key === 'chapters')?.value ?? '');
  if (chapters) entries.push({ key: 'status', value: chapters[1] === chapters[2] ? 'Complete' : 'In Progress' });
  return entries;
}

/** A `p` label and the `blockquote.userstuff` after it (`Summary`, `Notes`, `Chapter Summary`…): a labelled field. */
interface Field {
  label: string;
  blocks: Block[];
  position?: Position;
  elements: HtmlElement[];
}

/** The labelled fields among an element's children. */
function fields(parent: HtmlElement, cx: HtmlContext): Field[] {
  const children = elementChildren(parent);
  const out: Field[] = [];
  children.forEach((p, i) => {
    const quote = children[i + 1];
    if (nameOf(p) !== 'p' || !quote || nameOf(quote) !== 'blockquote' || !hasClass(quote, 'userstuff')) return;
    const start = cx.locate(p);
    const end = cx.locate(quote);
    const position = start && end ? { file: start.file, start: start.start, end: end.end } : undefined;
    out.push({ label: textOf(p).replace(/:$/, '').trim(), blocks: toBlocks(quote.children, cx), position, elements: [p, quote] });
  });
  return out;
}

/** A field as an author's note inside a chapter. */
const note = (field: Field): AuthorNote => ({ type: 'authorNote', label: field.label, children: field.blocks, ...(field.position ? { position: field.position } : {}) });

/** A field as a front- or back-matter page, titled with its label as AO3 wrote it. */
function page(field: Field, role: Matter['role'], id: string): Matter {
  const title: Inline[] = [{ type: 'text', value: field.label }];
  return { type: 'matter', role, id, title, children: field.blocks, ...(field.position ? { position: field.position } : {}) };
}

/** Whatever else a preface or afterword holds (related works), kept as a page so that no word is lost. */
function leftovers(element: HtmlElement, used: HtmlElement[], cx: HtmlContext, id: string): Matter[] {
  const skip = new Set([...cx.skip, ...used]);
  const blocks = toBlocks(element.children.filter((c) => !used.includes(c as HtmlElement)), { ...cx, skip });
  const position = spanOf(blocks[0]?.position, blocks[blocks.length - 1]?.position);
  return blocks.length ? [{ type: 'matter', role: 'other', id, children: blocks, ...(position ? { position } : {}) }] : [];
}

/** Reads `div#preface` into metadata and front matter. */
function readPreface(preface: HtmlElement, book: Book, cx: HtmlContext): void {
  const used: HtmlElement[] = [];
  const entries: MetaEntry[] = [];
  const message = findElement(preface, (e) => nameOf(e) === 'p' && hasClass(e, 'message'));
  const url = message && findElement(message, (e) => nameOf(e) === 'a' && /\/works\/\d+/.test(e.attribs.href ?? ''))?.attribs.href;
  if (url) entries.push({ key: 'identifier', value: url, position: cx.locate(message) }, { key: 'source', value: url, position: cx.locate(message) });
  const dl = findElement(preface, (e) => nameOf(e) === 'dl' && hasClass(e, 'tags'));
  if (dl) entries.push(...tagEntries(dl, book, cx));
  const h1 = findElement(preface, (e) => nameOf(e) === 'h1');
  if (h1) entries.push({ key: 'title', value: textOf(h1), position: cx.locate(h1) });
  const byline = findElement(preface, (e) => hasClass(e, 'byline'));
  if (byline) {
    const names = elementChildren(byline).filter((e) => nameOf(e) === 'a').map(textOf);
    entries.push({ key: 'author', value: names.length ? names : [textOf(byline).replace(/^by\s+/i, '')], position: cx.locate(byline) });
  }
  used.push(...[message, dl, h1, byline].filter((e): e is HtmlElement => !!e));
  const meta = findElement(preface, (e) => hasClass(e, 'meta')) ?? preface;
  for (const field of fields(meta, cx)) {
    used.push(...field.elements);
    const summary = /^summary$/i.test(field.label);
    if (summary) entries.push({ key: 'summary', value: field.blocks.map(paragraphText).join('\n\n'), position: field.position });
    book.front.push(page(field, summary ? 'summary' : 'notes', summary ? 'summary' : 'notes'));
  }
  used.push(...elementChildren(meta).filter(isBoilerplate), ...elementChildren(preface).filter(isBoilerplate));
  applyMetadata(book, entries, cx.report);
  if (meta !== preface) book.front.push(...leftovers(meta, used, cx, 'preface-more'));
  book.front.push(...leftovers(preface, [...used, meta], cx, 'preface-other'));
}

/** A block's words, for the plain-text summary in the metadata. */
const paragraphText = (block: Block): string => ('children' in block && block.type === 'paragraph' ? plainText(block.children) : '');

/** One chapter's `div.meta.group`: a section with its heading, and the summary and notes as its opening notes. */
function chapterStart(group: HtmlElement, cx: HtmlContext): Section {
  const heading = findElement(group, (e) => nameOf(e) === 'h2');
  const { label, title } = splitLabel(heading ? toInlines(heading.children, cx) : []);
  const own = fields(group, cx);
  const used = [heading, ...own.flatMap((f) => f.elements), ...elementChildren(group).filter(isBoilerplate)].filter((e): e is HtmlElement => !!e);
  const rest = toBlocks(group.children.filter((c) => !used.includes(c as HtmlElement)), cx);
  return topSection('chapter', title, [...own.map(note), ...rest], { label, position: heading ? cx.locate(heading) : cx.locate(group) });
}

/** Reads `div#chapters`: chapters opened by `div.meta.group`, or a one-shot's lone `div.userstuff`. */
function readChapters(chapters: HtmlElement, cx: HtmlContext): Section[] {
  const sections: Section[] = [];
  const leading: Block[] = [];
  for (const child of chapters.children) {
    const element = child.type === 'tag' ? (child as HtmlElement) : undefined;
    const current = sections[sections.length - 1];
    if (element && hasClass(element, 'meta') && hasClass(element, 'group')) {
      sections.push(chapterStart(element, cx));
      continue;
    }
    const endNotes = element && /^endnotes\d+$/.test(element.attribs.id ?? '') ? fields(element, cx) : [];
    const blocks = endNotes.length ? endNotes.map(note) : toBlocks([child], cx);
    if (current) {
      current.children.push(...blocks);
      const last = blocks[blocks.length - 1]?.position;
      if (last && current.position) current.position = { ...current.position, end: last.end };
    } else leading.push(...blocks);
  }
  if (sections.length === 0) return leading.length ? [topSection('chapter', [], leading)] : [];
  if (leading.length) sections.unshift(topSection('section', [], leading));
  return sections;
}

/** Reads `div#afterword`: the work's end notes as back matter; the archive's plea for comments is dropped. */
function readAfterword(afterword: HtmlElement, book: Book, cx: HtmlContext): void {
  const used: HtmlElement[] = [...elementChildren(afterword).filter(isBoilerplate)];
  const endnotes = findElement(afterword, (e) => e.attribs.id === 'endnotes');
  if (endnotes) {
    for (const field of fields(endnotes, cx)) book.back.push(page(field, 'notes', 'endnotes'));
    used.push(endnotes);
  }
  const meta = findElement(afterword, (e) => hasClass(e, 'meta'));
  const more = meta ? leftovers(meta, used, cx, 'afterword-more') : [];
  book.back.push(...more, ...leftovers(afterword, meta ? [...used, meta] : used, cx, 'afterword-other'));
}

/** Reads an AO3 download. */
export function readAo3(doc: HtmlDocument, cx: HtmlContext): Book {
  const book = emptyBook('');
  readPreface(byId(doc, 'preface')!, book, cx);
  book.body = readChapters(byId(doc, 'chapters')!, cx);
  const afterword = byId(doc, 'afterword');
  if (afterword) readAfterword(afterword, book, cx);
  // Nothing else is in a download; should anything be, it is kept at the end.
  const body = findElement(doc, (e) => nameOf(e) === 'body');
  const known = [byId(doc, 'preface')!, byId(doc, 'chapters')!, ...(afterword ? [afterword] : [])];
  if (body && known.every((e) => e.parent === body)) book.back.push(...leftovers(body, known, cx, 'other'));
  book.footnotes = readFootnotes(cx);
  return book;
}
