/**
 * Command transcripts: each tests/cli/transcripts/*.md is a terminal session with the compiled `quire` command
 * (format in tests/helpers/transcript.ts), run in a fresh temporary folder. `UPDATE_GOLDENS=1` rewrites the output
 * under each command (tests/helpers/golden.ts); read the diff before committing it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quire } from '../helpers/cli';
import { expectSameText, updatingGoldens } from '../helpers/golden';
import { tempDir } from '../helpers/tools';
import { parseTranscript, printRun, rewriteTranscript, words } from '../helpers/transcript';

const DIR = path.join(__dirname, 'transcripts');
const transcripts = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort();

/** The files under `dir`, relative and sorted. */
function ls(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? ls(path.join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]))
    .sort();
}

/** Runs one transcript command in `cwd` and prints it as a transcript shows it, the folder as `$TMP`. */
function run(command: string, cwd: string): string {
  const [program, ...args] = words(command);
  let printed: string;
  if (program === 'quire') {
    const r = quire(args, { cwd, env: { SOURCE_DATE_EPOCH: '1704067200', NO_COLOR: '1', FORCE_COLOR: '0' } });
    printed = printRun(r.stdout, r.stderr, r.status);
  } else if (program === 'ls' || program === 'cat') {
    const target = path.join(cwd, args[0] ?? '.');
    if (!fs.existsSync(target)) printed = `${program}: ${args[0]}: no such file or folder`;
    else printed = program === 'ls' ? ls(target).join('\n') : fs.readFileSync(target, 'utf8').replace(/\n$/, '');
  } else {
    throw new Error(`transcripts run quire, ls and cat, not ${program}`);
  }
  const real = fs.realpathSync(cwd);
  return printed.split(real).join('$TMP').split(cwd).join('$TMP');
}

it('finds the transcripts', () => {
  expect(transcripts.length).toBeGreaterThan(0);
});

it.each(transcripts)('%s', (name) => {
  const file = path.join(DIR, name);
  const { files, commands } = parseTranscript(file);
  const cwd = tempDir('quire-transcript-');
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(cwd, f.name)), { recursive: true });
    fs.writeFileSync(path.join(cwd, f.name), Buffer.from(f.text, f.encoding));
  }
  const actual = commands.map((c) => run(c.command, cwd));
  if (updatingGoldens) return rewriteTranscript(file, actual);
  commands.forEach((c, n) => expectSameText(`tests/cli/transcripts/${name}:${c.line + 1} (% ${c.command})`, c.expected, actual[n]));
});
