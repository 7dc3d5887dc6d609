/**
 * A right-to-left book is laid out as its left-to-right mirror image (each line's pieces in reverse visual order,
 * see paragraph.ts) and then flipped here, once, across the text block: paragraphs start at the right margin, block
 * insets, list markers, note rules and the contents' indents move to the right, and the contents' page numbers to
 * the left, with no layout step knowing about direction.
 */
import type { DrawOp, FlowBlock, FlowBox } from './types';

/** `op` flipped across a text block `measure` wide. */
function mirrorOp(op: DrawOp, measure: number): DrawOp {
  switch (op.type) {
    case 'text':
    case 'image':
      return { ...op, x: measure - op.x - op.width };
    case 'rule':
      return { ...op, x1: measure - op.x1, x2: measure - op.x2 };
    case 'pageRef':
      // Right-aligned at `right` becomes left-aligned at its mirror.
      return { ...op, left: measure - op.right };
  }
}

/** Flips a box and the footnote lines it carries, in place. */
export function mirrorBox(box: FlowBox, measure: number, seen = new Set<FlowBox>()): FlowBox {
  if (seen.has(box)) return box;
  seen.add(box);
  box.ops = box.ops.map((op) => mirrorOp(op, measure));
  for (const lines of box.notes ?? []) for (const line of lines) mirrorBox(line, measure, seen);
  return box;
}

/** Flips every box of `blocks` across a text block `measure` wide, in place (a box shared by two blocks once). */
export function mirrorBlocks(blocks: readonly FlowBlock[], measure: number): void {
  const seen = new Set<FlowBox>();
  for (const block of blocks) for (const box of block.boxes) mirrorBox(box, measure, seen);
}
