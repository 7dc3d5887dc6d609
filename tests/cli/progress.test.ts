/** The progress line: its text, its drawing on a terminal, and its absence when stderr is not one. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ProgressDisplay, progressLine } from '../../src/cli/progress';
import { BIN, quire, REPO } from '../helpers/cli';
import { requireTool, tempDir } from '../helpers/tools';

test('the line names the stage, and while rendering the format and the chapter with a count', () => {
  expect(progressLine({ stage: 'read' })).toBe('quire: reading the manuscript');
  expect(progressLine({ stage: 'render', format: 'pdf' })).toBe('quire: rendering pdf');
  expect(progressLine({ stage: 'render', format: 'epub', done: 3, total: 12 })).toBe('quire: rendering epub: chapter 3/12');
  expect(progressLine({ stage: 'write' })).toBe('quire: writing');
  // Never wider than the terminal, so it never wraps onto a second line.
  expect(progressLine({ stage: 'render', format: 'epub', done: 3, total: 12 }, 20)).toBe('quire: rendering e…');
});

test('on a terminal each update replaces the line before (\\r and erase), and clear() removes it', () => {
  let written = '';
  const display = new ProgressDisplay((t) => (written += t), true, () => 80);
  display.update({ stage: 'read' });
  display.update({ stage: 'render', format: 'epub', done: 1, total: 2 });
  display.update({ stage: 'render', format: 'epub', done: 1, total: 2 }); // unchanged: not redrawn
  display.clear();
  expect(written).toBe('\r\x1b[2Kquire: reading the manuscript\r\x1b[2Kquire: rendering epub: chapter 1/2\r\x1b[2K');
});

test('off a terminal it writes nothing', () => {
  let written = '';
  const display = new ProgressDisplay((t) => (written += t), false);
  display.update({ stage: 'read' });
  display.clear();
  expect(written).toBe('');
});

test('a build whose stderr is a pipe prints no progress; --verbose adds stage timings', () => {
  const out = tempDir();
  const plain = quire(['build', 'manuscript', '--out', out]);
  expect(plain.status).toBe(0);
  expect(plain.stderr).toBe('');
  const verbose = quire(['build', 'manuscript', '--out', out, '--verbose']);
  expect(verbose.status).toBe(0);
  expect(verbose.stderr).not.toMatch(/\r|\x1b\[/);
  expect(verbose.stderr).toMatch(/^quire: manuscript: read \d+ ms, render epub \d+ ms, render pdf \d+ ms, write \d+ ms$/m);
  expect(quire(['build', '--quiet', '--verbose'])).toMatchObject({ status: 2 });
});

test('on a terminal (a pseudo-terminal from `script`) the build draws the progress line and clears it', () => {
  requireTool('script', 'bsdutils');
  const out = tempDir();
  const command = [process.execPath, BIN, 'build', path.join(REPO, 'manuscript'), '--out', out].map((a) => `'${a}'`).join(' ');
  const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '100' } });
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('\r\x1b[2Kquire: rendering pdf: chapter 2/2');
  expect(run.stdout).toContain('\r\x1b[2Kquire: rendering epub: chapter 2/2');
  // The last thing on the progress line before the file list is an erase, so no progress text is left behind.
  expect(run.stdout).toMatch(/\r\x1b\[2K[^\r]*\.epub\r?\n/);
  expect(run.stdout).not.toMatch(/quire: writing[^\r]*\n/);
});
