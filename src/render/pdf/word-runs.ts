/** Words of a line that can be drawn as one string: a line's plain words in one style, whatever their gaps. */
import type { DrawOp } from './layout/types';

export type TextOp = DrawOp & { type: 'text' };

/** Gaps closer than this (in points) are the same gap: far below what a reader or pdftotext can tell apart. */
export const SAME_GAP = 1e-6;

/**
 * The ops in order, with each stretch of two or more plain words in one style and one glyph scale, on one baseline,
 * set apart by gaps, gathered into an array (drawn as one string); every other op stands alone. A plain word has no whitespace
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
      gap > 0;
    if (!fits) flush();
    run.push(op);
  }
  flush();
  return out;
}

/** The gaps between a run's words, in points: in `into` (emptied first) when it is given. */
export function gapsOf(run: readonly TextOp[], into: number[] = []): number[] {
  into.length = 0;
  for (let k = 1; k < run.length; k++) into.push(run[k].x - (run[k - 1].x + run[k - 1].width));
  return into;
}

/**
 * A run cut where its gap changes, for pdfkit's word spacing, which sets every gap of a string alike: stretches of
 * two or more words with one gap as arrays, a word between two other gaps alone.
 */
export function equalGapRuns(run: readonly TextOp[]): (TextOp | TextOp[])[] {
  const gaps = gapsOf(run);
  const out: (TextOp | TextOp[])[] = [];
  let from = 0;
  for (let k = 1; k <= run.length; k++) {
    if (k < run.length && (k === from + 1 || Math.abs(gaps[k - 1] - gaps[from]) < SAME_GAP)) continue;
    out.push(k - from > 1 ? run.slice(from, k) : run[from]);
    from = k;
  }
  return out;
}
