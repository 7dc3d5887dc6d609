/**
 * typst as the PDF's speed anchor (issue 13): the same book on the same page, font, size and measure as quire's
 * default A5, compiled by typst's compiler from npm (`@myriaddreamin/typst-ts-node-compiler`, the Rust compiler as
 * a Node addon). The book's Markdown is converted to typst markup once, by pandoc 3 from npm (`pandoc-wasm`, the
 * pandoc project's WebAssembly build), and kept in `.bench/typst/`; only the compile to PDF is timed, inside the
 * process (GNU time gives the process's CPU and peak memory).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { BenchBook } from './books';
import { measure, paired, spread, type Measurement, type Paired } from './measure';

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(ROOT, '.bench', 'typst');

/**
 * quire's default page (src/render/pdf/options.ts, templates/pdf/theme.json): A5, margins 50/58 and 54 inside, 42
 * outside (a 323.53 pt measure), Source Serif 4 at 10 pt on 13.5 pt lines, paragraphs indented 14 pt with no space
 * between them, justified and hyphenated; chapters open on a new page. Scene breaks (pandoc's `horizontalrule`) are
 * centred asterisks, as quire sets them.
 */
const PREAMBLE = `#set page(width: 419.53pt, height: 595.28pt, margin: (top: 50pt, bottom: 58pt, inside: 54pt, outside: 42pt), numbering: "1")
#set text(font: "Source Serif 4", size: 10pt, lang: "en", hyphenate: true, top-edge: 13.5pt, bottom-edge: 0pt)
#set par(justify: true, leading: 0pt, spacing: 0pt, first-line-indent: 14pt)
#let horizontalrule = align(center, block(above: 13.5pt, below: 13.5pt, [\\* \\* \\*]))
#show heading: it => { pagebreak(weak: true); v(54pt); text(size: 18pt, it.body); v(27pt) }
`;

/** Converts with pandoc-wasm (an ES module, so in a child process): Markdown on stdin, typst markup on stdout. */
const CONVERT = `import { convert } from 'pandoc-wasm';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const r = await convert({ from: 'markdown', to: 'typst' }, input, {});
process.stdout.write(r.stdout);`;

/** Compiles `main` to `out`, printing the compile's milliseconds into `timing`. */
const COMPILE = `const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const fs = require('node:fs');
const [main, out, fonts, timing] = process.argv.slice(1);
const compiler = NodeCompiler.create({ workspace: require('node:path').dirname(main), fontArgs: [{ fontPaths: [fonts] }] });
const started = process.hrtime.bigint();
const doc = compiler.compile({ mainFilePath: main });
if (!doc.result) { console.error(JSON.stringify(compiler.fetchDiagnostics(doc.takeDiagnostics())).slice(0, 2000)); process.exit(1); }
const pdf = compiler.pdf(doc.result);
fs.writeFileSync(timing, String(Number(process.hrtime.bigint() - started) / 1e6));
fs.writeFileSync(out, pdf);`;

export interface TypstRun {
  book: string;
  /** The compile alone (wall), and the process's CPU and peak memory. */
  time: Measurement;
  pdf: string;
  /** quire's PDF of the same book run just before each compile: its wall times, and theirs over the compile's. */
  paired?: Paired;
}

/** Whether both packages are installed (they are devDependencies). */
export function haveTypst(): boolean {
  try {
    require.resolve('@myriaddreamin/typst-ts-node-compiler', { paths: [ROOT] });
    return fs.existsSync(path.join(ROOT, 'node_modules', 'pandoc-wasm', 'package.json'));
  } catch {
    return false;
  }
}

/** The book as a typst document, converted once and kept (keyed by the Markdown's size and time). */
function typstSource(book: BenchBook, log: (line: string) => void): string {
  fs.mkdirSync(CACHE, { recursive: true });
  const stat = fs.statSync(book.input);
  const file = path.join(CACHE, `${book.key}-${stat.size}-${Math.round(stat.mtimeMs)}.typ`);
  if (!fs.existsSync(file)) {
    log(`  converting ${path.basename(book.input)} to typst with pandoc-wasm (once; kept in .bench/typst/)`);
    const body = execFileSync(process.execPath, ['--input-type=module', '-e', CONVERT], { cwd: ROOT, input: fs.readFileSync(book.input), maxBuffer: 256 << 20, encoding: 'utf8' });
    fs.writeFileSync(file, PREAMBLE + body);
  }
  return file;
}

/**
 * typst's compile of `book`, `runs` times; `fonts` is the folder of quire's Source Serif 4. With `alongside` (one run
 * of quire's PDF of the same book, returning its wall time in ms), each compile follows a run of quire's, and their
 * ratio is taken pair by pair (`paired`).
 */
export function runTypst(book: BenchBook, runs: number, out: string, fonts: string, log: (line: string) => void, alongside?: () => number): TypstRun {
  const main = typstSource(book, log);
  fs.mkdirSync(out, { recursive: true });
  const pdf = path.join(out, `${book.key}-typst.pdf`);
  const timing = path.join(out, 'typst-ms.txt');
  fs.rmSync(timing, { force: true });
  const compileMs: number[] = [];
  const quireMs: number[] = [];
  const whole = measure(process.execPath, ['-e', COMPILE, main, pdf, fonts, timing], runs, {
    cwd: ROOT,
    setup: () => {
      if (fs.existsSync(timing)) compileMs.push(Number(fs.readFileSync(timing, 'utf8')));
      if (alongside) quireMs.push(alongside());
    },
  });
  compileMs.push(Number(fs.readFileSync(timing, 'utf8')));
  const time = { ...whole, wallMs: spread(compileMs) };
  log(`  typst pdf  ${(time.wallMs.median / 1000).toFixed(2)} s compile (process ${(whole.wallMs.median / 1000).toFixed(2)} s), ${whole.peakMiB.median.toFixed(0)} MiB`);
  return alongside ? { book: book.key, time, pdf, paired: paired(quireMs, compileMs, 'pdf', log) } : { book: book.key, time, pdf };
}
