/** Runs ../shared/tools/typeset_metrics.py on a PDF and checks the targets (python3 and pdftotext required). */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { read, render } from '../../../src/build';
import { CollectingReporter } from '../../../src/diagnostics/reporter';
import { requireTool, tempDir } from '../../helpers/tools';

const SCRIPT = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'tools', 'typeset_metrics.py');

/** The headline numbers of the script's JSON report. */
export interface Metrics {
  overfull: number;
  loose: number;
  over15: number;
  badness200: number;
  hyphenRun: number;
  widows: number;
  orphans: number;
  runts: number;
  split: number;
  fffd: number;
}

/** Measures a PDF file. */
export function measure(file: string): Metrics {
  requireTool('python3', 'python3');
  requireTool('pdftotext', 'poppler-utils');
  if (!fs.existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing`);
  const r = JSON.parse(execFileSync('python3', [SCRIPT, file], { encoding: 'utf8', maxBuffer: 256 << 20 }));
  return {
    overfull: r.overfull.lines,
    loose: r.spacing.loose_lines,
    over15: r.spacing.lines_over_1_5x,
    badness200: r.spacing.tex_style.lines_badness_over_200,
    hyphenRun: r.hyphenation.longest_consecutive_run,
    widows: r.widows,
    orphans: r.orphans,
    runts: Array.isArray(r.runt_pages) ? r.runt_pages.length : r.runt_pages,
    split: r.extraction.words_split_into_touching_pieces,
    fffd: r.extraction.replacement_chars_U_FFFD,
  };
}

/** Issue 4's "done when" targets. */
export const TARGETS: Metrics = { overfull: 0, loose: 5, over15: 100, badness200: 50, hyphenRun: 2, widows: 0, orphans: 0, runts: 0, split: 0, fffd: 0 };

/** The targets a measurement misses, as `key: value > target` strings (empty when all are met). */
export function misses(m: Metrics, targets: Metrics = TARGETS): string[] {
  return (Object.keys(targets) as (keyof Metrics)[]).filter((k) => m[k] > targets[k]).map((k) => `${k}: ${m[k]} > ${targets[k]}`);
}

/** Reads a corpus book with the real readers, renders its PDF and writes it to a temporary file. */
export async function buildPdf(input: string): Promise<string> {
  const report = new CollectingReporter();
  const book = read(input, { report });
  const [artifact] = await render(book, { formats: ['pdf'], report, input });
  const file = path.join(tempDir('quire-quality-'), `${path.basename(input)}.pdf`);
  fs.writeFileSync(file, artifact.data);
  return file;
}
