/** Parts and chapters to XHTML: the chapter's heading, its blocks, and its sub-sections as nested `<section>`s. */
import type { Section } from '../../../model/types';
import { plainText } from '../../../model/build-helpers';
import { attrs, escapeText } from '../../escape';
import { blocks } from './blocks';
import type { XhtmlContext } from './context';
import { inlines } from './inlines';

/**
 * The inside of a section's heading: label and title in their own spans (the stylesheet sets them on two lines),
 * else whichever one there is, else `fallback` (`Chapter 3`); empty when there is nothing to show.
 */
export function headingContent(section: Section, fallback: string, ctx: XhtmlContext): string {
  const title = inlines(section.title, ctx);
  const hasTitle = section.title.length > 0 && title.trim() !== '';
  if (section.label && hasTitle) {
    return `<span class="label">${escapeText(section.label)}</span> <span class="title">${title}</span>`;
  }
  if (hasTitle) return title;
  return escapeText(section.label ?? fallback);
}

/** A sub-section inside a chapter: `<section>` with an `h2` … `h6` by nesting; untitled ones get no heading. */
function subsection(section: Section, level: number, ctx: XhtmlContext): string {
  const heading = headingContent(section, '', ctx);
  const h = Math.min(6, level);
  const head = heading ? `<h${h}>${heading}</h${h}>\n` : '';
  const inner = section.sections.map((s) => subsection(s, level + 1, ctx)).join('');
  return `<section${attrs({ id: section.id || undefined, class: 'subsection' })}>\n${head}${blocks(section.children, ctx)}${inner}</section>\n`;
}

/** What `templates/epub/chapter-opening.ejs` receives: plain strings and the heading as XHTML. */
export interface ChapterOpening {
  id: string;
  /** `Chapter 3`, or empty. */
  label: string;
  /** The title as plain text, or empty. */
  title: string;
  /** Label and title as XHTML (`<span class="label">…</span> <span class="title">…</span>`), or the fallback name. */
  heading: string;
}

/**
 * A chapter document's body: `<section epub:type="chapter" role="doc-chapter">` with an `h1`, its blocks and its
 * sub-sections. A chapter with nothing to show in its heading (a one-shot, whose `fallback` is empty) has no opening
 * at all; `name` (the document's title) then names the section for assistive technology, as `aria-label`.
 */
export function chapterBody(section: Section, fallback: string, name: string, ctx: XhtmlContext, opening?: (data: ChapterOpening) => string): string {
  const content = headingContent(section, fallback, ctx);
  const data: ChapterOpening = { id: section.id, label: section.label ?? '', title: plainText(section.title).trim(), heading: content };
  const heading = !content ? '' : opening ? opening(data) : `<h1 class="chapter-title">${content}</h1>\n`;
  const inner = section.sections.map((s) => subsection(s, 2, ctx)).join('');
  const label = content ? undefined : name;
  const open = `<section${attrs({ 'epub:type': 'chapter', role: 'doc-chapter', id: section.id || undefined, class: 'chapter', 'aria-label': label })}>\n`;
  return `${open}${heading}${blocks(section.children, ctx)}${inner}</section>\n`;
}
