/**
 * The two options added by declaring them in their renderer's options.ts only: the AO3 HTML's scene break and the
 * text's line width, each set by flag and in book.yaml, the flag winning; and their mistakes, on both sides.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quire } from '../helpers/cli';
import { tempDir } from '../helpers/tools';

const LONG = 'The ferry left the harbour at nine, and nobody on the quay waved, because nobody on the quay knew who was aboard.';

/** A book folder whose one chapter has a long paragraph and a scene break; `options` are book.yaml's `quire:` lines. */
function book(options = ''): string {
  const dir = tempDir('quire-renderer-options-');
  fs.mkdirSync(path.join(dir, 'manuscript'));
  fs.writeFileSync(path.join(dir, 'manuscript', '1-one.md'), `# Chapter 1: Departure\n\n${LONG}\n\n* * *\n\nIt arrived at dawn.\n`);
  fs.writeFileSync(path.join(dir, 'manuscript', 'book.yaml'), `title: Night Ferry\nauthor: Wren Halloway\nquire:\n${options}`);
  return dir;
}

/** Builds the book in `dir` with `args` and returns the one output's text. */
function built(dir: string, args: string[]): string {
  const run = quire(['build', ...args, '--out', 'out'], { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return fs.readFileSync(path.join(dir, run.stdout.trim()), 'utf8');
}

describe('the AO3 HTML scene break', () => {
  test('is a rule by default', () => {
    const html = built(book(), ['--format', 'html']);
    expect(html).toContain('<hr />');
    expect(html).not.toContain('<p align="center">***</p>');
  });

  test("--scene-break ornament prints the author's marker centred", () => {
    const html = built(book(), ['--format', 'html', '--scene-break', 'ornament']);
    expect(html).toContain('<p align="center">***</p>');
    expect(html).not.toContain('<hr />');
  });

  test('scene-break: ornament in book.yaml does the same, and the flag wins over it', () => {
    const dir = book('  formats: [html]\n  scene-break: ornament\n');
    expect(built(dir, [])).toContain('<p align="center">***</p>');
    expect(built(dir, ['--scene-break', 'rule'])).toContain('<hr />');
  });
});

describe('the text line width', () => {
  test('is 0 by default: each paragraph on one line', () => {
    expect(built(book(), ['--format', 'txt']).split('\n')).toContain(LONG);
  });

  test('--line-width 40 fills paragraphs to lines of at most 40 characters', () => {
    const lines = built(book(), ['--format', 'txt', '--line-width', '40']).split('\n');
    expect(lines).not.toContain(LONG);
    expect(lines.filter((l) => LONG.includes(l) && l.length > 0).length).toBeGreaterThan(2);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(40);
  });

  test('line-width in book.yaml does the same, and the flag wins over it', () => {
    const dir = book('  formats: txt\n  line-width: 40\n');
    expect(Math.max(...built(dir, []).split('\n').map((l) => l.length))).toBeLessThanOrEqual(40);
    expect(built(dir, ['--line-width', '0']).split('\n')).toContain(LONG);
  });
});

test.each([
  ['  scene-break: stars\n', 4, 16, '`quire.scene-break` must be one of rule, ornament (got stars)'],
  ['  line-width: -1\n', 4, 15, '`quire.line-width` should be 0 or more (got -1)'],
  ['  line-width: 7.5\n', 4, 15, '`quire.line-width` should be a whole number (got 7.5)'],
  ['  line-width: wide\n', 4, 15, '`quire.line-width` should be a number (got wide)'],
])('book.yaml %j is an error at its line and column', (options, line, column, message) => {
  const run = quire(['build'], { cwd: book(options) });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`${path.join('manuscript', 'book.yaml')}:${line}:${column}: error: ${message}`);
});

test.each([
  [['build', '--scene-break', 'stars'], '--scene-break must be one of rule, ornament (got stars)'],
  [['build', '--line-width', 'wide'], '--line-width takes a whole number, 0 or more (got wide)'],
  [['build', '--line-width', '-1'], '--line-width needs a value'],
])('%j is a usage error (exit 2)', (args, message) => {
  const run = quire(args);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(`quire: error: ${message}`);
});
