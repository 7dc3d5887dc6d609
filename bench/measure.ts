/**
 * Runs a command several times as a child process and measures the whole process each time: wall time (our clock),
 * CPU time (user + system) and peak resident memory, both from GNU time, which reads them from the kernel's rusage.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** GNU time (Debian package `time`): the shell's `time` keyword cannot report peak memory. */
export const GNU_TIME = '/usr/bin/time';

/** One run of one command. */
export interface Sample {
  wallMs: number;
  cpuMs: number;
  peakMiB: number;
}

/** Median and spread (min, max) of one figure over the runs. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface Measurement {
  runs: number;
  wallMs: Spread;
  cpuMs: Spread;
  peakMiB: Spread;
  samples: Sample[];
}

/** Median, min and max of a non-empty list. */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

export class CommandFailed extends Error {}

/** Runs `command args` once under GNU time; throws with the command's stderr when it exits non-zero. */
export function runOnce(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Sample {
  const stats = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'quire-bench-')), 'time.txt');
  const start = process.hrtime.bigint();
  const result = spawnSync(GNU_TIME, ['-o', stats, '-f', '%U %S %M', command, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const text = fs.existsSync(stats) ? fs.readFileSync(stats, 'utf8') : '';
  fs.rmSync(path.dirname(stats), { recursive: true, force: true });
  if (result.status !== 0) {
    throw new CommandFailed(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}:\n${(result.stderr ?? '').slice(-2000)}`);
  }
  // GNU time prints "Command exited with non-zero status" lines first when it does; the figures are on the last line.
  const [user, sys, maxKiB] = text.trim().split('\n').pop()!.split(/\s+/).map(Number);
  return { wallMs, cpuMs: (user + sys) * 1000, peakMiB: maxKiB / 1024 };
}

/** Runs a command `runs` times (after `setup` before each run, untimed) and summarises the samples. */
export function measure(
  command: string,
  args: readonly string[],
  runs: number,
  options: { cwd?: string; env?: NodeJS.ProcessEnv; setup?: () => void } = {},
): Measurement {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    options.setup?.();
    samples.push(runOnce(command, args, options));
  }
  return {
    runs,
    wallMs: spread(samples.map((s) => s.wallMs)),
    cpuMs: spread(samples.map((s) => s.cpuMs)),
    peakMiB: spread(samples.map((s) => s.peakMiB)),
    samples,
  };
}

/** The environment the bench's commands run in: a fixed date, so that every run writes the same bytes. */
export const BENCH_ENV = { ...process.env, SOURCE_DATE_EPOCH: '1767225600' };

/** quire's runs taken in turn with an anchor's (typst, pandoc): quire's wall times, and theirs over the anchor's. */
export interface Paired {
  quireMs: number[];
  ratio: Spread;
}

/**
 * The pairs of `quireMs[i]` and `anchorMs[i]` (quire's run just before the anchor's), logged: this machine's speed
 * drifts (typst's compile went from 2.0 to 3.2 s within hours, pandoc + xelatex's Moby-Dick from 4.8 to 8.5 s), and
 * runs taken in turn see the same machine.
 */
export function paired(quireMs: number[], anchorMs: readonly number[], label: string, log: (line: string) => void): Paired {
  const ratio = spread(quireMs.map((ms, i) => ms / anchorMs[i]));
  log(`  quire ${label} in turn with it: ${quireMs.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}; ratio ${ratio.median.toFixed(2)}× (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)})`);
  return { quireMs, ratio };
}

/** Whether an executable is on PATH (or is an absolute path that exists). */
export function have(command: string): boolean {
  if (path.isAbsolute(command)) return fs.existsSync(command);
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}
