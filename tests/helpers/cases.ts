/**
 * Case files in markdown-it's fixture style: a description line, then `.`, the input, `.`, the expected outline
 * (tests/helpers/outline.ts), `.`. Anything between cases is commentary.
 *
 * ```text
 * A summary in a paragraph of its own is metadata, not story
 * .
 * Title: T
 *
 * Summary: S.
 *
 * Text.
 * .
 * title: T
 * summary: S.
 * front summary[3]:
 *   p[3]: S.
 * chapter[5]
 *   p[5]: Text.
 * .
 * ```
 *
 * Characters a person cannot see are written out in an input: `␍` is a carriage return (`Title: T␍` ends its line
 * with CR LF) and `<U+FEFF>` is that code point (a byte-order mark here).
 *
 * A line `Outline: positions` in a file's commentary prints whole positions (columns, offsets, inline and
 * metadata key positions) for every case of that file (see tests/helpers/outline.ts).
 *
 * `UPDATE_GOLDENS=1 npx jest tests/read/cases` rewrites the expected outlines from what the readers make now
 * (tests/helpers/golden.ts); read the diff before committing it.
 */
import * as fs from 'node:fs';

export interface Case {
  /** The description line. */
  name: string;
  input: string;
  expected: string;
  /** 1-based line of the description in the case file. */
  line: number;
  /** Line indexes of the expected block, for rewriting. */
  expectedFrom: number;
  expectedTo: number;
}

/** An input with its written-out characters (`␍`, `<U+FEFF>`) made real. */
function visible(input: string): string {
  return input.replace(/␍/g, '\r').replace(/<U\+([0-9A-F]{4,6})>/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

/** The cases of one file. Throws on a case left open, naming its line. */
export function parseCases(file: string): Case[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const cases: Case[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i] !== '.') {
      i++;
      continue;
    }
    let head = i - 1;
    while (head >= 0 && !lines[head].trim()) head--;
    const name = head >= 0 ? lines[head] : `case at line ${i + 1}`;
    const inputFrom = i + 1;
    let j = inputFrom;
    while (j < lines.length && lines[j] !== '.') j++;
    const expectedFrom = j + 1;
    let k = expectedFrom;
    while (k < lines.length && lines[k] !== '.') k++;
    if (k >= lines.length) throw new Error(`${file}:${i + 1}: case "${name}" is not closed with three "." lines`);
    cases.push({
      name,
      input: visible(lines.slice(inputFrom, j).join('\n') + '\n'),
      expected: lines.slice(expectedFrom, k).join('\n'),
      line: head + 1,
      expectedFrom,
      expectedTo: k,
    });
    i = k + 1;
  }
  return cases;
}

/** The outline options a case file asks for in its commentary (`Outline: positions`). */
export function caseOptions(file: string): { positions: boolean } {
  const said = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Outline: '));
  return { positions: said?.slice('Outline: '.length).split(/[ ,]+/).includes('positions') ?? false };
}

/** Rewrites the expected blocks of a case file with `actual` (by case index). */
export function rewriteCases(file: string, actual: readonly string[]): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const cases = parseCases(file);
  for (let n = cases.length - 1; n >= 0; n--) {
    const c = cases[n];
    lines.splice(c.expectedFrom, c.expectedTo - c.expectedFrom, ...actual[n].split('\n'));
  }
  fs.writeFileSync(file, lines.join('\n'));
}
