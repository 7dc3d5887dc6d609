/**
 * Archive scale (issue 15): `quire batch` against calibre's `ebook-convert`, one process per work as an archive's
 * download writer runs it, on the same works. Forty one-shots (the seed, each with its own title) and twelve
 * multi-chapter works (the first chapters of the fan-fiction-style novels); whole commands timed, start-up included.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORPUS } from './books';
import { BENCH_ENV, have, measure, runOnce, type Measurement } from './measure';

export interface ScaleRow {
  /** What was built: `40 one-shots, EPUB, --jobs 2`. */
  label: string;
  works: number;
  tool: 'quire batch' | 'calibre ebook-convert';
  jobs?: number;
  time: Measurement;
  /** Median wall time per work, start-up included. */
  msPerWork: number;
  /** Cores kept busy: CPU time over wall time. */
  busy: number;
  worksPerMinute: number;
}

export interface ScaleResults {
  rows: ScaleRow[];
  /** quire batch's time per one-shot EPUB over calibre's, with the default --jobs. */
  calibreRatio?: number;
  /**
   * Throughput at the machine's cores over throughput with one job, for EPUB and PDF (an EPUB-only build already
   * keeps more than one core busy with one job: its cover is drawn and compressed on libuv's threads).
   */
  speedup: number;
  cores: number;
}

/** `count` one-shots and `novels` multi-chapter works, written into `dir`. */
function writeWorks(dir: string): { oneShots: string; novels: string } {
  const oneShots = path.join(dir, 'one-shots');
  const novels = path.join(dir, 'novels');
  fs.mkdirSync(oneShots, { recursive: true });
  fs.mkdirSync(novels, { recursive: true });
  const seed = fs.readFileSync(path.join(CORPUS, 'seed', '000_27920b3cbfe5b9b8.txt'), 'utf8');
  for (let i = 1; i <= 40; i++) fs.writeFileSync(path.join(oneShots, `work-${i}.txt`), seed.replace(/^Title: .*$/m, `Title: A Moment of Friendship, Take ${i}`));
  const sources = ['persuasion', 'northanger-abbey', 'moby-dick'].map((name) => fs.readFileSync(path.join(CORPUS, 'fanfic-style', `${name}.txt`), 'utf8'));
  for (let i = 1; i <= 12; i++) {
    const text = sources[i % 3];
    const starts = [...text.matchAll(/^Chapter \d+\s*$/gm)].map((m) => m.index!);
    const cut = starts[3 + (i % 4)] ?? text.length;
    fs.writeFileSync(path.join(novels, `work-${i}.txt`), text.slice(0, cut).replace(/^Title: (.*)$/m, (_, t: string) => `Title: ${t}, Part ${i}`));
  }
  return { oneShots, novels };
}

export function runScale(runs: number, log: (line: string) => void): ScaleResults {
  const quire = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-bench-scale-'));
  const { oneShots, novels } = writeWorks(dir);
  const cores = os.cpus().length;
  const rows: ScaleRow[] = [];
  const env = BENCH_ENV;
  const row = (label: string, works: number, tool: ScaleRow['tool'], time: Measurement, jobs?: number): ScaleRow => {
    const msPerWork = time.wallMs.median / works;
    const r = { label, works, tool, jobs, time, msPerWork, worksPerMinute: 60_000 / msPerWork, busy: time.cpuMs.median / time.wallMs.median };
    log(`  ${tool} ${label}: ${(time.wallMs.median / 1000).toFixed(2)} s, ${msPerWork.toFixed(0)} ms per work, ${r.busy.toFixed(1)} cores busy`);
    rows.push(r);
    return r;
  };
  const batch = (input: string, formats: string, jobs: number, label: string, works: number) => {
    const out = path.join(dir, 'out');
    const time = measure(process.execPath, [quire, 'batch', input, '--out', out, '--format', formats, '--jobs', String(jobs), '--quiet'], runs, { env, setup: () => fs.rmSync(out, { recursive: true, force: true }) });
    return row(label, works, 'quire batch', time, jobs);
  };
  // quire's default --jobs (src/cli/args.ts): the cores ÷ 1.5, rounded.
  const defaultJobs = Math.max(1, Math.round(cores / 1.5));
  const label = (jobs: number) => `--jobs ${jobs}${jobs === defaultJobs ? ' (the default)' : ''}`;
  let atDefault: ScaleRow | undefined;
  for (const jobs of [...new Set([1, defaultJobs, cores])]) {
    const r = batch(oneShots, 'epub', jobs, `40 one-shots, EPUB, ${label(jobs)}`, 40);
    if (jobs === defaultJobs) atDefault = r;
  }
  const one = batch(oneShots, 'epub,pdf', 1, `40 one-shots, EPUB and PDF, ${label(1)}`, 40);
  const both = batch(oneShots, 'epub,pdf', cores, `40 one-shots, EPUB and PDF, ${label(cores)}`, 40);
  batch(novels, 'epub', defaultJobs, `12 multi-chapter works, EPUB, ${label(defaultJobs)}`, 12);
  batch(novels, 'epub,pdf', defaultJobs, `12 multi-chapter works, EPUB and PDF, ${label(defaultJobs)}`, 12);
  const results: ScaleResults = { rows, speedup: one.msPerWork / both.msPerWork, cores };
  if (have('ebook-convert')) {
    // One process per work, as otwarchive's DownloadWriter runs it; timed over every work, once.
    const calibre = (input: string, label: string) => {
      const files = fs.readdirSync(input).map((f) => path.join(input, f));
      const out = path.join(dir, 'calibre');
      fs.mkdirSync(out, { recursive: true });
      const samples = files.map((file) => runOnce('ebook-convert', [file, path.join(out, `${path.basename(file, '.txt')}.epub`)], { env }));
      const total = samples.reduce((sum, s) => sum + s.wallMs, 0);
      const time: Measurement = { runs: 1, wallMs: { median: total, min: total, max: total }, cpuMs: { median: samples.reduce((s, x) => s + x.cpuMs, 0), min: 0, max: 0 }, peakMiB: { median: Math.max(...samples.map((s) => s.peakMiB)), min: 0, max: 0 }, samples };
      return row(label, files.length, 'calibre ebook-convert', time);
    };
    const c = calibre(oneShots, '40 one-shots, EPUB, one process each');
    calibre(novels, '12 multi-chapter works, EPUB, one process each');
    results.calibreRatio = atDefault!.msPerWork / c.msPerWork;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return results;
}
