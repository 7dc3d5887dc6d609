/** Greedy line filling for plain text: words never split, widths counted in code points. */

/**
 * `text` filled to `width` columns, every line after the first starting with `indent`. A `\n` in `text` is a hard
 * line break. `width` 0 (or less) leaves each hard line whole.
 */
export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  for (const hard of text.split('\n')) {
    if (width <= 0) {
      lines.push(hard);
      continue;
    }
    let line = '';
    for (const word of hard.split(/ +/).filter(Boolean)) {
      const room = width - (lines.length ? [...indent].length : 0);
      if (line && [...line].length + 1 + [...word].length > room) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines.map((line, i) => (i === 0 ? line : indent + line)).join('\n');
}

/** Every line of `text` prefixed with `prefix` (blank lines stay blank, so paragraphs stay apart). */
export function indentLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : line))
    .join('\n');
}
