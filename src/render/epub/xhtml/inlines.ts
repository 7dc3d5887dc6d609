/** Inline nodes to XHTML: one small handler per node type, collected in a table. */
import type { Inline } from '../../../model/types';
import { attrs, escapeText } from '../../escape';
import { htmlMarkup, markupHandlers, writeNodes, type InlineHandlers } from '../../handlers';
import type { XhtmlContext } from './context';

export const inlineHandlers: InlineHandlers<XhtmlContext> = {
  ...markupHandlers(htmlMarkup(escapeText, { strikethrough: 's', break: '<br/>' }), inlines),
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
  return writeNodes('epub', inlineHandlers, nodes, ctx);
}
