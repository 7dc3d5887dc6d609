/** Command-line parsing: `quire <command> [INPUT...] [options]`, with usage errors as values, not exits. */
import * as os from 'node:os';

import { optionHelp } from '../config/docs';
import { CONFIG_DEFAULTS, OPTIONS, type BUILD_OPTIONS } from '../config/options';
import type { RendererOptions } from '../render';
import type { OptionSpec } from '../render/option-spec';

/** The build's own options, given on the command line, override book.yaml's `quire:` section. */
export type ExplicitOption = (typeof BUILD_OPTIONS)[number]['name'];

export interface CliArgs {
  command: 'build' | 'batch' | 'worker' | 'preview' | 'inspect' | 'check' | 'init' | 'help' | 'version' | 'explain';
  inputs: string[];
  out: string;
  formats: string[];
  /** Run EPUBCheck on each EPUB built (`--check`). */
  check: boolean;
  /** Output file-name pattern (`--file-name`). */
  fileName: string;
  /** The manuscript files' encoding (`--encoding`); found from the bytes when not given. */
  encoding?: string;
  /** The renderers' options given on the command line (`--page-size`, `--profile`…), by renderer. */
  rendererOptions: RendererOptions;
  /** Rebuild on every change (`build --watch`). */
  watch: boolean;
  /** The preview's port on 127.0.0.1 (`preview --port N`); 0, the default, picks a free one. */
  port: number;
  /** Copy the default templates too (`init --templates`). */
  templates: boolean;
  /** Works built at once (`batch --jobs N`, `worker --concurrency N`); default: the cores ÷ 1.5 (`defaultJobs`). */
  jobs: number;
  /** Build every work again, changed or not (`batch --force`). */
  force: boolean;
  /** The Redis server of the job queue (`worker --redis URL`). */
  redis?: string;
  /** The BullMQ queue's name (`worker --queue NAME`). */
  queue: string;
  /** Milliseconds a job stays with a worker that stopped answering before another takes it (`worker --lock-duration MS`). */
  lockDuration: number;
  json: boolean;
  debug: boolean;
  quiet: boolean;
  /** Stage timings and the archive-kit files on stderr (`--verbose`). */
  verbose: boolean;
  /** The build options given on the command line (the others come from book.yaml, then the defaults). */
  explicit: Set<ExplicitOption>;
}

export class UsageError extends Error {}

/** The column where `--help` text starts after a flag. */
const HELP_COLUMN = 30;

export const HELP = `quire: turn a manuscript into an EPUB and a typeset PDF

Usage:
  quire build [INPUT...] [--out DIR] [--format epub,pdf] [OPTION...] [--watch]
  quire preview [INPUT] [--port N] [--format epub,pdf] [OPTION...]
  quire batch INPUT... [--out DIR] [--format epub,pdf] [--jobs N] [--force] [--json] [OPTION...]
  quire worker --redis URL [--queue NAME] [--concurrency N] [--lock-duration MS]
  quire check FILE.epub...
  quire inspect INPUT [--encoding NAME]
  quire init [DIR] [--templates]
  quire --explain RULE
  quire --help | --version

Commands:
  build      Build each INPUT (a .md, .markdown, .txt, .html or .docx file, or a folder of them)
             into DIR/<slug>.epub and DIR/<slug>.pdf. Default INPUT: manuscript/
             Options not given here come from the quire: section of INPUT/book.yaml.
  preview    Build INPUT, show it in a browser page on http://127.0.0.1 (the EPUB in a reading
             engine, the PDF beside it), and rebuild and reload it on every save, until Ctrl-C.
  batch      Build many works into DIR, several at once: each manuscript file in INPUT, and each
             sub-folder that is a book (book.yaml, or manuscript files in it), is one work. A bad
             work never stops the others. Works unchanged since the last run are skipped
             (DIR/.quire-batch.jsonl); file names never collide. Exit 1 if any work failed.
  worker     Build the books that jobs on a BullMQ queue in Redis ask for, until SIGTERM or Ctrl-C
             (job data: {"input": PATH, "out": DIR, "formats"?: [...], "options"?: {book.yaml keys}}).
  check      Run EPUBCheck (Java and /usr/share/java/epubcheck.jar) on each FILE and
             print its messages; exit 1 when it reports an error.
  inspect    Print the document model of INPUT as JSON.
  init       Start a book in DIR (default: the current folder): manuscript/ with a
             sample chapter and book.yaml, and a package.json whose build script runs quire.

${optionHelp(HELP_COLUMN)}

Options:
  -w, --watch                 Build, then rebuild whenever the manuscript, book.yaml or a template
                              changes, until Ctrl-C
      --port N                (preview) Serve on 127.0.0.1:N (default: a free port)
      --templates             (init) Copy the default templates into DIR/templates/ to edit
  -j, --jobs N                (batch) Build N works at once (default: the cores ÷ 1.5, at least 1)
      --force                 (batch) Build every work, even those unchanged since the last run
      --redis URL             (worker) The Redis server: redis://[user:password@]host:port[/db]
      --queue NAME            (worker) The queue's name (default: quire)
      --concurrency N         (worker) Build N jobs at once (default: the cores ÷ 1.5, at least 1)
      --lock-duration MS      (worker) How long a job stays with a worker that stopped answering
                              before another worker takes it (default: 30000)
      --json                  Print diagnostics as JSON lines on stderr (batch: one result per work on stdout)
      --debug                 Show stack traces for internal errors
      --explain RULE          What a message's rule id means and what to do (the id is in --json output)
  -q, --quiet                 Do not print warnings
      --verbose               Print stage timings and the archive-kit files written, on stderr
  -h, --help                  Show this help
  -v, --version               Show the version

Exit status: 0 success (warnings go to stderr), 1 manuscript error or EPUBCheck error, 2 usage error.
Environment: SOURCE_DATE_EPOCH sets the date written into the files.`;

/** `value` when it is one of `allowed`, else a usage error naming them. */
function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value.trim().toLowerCase());
  if (!found) throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got ${value})`);
  return found;
}

/** Each option by its flags: `--page-size`, `-o`, and `--no-hyphenate` (with `false`) for a boolean. */
const FLAGS = new Map<string, [OptionSpec & { owner?: string }, boolean?]>(
  OPTIONS.flatMap((spec) => {
    if (!spec.flag) return [];
    const names: [string, [typeof spec, boolean?]][] = [[spec.flag, [spec]]];
    if (spec.short) names.push([spec.short, [spec]]);
    if (spec.kind === 'boolean') names.push([`--no-${spec.flag.slice(2)}`, [spec, false]]);
    return names;
  }),
);

/** An option's value from its flag's argument (`value()` reads it), or a usage error. */
function optionValue(spec: OptionSpec, value: () => string, off: boolean | undefined): unknown {
  const flag = spec.flag!;
  switch (spec.kind) {
    case 'boolean':
      return off ?? true;
    case 'choice':
      return oneOf(flag, value(), spec.values!);
    case 'list': {
      const items = value()
        .split(',')
        .map((f) => f.trim().toLowerCase())
        .filter(Boolean);
      if (items.length === 0) throw new UsageError(`${flag} needs at least one ${flag.slice(2)}`);
      return items;
    }
    case 'count': {
      const given = value();
      if (!/^\s*\d+\s*$/.test(given)) throw new UsageError(`${flag} takes a whole number, 0 or more (got ${given})`);
      return Number(given);
    }
    case 'text': {
      const given = value();
      const broken = spec.rules?.find((rule) => rule.usage && !rule.test(given));
      if (broken) throw new UsageError(broken.usage!(given));
      return given;
    }
  }
}

/**
 * How many works are built at once unless told: the machine's cores ÷ 1.5, rounded (1 on two cores, 3 on four, 5 on
 * eight). One build keeps about 1.5 cores busy by itself (its cover is drawn and compressed on libuv's threads, V8
 * collects garbage and compiles on its own), and measured on two cores, a second build thread made a batch slower,
 * not faster (npm run bench: 73 against 83 ms a one-shot).
 */
function defaultJobs(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
  return Math.max(1, Math.round(cores / 1.5));
}

/** A whole number of at least `least` from a flag's value, or a usage error. */
function count(flag: string, given: string, least: number): number {
  if (!/^\s*\d+\s*$/.test(given) || Number(given) < least) throw new UsageError(`${flag} takes a whole number, ${least} or more (got ${given})`);
  return Number(given);
}

/** Parses argv (without `node` and the script). Throws UsageError for anything it cannot make sense of. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    command: 'help',
    inputs: [],
    out: CONFIG_DEFAULTS.out,
    formats: [...CONFIG_DEFAULTS.formats],
    check: CONFIG_DEFAULTS.check,
    fileName: CONFIG_DEFAULTS['file-name'],
    rendererOptions: {},
    watch: false,
    port: 0,
    templates: false,
    jobs: defaultJobs(),
    force: false,
    queue: 'quire',
    lockDuration: 30_000,
    json: false,
    debug: false,
    quiet: false,
    verbose: false,
    explicit: new Set(),
  };
  let command: string | undefined;
  let portGiven = false;
  /** Flags that belong to one command only, by name, with the command. */
  const only: [flag: string, command: string][] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const eq = arg.indexOf('=');
      if (arg.startsWith('--') && eq > 0) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    const name = arg.startsWith('--') && arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    switch (name) {
      case '-h':
      case '--help':
        return { ...args, command: 'help' };
      case '-v':
      case '--version':
        return { ...args, command: 'version' };
      case '--explain':
        return { ...args, command: 'explain', inputs: [value()] };
      case '-w':
      case '--watch':
        args.watch = true;
        break;
      case '--port': {
        const given = value();
        if (!/^\s*\d+\s*$/.test(given) || Number(given) > 65535) throw new UsageError(`--port takes a port number, 0 to 65535 (got ${given})`);
        args.port = Number(given);
        portGiven = true;
        break;
      }
      case '--templates':
        args.templates = true;
        break;
      case '-j':
      case '--jobs':
      case '--concurrency':
        args.jobs = count(name, value(), 1);
        only.push([name, name === '--concurrency' ? 'worker' : 'batch']);
        break;
      case '--force':
        args.force = true;
        only.push([name, 'batch']);
        break;
      case '--redis': {
        const url = value();
        if (!/^rediss?:\/\/[^\s]+$/.test(url)) throw new UsageError(`--redis takes a redis:// or rediss:// URL (got ${url})`);
        args.redis = url;
        only.push([name, 'worker']);
        break;
      }
      case '--queue':
        args.queue = value();
        if (!/^[\w.-]+$/.test(args.queue)) throw new UsageError(`--queue takes a name of letters, digits, '.', '-' and '_' (got ${args.queue})`);
        only.push([name, 'worker']);
        break;
      case '--lock-duration':
        args.lockDuration = count(name, value(), 1000);
        only.push([name, 'worker']);
        break;
      case '--verbose':
        args.verbose = true;
        break;
      case '--json':
        args.json = true;
        break;
      case '--debug':
        args.debug = true;
        break;
      case '-q':
      case '--quiet':
        args.quiet = true;
        break;
      default: {
        const option = FLAGS.get(name);
        if (option) {
          const [spec, off] = option;
          const given = optionValue(spec, value, off);
          if (spec.owner) args.rendererOptions[spec.owner] = { ...args.rendererOptions[spec.owner], [spec.name]: given };
          else {
            Object.assign(args, { [spec.name]: given });
            args.explicit.add(spec.name as ExplicitOption);
          }
          break;
        }
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        if (command === undefined) command = arg;
        else args.inputs.push(arg);
      }
    }
  }
  if (command === undefined) return args;
  if (!['build', 'batch', 'worker', 'preview', 'inspect', 'check', 'init'].includes(command)) throw new UsageError(`unknown command ${command}`);
  args.command = command as CliArgs['command'];
  for (const [flag, owner] of only) if (command !== owner) throw new UsageError(`${flag} works with ${owner} only`);
  if (command === 'batch' && args.inputs.length === 0) throw new UsageError('batch takes at least one INPUT (files, or folders of works)');
  if (command === 'batch' && args.explicit.has('check')) throw new UsageError('--check works with build only; run quire check on the books a batch wrote');
  if (command === 'worker' && !args.redis) throw new UsageError('worker needs --redis URL');
  if (command === 'worker' && args.inputs.length > 0) throw new UsageError('worker takes no INPUT: the jobs name their manuscripts');
  if (command === 'init' && args.inputs.length > 1) throw new UsageError('init takes at most one DIR');
  if (args.watch && command !== 'build') throw new UsageError('--watch works with build only');
  if (portGiven && command !== 'preview') throw new UsageError('--port works with preview only');
  if (command === 'preview' && args.inputs.length > 1) throw new UsageError('preview takes at most one INPUT');
  if (args.templates && command !== 'init') throw new UsageError('--templates works with init only');
  if (args.quiet && args.verbose) throw new UsageError('--quiet and --verbose do not go together');
  if (command === 'inspect' && args.inputs.length !== 1) throw new UsageError('inspect takes exactly one INPUT');
  if (command === 'check' && args.inputs.length === 0) throw new UsageError('check takes at least one FILE.epub');
  if ((command === 'build' || command === 'preview') && args.inputs.length === 0) args.inputs = ['manuscript'];
  return args;
}
