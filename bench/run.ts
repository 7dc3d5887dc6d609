/**
 * `npm run bench`: quire against pandoc on the same books, whole processes timed as a user runs them.
 *
 *   node .bench/run.js [--runs N] [--pandoc-runs N] [--books seed,moby,wap,synthetic-1M,wap19] [--no-pandoc] [--no-typst] [--no-scaling] [--no-scale] [--only-scale] [--quick]
 *
 * For each book: EPUB only, PDF only and both (wall, CPU, peak memory; median and spread over the runs; words per
 * second), pandoc's EPUB and XeLaTeX PDF when installed, typst's compile of Moby-Dick (bench/typst.ts; each compile
 * follows a run of quire's PDF, and issue 13's ratio is taken run by run), typeset_metrics.py on every PDF, quire's PDF
 * time against pdfkit's own greedy justification, cost per word from 20k to 1M words, and `quire batch` against calibre's
 * `ebook-convert` on forty one-shots and twelve multi-chapter works (bench/scale.ts). Writes bench/results/latest.json
 * and latest.md (scale.json and scale.md with `--only-scale`), and puts the tables into the README between its bench
 * and scale markers.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fontPath } from '../lib/render/font-files';
import { corpusBooks, repeatedBook, syntheticBook, type BenchBook } from './books';
import { BENCH_ENV, CommandFailed, GNU_TIME, have, measure, paired, runOnce, type Measurement, type Paired } from './measure';
import { typesetMetrics, type QualityFigures } from './quality';
import { renderMarkdown, scaleTable, updateReadme } from './report';
import { runScale, type ScaleResults } from './scale';
import { haveTypst, runTypst, type TypstRun } from './typst';

const ROOT = path.resolve(__dirname, '..');
const QUIRE = path.join(ROOT, 'lib', 'cli', 'main.js');
const GREEDY = path.join(__dirname, 'pdf-greedy.js');
const MODES = { epub: 'epub', pdf: 'pdf', both: 'epub,pdf' } as const;
export type Mode = keyof typeof MODES;
/**
 * Copies of War and Peace in the largest book (issue 13's 10.7 million words): built once, both formats only, and
 * without pandoc, whose xelatex would take hours on it.
 */
const HUGE = 19;

/** Sizes of the synthetic books whose cost per word is compared. */
const SCALING = [20_000, 100_000, 300_000, 1_000_000];

export interface QuireRun {
  book: string;
  mode: Mode;
  time: Measurement;
  wordsPerSecond: number;
}

export interface PandocRun {
  book: string;
  format: 'epub' | 'pdf';
  time: Measurement;
  /** quire's run of the same book and format just before each of pandoc's: its wall times, and theirs over pandoc's. */
  paired?: Paired;
}

export interface ScalingRow {
  book: string;
  words: number;
  wallMs: number;
  /** Median wall time per word, process start included. */
  usPerWord: number;
  /** The same after taking away the fixed cost (a build of a 100-word book): the part that grows with the book. */
  netUsPerWord: number;
}

export interface Results {
  date: string;
  machine: { node: string; cpus: number; cpuModel: string; memoryGiB: number; platform: string };
  runs: number;
  pandocRuns: number;
  books: BenchBook[];
  quire: QuireRun[];
  pandoc: PandocRun[];
  pandocVersion?: string;
  quality: { book: string; tool: 'quire' | 'pandoc+xelatex' | 'typst'; figures: QualityFigures }[];
  /** typst's compile of the same book (issue 13's anchor for the PDF's speed). */
  typst: TypstRun[];
  greedy?: { book: string; greedyMs: number; quireMs: number; ratio: number };
  scaling?: { fixedMs: number; rows: ScalingRow[]; flatness: number };
  scale?: ScaleResults;
  notes: string[];
}

interface Options {
  runs: number;
  /** pandoc's runs: one by default, since xelatex takes minutes on the larger books and varies little. */
  pandocRuns: number;
  books?: string[];
  pandoc: boolean;
  /** typst's compile of Moby-Dick as the PDF's anchor (bench/typst.ts). */
  typst: boolean;
  scaling: boolean;
  /** `quire batch` against calibre (bench/scale.ts). */
  scale: boolean;
  quick: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const o: Options = { runs: 3, pandocRuns: 1, pandoc: true, typst: true, scaling: true, scale: true, quick: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Math.max(1, Number(argv[++i]));
    else if (a === '--pandoc-runs') o.pandocRuns = Math.max(1, Number(argv[++i]));
    else if (a === '--books') o.books = argv[++i].split(',');
    else if (a === '--no-pandoc') o.pandoc = false;
    else if (a === '--no-typst') o.typst = false;
    else if (a === '--no-scaling') o.scaling = false;
    else if (a === '--quick') o.quick = true;
    else if (a === '--no-scale') o.scale = false;
    else if (a === '--only-scale') {
      o.books = [];
      o.scaling = false;
    }
    else throw new Error(`unknown option ${a} (see the comment at the top of bench/run.ts)`);
  }
  if (o.quick) {
    o.runs = 1;
    o.scaling = false;
    o.books ??= ['seed', 'moby', 'wap'];
  }
  if (!Number.isFinite(o.runs) || !Number.isFinite(o.pandocRuns)) throw new Error('--runs and --pandoc-runs take a number');
  return o;
}

const log = (text: string) => process.stderr.write(`${text}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** quire's build of one book in one mode, `runs` times, into a fresh folder; returns the folder of the last run. */
function runQuire(book: BenchBook, mode: Mode, runs: number, out: string): QuireRun {
  const time = measure(process.execPath, quireArgs(book, MODES[mode], out), runs, { env: BENCH_ENV, setup: () => fs.rmSync(out, { recursive: true, force: true }) });
  log(`  quire ${mode.padEnd(4)} ${secs(time.wallMs.median)} (${secs(time.wallMs.min)}–${secs(time.wallMs.max)}), ${time.peakMiB.median.toFixed(0)} MiB`);
  return { book: book.key, mode, time, wordsPerSecond: book.words / (time.wallMs.median / 1000) };
}

/**
 * pandoc's build of one book, `runs` times. With `alongside` (one run of quire's, returning its wall time), each of
 * pandoc's runs follows one of quire's and their ratio is taken pair by pair (see `quireOnce`).
 */
function runPandoc(book: BenchBook, format: 'epub' | 'pdf', runs: number, out: string, alongside?: () => number): PandocRun {
  const file = path.join(out, `${book.key}.${format}`);
  const args = ['-f', 'markdown', book.input, '-o', file, ...(format === 'pdf' ? ['--pdf-engine=xelatex'] : [])];
  fs.mkdirSync(out, { recursive: true });
  const quireMs: number[] = [];
  const time = measure('pandoc', args, runs, { cwd: path.dirname(book.input), setup: alongside && (() => quireMs.push(alongside())) });
  log(`  pandoc ${format.padEnd(4)} ${secs(time.wallMs.median)}, ${time.peakMiB.median.toFixed(0)} MiB`);
  if (!alongside) return { book: book.key, format, time };
  return { book: book.key, format, time, paired: paired(quireMs, time.samples.map((s) => s.wallMs), format, log) };
}

/** quire's command line for a build of `book` in `formats` (as `--format` takes them) into `out`. */
function quireArgs(book: BenchBook, formats: string, out: string): string[] {
  return [QUIRE, 'build', book.input, '--out', out, '--format', formats, '--quiet'];
}

/**
 * One run of quire's build of `book` in `format`, its wall time in ms: run in turn with an anchor (typst, pandoc),
 * whose ratio to quire's is issue 13's target (see `paired`).
 */
function quireOnce(book: BenchBook, format: 'epub' | 'pdf', out: string): () => number {
  return () => {
    fs.rmSync(out, { recursive: true, force: true });
    return runOnce(process.execPath, quireArgs(book, format, out), { env: BENCH_ENV }).wallMs;
  };
}

function pandocVersion(): string | undefined {
  const r = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  if (!fs.existsSync(QUIRE)) throw new Error(`${QUIRE} is missing: run \`npm run compile\` first (npm run bench does)`);
  if (!have(GNU_TIME)) throw new Error(`${GNU_TIME} is missing: apt-get install -y time`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-bench-'));
  const notes: string[] = [];
  const all = [...corpusBooks(), syntheticBook(1_000_000, path.join(ROOT, '.bench', 'books')), repeatedBook(HUGE, path.join(ROOT, '.bench', 'books'))];
  const books = options.books ? all.filter((b) => options.books!.includes(b.key)) : all;
  const withPandoc = options.pandoc && have('pandoc');
  const withXelatex = withPandoc && have('xelatex');
  if (options.pandoc && !withPandoc) notes.push('pandoc is not installed (apt-get install -y pandoc): no pandoc figures.');
  if (withPandoc && !withXelatex) notes.push('xelatex is not installed (apt-get install -y texlive-xetex): no pandoc PDF figures.');

  const results: Results = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGiB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}` },
    runs: options.runs,
    pandocRuns: options.pandocRuns,
    books,
    quire: [],
    pandoc: [],
    pandocVersion: withPandoc ? pandocVersion() : undefined,
    quality: [],
    typst: [],
    notes,
  };

  for (const book of books) {
    log(`${book.label} (${book.words.toLocaleString('en')} words)`);
    const huge = book.key === `wap${HUGE}`;
    for (const mode of huge ? (['both'] as Mode[]) : (Object.keys(MODES) as Mode[])) {
      const out = path.join(work, `${book.key}-${mode}`);
      results.quire.push(runQuire(book, mode, huge ? 1 : options.runs, out));
      if (mode === 'pdf') {
        const pdf = fs.readdirSync(out).find((f) => f.endsWith('.pdf'));
        if (pdf) results.quality.push({ book: book.key, tool: 'quire', figures: typesetMetrics(path.join(out, pdf)) });
      }
    }
    if (book.key === 'moby' && options.typst) {
      if (!haveTypst()) notes.push('typst is not installed (npm ci installs @myriaddreamin/typst-ts-node-compiler and pandoc-wasm): no typst figures.');
      else {
        // Five pairs at least: the ratio is issue 13's target, and a pair can straddle a change in the machine's speed.
        const alongside = quireOnce(book, 'pdf', path.join(work, `${book.key}-pdf-alongside`));
        const run = runTypst(book, Math.max(options.runs, 5), path.join(work, `${book.key}-typst`), path.dirname(fontPath('serif-regular')), log, alongside);
        results.typst.push(run);
        results.quality.push({ book: book.key, tool: 'typst', figures: typesetMetrics(run.pdf) });
      }
    }
    if (withPandoc && !huge) {
      const out = path.join(work, `${book.key}-pandoc`);
      for (const format of withXelatex ? (['epub', 'pdf'] as const) : (['epub'] as const)) {
        try {
          // Moby-Dick's PDF is issue 13's anchor: three pairs at least, each pandoc run after one of quire's.
          const anchor = book.key === 'moby' && format === 'pdf';
          const alongside = anchor ? quireOnce(book, 'pdf', path.join(work, `${book.key}-pdf-alongside`)) : undefined;
          results.pandoc.push(runPandoc(book, format, anchor ? Math.max(options.pandocRuns, 3) : options.pandocRuns, out, alongside));
          if (format === 'pdf') results.quality.push({ book: book.key, tool: 'pandoc+xelatex', figures: typesetMetrics(path.join(out, `${book.key}.pdf`)) });
        } catch (e) {
          // pandoc is the yardstick, not the subject: a failure is recorded and the run goes on.
          if (!(e instanceof CommandFailed)) throw e;
          notes.push(`pandoc ${format} of ${book.label} failed: ${e.message.split('\n').slice(0, 3).join(' ')}`);
          log(`  pandoc ${format} failed`);
        }
      }
    }
  }

  const moby = books.find((b) => b.key === 'moby');
  if (moby && fs.existsSync(GREEDY)) {
    log('Moby-Dick: quire\'s layout against pdfkit\'s greedy justify, in one process');
    const r = spawnSync(process.execPath, [GREEDY, moby.input], { encoding: 'utf8', maxBuffer: 16 << 20 });
    if (r.status !== 0) throw new Error(`pdf-greedy failed:\n${r.stderr}`);
    const { greedyMs, quireMs } = JSON.parse(r.stdout) as { greedyMs: number; quireMs: number };
    results.greedy = { book: moby.key, greedyMs, quireMs, ratio: quireMs / greedyMs };
    log(`  greedy ${secs(greedyMs)}, quire ${secs(quireMs)} (${results.greedy.ratio.toFixed(2)}×)`);
  }

  if (options.scaling) {
    log('Cost per word, both formats');
    const dir = path.join(ROOT, '.bench', 'books');
    const fixedBook = syntheticBook(100, dir);
    const fixed = runQuire(fixedBook, 'both', options.runs, path.join(work, 'fixed')).time.wallMs.median;
    const rows: ScalingRow[] = SCALING.map((words) => {
      const book = syntheticBook(words, dir);
      const done = results.quire.find((q) => q.book === book.key && q.mode === 'both');
      const wallMs = (done ?? runQuire(book, 'both', options.runs, path.join(work, book.key))).time.wallMs.median;
      return { book: book.key, words: book.words, wallMs, usPerWord: (wallMs * 1000) / book.words, netUsPerWord: ((wallMs - fixed) * 1000) / book.words };
    });
    const net = rows.map((r) => r.netUsPerWord);
    results.scaling = { fixedMs: fixed, rows, flatness: Math.max(...net) / Math.min(...net) };
  }

  if (options.scale) {
    log('Archive scale: quire batch against calibre ebook-convert');
    results.scale = runScale(options.runs, log);
    if (!have('ebook-convert')) notes.push('calibre is not installed (apt-get install -y calibre): no ebook-convert figures.');
  }

  fs.rmSync(work, { recursive: true, force: true });
  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const table = renderMarkdown(results);
  // `--only-scale` keeps the last full run's files and writes its own.
  const name = options.books?.length === 0 ? 'scale' : 'latest';
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, `${name}.md`), table);
  if (!options.books && !options.quick) updateReadme(path.join(ROOT, 'README.md'), table);
  if (results.scale) updateReadme(path.join(ROOT, 'README.md'), scaleTable(results), 'scale');
  process.stdout.write(table);
}

try {
  main();
} catch (e) {
  process.stderr.write(`bench: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
