/** Inline nodes to plain text, in the markup quire's plain-text reader reads back: `_emphasis_`, `**strong**`. */
import type { Inline, InlineMap } from '../../model/types';
import type { TxtContext } from './context';

export type InlineHandler<T extends Inline> = (node: T, ctx: TxtContext) => string;

/** One handler per inline type; a plugin that registers a type in `InlineMap` must add its handler here. */
export const inlineHandlers: { [K in keyof InlineMap]: InlineHandler<InlineMap[K]> } = {
  // A newline inside a text node is a soft break in the source; only `break` nodes end a line.
  text: (node) => node.value.replace(/\s*\n\s*/g, ' '),
  emphasis: (node, ctx) => `_${inlines(node.children, ctx)}_`,
  strong: (node, ctx) => `**${inlines(node.children, ctx)}**`,
  strikethrough: (node, ctx) => `~~${inlines(node.children, ctx)}~~`,
  code: (node) => node.value,
  break: () => '\n',
  link: (node, ctx) => {
    const text = inlines(node.children, ctx);
    // Only a web address means something on paper; a link inside the book keeps its words.
    if (!/^(?:https?|ftp|mailto):/i.test(node.url)) return text;
    const url = node.url.replace(/^mailto:/i, '');
    return text === url || text === node.url ? url : `${text} <${url}>`;
  },
  footnoteReference: (node, ctx) => {
    const n = ctx.cite(node.identifier);
    return `[${n ?? node.label ?? node.identifier}]`;
  },
  image: (node) => `[${node.alt || 'Image'}]`,
};

/** Inline content as plain text; `\n` marks hard line breaks. */
export function inlines(nodes: readonly Inline[], ctx: TxtContext): string {
  let out = '';
  for (const node of nodes) {
    const handler = inlineHandlers[node.type] as InlineHandler<Inline> | undefined;
    if (!handler) throw new Error(`render:txt has no handler for inline node type \`${node.type}\``);
    out += handler(node, ctx);
  }
  return out;
}
