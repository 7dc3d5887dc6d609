/**
 * `quire build --watch`: builds, then rebuilds whenever a manuscript file, `book.yaml` or a template changes
 * (chokidar, debounced), printing what it rebuilt and how long it took. A manuscript error is printed and the
 * watch goes on; the next save that fixes it rebuilds. Ctrl-C (SIGINT) or SIGTERM stops it with exit status 0.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { watch } from 'chokidar';

/** One round of building every input: the exit code it would have had and the files it wrote. */
export interface BuildRound {
  code: number;
  outputs: string[];
}

export interface WatchOptions {
  inputs: readonly string[];
  /** Output folders, never watched (a build writes there); asked again at each change, as book.yaml may move them. */
  outDirs: () => readonly string[];
  /** Builds every input once. */
  run: () => Promise<BuildRound>;
  /** Status lines (stderr). */
  say: (line: string) => void;
  /** Quiet period after the last change before rebuilding, in milliseconds. */
  debounceMs?: number;
}

/** What to watch for an input: the input itself (a folder holds book.yaml) and the `templates/` beside it. */
export function watchTargets(inputs: readonly string[]): string[] {
  const targets = new Set<string>();
  for (const input of inputs) {
    targets.add(input);
    const templates = path.join(path.dirname(path.resolve(input)), 'templates');
    // A folder input's `templates/` sits beside it; a file's, beside the file's folder.
    const beside = fs.existsSync(input) && !fs.statSync(input).isDirectory() ? path.join(path.dirname(path.dirname(path.resolve(input))), 'templates') : templates;
    for (const dir of [templates, beside]) if (fs.existsSync(dir)) targets.add(path.relative(process.cwd(), dir) || '.');
  }
  return [...targets];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Runs the watch until interrupted; resolves to the exit code (0). */
export async function watchBuild(options: WatchOptions): Promise<number> {
  const debounceMs = options.debounceMs ?? 150;
  const ignored = (file: string) => {
    const abs = path.resolve(file);
    const outDirs = options.outDirs().map((d) => path.resolve(d));
    const base = path.basename(abs);
    // Output folders, editors' swap and backup files, and quire's own temporary files.
    return outDirs.some((d) => abs === d || abs.startsWith(d + path.sep)) || /^\.|~$|\.sw[a-p]$|\.tmp$/.test(base) && abs !== path.resolve('.');
  };
  const round = async (changed: string[]) => {
    const started = performance.now();
    let result: BuildRound;
    try {
      result = await options.run();
    } catch (error) {
      options.say(`quire: internal error: ${(error as Error).message}; still watching`);
      return;
    }
    const ms = Math.round(performance.now() - started);
    const why = changed.length ? ` (${changed.length > 3 ? plural(changed.length, 'file') : changed.join(', ')} changed)` : '';
    if (result.code === 0) options.say(`quire: rebuilt ${result.outputs.join(', ')} in ${ms} ms${why}`);
    else options.say(`quire: build failed${why}; fix the error and save to rebuild`);
  };

  await round([]);
  const targets = watchTargets(options.inputs);
  const watcher = watch(targets, { ignoreInitial: true, ignored, awaitWriteFinish: false });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  options.say(`quire: watching ${targets.join(', ')} (Ctrl-C to stop)`);

  return new Promise<number>((resolve) => {
    let pending = new Set<string>();
    let timer: NodeJS.Timeout | undefined;
    let building: Promise<void> | undefined;
    let stopped = false;
    const flush = () => {
      timer = undefined;
      if (stopped) return;
      if (building) return; // the running round schedules another when it ends
      const changed = [...pending];
      pending = new Set();
      building = round(changed).finally(() => {
        building = undefined;
        if (pending.size && !stopped) timer = setTimeout(flush, debounceMs);
      });
    };
    watcher.on('all', (_event, file) => {
      pending.add(path.relative(process.cwd(), path.resolve(file)) || file);
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
    });
    watcher.on('error', (error) => options.say(`quire: watch error: ${(error as Error).message}`));
    const stop = () => {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      options.say('quire: stopped watching');
      void watcher.close().then(async () => {
        // A round in progress finishes its atomic writes (or leaves the previous files) before the exit.
        // The listeners stay: build/write.ts's clean-up handler re-raises the signal, which must not end the process now.
        await building;
        resolve(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
