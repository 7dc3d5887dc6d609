/**
 * `quire build` runs V8's helper threads ten nice levels below its JavaScript thread (src/cli/threads.ts). Read from
 * /proc in fresh node processes: jest's own process is not the one to change.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../helpers/cli';
import { tempDir } from '../helpers/tools';

/** A preload that prints each thread's nice value (field 19 of /proc/self/task/<tid>/stat) as JSON at exit. */
const REPORT = `process.on('exit', () => {
  const fs = require('fs');
  const threads = fs.readdirSync('/proc/self/task').map((tid) => {
    const stat = fs.readFileSync('/proc/self/task/' + tid + '/stat', 'utf8');
    return { tid: Number(tid), nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) };
  });
  fs.writeSync(2, JSON.stringify({ pid: process.pid, threads }) + '\\n');
});
`;

interface Report {
  pid: number;
  threads: { tid: number; nice: number }[];
}

/** Runs node with the report preloaded; the report, the main thread's nice value and the others'. */
function run(args: string[]): { main: number | undefined; helpers: number[]; stderr: string } {
  const dir = tempDir('quire-threads-');
  const hook = path.join(dir, 'report.js');
  fs.writeFileSync(hook, REPORT);
  const result = spawnSync(process.execPath, ['-r', hook, ...args], { encoding: 'utf8', cwd: dir });
  expect(result.status).toBe(0);
  const report = JSON.parse(result.stderr.trim().split('\n').pop() ?? '') as Report;
  return {
    main: report.threads.find((t) => t.tid === report.pid)?.nice,
    helpers: report.threads.filter((t) => t.tid !== report.pid).map((t) => t.nice),
    stderr: result.stderr,
  };
}

test('lowerHelperThreads puts every thread but the main one ten nice levels below it', () => {
  const threads = path.join(REPO, 'lib/cli/threads.js');
  const { main, helpers, stderr } = run(['-e', `process.stderr.write('lowered ' + require(${JSON.stringify(threads)}).lowerHelperThreads() + '\\n')`]);
  // (Relative to the main thread's: the tests may themselves run under `nice`.)
  const lowered = Math.min(19, (main ?? 0) + 10);
  expect(helpers.length).toBeGreaterThan(0);
  expect(stderr).toMatch(new RegExp(`^lowered ${helpers.length}\\n`));
  expect(helpers).toEqual(helpers.map(() => lowered));
});

test('quire build lowers its helpers; quire inspect leaves every thread as it was', () => {
  const dir = tempDir('quire-threads-');
  const story = path.join(dir, 'story.md');
  fs.writeFileSync(story, '# One\n\nIt began with a word.\n');
  const build = run([path.join(REPO, 'lib/cli/main.js'), 'build', story, '--format', 'pdf', '-o', path.join(dir, 'out')]);
  const main = build.main ?? 0;
  expect(main).toBeLessThan(19);
  // V8's platform workers exist from the start and are lowered; threads the main thread makes later keep its level.
  expect(build.helpers.filter((nice) => nice === Math.min(19, main + 10)).length).toBeGreaterThanOrEqual(2);
  expect(build.helpers.filter((nice) => nice !== Math.min(19, main + 10) && nice !== main)).toEqual([]);
  const inspect = run([path.join(REPO, 'lib/cli/main.js'), 'inspect', story]);
  expect(inspect.helpers).toEqual(inspect.helpers.map(() => inspect.main));
});
