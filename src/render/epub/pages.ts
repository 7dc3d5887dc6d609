/**
 * The pages a user may restyle: title page, disclaimer, dedication, other front and back matter, part titles.
 * Each is an EJS template under `templates/epub/` that receives plain strings (escape with `<%= %>`) and ready
 * XHTML fragments from our serialiser (insert with `<%- %>`).
 */
import { localeOf, type Locale } from '../../locale';
import type { Book, Matter, Section } from '../../model/types';
import { copyrightFacts, seriesText, titlePageFacts } from '../facts';
import { renderTemplate as renderFile } from '../template';
import type { RenderContext } from '../types';
import type { Doc } from './plan';
import { MATTER_TYPES } from './plan';
import { blocks } from './xhtml/blocks';
import type { XhtmlContext } from './xhtml/context';
import { headingContent } from './xhtml/sections';

/** Renders `templates/epub/<name>.ejs` with `data`; a broken template is a fatal `template-invalid` at its file. */
export function renderTemplate(name: string, data: Record<string, unknown>, ctx: RenderContext<unknown>): string {
  return renderFile(`epub/${name}`, data, ctx, 'render:epub');
}

/** A fact of a title or copyright page: its label with the colon, the space after it, and its value. */
export interface Fact {
  label: string;
  space: string;
  value: string;
}

/** `Words` + `: ` + `12,345` → the label `Words:`, the space, the value; the colon's space stays outside the label. */
function fact(label: string, value: string, locale: Locale): Fact {
  const colon = locale.labels.colon;
  const trimmed = colon.trimEnd();
  return { label: label + trimmed, space: colon.slice(trimmed.length), value };
}

/** What every page template receives about the language: its labels and its ways of writing lists and numbers. */
function localeData(locale: Locale) {
  return {
    labels: locale.labels,
    /** Names joined as the language joins them (`A, B and C`). */
    list: (items: readonly string[]) => locale.list(items),
    /** Tags, fandoms and warnings: joined with the language's comma. */
    join: (items: readonly string[]) => items.join(locale.labels.comma),
    formatNumber: (n: number) => locale.number(n),
    text: locale.text,
  };
}

/**
 * The title page's data: metadata as plain strings, the summary as XHTML, and `facts`: the label (with the
 * language's colon) and value of each fact the book has, in order, so that the markup carries the whole text.
 */
function titlePage(book: Book, summary: Matter | undefined, x: XhtmlContext): Record<string, unknown> {
  const { meta } = book;
  const locale = localeOf(book);
  const facts = titlePageFacts(book, locale);
  return {
    ...localeData(locale),
    facts: facts.map((f) => fact(f.label, f.value, locale)),
    title: meta.title,
    subtitle: meta.subtitle ?? '',
    authors: meta.authors.map((a) => a.name),
    rating: meta.rating ?? '',
    warnings: meta.warnings,
    fandoms: meta.fandoms,
    relationships: meta.relationships,
    characters: meta.characters,
    tags: meta.tags,
    series: seriesText(book, locale),
    status: meta.status ?? '',
    words: facts.find((f) => f.key === 'words')?.value ?? '',
    summary: summary ? blocks(summary.children, x) : '',
  };
}

/** The DPUB-ARIA role matching a matter page's `epub:type`, for assistive technology (Ace's epub-type-has-matching-role). */
const ARIA_ROLES: Partial<Record<string, string>> = { epigraph: 'doc-epigraph', foreword: 'doc-foreword', afterword: 'doc-afterword' };

/**
 * The copyright page's data: title and authors, then each fact the book has, as plain strings: the rights line as
 * written, the publisher, the date in the language's long form (a bare year as it is) and the identifier.
 */
function copyrightPage(book: Book): Record<string, unknown> {
  const { meta } = book;
  const locale = localeOf(book);
  return {
    ...localeData(locale),
    title: meta.title,
    authors: locale.list(meta.authors.map((a) => a.name)),
    rights: meta.rights?.trim() ?? '',
    facts: copyrightFacts(meta, locale).map((f) => fact(f.label, f.value, locale)),
  };
}

function matterPage(doc: Doc & { kind: 'matter' }, x: XhtmlContext) {
  const { matter } = doc;
  const template = matter.role === 'disclaimer' || matter.role === 'dedication' ? matter.role : 'matter';
  const epubType = MATTER_TYPES[matter.role] ?? '';
  // An epigraph shows only its quotation, as a dedication does, unless the author gave it a title; the PDF does the same.
  const showTitle = matter.role !== 'epigraph' || Boolean(matter.title?.length);
  const data = { id: matter.id, role: matter.role, epubType, ariaRole: ARIA_ROLES[epubType] ?? '', title: doc.title, showTitle, body: blocks(matter.children, x) };
  return { template, data };
}

function partPage(section: Section, fallback: string, x: XhtmlContext) {
  return { id: section.id, heading: headingContent(section, fallback, x), body: blocks(section.children, x) };
}

/** The body of a title, matter or part page, from its template. */
export function pageBody(doc: Exclude<Doc, { kind: 'chapter' | 'cover' | 'contents' | 'notes' }>, book: Book, summary: Matter | undefined, x: XhtmlContext, ctx: RenderContext<unknown>): string {
  switch (doc.kind) {
    case 'title-page':
      return renderTemplate('title-page.ejs', titlePage(book, summary, x), ctx);
    case 'copyright':
      return renderTemplate('copyright.ejs', copyrightPage(book), ctx);
    case 'matter': {
      const { template, data } = matterPage(doc, x);
      return renderTemplate(`${template}.ejs`, data, ctx);
    }
    case 'part':
      return renderTemplate('part-title.ejs', partPage(doc.section, doc.title, x), ctx);
  }
}
