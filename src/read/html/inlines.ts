/**
 * HTML inline content → the model's inlines, through the allow-list the Markdown reader applies to raw HTML
 * (`FORMATTING`, `REMOVED`, `isSafeUrl` in ../markdown/html.ts): formatting becomes emphasis, strong and
 * strikethrough, `<br>` a line break, web links links, images images, note references references. Any other
 * element is dropped and its text kept; removed elements (`<script>`, `<iframe>` …) go with their content.
 */
import type { Reporter } from '../../diagnostics/types';
import type { Inline } from '../../model/types';
import { FORMATTING, isSafeUrl, REMOVED } from '../markdown/html';
import { appendText, MAX_INLINE_DEPTH } from '../markdown/inlines';
import { collapse, isElement, nameOf, textOf, type HtmlElement, type HtmlNode, type Locate } from './dom';
import { isBackLink, noteReferenced, type NoteIndex } from './notes';

/** What converting HTML needs besides the nodes. */
export interface HtmlContext {
  readonly locate: Locate;
  readonly report: Reporter;
  readonly notes: NoteIndex;
  /** Elements the story leaves out: the notes' containers, and what a reader took for metadata. */
  readonly skip: ReadonlySet<HtmlElement>;
}

/** Removed elements that hold no reader-visible text by design: dropped without a word. */
const SILENT = new Set(['script', 'style', 'head', 'title', 'meta', 'link', 'base', 'template', 'param', 'source', 'track']);
/** Elements whose text is code. */
const CODE = new Set(['code', 'kbd', 'samp', 'tt']);
/** A link target that means something in a book: an absolute web or mail address (`#x` and `page.html` do not). */
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;
/** An image quire would have to download: the reader keeps only local files and embedded (`data:`) images. */
const REMOTE_IMAGE = /^(?:https?:|ftp:|\/\/)/i;

/** Drops a removed element; warns when it held text a reader would have seen. */
export function removeElement(element: HtmlElement, cx: HtmlContext): void {
  const name = nameOf(element);
  if (SILENT.has(name) || !textOf(element)) return;
  cx.report.warn('raw-html', `removed <${name}> and the text inside it`, {
    position: cx.locate(element),
    hint: 'quire keeps text, formatting, links, images, lists, tables and quotes; copy what matters out of this element.',
  });
}

/** An image: kept when it is a local file or embedded; a remote one is not fetched, and its alt text stands in. */
function image(element: HtmlElement, cx: HtmlContext): Inline {
  const url = element.attribs.src?.trim() ?? '';
  const alt = collapse(element.attribs.alt ?? '').trim();
  const position = cx.locate(element);
  // An `<img>` without a source shows nothing but its alt text.
  if (!url) return { type: 'text', value: alt };
  if (REMOTE_IMAGE.test(url)) {
    cx.report.warn('image-remote', `image \`${url.slice(0, 80)}\` is not a local file and is not fetched; its alt text is kept instead`, {
      position,
      hint: 'Download the image into the manuscript folder and link to it by a relative path.',
    });
    return { type: 'text', value: alt };
  }
  const title = element.attribs.title;
  return { type: 'image', url, alt, ...(title ? { title } : {}), ...(position ? { position } : {}) };
}

/** A line break; the space before it goes (`line <br>` is `line` and a break). */
function lineBreak(out: Inline[]): void {
  const last = out[out.length - 1];
  if (last?.type === 'text') last.value = last.value.trimEnd();
  out.push({ type: 'break' });
}

/** A link: a note reference, a web or mail link, or (a page-internal or relative link) its text alone. */
function link(element: HtmlElement, cx: HtmlContext, depth: number, out: Inline[]): void {
  const note = noteReferenced(element, cx.notes);
  if (note !== undefined) {
    const label = textOf(element).replace(/^\[(.*)\]$/, '$1');
    out.push({ type: 'footnoteReference', identifier: note, ...(label ? { label } : {}) });
    return;
  }
  if (isBackLink(element, cx.notes)) return;
  const href = element.attribs.href?.trim() ?? '';
  if (!ABSOLUTE.test(href) || !isSafeUrl(href)) return void convert(element.children, cx, depth + 1, out);
  const title = element.attribs.title;
  const node: Inline = { type: 'link', url: href, ...(title ? { title } : {}), children: [] };
  out.push(node);
  convert(element.children, cx, depth + 1, node.children);
}

/** Appends the inlines of `nodes` to `out`. Formatting nested deeper than the Markdown reader allows is flattened. */
function convert(nodes: readonly HtmlNode[], cx: HtmlContext, depth: number, out: Inline[]): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      // A line break in the source after `<br>` is not a space in the text.
      const text = collapse(node.data);
      appendText(out, out[out.length - 1]?.type === 'break' ? text.trimStart() : text);
      continue;
    }
    if (!isElement(node)) continue;
    const name = nameOf(node);
    const kind = FORMATTING[name];
    if (REMOVED.has(name)) removeElement(node, cx);
    else if (name === 'br') lineBreak(out);
    else if (name === 'img') out.push(image(node, cx));
    else if (name === 'a') link(node, cx, depth, out);
    else if (CODE.has(name)) out.push({ type: 'code', value: collapse(textOf(node)) });
    else if (kind && depth < MAX_INLINE_DEPTH) {
      const container: Inline & { children: Inline[] } = { type: kind, children: [] };
      out.push(container);
      convert(node.children, cx, depth + 1, container.children);
    } else convert(node.children, cx, depth + 1, out);
  }
}

/** Whether inlines hold anything a reader sees: text other than white space, an image, code, a note reference. */
export function hasContent(nodes: readonly Inline[]): boolean {
  return nodes.some((n) => (n.type === 'text' ? n.value.trim() !== '' : n.type !== 'break' && (!('children' in n) || hasContent(n.children))));
}

/** White space, a line break, or formatting around nothing: what may go at the edges of a paragraph. */
const isBlank = (node: Inline): boolean => node.type === 'break' || ((node.type === 'text' || 'children' in node) && !hasContent([node]));

/** Trims one end of inline content: blank nodes go, the text at the edge (inside formatting too) loses its spaces. */
function trimSide(nodes: readonly Inline[], side: 'start' | 'end'): Inline[] {
  const out = [...nodes];
  const edge = () => (side === 'start' ? 0 : out.length - 1);
  while (out.length && isBlank(out[edge()])) (side === 'start' ? out.shift() : out.pop());
  const node = out[edge()];
  if (node?.type === 'text') out[edge()] = { ...node, value: side === 'start' ? node.value.trimStart() : node.value.trimEnd() };
  else if (node && 'children' in node) out[edge()] = { ...node, children: trimSide(node.children, side) } as Inline;
  return out;
}

/** Trims the white space and line breaks HTML source leaves at the start and end of a paragraph. */
export const trimInlines = (nodes: readonly Inline[]): Inline[] => trimSide(trimSide(nodes, 'start'), 'end');

/** The inlines of some HTML nodes (text, inline elements; block elements inside are read for their text). */
export function toInlines(nodes: readonly HtmlNode[], cx: HtmlContext): Inline[] {
  const out: Inline[] = [];
  convert(nodes, cx, 0, out);
  return trimInlines(out);
}
