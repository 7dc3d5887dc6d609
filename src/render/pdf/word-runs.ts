/** Words of a line that can be drawn as one string: a justified line's words with equal gaps between them. */
import type { DrawOp } from './layout/types';

export type TextOp = DrawOp & { type: 'text' };

/** Gaps closer than this (in points) are the same gap: far below what a reader or pdftotext can tell apart. */
export const SAME_GAP = 1e-6;

/**
 * The ops in order, with each stretch of two or more plain words in one style, on one baseline, with one gap between
 * them, gathered into an array (drawn as one string); every other op stands alone. A plain word has no whitespace
 * (pdfkit splits a run's string at whitespace), no link or strike, and is drawn in one face (`oneFace`).
 */
export function wordRuns(ops: readonly DrawOp[], oneFace: (op: TextOp) => boolean = () => true): (DrawOp | TextOp[])[] {
  const plainWord = (op: DrawOp): op is TextOp =>
    op.type === 'text' && !op.style.link && !op.style.strike && !op.style.smallCaps && !op.rtl && !/\s/.test(op.text) && oneFace(op);
  const out: (DrawOp | TextOp[])[] = [];
  let run: TextOp[] = [];
  const flush = () => {
    if (run.length > 1) out.push(run);
    else if (run.length === 1) out.push(run[0]);
    run = [];
  };
  for (const op of ops) {
    if (!plainWord(op)) {
      flush();
      out.push(op);
      continue;
    }
    const last = run[run.length - 1];
    const gap = last ? op.x - (last.x + last.width) : 0;
    const fits =
      last !== undefined &&
      last.style.font === op.style.font &&
      last.style.size === op.style.size &&
      last.baseline === op.baseline &&
      last.scale === op.scale &&
      gap > 0 &&
      (run.length < 2 || Math.abs(gap - (run[1].x - (run[0].x + run[0].width))) < SAME_GAP);
    if (!fits) flush();
    run.push(op);
  }
  flush();
  return out;
}
