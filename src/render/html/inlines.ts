/** Inline nodes to AO3 HTML: one small handler per node type, collected in a table. */
import type { Inline, Position } from '../../model/types';
import { htmlMarkup, markupHandlers, writeNodes, type InlineHandlers } from '../handlers';
import { isPostableImage, isPostableLink } from './allowed';
import type { HtmlContext } from './context';
import { attrs, escapeText } from './escape';

export const inlineHandlers: InlineHandlers<HtmlContext> = {
  ...markupHandlers(htmlMarkup(escapeText, { strikethrough: 'del', break: '<br />' }), inlines),
  link: (node, ctx) => {
    const content = inlines(node.children, ctx);
    // Relative links and in-book fragments point nowhere once posted (AO3 drops ids), so they keep only their text.
    return isPostableLink(node.url) ? `<a${attrs({ href: node.url.trim(), title: node.title })}>${content}</a>` : content;
  },
  footnoteReference: (node, ctx) => {
    const ref = ctx.notes.cite(node.identifier);
    if (!ref) return escapeText(`[${node.label ?? node.identifier}]`);
    const name = ref.first ? ctx.notes.refName(ref.number) : undefined;
    return `<sup><a${attrs({ href: `#${ctx.notes.noteName(ref.number)}`, name })}>${ref.number}</a></sup>`;
  },
  image: (node, ctx) => (isPostableImage(node.url) ? `<img${attrs({ src: node.url.trim(), alt: node.alt, title: node.title })} />` : unpostableImage(node.url, node.alt, node.position, ctx)),
};

/** AO3 hosts no images: a local image becomes its alt text in brackets, with a warning saying how to keep it. */
export function unpostableImage(url: string, alt: string, position: Position | undefined, ctx: HtmlContext): string {
  ctx.report.warn('html-image-local', `AO3 cannot show the local image \`${url}\`; its description is written instead`, {
    position,
    hint: 'Upload the image to an image host and use its https:// URL, or add it after posting.',
  });
  return escapeText(`[${alt || ctx.labels.image}]`);
}

/** Inline content as AO3 HTML. */
export function inlines(nodes: readonly Inline[], ctx: HtmlContext): string {
  return writeNodes('html', inlineHandlers, nodes, ctx);
}
