/**
 * One visitor for the whole tree, as unist-util-visit-parents is for unist: every transform walks the book through
 * it instead of writing its own `switch` over node types.
 *
 * The walk is depth first in reading order (preorder: a node, then its children) and iterative, with an explicit
 * stack: neither a book's ten thousand paragraphs nor a deep nesting of quotes grows the call stack. A visitor is a
 * function called with every node, or a table of handlers by node type (`{ text(node) {…}, link(node, at) {…} }`),
 * and may return an `Action`:
 *
 * - nothing (`CONTINUE`): go on into the node's children, then its next sibling;
 * - `SKIP`: leave the node's children out;
 * - `EXIT`: stop the walk;
 * - an index: the node's children are left out and the walk goes on at that index among its siblings. A visitor that
 *   replaces the node (`at.siblings[at.index] = …`) or splices siblings in returns `at.index` to visit what it put
 *   there, or `at.index + 1` to go past it.
 */
import type { AnyNode, BlockMap, Book, Footnote, InlineMap, ListItem, Matter, Position, Section, TableCell, TableRow, VerseLine } from './types';

/** Every node type by its `type` (a plugin's node types join through `InlineMap` and `BlockMap`). */
export interface NodeMap extends InlineMap, BlockMap {
  book: Book;
  section: Section;
  matter: Matter;
  footnote: Footnote;
  verseLine: VerseLine;
  listItem: ListItem;
  tableRow: TableRow;
  tableCell: TableCell;
}
export type NodeType = keyof NodeMap;

export const CONTINUE = undefined;
export const SKIP = 'skip' as const;
export const EXIT = 'exit' as const;
export type Action = void | typeof SKIP | typeof EXIT | number;

/** Where a node stands: the array that holds it, its index there, and the nodes above it (the nearest last). */
export interface VisitPlace {
  readonly siblings: AnyNode[];
  readonly index: number;
  /** The node whose child it is (undefined for the root). */
  readonly parent: AnyNode | undefined;
  /** The root first, the parent last. */
  readonly ancestors: readonly AnyNode[];
}

export type VisitFunction = (node: AnyNode, at: VisitPlace) => Action;
/** One handler per node type the visitor cares about; other nodes are walked through. */
export type VisitTable = { [K in NodeType]?: (node: NodeMap[K], at: VisitPlace) => Action };

/**
 * The node's child arrays in reading order: the one place that knows where each node type keeps its children. A
 * node type a plugin adds is walked into when it has a `children` array.
 */
export function childLists(node: AnyNode): AnyNode[][] {
  switch (node.type) {
    case 'book':
      return [node.front, node.body, node.back, node.footnotes];
    case 'section':
      return [node.title, node.children, node.sections];
    case 'matter':
      return node.title ? [node.title, node.children] : [node.children];
    case 'verse':
      return node.stanzas;
    case 'list':
      return [node.items];
    case 'table':
      return [node.head, node.rows];
    case 'tableRow':
      return [node.cells];
    case 'imageBlock':
      return node.caption ? [node.caption] : [];
    default: {
      const children = (node as { children?: unknown }).children;
      return Array.isArray(children) ? [children as AnyNode[]] : [];
    }
  }
}

type Frame = { list: AnyNode[]; index: number; parent: AnyNode | undefined } | { leave: AnyNode };

/**
 * Walks `root` and everything under it, calling `visitor` on each node before its children. A list of nodes (a
 * section's blocks, a title's inlines) is walked as siblings with no parent.
 */
export function visit(root: AnyNode | AnyNode[], visitor: VisitFunction | VisitTable): void {
  const call: VisitFunction =
    typeof visitor === 'function'
      ? visitor
      : (node, at) => (visitor[node.type as NodeType] as ((n: AnyNode, a: VisitPlace) => Action) | undefined)?.(node, at);
  const ancestors: AnyNode[] = [];
  const stack: Frame[] = [{ list: Array.isArray(root) ? root : [root], index: 0, parent: undefined }];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if ('leave' in frame) {
      stack.pop();
      ancestors.pop();
      continue;
    }
    if (frame.index >= frame.list.length) {
      stack.pop();
      continue;
    }
    const node = frame.list[frame.index];
    const action = call(node, { siblings: frame.list, index: frame.index, parent: frame.parent, ancestors });
    if (action === EXIT) return;
    if (typeof action === 'number') {
      frame.index = action;
      continue;
    }
    frame.index += 1;
    if (action === SKIP) continue;
    const lists = childLists(node);
    if (lists.length === 0) continue;
    ancestors.push(node);
    stack.push({ leave: node });
    for (let i = lists.length - 1; i >= 0; i--) stack.push({ list: lists[i], index: 0, parent: node });
  }
}

/** The position of the nearest of `at`'s ancestors that has one (for a generated node inside a parsed one). */
export function nearestPosition(at: VisitPlace): Position | undefined {
  for (let i = at.ancestors.length - 1; i >= 0; i--) {
    const position = (at.ancestors[i] as { position?: Position }).position;
    if (position) return position;
  }
  return undefined;
}
