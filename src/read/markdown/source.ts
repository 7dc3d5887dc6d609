/** Converts markdown-it's 0-based line ranges into the model's 1-based file positions, once, at the boundary. */
import type { Position } from '../../model/types';

/** A markdown-it `token.map`: 0-based `[startLine, endLine)` within the text given to the parser. */
export type LineMap = [number, number] | null;

/** Turns a `token.map` into a position in the file, or undefined for generated or unmapped text. */
export type Locate = (map: LineMap) => Position | undefined;

/** Locates nothing: for text that is not a span of the file (a metadata value parsed as Markdown). */
export const nowhere: Locate = () => undefined;

/**
 * A locator for a body that starts at 0-based line `offset` of a file split into `lines`.
 * Columns point at the first and just past the last non-blank character of the span's first and last line.
 */
export function locator(file: string, lines: readonly string[], offset: number): Locate {
  return (map) => {
    if (!map) return undefined;
    const first = map[0] + offset;
    // markdown-it's end is exclusive, and a list item's range takes in the blank line after it.
    let last = Math.max(first, map[1] - 1 + offset);
    while (last > first && !lines[last]?.trim()) last--;
    const startText = lines[first] ?? '';
    const endText = lines[last] ?? '';
    const indent = startText.length - startText.trimStart().length;
    return {
      file,
      start: { line: first + 1, column: indent + 1 },
      end: { line: last + 1, column: endText.trimEnd().length + 1 },
    };
  };
}

/** A position from the start of `from` to the end of `to` (either may be missing). */
export function spanOf(from: Position | undefined, to: Position | undefined): Position | undefined {
  if (!from || !to) return from ?? to;
  return { file: from.file, start: from.start, end: to.end };
}
