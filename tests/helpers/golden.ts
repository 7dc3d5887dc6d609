/**
 * Goldens: expected text kept in files beside the tests, compared with what quire makes now, byte for byte.
 *
 * One switch rewrites every golden: `UPDATE_GOLDENS=1 CI=true npx jest tests/read/cases tests/render/goldens
 * tests/cli/transcripts` writes what quire makes now in place of the expected text (the reader cases' outlines, the
 * renderer goldens' files, the transcripts' output blocks) and passes. Read the diff (`git diff tests/fixtures
 * tests/cli/transcripts`) before committing it: every changed line is a change in behaviour.
 *
 * When a golden differs, the failure names the file (and line) and shows a unified diff of the first difference,
 * expected lines with `-`, actual lines with `+`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** True when this run rewrites goldens instead of checking them (`UPDATE_GOLDENS=1`). */
export const updatingGoldens = process.env.UPDATE_GOLDENS === '1';

const CONTEXT = 3;
const MAX_LINES = 60;

/**
 * A unified diff of the first place `expected` and `actual` differ: one hunk from the first differing line to the
 * last, with three lines of context (cut at 60 lines). Empty when they are equal.
 */
export function firstDifference(expected: string, actual: string, labels: [string, string] = ['expected', 'actual']): string {
  if (expected === actual) return '';
  const a = expected.split('\n');
  const b = actual.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const from = Math.max(0, start - CONTEXT);
  const toA = Math.min(a.length, endA + CONTEXT);
  const toB = Math.min(b.length, endB + CONTEXT);
  const lines = [
    `--- ${labels[0]}`,
    `+++ ${labels[1]}`,
    `@@ -${from + 1},${toA - from} +${from + 1},${toB - from} @@`,
    ...a.slice(from, start).map((l) => ` ${l}`),
    ...a.slice(start, endA).map((l) => `-${l}`),
    ...b.slice(start, endB).map((l) => `+${l}`),
    ...a.slice(endA, toA).map((l) => ` ${l}`),
  ];
  const shown = lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `… ${lines.length - MAX_LINES} more lines`] : lines;
  const endings = expected.endsWith('\n') === actual.endsWith('\n') ? [] : ['(they differ in the newline at the end)'];
  return [...shown, ...endings].join('\n');
}

/** The error a differing golden fails with: where, the diff, and how to accept the change. */
export class GoldenMismatch extends Error {
  constructor(where: string, diff: string) {
    super(`${where} differs from what quire makes now:\n${diff}\n(if the change is intended: UPDATE_GOLDENS=1 npx jest <this test>, then read the diff)`);
    this.name = 'GoldenMismatch';
  }
}

/** Fails with a diff when `actual` is not `expected`; `where` names the golden (a file, or a file and line). */
export function expectSameText(where: string, expected: string, actual: string): void {
  if (expected !== actual) throw new GoldenMismatch(where, firstDifference(expected, actual));
}

/**
 * Checks the golden file `file` against `actual` byte for byte; under `UPDATE_GOLDENS=1` writes `actual` to it
 * (creating folders). A missing golden fails, saying how to create it.
 */
export function expectGoldenFile(file: string, actual: string | Uint8Array): void {
  const bytes = typeof actual === 'string' ? Buffer.from(actual, 'utf8') : Buffer.from(actual);
  if (updatingGoldens) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file) || !fs.readFileSync(file).equals(bytes)) fs.writeFileSync(file, bytes);
    return;
  }
  const where = path.relative(process.cwd(), file);
  if (!fs.existsSync(file)) throw new GoldenMismatch(where, '(the golden file does not exist)');
  const expected = fs.readFileSync(file);
  if (expected.equals(bytes)) return;
  throw new GoldenMismatch(where, firstDifference(expected.toString('utf8'), bytes.toString('utf8')) || '(the bytes differ, the text is the same)');
}

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
function listFiles(dir: string): string[] {
  const walk = (d: string): string[] =>
    fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)])) : [];
  return walk(dir)
    .map((f) => path.relative(dir, f).split(path.sep).join('/'))
    .sort();
}

/**
 * Checks a golden folder against `files` (relative path → content): the same files, each byte for byte. Fails
 * naming every file that differs, is missing or is new, with a unified diff of the first. Under `UPDATE_GOLDENS=1`
 * writes the folder to match, deleting files no longer made.
 */
export function expectGoldenTree(dir: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  const bytes = (content: string | Uint8Array): Buffer => (typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content));
  if (updatingGoldens) {
    for (const name of listFiles(dir)) if (!files.has(name)) fs.rmSync(path.join(dir, name));
    for (const [name, content] of files) expectGoldenFile(path.join(dir, name), content);
    return;
  }
  const where = path.relative(process.cwd(), dir);
  const problems: string[] = [];
  let first = '';
  for (const name of listFiles(dir)) if (!files.has(name)) problems.push(`${name} (no longer made)`);
  for (const [name, content] of files) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) {
      problems.push(`${name} (new)`);
      continue;
    }
    const expected = fs.readFileSync(file);
    const actual = bytes(content);
    if (expected.equals(actual)) continue;
    problems.push(name);
    first ||= firstDifference(expected.toString('utf8'), actual.toString('utf8'), [`${where}/${name}`, 'made now']) || '(the bytes differ, the text is the same)';
  }
  if (problems.length) throw new GoldenMismatch(where, `${problems.map((p) => `  ${p}`).join('\n')}\n${first}`);
}
