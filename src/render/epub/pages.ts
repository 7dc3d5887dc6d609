/**
 * The pages a user may restyle: title page, disclaimer, dedication, other front and back matter, part titles.
 * Each is an EJS template under `templates/epub/` that receives plain strings (escape with `<%= %>`) and ready
 * XHTML fragments from our serialiser (insert with `<%- %>`).
 */
import type { Book, Matter, Section } from '../../model/types';
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

/** Word count in the book's language (grouping digits), falling back to English for a tag ICU does not know. */
function formatCount(n: number, language: string): string {
  try {
    return new Intl.NumberFormat(language).format(n);
  } catch {
    return new Intl.NumberFormat('en').format(n);
  }
}

/** The title page's data: metadata as plain strings, the summary as XHTML. */
function titlePage(book: Book, summary: Matter | undefined, language: string, x: XhtmlContext): Record<string, unknown> {
  const { meta } = book;
  return {
    title: meta.title,
    subtitle: meta.subtitle ?? '',
    authors: meta.authors.map((a) => a.name),
    rating: meta.rating ?? '',
    warnings: meta.warnings,
    fandoms: meta.fandoms,
    relationships: meta.relationships,
    characters: meta.characters,
    tags: meta.tags,
    series: meta.series ? `${meta.series.name}${meta.series.index !== undefined ? ` #${meta.series.index}` : ''}` : '',
    status: meta.status ?? '',
    words: book.stats ? formatCount(book.stats.words, language) : '',
    summary: summary ? blocks(summary.children, x) : '',
  };
}

/** The DPUB-ARIA role matching a matter page's `epub:type`, for assistive technology (Ace's epub-type-has-matching-role). */
const ARIA_ROLES: Partial<Record<string, string>> = { epigraph: 'doc-epigraph', foreword: 'doc-foreword', afterword: 'doc-afterword' };

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
export function pageBody(doc: Exclude<Doc, { kind: 'chapter' | 'cover' | 'contents' | 'notes' }>, book: Book, summary: Matter | undefined, language: string, x: XhtmlContext, ctx: RenderContext<unknown>): string {
  switch (doc.kind) {
    case 'title-page':
      return renderTemplate('title-page.ejs', titlePage(book, summary, language, x), ctx);
    case 'matter': {
      const { template, data } = matterPage(doc, x);
      return renderTemplate(`${template}.ejs`, data, ctx);
    }
    case 'part':
      return renderTemplate('part-title.ejs', partPage(doc.section, doc.title, x), ctx);
  }
}
