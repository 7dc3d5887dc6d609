/**
 * The HTML reader's view of a document: htmlparser2's DOM (with source offsets), a few queries over it, and the one
 * place where the parser's offsets become the model's positions.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Point, Position } from '../../model/types';

export type HtmlDocument = ReturnType<typeof parseDocument>;
export type HtmlNode = HtmlDocument['children'][number];
export type HtmlElement = Extract<HtmlNode, { attribs: Record<string, string> }>;

/** Parses HTML (or XHTML: self-closing tags are honoured) into a DOM whose nodes know their source offsets. */
export function parseHtml(text: string): HtmlDocument {
  return parseDocument(text, {
    withStartIndices: true,
    withEndIndices: true,
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    recognizeSelfClosing: true,
  });
}

/** Elements nested deeper than this keep only their text: no story nests so deep, and the readers recurse on depth. */
export const MAX_DEPTH = 200;

/**
 * Flattens what is nested deeper than `MAX_DEPTH`: such an element's content becomes its text alone (gathered
 * without recursion), so that no word is lost and no reader overflows the stack. Returns the flattened elements.
 */
export function flattenDeep(doc: HtmlDocument): HtmlElement[] {
  const flattened: HtmlElement[] = [];
  const stack: [HtmlNode, number][] = doc.children.map((c) => [c, 1]);
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isElement(node)) continue;
    if (depth < MAX_DEPTH) {
      for (const child of node.children) stack.push([child, depth + 1]);
      continue;
    }
    if (!node.children.some(isElement)) continue;
    const words: string[] = [];
    const inner: HtmlNode[] = [...node.children].reverse();
    while (inner.length) {
      const next = inner.pop()!;
      if (next.type === 'text') words.push(next.data);
      else if (isElement(next)) inner.push(...[...next.children].reverse());
    }
    // A text node made by the parser itself, so that it is of the DOM's own class; then put in place of the content.
    const text = parseDocument(words.join('').replace(/&/g, '&amp;').replace(/</g, '&lt;')).children;
    node.children = text;
    for (const child of text) Object.assign(child, { parent: node, startIndex: node.startIndex, endIndex: node.endIndex });
    flattened.push(node);
  }
  return flattened.sort((a, b) => (a.startIndex ?? 0) - (b.startIndex ?? 0));
}

/** Whether a node is an element (a tag, `<script>` or `<style>`), as opposed to text, a comment or a directive. */
export const isElement = (node: HtmlNode): node is HtmlElement => DomUtils.isTag(node);

/** The element's lower-case name. */
export const nameOf = (element: HtmlElement): string => element.name.toLowerCase();

/** Whether an element has a class among its space-separated `class` names. */
export function hasClass(element: HtmlElement, name: string): boolean {
  return (element.attribs.class ?? '').split(/\s+/).includes(name);
}

/** The element children of a node. */
export const elementChildren = (node: { children: HtmlNode[] }): HtmlElement[] => node.children.filter(isElement);

/** The first element below `root` (depth first) that `test` accepts. */
export function findElement(root: { children: HtmlNode[] }, test: (element: HtmlElement) => boolean): HtmlElement | undefined {
  return DomUtils.findOne(test, root.children, true) ?? undefined;
}

/** Every element below `root` (depth first) that `test` accepts. */
export function findElements(root: { children: HtmlNode[] }, test: (element: HtmlElement) => boolean): HtmlElement[] {
  return DomUtils.findAll(test, root.children);
}

/** A node's text with runs of HTML white space as single spaces, trimmed (non-breaking spaces are kept). */
export function textOf(node: HtmlNode | { children: HtmlNode[] }): string {
  return collapse(DomUtils.textContent(node as HtmlNode)).trim();
}

/** Runs of HTML's white space (space, tab, line feed, form feed, carriage return) as one space; `&nbsp;` stays. */
export const collapse = (text: string): string => text.replace(/[ \t\n\f\r]+/g, ' ');

/** Turns a node's source span into a position; undefined for generated nodes. */
export type Locate = (node: { startIndex: number | null; endIndex: number | null }) => Position | undefined;

/** The 0-based index of the last entry of a sorted list that is ≤ `value` (binary search); 0 when none is. */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid] <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * A locator over an HTML file's text: htmlparser2's `startIndex` and (inclusive) `endIndex` are UTF-16 offsets,
 * converted here once to 1-based lines and columns by a table of line starts.
 */
export function textLocator(file: string, text: string): Locate {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const point = (offset: number): Point => {
    const line = lastAtOrBefore(starts, offset);
    return { line: line + 1, column: offset - starts[line] + 1, offset };
  };
  return (node) => {
    if (node.startIndex === null || node.endIndex === null) return undefined;
    return { file, start: point(node.startIndex), end: point(node.endIndex + 1) };
  };
}
