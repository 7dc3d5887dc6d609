/**
 * The headline figures of ../shared/tools/typeset_metrics.py for one PDF, and issue 4's targets for them. The
 * benchmark and the PDF quality tests both read the script through this module.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** From bench/ and from the compiled .bench/ alike: both sit one folder below the repository. */
export const METRICS_SCRIPT = path.resolve(__dirname, '..', '..', 'shared', 'tools', 'typeset_metrics.py');

export interface QualityFigures {
  pages: number;
  overfull: number;
  /** Justified lines with spaces over twice their natural width. */
  loose: number;
  over15: number;
  badness200: number;
  hyphenRun: number;
  widows: number;
  orphans: number;
  runts: number;
  /** Words split into touching pieces in the text layer. */
  split: number;
  fffd: number;
}

/** Issue 4's "done when" figures (pages is not a target). */
export const TARGETS: Omit<QualityFigures, 'pages'> = { overfull: 0, loose: 5, over15: 100, badness200: 50, hyphenRun: 2, widows: 0, orphans: 0, runts: 0, split: 0, fffd: 0 };

/** Runs the script (python3 and poppler's pdftotext) on a PDF. */
export function typesetMetrics(file: string): QualityFigures {
  if (!fs.existsSync(METRICS_SCRIPT)) throw new Error(`${METRICS_SCRIPT} is missing`);
  const r = JSON.parse(execFileSync('python3', [METRICS_SCRIPT, file], { encoding: 'utf8', maxBuffer: 256 << 20 }));
  return {
    pages: r.pages,
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

/** The targets a measurement misses, as `key: value > target` strings (empty when all are met). */
export function misses(m: Omit<QualityFigures, 'pages'>, targets: Omit<QualityFigures, 'pages'> = TARGETS): string[] {
  return (Object.keys(targets) as (keyof typeof targets)[]).filter((k) => m[k] > targets[k]).map((k) => `${k}: ${m[k]} > ${targets[k]}`);
}
