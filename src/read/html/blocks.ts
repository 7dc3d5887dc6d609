/**
 * HTML flow content → the model's blocks: paragraphs (explicit `<p>`, or text between block elements), headings,
 * quotes, lists, tables, code, images and scene breaks (`<hr>`, or a paragraph holding only an ornament such as
 * `* * *`, centred or not). Containers (`<div>`, `<section>`, `<center>` …) are read through; nothing they hold is
 * lost. Each block's position is its element's span in the source.
 */
import type { Alignment, Block, Heading, Inline, List, Position, Table, TableRow } from '../../model/types';
import { plainText } from '../../model/build-helpers';
import { BLOCKS, REMOVED } from '../markdown/html';
import { isSceneBreak } from '../../text/markers';
import { elementChildren, isElement, nameOf, type HtmlElement, type HtmlNode } from './dom';
import { hasContent, removeElement, toInlines, type HtmlContext } from './inlines';

const withPosition = <T extends Block>(block: T, position: Position | undefined): T => (position ? { ...block, position } : block);

/** Whether an element or anything inside it is block-level: an inline element holding one is read as a container. */
function holdsBlock(element: HtmlElement): boolean {
  return element.children.some((c) => isElement(c) && (BLOCKS.has(nameOf(c)) || nameOf(c) === 'hr' || holdsBlock(c)));
}

/** Whether inlines are text alone, formatted or not (`<b>* * *</b>` is still an ornament; a link or an image is not). */
const onlyText = (nodes: readonly Inline[]): boolean =>
  nodes.every((n) => n.type === 'text' || n.type === 'break' || ((n.type === 'emphasis' || n.type === 'strong') && onlyText(n.children)));

/** Inline content as a block: a scene break when it is only an ornament, an image block when only an image, else a paragraph. */
function paragraph(children: Inline[], position: Position | undefined): Block | undefined {
  if (!hasContent(children)) return undefined;
  const only = children.length === 1 ? children[0] : undefined;
  if (only?.type === 'image') return withPosition({ type: 'imageBlock', url: only.url, alt: only.alt, ...(only.title ? { title: only.title } : {}) }, position);
  const text = plainText(children).trim();
  if (onlyText(children) && isSceneBreak(text)) return withPosition({ type: 'sceneBreak', marker: text }, position);
  return withPosition({ type: 'paragraph', children }, position);
}

/** A list's items: each `<li>` read as flow; stray content between items becomes an item of its own. */
function list(element: HtmlElement, cx: HtmlContext): List {
  const ordered = nameOf(element) === 'ol';
  const node: List = { type: 'list', ordered, items: [] };
  const start = Number(element.attribs.start);
  if (ordered) node.start = Number.isInteger(start) ? start : 1;
  for (const child of element.children) {
    const children = isElement(child) && nameOf(child) === 'li' ? toBlocks(child.children, cx) : toBlocks([child], cx);
    if (children.length === 0) continue;
    const position = cx.locate(child);
    node.items.push({ type: 'listItem', children, ...(position ? { position } : {}) });
  }
  return withPosition(node, cx.locate(element));
}

/** A cell's alignment, from `align` or an inline `text-align`. */
function alignment(cell: HtmlElement): Alignment {
  const value = (cell.attribs.align ?? /text-align:\s*(\w+)/i.exec(cell.attribs.style ?? '')?.[1] ?? '').toLowerCase();
  return value === 'left' || value === 'center' || value === 'right' ? value : null;
}

/**
 * A table: rows of `<thead>` (or a first row of `<th>` cells) are its head. Cells hold inlines; paragraphs inside a
 * cell are joined by line breaks so none of their words is lost.
 */
function table(element: HtmlElement, cx: HtmlContext): Block[] {
  const head: TableRow[] = [];
  const rows: TableRow[] = [];
  const rowOf = (tr: HtmlElement): TableRow => {
    const cells = elementChildren(tr).filter((c) => nameOf(c) === 'td' || nameOf(c) === 'th');
    const position = cx.locate(tr);
    return { type: 'tableRow', cells: cells.map((c) => ({ type: 'tableCell', children: cellInlines(c, cx) })), ...(position ? { position } : {}) };
  };
  let align: Alignment[] = [];
  for (const child of elementChildren(element)) {
    const name = nameOf(child);
    const trs = name === 'tr' ? [child] : ['thead', 'tbody', 'tfoot'].includes(name) ? elementChildren(child).filter((c) => nameOf(c) === 'tr') : [];
    for (const tr of trs) {
      const cells = elementChildren(tr).filter((c) => nameOf(c) === 'td' || nameOf(c) === 'th');
      if (align.length === 0) align = cells.map(alignment);
      const inHead = name === 'thead' || (head.length === 0 && rows.length === 0 && cells.length > 0 && cells.every((c) => nameOf(c) === 'th'));
      (inHead ? head : rows).push(rowOf(tr));
    }
  }
  const caption = elementChildren(element).find((c) => nameOf(c) === 'caption');
  const out: Block[] = [withPosition<Table>({ type: 'table', align, head, rows }, cx.locate(element))];
  if (caption) out.push(...toBlocks(caption.children, cx));
  return out;
}

/** A table cell's content as inlines: block content inside it is kept, a line break between blocks. */
function cellInlines(cell: HtmlElement, cx: HtmlContext): Inline[] {
  const out: Inline[] = [];
  for (const block of toBlocks(cell.children, cx)) {
    const inlines = block.type === 'paragraph' || block.type === 'heading' ? block.children : [{ type: 'text' as const, value: blockText(block) }];
    if (out.length) out.push({ type: 'break' });
    out.push(...inlines);
  }
  return out;
}

/** The words of a block that cannot stand inside a table cell (a list, a quote), as plain text. */
function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return plainText(block.children);
    case 'blockquote':
    case 'authorNote':
      return block.children.map(blockText).join(' ');
    case 'list':
      return block.items.map((item) => item.children.map(blockText).join(' ')).join('; ');
    case 'imageBlock':
      return block.alt;
    case 'codeBlock':
      return block.value;
    case 'sceneBreak':
      return block.marker ?? '';
    default:
      return '';
  }
}

/** A `<figure>`: its image with the `<figcaption>` as caption; a figure without an image is read as a container. */
function figure(element: HtmlElement, cx: HtmlContext): Block[] {
  const caption = elementChildren(element).find((c) => nameOf(c) === 'figcaption');
  const rest = element.children.filter((c) => c !== caption);
  const blocks = toBlocks(rest, cx);
  const image = blocks.length === 1 && blocks[0].type === 'imageBlock' ? blocks[0] : undefined;
  if (!image) return [...blocks, ...(caption ? toBlocks(caption.children, cx) : [])];
  const words = caption ? toInlines(caption.children, cx) : [];
  return [withPosition({ ...image, ...(words.length ? { caption: words } : {}) }, cx.locate(element))];
}

/** One handler per block element with a meaning of its own; other block elements are containers. */
const handlers: Record<string, (element: HtmlElement, cx: HtmlContext) => Block[]> = {
  p: (element, cx) => {
    const block = paragraph(toInlines(element.children, cx), cx.locate(element));
    return block ? [block] : [];
  },
  hr: (element, cx) => [withPosition({ type: 'sceneBreak' }, cx.locate(element))],
  blockquote: (element, cx) => {
    const children = toBlocks(element.children, cx);
    return children.length ? [withPosition({ type: 'blockquote', children }, cx.locate(element))] : [];
  },
  ul: (element, cx) => [list(element, cx)],
  ol: (element, cx) => [list(element, cx)],
  table,
  figure,
  pre: (element, cx) => {
    const value = textOfRaw(element).replace(/^\n|\n$/g, '');
    return value.trim() ? [withPosition({ type: 'codeBlock', value }, cx.locate(element))] : [];
  },
  dt: (element, cx) => {
    const children = toInlines(element.children, cx);
    return hasContent(children) ? [withPosition({ type: 'paragraph', children: [{ type: 'strong', children }] }, cx.locate(element))] : [];
  },
};
for (const depth of [1, 2, 3, 4, 5, 6] as const) {
  handlers[`h${depth}`] = (element, cx) => {
    const children = toInlines(element.children, cx);
    return hasContent(children) ? [withPosition<Heading>({ type: 'heading', depth, children }, cx.locate(element))] : [];
  };
}

/** A node's text as written, white space and all (for `<pre>`). */
function textOfRaw(node: HtmlNode): string {
  if (node.type === 'text') return node.data;
  return isElement(node) && !REMOVED.has(nameOf(node)) ? node.children.map(textOfRaw).join('') : '';
}

/** Reads flow content: runs of text and inline elements become paragraphs, block elements their blocks. */
export function toBlocks(nodes: readonly HtmlNode[], cx: HtmlContext): Block[] {
  const out: Block[] = [];
  let run: HtmlNode[] = [];
  const flush = () => {
    // The paragraph spans its words: white space between block elements is not part of it.
    const words = run.filter((n) => n.type !== 'text' || n.data.trim());
    if (words.length === 0) return void (run = []);
    const [first, last] = [words[0], words[words.length - 1]];
    const lead = first.type === 'text' ? first.data.length - first.data.trimStart().length : 0;
    const trail = last.type === 'text' ? last.data.length - last.data.trimEnd().length : 0;
    const span = { startIndex: first.startIndex === null ? null : first.startIndex + lead, endIndex: last.endIndex === null ? null : last.endIndex - trail };
    const block = paragraph(toInlines(run, cx), cx.locate(span));
    if (block) out.push(block);
    run = [];
  };
  for (const node of nodes) {
    if (!isElement(node)) {
      if (node.type === 'text') run.push(node);
      continue;
    }
    const name = nameOf(node);
    if (cx.skip.has(node)) continue;
    if (REMOVED.has(name)) {
      flush();
      removeElement(node, cx);
      continue;
    }
    const handler = handlers[name];
    if (handler) {
      flush();
      out.push(...handler(node, cx));
    } else if (BLOCKS.has(name) || holdsBlock(node)) {
      flush();
      out.push(...toBlocks(node.children, cx));
    } else run.push(node);
  }
  flush();
  return out;
}
