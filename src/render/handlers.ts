/**
 * The dispatch every text renderer shares (as mdast-util-to-hast's `handlers`): a renderer supplies one small
 * handler per node type, in a table typed by the model's `BlockMap` and `InlineMap`, and writes nodes through
 * `writeNode` and `writeNodes`, which find the handler and name the renderer when a node type has none.
 */
import type { Block, BlockMap, Inline, InlineMap } from '../model/types';

/** Writes one node of its type. */
export type Handler<N, C> = (node: N, ctx: C) => string;

/** One handler per block type; a plugin that registers a type in `BlockMap` must add its handler to each table. */
export type BlockHandlers<C> = { [K in keyof BlockMap]: Handler<BlockMap[K], C> };

/** One handler per inline type; a plugin that registers a type in `InlineMap` must add its handler to each table. */
export type InlineHandlers<C> = { [K in keyof InlineMap]: Handler<InlineMap[K], C> };

type AnyHandlers<C> = BlockHandlers<C> | InlineHandlers<C>;

/** `node` written by its type's handler in `handlers`; `renderer` names the renderer when there is none. */
export function writeNode<N extends Block | Inline, C>(renderer: string, handlers: AnyHandlers<C>, node: N, ctx: C): string {
  const handler = (handlers as unknown as Record<string, Handler<N, C> | undefined>)[node.type];
  if (!handler) throw new Error(`render:${renderer} has no handler for node type \`${node.type}\``);
  return handler(node, ctx);
}

/** `nodes` written one after another, `separator` between two. */
export function writeNodes<N extends Block | Inline, C>(renderer: string, handlers: AnyHandlers<C>, nodes: readonly N[], ctx: C, separator = ''): string {
  let out = '';
  for (let i = 0; i < nodes.length; i++) {
    if (i > 0) out += separator;
    out += writeNode(renderer, handlers, nodes[i], ctx);
  }
  return out;
}

/** What emphasis, strong and struck-out text are put between: `['<em>', '</em>']`, `['_', '_']`. */
export type Marks = Record<'emphasis' | 'strong' | 'strikethrough', readonly [open: string, close: string]>;

/** The handlers of the inlines that only mark their children, each writing them between its marks. */
export function markHandlers<C>(marks: Marks, inlines: (nodes: readonly Inline[], ctx: C) => string): Pick<InlineHandlers<C>, keyof Marks> {
  const between =
    ([open, close]: readonly [string, string]) =>
    (node: { children: Inline[] }, ctx: C) =>
      `${open}${inlines(node.children, ctx)}${close}`;
  return { emphasis: between(marks.emphasis), strong: between(marks.strong), strikethrough: between(marks.strikethrough) };
}
