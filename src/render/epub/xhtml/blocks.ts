/** Block nodes to XHTML: one small handler per node type, collected in a table. */
import type { Alignment, Block, TableRow } from '../../../model/types';
import { attrs, escapeText } from '../../escape';
import { writeNode, type BlockHandlers } from '../../handlers';
import type { XhtmlContext } from './context';
import { inlines } from './inlines';

/** Verse indentation steps beyond this share the deepest class (the stylesheet defines `indent-1` … `indent-6`). */
const MAX_VERSE_INDENT = 6;

const alignClass = (align: Alignment | undefined): string | undefined => (align ? `align-${align}` : undefined);

function tableRow(row: TableRow, cell: 'th' | 'td', align: readonly Alignment[], ctx: XhtmlContext): string {
  const cells = row.cells.map((c, i) => `<${cell}${attrs({ class: alignClass(align[i]) })}>${inlines(c.children, ctx)}</${cell}>`);
  return `<tr>${cells.join('')}</tr>`;
}

export const blockHandlers: BlockHandlers<XhtmlContext> = {
  paragraph: (node, ctx) => `<p>${inlines(node.children, ctx)}</p>`,
  // Level 1 belongs to the document's own title, so stray headings start at 2.
  heading: (node, ctx) => {
    const level = Math.max(2, node.depth);
    return `<h${level}>${inlines(node.children, ctx)}</h${level}>`;
  },
  sceneBreak: (_node, ctx) => `<div${attrs({ class: 'scene-break', role: 'separator', 'aria-label': ctx.labels.sceneBreak })}>* * *</div>`,
  blockquote: (node, ctx) => `<blockquote>${blocks(node.children, ctx)}</blockquote>`,
  verse: (node, ctx) => {
    const stanzas = node.stanzas.map((stanza) => {
      const lines = stanza.map((line) => {
        const indent = Math.min(MAX_VERSE_INDENT, Math.max(0, line.indent));
        const cls = indent ? `verse-line indent-${indent}` : 'verse-line';
        return `<p class="${cls}">${inlines(line.children, ctx)}</p>`;
      });
      return `<div class="stanza">${lines.join('')}</div>`;
    });
    return `<div class="verse">${stanzas.join('')}</div>`;
  },
  list: (node, ctx) => {
    const tag = node.ordered ? 'ol' : 'ul';
    const start = node.ordered && node.start !== undefined && node.start !== 1 ? node.start : undefined;
    const items = node.items.map((item) => `<li>${blocks(item.children, ctx)}</li>`);
    return `<${tag}${attrs({ start })}>${items.join('')}</${tag}>`;
  },
  table: (node, ctx) => {
    const head = node.head.length ? `<thead>${node.head.map((r) => tableRow(r, 'th', node.align, ctx)).join('')}</thead>` : '';
    return `<table>${head}<tbody>${node.rows.map((r) => tableRow(r, 'td', node.align, ctx)).join('')}</tbody></table>`;
  },
  imageBlock: (node, ctx) => {
    const image = ctx.images.add(node.url, node.alt, node.position);
    const caption = node.caption?.length ? `<figcaption>${inlines(node.caption, ctx)}</figcaption>` : '';
    const img = image === undefined ? `<p class="image-missing">${escapeText(node.alt)}</p>` : `<img${attrs({ src: image.src, alt: node.alt, title: node.title, width: image.width, height: image.height })}/>`;
    return `<figure class="image">${img}${caption}</figure>`;
  },
  codeBlock: (node) => {
    const lang = node.lang?.replace(/[^A-Za-z0-9_-]/g, '');
    return `<pre><code${attrs({ class: lang ? `language-${lang}` : undefined })}>${escapeText(node.value)}</code></pre>`;
  },
  authorNote: (node, ctx) =>
    `<div class="author-note"><p class="author-note-label">${escapeText(node.label)}</p>${blocks(node.children, ctx)}</div>`,
};

/** Block content as XHTML, one line per top-level block; top-level blocks with a position are traced when asked. */
export function blocks(nodes: readonly Block[], ctx: XhtmlContext): string {
  let out = '';
  const trace = ctx.trace;
  for (const node of nodes) {
    if (trace) trace.depth += 1;
    const html = writeNode('epub', blockHandlers, node, ctx);
    if (trace) {
      trace.depth -= 1;
      if (trace.depth === 0 && node.position) trace.entries.push({ html, position: node.position });
    }
    out += `${html}\n`;
  }
  return out;
}
