/** Splits plain text into numbered lines (LF, CRLF or CR), dropping a BOM and control characters with a warning. */
import type { Reporter } from '../../diagnostics/types';

/** One source line, without its line ending. */
export interface Line {
  /** The line's text (control characters removed). */
  text: string;
  /** 1-based line number. */
  line: number;
  /** 0-based UTF-16 index of the line's first character in the text the reader was given. */
  offset: number;
}

/** C0 controls except tab, line feed and carriage return, and DEL: never meant as text in a manuscript. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * The text's lines in order. A final line ending does not start an extra empty line. Control characters are removed,
 * with one `control-character` warning per line that held any (positioned at the first one).
 */
export function splitLines(text: string, file: string, report: Reporter): Line[] {
  const lines: Line[] = [];
  // The caller strips a BOM; tolerate one anyway, so that the first key of a header is still recognised.
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let i = start;
  const push = (end: number): void => {
    let value = text.slice(start, end);
    CONTROL.lastIndex = 0;
    const found = CONTROL.exec(value);
    if (found) {
      const line = lines.length + 1;
      const column = found.index + 1;
      report.warn('control-character', `control character U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} removed`, {
        position: { file, start: { line, column }, end: { line, column: column + 1 } },
        hint: 'Save the manuscript as plain text; control characters are usually left over from copying.',
      });
      value = value.replace(CONTROL, '');
    }
    lines.push({ text: value, line: lines.length + 1, offset: start });
  };
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      push(i);
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      start = i;
    } else {
      i++;
    }
  }
  if (start < text.length) push(text.length);
  return lines;
}

/** Whether a line holds nothing but whitespace. */
export function isBlank(line: Line): boolean {
  return !/\S/.test(line.text);
}

/** The index of the first and one past the last non-whitespace character of a line (equal when blank). */
export function contentBounds(text: string): [number, number] {
  const from = text.search(/\S/);
  if (from < 0) return [text.length, text.length];
  return [from, text.trimEnd().length];
}
