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

/**
 * How a format writes the inlines that are pure markup: text and code by their value, a line break as a fixed
 * string, and emphasis, strong and struck-out text between two marks (`['<em>', '</em>']`, `['_', '_']`).
 */
export interface InlineMarkup {
  text(value: string): string;
  code(value: string): string;
  break: string;
  emphasis: readonly [open: string, close: string];
  strong: readonly [open: string, close: string];
  strikethrough: readonly [open: string, close: string];
}

/** The markup of the HTML family (XHTML in an EPUB, AO3's HTML): `<em>`, `<strong>`, `<code>`, and the format's own strike tag and line break. */
export function htmlMarkup(escape: (value: string) => string, own: { strikethrough: string; break: string }): InlineMarkup {
  return {
    text: escape,
    code: (value) => `<code>${escape(value)}</code>`,
    break: own.break,
    emphasis: ['<em>', '</em>'],
    strong: ['<strong>', '</strong>'],
    strikethrough: [`<${own.strikethrough}>`, `</${own.strikethrough}>`],
  };
}

/** The handlers of the markup inlines, from a format's `InlineMarkup`; `inlines` writes the marked children. */
export function markupHandlers<C>(markup: InlineMarkup, inlines: (nodes: readonly Inline[], ctx: C) => string): Pick<InlineHandlers<C>, keyof InlineMarkup> {
  const between =
    ([open, close]: readonly [string, string]) =>
    (node: { children: Inline[] }, ctx: C) =>
      `${open}${inlines(node.children, ctx)}${close}`;
  return {
    text: (node) => markup.text(node.value),
    code: (node) => markup.code(node.value),
    break: () => markup.break,
    emphasis: between(markup.emphasis),
    strong: between(markup.strong),
    strikethrough: between(markup.strikethrough),
  };
}
