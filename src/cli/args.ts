/** Command-line parsing: `quire <command> [INPUT...] [options]`, with usage errors as values, not exits. */

import { NOTE_PLACEMENTS, PAGE_SIZE_NAMES, PROFILES } from '../config/options';
import { encodingName } from '../read/decode';

/** Options that override book.yaml's `quire:` section when given on the command line. */
export type ExplicitOption = 'out' | 'formats' | 'profile' | 'notes' | 'pageSize' | 'fileName' | 'check' | 'encoding';

export interface CliArgs {
  command: 'build' | 'inspect' | 'check' | 'init' | 'help' | 'version' | 'explain';
  inputs: string[];
  out: string;
  formats: string[];
  /** EPUB device profile (`--profile`). */
  profile: (typeof PROFILES)[number];
  /** Where EPUB footnotes go (`--notes`). */
  notes: (typeof NOTE_PLACEMENTS)[number];
  /** Run EPUBCheck on each EPUB built (`--check`). */
  check: boolean;
  /** PDF trim size (`--page-size`). */
  pageSize: (typeof PAGE_SIZE_NAMES)[number];
  /** Output file-name pattern (`--file-name`). */
  fileName: string;
  /** The manuscript files' encoding (`--encoding`); found from the bytes when not given. */
  encoding?: string;
  /** Rebuild on every change (`build --watch`). */
  watch: boolean;
  /** Copy the default templates too (`init --templates`). */
  templates: boolean;
  json: boolean;
  debug: boolean;
  quiet: boolean;
  /** Stage timings and the archive-kit files on stderr (`--verbose`). */
  verbose: boolean;
  /** The options given on the command line (the others come from book.yaml, then the defaults). */
  explicit: Set<ExplicitOption>;
}

export class UsageError extends Error {}

export const HELP = `quire: turn a manuscript into an EPUB and a typeset PDF

Usage:
  quire build [INPUT...] [--out DIR] [--format epub,pdf] [--profile NAME] [--notes chapter|book] [--check]
              [--page-size SIZE] [--file-name PATTERN] [--encoding NAME] [--watch]
  quire check FILE.epub...
  quire inspect INPUT [--encoding NAME]
  quire init [DIR] [--templates]
  quire --explain RULE
  quire --help | --version

Commands:
  build      Build each INPUT (a .md, .markdown, .txt, .html or .docx file, or a folder of them)
             into DIR/<slug>.epub and DIR/<slug>.pdf. Default INPUT: manuscript/
             Options not given here come from the quire: section of INPUT/book.yaml.
  check      Run EPUBCheck (Java and /usr/share/java/epubcheck.jar) on each FILE and
             print its messages; exit 1 when it reports an error.
  inspect    Print the document model of INPUT as JSON.
  init       Start a book in DIR (default: the current folder): manuscript/ with a
             sample chapter and book.yaml, and a package.json whose build script runs quire.

Options:
  -o, --out DIR        Output folder (default: dist)
  -f, --format LIST    Comma-separated formats: epub, pdf, html (AO3-ready), txt (default: epub,pdf)
      --profile NAME   EPUB for generic (default), kindle, kobo (writes <slug>.kepub.epub)
                       or apple reading systems
      --notes WHERE    EPUB footnotes at the end of each chapter (chapter, default) or
                       in a Notes section at the end of the book (book)
      --check          Run EPUBCheck on each EPUB built, with messages at manuscript lines;
                       exit 1 when it reports an error
      --page-size SIZE PDF trim size: a5 (default), 5.5x8.5, 6x9, letter, a4,
                       ereader (a 6-inch e-reader's screen)
      --file-name PAT  Output file name without extension; {slug} (default), {title},
                       {author}, {date}, {year}, {lang}
      --encoding NAME  The manuscript files' encoding: utf-8, windows-1252, latin1,
                       utf-16le, utf-16be, or any WHATWG label (default: UTF-16 with a
                       byte-order mark, else UTF-8, else Windows-1252 with a warning)
  -w, --watch          Build, then rebuild whenever the manuscript, book.yaml or a template
                       changes, until Ctrl-C
      --templates      (init) Copy the default templates into DIR/templates/ to edit
      --json           Print diagnostics as JSON lines on stderr
      --debug          Show stack traces for internal errors
      --explain RULE   What a message's rule id means and what to do (the id is in --json output)
  -q, --quiet          Do not print warnings
      --verbose        Print stage timings and the archive-kit files written, on stderr
  -h, --help           Show this help
  -v, --version        Show the version

Exit status: 0 success (warnings go to stderr), 1 manuscript error or EPUBCheck error, 2 usage error.
Environment: SOURCE_DATE_EPOCH sets the date written into the files.`;

/** `value` when it is one of `allowed`, else a usage error naming them. */
function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value.trim().toLowerCase());
  if (!found) throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got ${value})`);
  return found;
}

/** Parses argv (without `node` and the script). Throws UsageError for anything it cannot make sense of. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    command: 'help',
    inputs: [],
    out: 'dist',
    formats: ['epub', 'pdf'],
    profile: 'generic',
    notes: 'chapter',
    check: false,
    pageSize: 'a5',
    fileName: '{slug}',
    watch: false,
    templates: false,
    json: false,
    debug: false,
    quiet: false,
    verbose: false,
    explicit: new Set(),
  };
  let command: string | undefined;
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
      case '-o':
      case '--out':
        args.out = value();
        args.explicit.add('out');
        break;
      case '-f':
      case '--format':
        args.formats = value()
          .split(',')
          .map((f) => f.trim().toLowerCase())
          .filter(Boolean);
        if (args.formats.length === 0) throw new UsageError('--format needs at least one format');
        args.explicit.add('formats');
        break;
      case '--profile':
        args.profile = oneOf(name, value(), PROFILES);
        args.explicit.add('profile');
        break;
      case '--notes':
        args.notes = oneOf(name, value(), NOTE_PLACEMENTS);
        args.explicit.add('notes');
        break;
      case '--check':
        args.check = true;
        args.explicit.add('check');
        break;
      case '--page-size':
        args.pageSize = oneOf(name, value(), PAGE_SIZE_NAMES);
        args.explicit.add('pageSize');
        break;
      case '--file-name':
        args.fileName = value();
        if (/[\\/]/.test(args.fileName) || !args.fileName.trim()) throw new UsageError('--file-name takes a file name without a folder, e.g. {slug}-{date}');
        args.explicit.add('fileName');
        break;
      case '--encoding': {
        const label = value();
        if (!encodingName(label)) throw new UsageError(`unknown encoding ${label} (try utf-8, windows-1252, latin1, utf-16le, utf-16be)`);
        args.encoding = label;
        args.explicit.add('encoding');
        break;
      }
      case '-w':
      case '--watch':
        args.watch = true;
        break;
      case '--templates':
        args.templates = true;
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
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        if (command === undefined) command = arg;
        else args.inputs.push(arg);
    }
  }
  if (command === undefined) return args;
  if (command !== 'build' && command !== 'inspect' && command !== 'check' && command !== 'init') throw new UsageError(`unknown command ${command}`);
  args.command = command;
  if (command === 'init' && args.inputs.length > 1) throw new UsageError('init takes at most one DIR');
  if (args.watch && command !== 'build') throw new UsageError('--watch works with build only');
  if (args.templates && command !== 'init') throw new UsageError('--templates works with init only');
  if (args.quiet && args.verbose) throw new UsageError('--quiet and --verbose do not go together');
  if (command === 'inspect' && args.inputs.length !== 1) throw new UsageError('inspect takes exactly one INPUT');
  if (command === 'check' && args.inputs.length === 0) throw new UsageError('check takes at least one FILE.epub');
  if (command === 'build' && args.inputs.length === 0) args.inputs = ['manuscript'];
  return args;
}
