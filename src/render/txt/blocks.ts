/** Block nodes to plain text: one handler per block type; blocks are separated by one blank line. */
import type { Block, TableRow } from '../../model/types';
import { writeNodes, type BlockHandlers } from '../handlers';
import { CENTRE_MEASURE, type TxtContext } from './context';
import { inlines } from './inlines';
import { indentLines, wrap } from './wrap';

/** Indentation of quotations and code: four spaces, as in e-mail and Markdown. */
const INDENT = '    ';

/** The same context with `columns` fewer columns to fill (never below 20, so deep nesting stays readable). */
function narrower(ctx: TxtContext, columns: number): TxtContext {
  return { ...ctx, width: ctx.width > 0 ? Math.max(20, ctx.width - columns) : 0 };
}

/** Cells padded to their column's widest entry, in ` | `-separated rows. */
function table(rows: readonly TableRow[], ctx: TxtContext): string {
  const cells = rows.map((row) => row.cells.map((cell) => inlines(cell.children, ctx).replace(/\n/g, ' ')));
  const widths: number[] = [];
  for (const row of cells) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return cells.map((row) => row.map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length)).join(' | ').trimEnd()).join('\n');
}

export const blockHandlers: BlockHandlers<TxtContext> = {
  paragraph: (node, ctx) => wrap(inlines(node.children, ctx), ctx.width),
  heading: (node, ctx) => inlines(node.children, ctx).replace(/\n/g, ' '),
  // Centred in the fill width, or in 72 columns when lines are not filled.
  sceneBreak: (_node, ctx) => ' '.repeat(Math.floor(((ctx.width || CENTRE_MEASURE) - 5) / 2)) + '* * *',
  blockquote: (node, ctx) => indentLines(blocks(node.children, narrower(ctx, INDENT.length)), INDENT),
  // Verse keeps its line breaks and indentation; it is never filled.
  verse: (node, ctx) =>
    node.stanzas.map((stanza) => stanza.map((line) => INDENT + '  '.repeat(line.indent) + inlines(line.children, ctx).replace(/\n/g, ' ')).join('\n')).join('\n\n'),
  list: (node, ctx) => {
    const start = node.start ?? 1;
    return node.items
      .map((item, i) => {
        const marker = node.ordered ? `${start + i}. ` : '- ';
        const hang = ' '.repeat(marker.length);
        const [first, ...rest] = item.children;
        const inner = narrower(ctx, marker.length);
        const head = first?.type === 'paragraph' ? wrap(inlines(first.children, inner), ctx.width, hang) : indentLines(blocks(first ? [first] : [], inner), hang).trimStart();
        return [marker + head, ...rest.map((block) => indentLines(blocks([block], inner), hang))].join('\n\n');
      })
      .join('\n');
  },
  table: (node, ctx) => table([...node.head, ...node.rows], ctx),
  imageBlock: (node, ctx) => {
    const caption = node.caption?.length ? `: ${inlines(node.caption, ctx)}` : '';
    return wrap(`[Image: ${node.alt || 'untitled'}${caption}]`, ctx.width);
  },
  codeBlock: (node) => indentLines(node.value.replace(/\r\n?/g, '\n').replace(/\n+$/, ''), INDENT),
  authorNote: (node, ctx) => {
    const [first, ...rest] = node.children;
    const lead = first?.type === 'paragraph' ? wrap(`${node.label}: ${inlines(first.children, ctx)}`, ctx.width) : `${node.label}:`;
    const remaining = first?.type === 'paragraph' ? rest : node.children;
    return remaining.length ? `${lead}\n\n${blocks(remaining, ctx)}` : lead;
  },
};

/** Blocks as plain text, separated by blank lines. */
export function blocks(nodes: readonly Block[], ctx: TxtContext): string {
  return writeNodes('txt', blockHandlers, nodes, ctx, '\n\n');
}
