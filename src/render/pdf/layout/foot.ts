/**
 * Footnotes at the foot of the page: each page keeps the note lines referenced on it below a short rule; lines that
 * do not fit are carried to the foot of the next page (a long note continues there).
 */
import type { FlowBox, Placed } from './types';

/** One page's foot: its note lines, in order, after the separator rule. */
export class Foot {
  readonly lines: FlowBox[] = [];
  private total = 0;

  constructor(private readonly separator: FlowBox) {}

  /** A foot with the same lines, to add to without changing this one. */
  copy(): Foot {
    const foot = new Foot(this.separator);
    foot.lines.push(...this.lines);
    foot.total = this.total;
    return foot;
  }

  /** Height the foot takes now, separator included. */
  get height(): number {
    return this.total;
  }

  /** Extra height that adding `lines` would take (with the separator if the foot is still empty). */
  cost(lines: readonly FlowBox[]): number {
    if (lines.length === 0) return 0;
    return lines.reduce((s, l) => s + l.height, this.lines.length ? 0 : this.separator.height);
  }

  /** Adds as many of `lines` as fit below body text ending at `bodyBottom` on a page `height` tall; returns the rest. */
  add(lines: readonly FlowBox[], bodyBottom: number, height: number): FlowBox[] {
    let i = 0;
    for (; i < lines.length; i++) {
      if (bodyBottom + this.total + this.cost([lines[i]]) > height + 0.01) break;
      if (this.lines.length === 0) {
        this.lines.push(this.separator);
        this.total += this.separator.height;
      }
      this.lines.push(lines[i]);
      this.total += lines[i].height;
    }
    return lines.slice(i);
  }

  /** The foot's lines placed at the bottom of a text block `height` tall. */
  place(height: number): Placed[] {
    let y = height - this.total;
    return this.lines.map((box) => {
      const placed = { y, box };
      y += box.height;
      return placed;
    });
  }
}

/** The note lines a line of text brings with it. */
export function noteLines(box: FlowBox): FlowBox[] {
  return box.notes?.flat() ?? [];
}
