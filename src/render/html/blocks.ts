/** Block nodes to AO3 HTML: one handler per block type, one block per line (AO3 reads a newline in text as `<br />`). */
import type { Alignment, Block, Inline, TableRow } from '../../model/types';
import { writeNodes, type BlockHandlers } from '../handlers';
import { isPostableImage } from './allowed';
import type { HtmlContext } from './context';
import { attrs, escapePre, escapeText } from './escape';
import { inlines, unpostableImage } from './inlines';

/** Non-breaking spaces per indentation step of a verse line (AO3 allows no styles, and collapses plain spaces). */
const VERSE_INDENT = '\u00a0'.repeat(4);

/** `Author's Note: ` in bold ahead of a note's first paragraph, so the note reads as one in the running text. */
function labelled(label: string, children: readonly Block[]): Block[] {
  const [first, ...rest] = children;
  const lead: Inline = { type: 'strong', children: [{ type: 'text', value: `${label}:` }] };
  if (first?.type === 'paragraph') return [{ ...first, children: [lead, { type: 'text', value: ' ' }, ...first.children] }, ...rest];
  return [{ type: 'paragraph', children: [lead] }, ...children];
}

function row(cells: TableRow, tag: 'th' | 'td', align: readonly Alignment[], ctx: HtmlContext): string {
  const out = cells.cells.map((cell, i) => `<${tag}${attrs({ align: align[i] ?? undefined })}>${inlines(cell.children, ctx)}</${tag}>`);
  return `<tr>${out.join('')}</tr>`;
}

export const blockHandlers: BlockHandlers<HtmlContext> = {
  paragraph: (node, ctx) => `<p>${inlines(node.children, ctx)}</p>`,
  // h1–h3 are AO3's page, work and chapter titles; headings inside a chapter start at h4.
  heading: (node, ctx) => {
    const level = Math.min(6, Math.max(4, node.depth));
    return `<h${level}>${inlines(node.children, ctx)}</h${level}>`;
  },
  sceneBreak: (node, ctx) => (ctx.options.sceneBreak === 'rule' ? '<hr />' : `<p align="center">${escapeText(node.marker?.trim() || '* * *')}</p>`),
  blockquote: (node, ctx) => `<blockquote>\n${blocks(node.children, ctx)}\n</blockquote>`,
  verse: (node, ctx) =>
    node.stanzas
      .map((stanza) => `<p>${stanza.map((line) => VERSE_INDENT.repeat(line.indent) + inlines(line.children, ctx)).join('<br />')}</p>`)
      .join('\n'),
  list: (node, ctx) => {
    const tag = node.ordered ? 'ol' : 'ul';
    const start = node.ordered && node.start !== undefined && node.start !== 1 ? node.start : undefined;
    const items = node.items.map((item) => `<li>${listItem(item.children, ctx)}</li>`);
    return `<${tag}${attrs({ start })}>\n${items.join('\n')}\n</${tag}>`;
  },
  table: (node, ctx) => {
    const parts = ['<table>'];
    if (node.head.length) parts.push('<thead>', ...node.head.map((r) => row(r, 'th', node.align, ctx)), '</thead>');
    parts.push('<tbody>', ...node.rows.map((r) => row(r, 'td', node.align, ctx)), '</tbody>', '</table>');
    return parts.join('\n');
  },
  imageBlock: (node, ctx) => {
    if (!isPostableImage(node.url)) return `<p>${unpostableImage(node.url, node.alt, node.position, ctx)}</p>`;
    const img = `<img${attrs({ src: node.url.trim(), alt: node.alt, title: node.title })} />`;
    return node.caption?.length ? `<figure>${img}<figcaption>${inlines(node.caption, ctx)}</figcaption></figure>` : `<p>${img}</p>`;
  },
  codeBlock: (node) => `<pre><code>${escapePre(node.value)}</code></pre>`,
  authorNote: (node, ctx) => `<blockquote>\n${blocks(labelled(node.label, node.children), ctx)}\n</blockquote>`,
};

/** A list item of one paragraph is written inline (`<li>text</li>`), as AO3's own editor writes it. */
function listItem(children: readonly Block[], ctx: HtmlContext): string {
  if (children.length === 1 && children[0].type === 'paragraph') return inlines(children[0].children, ctx);
  return `\n${blocks(children, ctx)}\n`;
}

/** Blocks as AO3 HTML, one per line. */
export function blocks(nodes: readonly Block[], ctx: HtmlContext): string {
  return writeNodes('html', blockHandlers, nodes, ctx, '\n');
}
