#!/usr/bin/env node
/** The `quire` command: parses arguments, runs a command, prints diagnostics, and maps outcomes to exit codes. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CollectingReporter, formatDiagnostic } from '../diagnostics/reporter';
import { QuireError, type Diagnostic } from '../diagnostics/types';
import { renderers } from '../render';
import { HELP, parseArgs, UsageError, type CliArgs } from './args';

export const EXIT_OK = 0;
export const EXIT_MANUSCRIPT = 1;
export const EXIT_USAGE = 2;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

function version(): string {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function printer(args: CliArgs, io: Io): (d: Diagnostic) => void {
  return (d) => {
    if (args.quiet && d.severity !== 'error') return;
    if (d.severity === 'info') return;
    io.stderr(args.json ? `${JSON.stringify(d)}\n` : `${formatDiagnostic(d, { frame: true })}\n`);
  };
}

/** Runs the CLI with the given arguments; resolves to the exit code. Exported for tests and the library. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
    const known = Object.keys(renderers);
    if (args.command === 'build') for (const format of args.formats) if (!known.includes(format)) throw new UsageError(`unknown format ${format} (known: ${known.join(', ')})`);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`quire: error: ${e.message}\nTry \`quire --help\`.\n`);
    return EXIT_USAGE;
  }
  if (args.command === 'help') {
    io.stdout(`${HELP}\n`);
    return EXIT_OK;
  }
  if (args.command === 'version') {
    io.stdout(`quire ${version()}\n`);
    return EXIT_OK;
  }
  const print = printer(args, io);
  let report = new CollectingReporter(print);
  try {
    if (args.command === 'check') {
      const { checkFiles } = await import('../check/files');
      return checkFiles(args.inputs.map((file) => ({ file })), print, io.stdout) ? EXIT_MANUSCRIPT : EXIT_OK;
    }
    // Loaded here so that `--help` and usage errors stay fast.
    const { build, read } = await import('../build');
    if (args.command === 'inspect') {
      io.stdout(`${JSON.stringify(read(args.inputs[0], { report }), null, 2)}\n`);
      return EXIT_OK;
    }
    let checkFailed = false;
    const rendererOptions = { epub: { profile: args.profile, notes: args.notes } };
    for (const input of args.inputs) {
      report = new CollectingReporter(print);
      const result = await build({ input, outDir: args.out, formats: args.formats, report, rendererOptions });
      for (const file of result.outputs) io.stdout(`${file}\n`);
      if (args.check) {
        const { checkFiles } = await import('../check/files');
        const epubs = result.outputs.map((file, i) => ({ file, artifact: result.artifacts[i] })).filter((o) => o.artifact.mediaType === 'application/epub+zip');
        // stdout lists written files only, so the summary goes to stderr with the messages.
        checkFailed = checkFiles(epubs, print, io.stderr) || checkFailed;
      }
    }
    return checkFailed ? EXIT_MANUSCRIPT : EXIT_OK;
  } catch (e) {
    if (e instanceof QuireError) {
      // A reporter's `fail` has printed it already; errors raised outside a reporter have not.
      if (!report.messages.includes(e.diagnostic)) print(e.diagnostic);
      return EXIT_MANUSCRIPT;
    }
    const err = e as Error;
    io.stderr(`quire: internal error: ${err.message}\n`);
    io.stderr(args.debug ? `${err.stack}\n` : 'Run again with --debug for details, and report it.\n');
    return EXIT_MANUSCRIPT;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: Error) => {
      process.stderr.write(`quire: internal error: ${e.message}\n`);
      process.exitCode = EXIT_MANUSCRIPT;
    },
  );
}
