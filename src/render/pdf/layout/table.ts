/** Tables: a simple grid with columns sized to their content, rules above, below and under the header. */
import type { Table, TableRow } from '../../../model/types';
import { leadingOf, type BlockCtx } from './block-ctx';
import { bodyStyle, wordsOf, type LayoutEnv } from './env';
import { setParagraph } from './paragraph';
import type { DrawOp, FlowBlock, FlowBox } from './types';

const RULE = 0.5;

/** A table as one block whose rows may fall on different pages. */
export function layoutTable(node: Table, ctx: BlockCtx, env: LayoutEnv): FlowBlock[] {
  const rows = [...node.head.map((row) => ({ row, head: true })), ...node.rows.map((row) => ({ row, head: false }))];
  const columns = Math.max(0, ...rows.map((r) => r.row.cells.length));
  if (columns === 0) return [];
  const scale = ctx.scale * env.theme.small;
  const leading = leadingOf(env, scale);
  const pad = env.theme.body.size * 0.4;
  const available = env.measure - ctx.left - ctx.right;

  // Each column gets its widest cell's natural width, shrunk proportionally when the table would overflow.
  const natural = new Array<number>(columns).fill(pad * 4);
  for (const { row, head } of rows) {
    row.cells.forEach((cell, c) => {
      const style = bodyStyle(env, scale, head ? 'serif-bold' : 'serif-regular');
      const words = wordsOf(cell.children, style, env);
      const width = words.reduce((sum, w) => sum + w.pieces.reduce((s, p) => s + env.fonts.width(p.text, p.style), 0) + env.fonts.width(' ', style), 0);
      natural[c] = Math.max(natural[c], width + 2 * pad);
    });
  }
  const total = natural.reduce((a, b) => a + b, 0);
  const widths = total > available ? natural.map((w) => (w * available) / total) : natural;
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  const x0 = ctx.left;

  const boxes: FlowBox[] = rows.map(({ row, head }, r) => rowBox(row, head, widths, x0, leading, pad, scale, node, env, r === rows.length - 1, node.head.length > 0 && r === node.head.length - 1));
  // Rule above the table.
  boxes[0].ops.push({ type: 'rule', x1: x0, y1: 0, x2: x0 + tableWidth, y2: 0, width: RULE });
  return [{ boxes, spaceBefore: leading / 2, spaceAfter: leading / 2, splittable: true }];
}

function rowBox(row: TableRow, head: boolean, widths: number[], x0: number, leading: number, pad: number, scale: number, node: Table, env: LayoutEnv, last: boolean, headEnd: boolean): FlowBox {
  const ops: DrawOp[] = [];
  let height = leading;
  let x = x0;
  row.cells.forEach((cell, c) => {
    const style = bodyStyle(env, scale, head ? 'serif-bold' : 'serif-regular');
    const align = node.align[c] ?? 'left';
    const lines = setParagraph(wordsOf(cell.children, style, env), {
      width: x + widths[c] - pad, indent: x + pad, align: align ?? 'left', leading,
    }, env.fonts);
    lines.forEach((line, i) => {
      for (const op of line.ops) ops.push(shift(op, pad / 2 + i * leading));
    });
    height = Math.max(height, lines.length * leading);
    x += widths[c];
  });
  height += pad;
  const right = x0 + widths.reduce((a, b) => a + b, 0);
  if (last || headEnd) ops.push({ type: 'rule', x1: x0, y1: height, x2: right, y2: height, width: RULE });
  return { height, ops };
}

/** Moves an op down by `dy`. */
function shift(op: DrawOp, dy: number): DrawOp {
  switch (op.type) {
    case 'text':
    case 'pageRef':
      return { ...op, baseline: op.baseline + dy };
    case 'rule':
      return { ...op, y1: op.y1 + dy, y2: op.y2 + dy };
    case 'image':
      return { ...op, y: op.y + dy };
  }
}
