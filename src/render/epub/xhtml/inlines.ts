/** Inline nodes to XHTML: one small handler per node type, collected in a table. */
import type { Inline, InlineMap } from '../../../model/types';
import { attrs, escapeText } from '../../escape';
import type { XhtmlContext } from './context';

/** A handler writes one node of its type. */
export type InlineHandler<T extends Inline> = (node: T, ctx: XhtmlContext) => string;

/** One handler per inline type; a plugin that registers a type in `InlineMap` must add its handler here. */
export const inlineHandlers: { [K in keyof InlineMap]: InlineHandler<InlineMap[K]> } = {
  text: (node) => escapeText(node.value),
  emphasis: (node, ctx) => `<em>${inlines(node.children, ctx)}</em>`,
  strong: (node, ctx) => `<strong>${inlines(node.children, ctx)}</strong>`,
  strikethrough: (node, ctx) => `<s>${inlines(node.children, ctx)}</s>`,
  code: (node) => `<code>${escapeText(node.value)}</code>`,
  break: () => '<br/>',
  link: (node, ctx) => {
    const href = ctx.links(node.url, node.position);
    const content = inlines(node.children, ctx);
    // An unresolvable link keeps its text: a dead `<a>` would be an EPUBCheck error.
    return href === undefined ? `<span class="link">${content}</span>` : `<a${attrs({ href, title: node.title })}>${content}</a>`;
  },
  footnoteReference: (node, ctx) => {
    const ref = ctx.notes.refer(node.identifier);
    if (!ref) {
      ctx.report.warn('footnote-missing', `no footnote \`${node.identifier}\` for this reference`, {
        position: node.position,
        source: 'render:epub',
        hint: 'Define the footnote, or remove the reference.',
      });
      return escapeText(`[${node.label ?? node.identifier}]`);
    }
    const a = attrs({ 'epub:type': 'noteref', role: 'doc-noteref', id: ref.refId, href: ref.href, class: 'noteref' });
    return `<a${a}>${ref.number}</a>`;
  },
  image: (node, ctx) => {
    const image = ctx.images.add(node.url, node.alt, node.position);
    if (image === undefined) return `<span class="image-missing">${escapeText(node.alt)}</span>`;
    return `<img${attrs({ class: 'inline-image', src: image.src, alt: node.alt, title: node.title, width: image.width, height: image.height })}/>`;
  },
};

/** Inline content as XHTML. */
export function inlines(nodes: readonly Inline[], ctx: XhtmlContext): string {
  let out = '';
  for (const node of nodes) {
    const handler = inlineHandlers[node.type] as InlineHandler<Inline> | undefined;
    if (!handler) throw new Error(`render:epub has no handler for inline node type \`${node.type}\``);
    out += handler(node, ctx);
  }
  return out;
}
