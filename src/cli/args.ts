/** Command-line parsing: `quire <command> [INPUT...] [options]`, with usage errors as values, not exits. */

/** EPUB device profiles and note placements the CLI accepts (kept in step with src/render/epub/options.ts). */
const PROFILES = ['generic', 'kindle', 'kobo', 'apple'] as const;
const NOTE_PLACEMENTS = ['chapter', 'book'] as const;

export interface CliArgs {
  command: 'build' | 'inspect' | 'check' | 'help' | 'version';
  inputs: string[];
  out: string;
  formats: string[];
  /** EPUB device profile (`--profile`). */
  profile: (typeof PROFILES)[number];
  /** Where EPUB footnotes go (`--notes`). */
  notes: (typeof NOTE_PLACEMENTS)[number];
  /** Run EPUBCheck on each EPUB built (`--check`). */
  check: boolean;
  json: boolean;
  debug: boolean;
  quiet: boolean;
}

export class UsageError extends Error {}

export const HELP = `quire: turn a manuscript into an EPUB and a typeset PDF

Usage:
  quire build [INPUT...] [--out DIR] [--format epub,pdf] [--profile NAME] [--notes chapter|book] [--check]
  quire check FILE.epub...
  quire inspect INPUT
  quire --help | --version

Commands:
  build      Build each INPUT (a .md, .markdown or .txt file, or a folder of them)
             into DIR/<slug>.epub and DIR/<slug>.pdf. Default INPUT: manuscript/
  check      Run EPUBCheck (Java and /usr/share/java/epubcheck.jar) on each FILE and
             print its messages; exit 1 when it reports an error.
  inspect    Print the document model of INPUT as JSON.

Options:
  -o, --out DIR        Output folder (default: dist)
  -f, --format LIST    Comma-separated formats: epub, pdf, html (AO3-ready), txt (default: epub,pdf)
      --profile NAME   EPUB for generic (default), kindle, kobo (writes <slug>.kepub.epub)
                       or apple reading systems
      --notes WHERE    EPUB footnotes at the end of each chapter (chapter, default) or
                       in a Notes section at the end of the book (book)
      --check          Run EPUBCheck on each EPUB built, with messages at manuscript lines;
                       exit 1 when it reports an error
      --json           Print diagnostics as JSON lines on stderr
      --debug          Show stack traces for internal errors
  -q, --quiet          Do not print warnings
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
    json: false,
    debug: false,
    quiet: false,
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
      case '-o':
      case '--out':
        args.out = value();
        break;
      case '-f':
      case '--format':
        args.formats = value()
          .split(',')
          .map((f) => f.trim().toLowerCase())
          .filter(Boolean);
        if (args.formats.length === 0) throw new UsageError('--format needs at least one format');
        break;
      case '--profile':
        args.profile = oneOf(arg, value(), PROFILES);
        break;
      case '--notes':
        args.notes = oneOf(arg, value(), NOTE_PLACEMENTS);
        break;
      case '--check':
        args.check = true;
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
  if (command !== 'build' && command !== 'inspect' && command !== 'check') throw new UsageError(`unknown command ${command}`);
  args.command = command;
  if (command === 'inspect' && args.inputs.length !== 1) throw new UsageError('inspect takes exactly one INPUT');
  if (command === 'check' && args.inputs.length === 0) throw new UsageError('check takes at least one FILE.epub');
  if (command === 'build' && args.inputs.length === 0) args.inputs = ['manuscript'];
  return args;
}
