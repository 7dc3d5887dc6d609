/**
 * The progress line: on a terminal, one line on stderr that a long build rewrites in place (`\r`, then erase the
 * line) with its stage and the chapter reached. Nothing at all when stderr is not a terminal.
 */
import type { ProgressEvent } from '../build';

/** The text of the progress line for an event, cut to `width` columns. */
export function progressLine(event: ProgressEvent, width = 80): string {
  let text: string;
  if (event.stage === 'read') text = 'reading the manuscript';
  else if (event.stage === 'write') text = 'writing';
  else if (event.total) text = `rendering ${event.format}: chapter ${event.done ?? 0}/${event.total}`;
  else text = `rendering ${event.format}`;
  const line = `quire: ${text}`;
  const room = Math.max(10, width - 1);
  return line.length > room ? `${line.slice(0, room - 1)}…` : line;
}

/** Erase the current terminal line and return to its start (CSI 2K). */
const CLEAR = '\r\x1b[2K';

/** Draws progress lines on a terminal; does nothing when `enabled` is false (stderr not a TTY, --quiet, --json). */
export class ProgressDisplay {
  private shown = '';
  constructor(
    private readonly write: (text: string) => void,
    readonly enabled: boolean,
    private readonly columns: () => number = () => process.stderr.columns || 80,
  ) {}

  /** Shows the line for an event, replacing the one before. */
  readonly update = (event: ProgressEvent): void => {
    if (!this.enabled) return;
    this.show(progressLine(event, this.columns()));
  };

  /** Shows a line of text, cut to the terminal's width, replacing the one before. */
  show(text: string): void {
    if (!this.enabled) return;
    const room = Math.max(10, this.columns() - 1);
    const line = text.length > room ? `${text.slice(0, room - 1)}…` : text;
    if (line === this.shown) return;
    this.shown = line;
    this.write(`${CLEAR}${line}`);
  }

  /** Removes the line (before other output, and when the build ends). */
  clear(): void {
    if (!this.enabled || !this.shown) return;
    this.shown = '';
    this.write(CLEAR);
  }
}
