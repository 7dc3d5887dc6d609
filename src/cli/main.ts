#!/usr/bin/env node
/** The `quire` command: parses arguments, runs a command, prints diagnostics, and maps outcomes to exit codes. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { CollectingReporter, formatDiagnostic } from '../diagnostics/reporter';
import { catalogue, catalogueEntry, formatEntry } from '../diagnostics/catalogue';
import { QuireError, type Diagnostic } from '../diagnostics/types';
import type { SettingsOverrides } from '../config/settings';
import { renderers } from '../render';
import { nearMiss } from '../text/keys';
import { HELP, parseArgs, UsageError, type CliArgs } from './args';
import { ProgressDisplay } from './progress';
import { lowerHelperThreads } from './threads';

export const EXIT_OK = 0;
export const EXIT_MANUSCRIPT = 1;
export const EXIT_USAGE = 2;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (the progress line is drawn only then). */
  stderrIsTTY?: boolean;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  get stderrIsTTY() {
    return process.stderr.isTTY === true;
  },
};

function version(): string {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function printer(args: CliArgs, io: Io, progress?: ProgressDisplay): (d: Diagnostic) => void {
  return (d) => {
    if (args.quiet && d.severity !== 'error') return;
    if (d.severity === 'info' && !args.verbose) return;
    progress?.clear();
    io.stderr(args.json ? `${JSON.stringify(d)}\n` : `${formatDiagnostic(d, { frame: true })}\n`);
  };
}

/** The command line's explicit choices, which override book.yaml's `quire:` options. */
function overrides(args: CliArgs): SettingsOverrides {
  const given = args.explicit;
  return {
    ...(given.has('out') ? { outDir: args.out } : {}),
    ...(given.has('formats') ? { formats: args.formats } : {}),
    ...(given.has('fileName') ? { output: args.fileName } : {}),
    ...(given.has('check') ? { check: args.check } : {}),
    ...(given.has('encoding') ? { encoding: args.encoding } : {}),
    rendererOptions: args.rendererOptions,
  };
}

const ms = (n: number) => `${Math.round(n)} ms`;

/** A usage error: `quire: error: …` and a pointer to --help, or one JSON line under --json; exit code 2. */
function usageError(message: string, json: boolean, io: Io): number {
  const d: Diagnostic = { severity: 'error', rule: 'usage-error', message, hint: catalogue['usage-error'].hint };
  io.stderr(json ? `${JSON.stringify(d)}\n` : `quire: error: ${message}\nTry \`quire --help\`.\n`);
  return EXIT_USAGE;
}

/** An error quire did not foresee: a plain line asking for a report, or one JSON line under --json (with the stack under --debug). */
export function internalError(err: Error, options: { json: boolean; debug: boolean }, io: Pick<Io, 'stderr'>): number {
  if (options.json) {
    const d: Diagnostic = { severity: 'error', rule: 'internal-error', message: err.message, hint: catalogue['internal-error'].hint };
    io.stderr(`${JSON.stringify(options.debug ? { ...d, stack: err.stack } : d)}\n`);
  } else {
    io.stderr(`quire: internal error: ${err.message}\n`);
    io.stderr(options.debug ? `${err.stack}\n` : 'Run again with --debug for details, and report it.\n');
  }
  return EXIT_MANUSCRIPT;
}

/** `quire --explain RULE`: the catalogue's entry on stdout; an unknown rule is a usage error with a near miss. */
function explain(rule: string, json: boolean, io: Io): number {
  const entry = catalogueEntry(rule);
  if (!entry) {
    const near = nearMiss(rule, Object.keys(catalogue), 4);
    return usageError(`unknown rule ${rule}${near ? `; did you mean ${near}?` : ''}`, json, io);
  }
  io.stdout(formatEntry(rule, entry));
  return EXIT_OK;
}

/**
 * V8 lets the heap grow to up to four times what survived the last full collection before it collects again; a
 * build makes garbage a chapter at a time and keeps little, so the peak memory of a long book's build is mostly
 * garbage (War and Peace in both formats: 426 MiB; 352 MiB with the heap let grow by half). Letting it grow by half
 * costs time, about a twentieth of a novel's PDF, and while the heap is small the garbage V8's own policy lets build
 * up is small too (Moby-Dick's PDF: 232 MiB, against 206 MiB). So when quire runs as its own process, a build or
 * preview watches the heap as it goes (at each step it reports) and lets it grow by half once it has passed
 * `HEAP_TIGHT_FROM`. `quire batch` and `quire worker` keep V8's policy: they build work after work, where throughput
 * is what counts (the tighter policy cost a batch of one-shots a tenth of its speed), and a program using quire as a
 * library keeps its own.
 */
export const HEAP_GROWTH = '--heap-growing-percent=50';
export const HEAP_TIGHT_FROM = 128 * 2 ** 20;

/**
 * A check to call as a build goes: the first time the heap is larger than `limit` bytes, it sets `HEAP_GROWTH`.
 * (`heapSize` and `setFlags` are V8's, but for tests.)
 */
export function heapWatch(limit = HEAP_TIGHT_FROM, heapSize = () => v8.getHeapStatistics().total_heap_size, setFlags = v8.setFlagsFromString): () => void {
  let tight = false;
  return () => {
    if (tight || heapSize() <= limit) return;
    setFlags(HEAP_GROWTH);
    tight = true;
  };
}

/** Whether quire is the process's main program (not a library in someone else's). */
let ownProcess = false;

/** Runs the CLI with the given arguments; resolves to the exit code. Exported for tests and the library. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
    const known = Object.keys(renderers);
    if (args.command === 'build' || args.command === 'batch' || args.command === 'preview') for (const format of args.formats) if (!known.includes(format)) throw new UsageError(`unknown format ${format} (known: ${known.join(', ')})`);
    if (ownProcess && (args.command === 'build' || args.command === 'batch' || args.command === 'worker')) lowerHelperThreads();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return usageError(e.message, argv.includes('--json'), io);
  }
  if (args.command === 'help') {
    io.stdout(`${HELP}\n`);
    return EXIT_OK;
  }
  if (args.command === 'explain') return explain(args.inputs[0], argv.includes('--json'), io);
  if (args.command === 'version') {
    io.stdout(`quire ${version()}\n`);
    return EXIT_OK;
  }
  const progress = new ProgressDisplay(io.stderr, io.stderrIsTTY === true && !args.quiet && !args.json);
  // Each error as the terminal shows it, kept for the preview page's overlay.
  const errorsSeen: string[] = [];
  const printOut = printer(args, io, progress);
  const print = (d: Diagnostic) => {
    if (d.severity === 'error') errorsSeen.push(formatDiagnostic(d, { frame: true }));
    printOut(d);
  };
  let report = new CollectingReporter(print);
  try {
    if (args.command === 'check') {
      const { checkFiles } = await import('../check/files');
      return checkFiles(args.inputs.map((file) => ({ file })), print, io.stdout) ? EXIT_MANUSCRIPT : EXIT_OK;
    }
    if (args.command === 'init') {
      const { initBook } = await import('./init');
      const dir = args.inputs[0] ?? '.';
      for (const file of initBook(dir, { templates: args.templates })) io.stdout(`${file}\n`);
      const cd = path.resolve(dir) === process.cwd() ? '' : `cd ${dir} && `;
      io.stderr(`quire: a new book in ${dir}. Edit manuscript/book.yaml and the chapter, then: ${cd}npm install && npm run build\n`);
      return EXIT_OK;
    }
    if (args.command === 'batch') {
      const { batchCommand } = await import('./batch');
      return await batchCommand(args, overrides(args), version(), print, io, progress);
    }
    if (args.command === 'worker') {
      const { workerCommand } = await import('./worker');
      return await workerCommand(args, io);
    }
    // Loaded here so that `--help` and usage errors stay fast.
    const { build, read } = await import('../build');
    const watchHeap = ownProcess && (args.command === 'build' || args.command === 'preview') ? heapWatch() : () => {};
    const onProgress = (step: Parameters<ProgressDisplay['update']>[0]) => {
      watchHeap();
      progress.update(step);
    };
    if (args.command === 'inspect') {
      io.stdout(`${JSON.stringify(read(args.inputs[0], { report, encoding: args.encoding }), null, 2)}\n`);
      return EXIT_OK;
    }
    /** Builds every input once; a manuscript error in one ends the round with exit code 1. */
    const round = async (): Promise<{ code: number; outputs: string[]; outDirs: string[] }> => {
      let checkFailed = false;
      const outputs: string[] = [];
      const outDirs = new Set<string>();
      try {
        for (const input of args.inputs) {
          report = new CollectingReporter(print);
          const result = await build({ input, ...overrides(args), report, onProgress });
          progress.clear();
          if (args.command !== 'preview') for (const file of result.outputs) io.stdout(`${file}\n`);
          outputs.push(...result.outputs);
          outDirs.add(path.resolve(result.settings.outDir));
          if (args.verbose) {
            io.stderr(`quire: ${input}: ${result.timings.map(([stage, t]) => `${stage} ${ms(t)}`).join(', ')}\n`);
            for (const file of result.kit) io.stderr(`quire: wrote ${file}\n`);
          }
          if (result.settings.check) {
            const { checkFiles } = await import('../check/files');
            const epubs = result.outputs.map((file, i) => ({ file, artifact: result.artifacts[i] })).filter((o) => o.artifact.mediaType === 'application/epub+zip');
            // stdout lists written files only, so the summary goes to stderr with the messages.
            checkFailed = checkFiles(epubs, print, io.stderr) || checkFailed;
          }
        }
      } catch (e) {
        progress.clear();
        if (!(e instanceof QuireError)) throw e;
        // A reporter's `fail` has printed it already; errors raised outside a reporter have not.
        if (!report.messages.includes(e.diagnostic)) print(e.diagnostic);
        return { code: EXIT_MANUSCRIPT, outputs, outDirs: [...outDirs] };
      }
      return { code: checkFailed ? EXIT_MANUSCRIPT : EXIT_OK, outputs, outDirs: [...outDirs] };
    };
    if (args.command === 'preview') {
      const { previewCommand } = await import('./preview');
      return await previewCommand(args, round, () => errorsSeen.splice(0), io, () => progress.clear());
    }
    if (args.watch) {
      const { watchBuild } = await import('./watch');
      const outDirs = new Set<string>([args.out]);
      return await watchBuild({
        inputs: args.inputs,
        outDirs: () => [...outDirs],
        run: async () => {
          const result = await round();
          for (const dir of result.outDirs) outDirs.add(dir);
          return result;
        },
        say: (line) => {
          progress.clear();
          io.stderr(`${line}\n`);
        },
      });
    }
    return (await round()).code;
  } catch (e) {
    if (e instanceof QuireError) {
      // A reporter's `fail` has printed it already; errors raised outside a reporter have not.
      if (!report.messages.includes(e.diagnostic)) print(e.diagnostic);
      return EXIT_MANUSCRIPT;
    }
    return internalError(e as Error, args, io);
  }
}

if (require.main === module) {
  ownProcess = true;
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: Error) => {
      process.exitCode = internalError(e, { json: process.argv.includes('--json'), debug: process.argv.includes('--debug') }, processIo);
    },
  );
}
