/** The benchmark's results as Markdown: timings, pandoc ratios, typesetting quality, scaling and the targets. */
import * as fs from 'node:fs';
import type { Paired } from './measure';
import { misses } from './quality';
import type { Mode, Results } from './run';

const s = (ms: number) => (ms / 1000).toFixed(2);
const ratio = (x: number) => `${x.toFixed(2)}×`;
const int = (n: number) => Math.round(n).toLocaleString('en');

/** One issue-6 target: what was measured against what is wanted. */
export interface TargetRow {
  target: string;
  measured: string;
  goal: string;
  met: boolean | undefined;
}

function quire(results: Results, book: string, mode: Mode) {
  return results.quire.find((q) => q.book === book && q.mode === mode);
}

function pandoc(results: Results, book: string, format: 'epub' | 'pdf') {
  return results.pandoc.find((p) => p.book === book && p.format === format);
}

/**
 * quire's time over an anchor's (typst, pandoc): taken pair by pair when quire ran in turn with it (`Paired`), else
 * the ratio of the two medians; with the text the table shows.
 */
function anchorRatio(medians: number, pairs: Paired | undefined): { r: number; text: string } {
  if (!pairs) return { r: medians, text: ratio(medians) };
  return { r: pairs.ratio.median, text: `${ratio(pairs.ratio.median)} (runs in turn, ${ratio(pairs.ratio.min)}–${ratio(pairs.ratio.max)}); ${ratio(medians)} from the medians` };
}

/** The targets of issue 6 (and issue 4's speed target), measured where this run has the figures. */
export function targets(results: Results): TargetRow[] {
  const rows: TargetRow[] = [];
  const wapEpub = quire(results, 'wap', 'epub');
  const pandocWapEpub = pandoc(results, 'wap', 'epub');
  if (wapEpub && pandocWapEpub) {
    const r = wapEpub.time.wallMs.median / pandocWapEpub.time.wallMs.median;
    rows.push({ target: 'War and Peace EPUB, wall time against pandoc (issue 13)', measured: ratio(r), goal: '≤ 0.15×', met: r <= 0.15 });
  }
  const mobyPdf = quire(results, 'moby', 'pdf');
  const pandocMobyPdf = pandoc(results, 'moby', 'pdf');
  if (mobyPdf && pandocMobyPdf) {
    const { r, text } = anchorRatio(mobyPdf.time.wallMs.median / pandocMobyPdf.time.wallMs.median, pandocMobyPdf.paired);
    const quality = results.quality.find((q) => q.book === 'moby' && q.tool === 'quire');
    const missed = quality ? misses(quality.figures) : ['not measured'];
    rows.push({
      target: 'Moby-Dick PDF, wall time against pandoc + xelatex, at issue 4\'s quality',
      measured: `${text}; quality ${missed.length ? `misses ${missed.join(', ')}` : 'meets every target'}`,
      goal: '≤ 0.33×',
      met: r <= 0.33 && missed.length === 0,
    });
  }
  const typst = results.typst.find((t) => t.book === 'moby');
  if (mobyPdf && typst) {
    const { r, text } = anchorRatio(mobyPdf.time.wallMs.median / typst.time.wallMs.median, typst.paired);
    rows.push({ target: "Moby-Dick PDF, quire's whole process against typst's compile alone (issue 13)", measured: text, goal: '≤ 1.00×', met: r <= 1 });
  }
  const seed = quire(results, 'seed', 'both');
  if (seed) rows.push({ target: 'Seed, EPUB and PDF, wall time with process start', measured: `${s(seed.time.wallMs.median)} s`, goal: '≤ 0.60 s', met: seed.time.wallMs.median <= 600 });
  const wapBoth = quire(results, 'wap', 'both');
  if (wapBoth) rows.push({ target: 'War and Peace, both formats, peak memory', measured: `${int(wapBoth.time.peakMiB.median)} MiB`, goal: '≤ 400 MiB', met: wapBoth.time.peakMiB.median <= 400 });
  const huge = results.quire.find((q) => q.book.startsWith('wap') && q.book !== 'wap' && q.mode === 'both');
  if (huge) {
    const words = results.books.find((b) => b.key === huge.book)?.words ?? 0;
    rows.push({ target: `${words.toLocaleString('en')} words (War and Peace ×${huge.book.slice(3)}), both formats, peak memory (issue 13)`, measured: `${int(huge.time.peakMiB.median)} MiB`, goal: '≤ 1,536 MiB', met: huge.time.peakMiB.median <= 1536 });
    if (wapBoth) {
      const r = huge.wordsPerSecond > 0 ? wapBoth.wordsPerSecond / huge.wordsPerSecond : Infinity;
      rows.push({ target: `${words.toLocaleString('en')} words, both formats, time per word against War and Peace's (issue 13)`, measured: ratio(r), goal: '≤ 1.30×', met: r <= 1.3 });
    }
  }
  if (results.scaling) {
    rows.push({
      target: 'Cost per word, 20k to 1M words (both formats, fixed start cost taken away)',
      measured: `${ratio(results.scaling.flatness)} from cheapest to dearest`,
      goal: '≤ 1.30×',
      met: results.scaling.flatness <= 1.3,
    });
  }
  const scale = results.scale;
  if (scale?.calibreRatio !== undefined) {
    rows.push({ target: 'quire batch (default --jobs), one-shot EPUB per work against calibre ebook-convert (issue 15)', measured: `${scale.calibreRatio.toFixed(3)}×`, goal: '≤ 0.05×', met: scale.calibreRatio <= 0.05 });
  }
  if (scale) {
    const full = scale.rows.find((r) => r.tool === 'quire batch' && r.jobs === scale.cores && r.label.includes('EPUB and PDF') && r.label.includes('one-shots'));
    const busy = full ? full.busy / scale.cores : 0;
    rows.push({
      target: `quire batch, EPUB and PDF: throughput at --jobs ${scale.cores} against --jobs 1, and the cores kept busy (issue 15)`,
      measured: `${ratio(scale.speedup)}; ${Math.round(busy * 100)} % of ${scale.cores} cores busy`,
      goal: `grows with --jobs up to the cores; ≥ 80 % busy`,
      met: scale.cores === 1 || (scale.speedup >= 1 + 0.5 * (scale.cores - 1) && busy >= 0.8),
    });
  }
  if (results.greedy) {
    rows.push({ target: 'Moby-Dick PDF against pdfkit\'s greedy justify (issue 4)', measured: ratio(results.greedy.ratio), goal: '≤ 2×', met: results.greedy.ratio <= 2 });
  }
  return rows;
}

/** The archive-scale rows as Markdown (also put into the README's Archive scale section). */
export function scaleTable(results: Results): string {
  const scale = results.scale!;
  const out = ['Archive scale: `quire batch` (one process, a pool of build threads) against calibre\'s `ebook-convert` (one process per work, as an archive\'s download writer runs it), on the same works; whole commands, start-up included:', ''];
  out.push('| works | tool | wall s | ms per work | works per minute | cores busy |');
  out.push('|---|---|---:|---:|---:|---:|');
  for (const r of scale.rows) out.push(`| ${r.label} | ${r.tool} | ${s(r.time.wallMs.median)} | ${int(r.msPerWork)} | ${int(r.worksPerMinute)} | ${r.busy.toFixed(1)} |`);
  const calibre = scale.calibreRatio !== undefined ? `; a one-shot's EPUB costs ${scale.calibreRatio.toFixed(3)}× calibre's time (target ≤ 0.05×)` : '';
  out.push('', `Measured ${results.date.slice(0, 10)}, median of ${results.runs} run(s); for EPUB and PDF, \`--jobs ${scale.cores}\` gives ${ratio(scale.speedup)} the throughput of \`--jobs 1\`${calibre}. calibre's times are one run of each work, added up.`);
  return `${out.join('\n')}\n`;
}

/** The whole report as Markdown. */
export function renderMarkdown(results: Results): string {
  const out: string[] = [];
  const m = results.machine;
  out.push(`Measured ${results.date.slice(0, 10)} on ${m.cpus} × ${m.cpuModel.trim() || 'CPU'}, ${m.memoryGiB} GiB, Node ${m.node}; median of ${results.runs} run(s) (pandoc: ${results.pandocRuns}), (min–max) in brackets; whole processes, start-up included.`, '');

  out.push('| book | words | format | quire wall s | CPU s | peak MiB | words/s | pandoc wall s | peak MiB | quire/pandoc |');
  out.push('|---|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const book of results.books) {
    for (const mode of ['epub', 'pdf', 'both'] as Mode[]) {
      const q = quire(results, book.key, mode);
      if (!q) continue;
      const t = q.time;
      const p = mode === 'both' ? undefined : pandoc(results, book.key, mode);
      const pan = p ? [`${s(p.time.wallMs.median)}`, int(p.time.peakMiB.median), ratio(t.wallMs.median / p.time.wallMs.median)] : ['–', '–', '–'];
      out.push(`| ${book.label} | ${int(book.words)} | ${mode} | ${s(t.wallMs.median)} (${s(t.wallMs.min)}–${s(t.wallMs.max)}) | ${s(t.cpuMs.median)} | ${int(t.peakMiB.median)} | ${int(q.wordsPerSecond)} | ${pan.join(' | ')} |`);
    }
  }
  if (results.pandocVersion) out.push('', `pandoc: ${results.pandocVersion}; its PDF is \`--pdf-engine=xelatex\`.`);
  for (const t of results.typst) {
    const label = results.books.find((b) => b.key === t.book)?.label ?? t.book;
    out.push('', `typst (npm @myriaddreamin/typst-ts-node-compiler, from pandoc-wasm's typst markup, quire's page, font, size and measure), ${label}: compile ${s(t.time.wallMs.median)} s (${s(t.time.wallMs.min)}–${s(t.time.wallMs.max)}); its process ${s(t.time.cpuMs.median)} CPU s, ${int(t.time.peakMiB.median)} MiB peak.${t.paired ? ` Each compile followed a run of quire's PDF (${t.paired.quireMs.map((ms) => s(ms)).join(', ')} s): quire's over typst's, run by run, ${ratio(t.paired.ratio.median)} (${ratio(t.paired.ratio.min)}–${ratio(t.paired.ratio.max)}).` : ''}`);
  }

  if (results.quality.length) {
    out.push('', 'Typesetting (`../shared/tools/typeset_metrics.py`; issue 4 wants 0 overfull, ≤ 5 loose, ≤ 100 over 1.5×, ≤ 50 badness > 200, hyphen run ≤ 2, 0 widows, orphans, runts, split words):', '');
    out.push('| book | typesetter | pages | overfull | loose > 2× | over 1.5× | badness > 200 | hyphen run | widows | orphans | runt pages | split words |');
    out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const { book, tool, figures: f } of results.quality) {
      const label = results.books.find((b) => b.key === book)?.label ?? book;
      out.push(`| ${label} | ${tool} | ${f.pages} | ${f.overfull} | ${f.loose} | ${f.over15} | ${f.badness200} | ${f.hyphenRun} | ${f.widows} | ${f.orphans} | ${f.runts} | ${f.split} |`);
    }
  }

  if (results.scaling) {
    out.push('', `Cost per word, both formats (fixed cost, a 100-word book: ${s(results.scaling.fixedMs)} s):`, '');
    out.push('| book | words | wall s | µs/word | µs/word without the fixed cost |');
    out.push('|---|---:|---:|---:|---:|');
    for (const r of results.scaling.rows) out.push(`| ${r.book} | ${int(r.words)} | ${s(r.wallMs)} | ${r.usPerWord.toFixed(1)} | ${r.netUsPerWord.toFixed(1)} |`);
  }

  if (results.scale) out.push('', scaleTable(results));

  const rows = targets(results);
  if (rows.length) {
    out.push('', '| target | measured | goal | met |', '|---|---|---|---|');
    for (const r of rows) out.push(`| ${r.target} | ${r.measured} | ${r.goal} | ${r.met ? 'yes' : 'no'} |`);
  }
  if (results.notes.length) out.push('', ...results.notes.map((n) => `Note: ${n}`));
  return `${out.join('\n')}\n`;
}

/** Replaces the text between the README's `<!-- NAME:start -->` and `<!-- NAME:end -->` markers (which must exist). */
export function updateReadme(file: string, table: string, name = 'bench'): void {
  const START = `<!-- ${name}:start -->`;
  const END = `<!-- ${name}:end -->`;
  const text = fs.readFileSync(file, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${file} has no ${START} … ${END} section for the results`);
  fs.writeFileSync(file, `${text.slice(0, a + START.length)}\n${table}${text.slice(b)}`);
}
