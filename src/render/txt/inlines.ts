/** Inline nodes to plain text, in the markup quire's plain-text reader reads back: `_emphasis_`, `**strong**`. */
import type { Inline } from '../../model/types';
import { markupHandlers, writeNodes, type InlineHandlers } from '../handlers';
import type { TxtContext } from './context';

export const inlineHandlers: InlineHandlers<TxtContext> = {
  ...markupHandlers(
    {
      // A newline inside a text node is a soft break in the source; only `break` nodes end a line.
      text: (value) => value.replace(/\s*\n\s*/g, ' '),
      code: (value) => value,
      break: '\n',
      emphasis: ['_', '_'],
      strong: ['**', '**'],
      strikethrough: ['~~', '~~'],
    },
    inlines,
  ),
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
  return writeNodes('txt', inlineHandlers, nodes, ctx);
}
