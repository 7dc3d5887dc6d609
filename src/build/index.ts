/**
 * The pipeline: inputs → Book (read) → Book (transform) → artifacts (render) → files in the output folder.
 * Each job has its file: read.ts and title.ts (reading, a missing title), render.ts, date.ts (the build's date,
 * decided once), write.ts (atomic writes, plain errors), checksums.ts and kit.ts (what is written beside the books).
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig, type LoadedConfig } from '../config/load';
import type { QuireConfig } from '../config/schema';
import { outputStem, resolveSettings, type BuildSettings, type RendererOptions } from '../config/settings';
import { CollectingReporter } from '../diagnostics/reporter';
import type { Reporter } from '../diagnostics/types';
import type { Book } from '../model/types';
import { rendererFor } from '../render';
import { partsOf, type Artifact } from '../render/types';
import { buildDate } from './date';
import { writeArchiveKit } from './kit';
import { readWith } from './read';
import { render, type ProgressEvent } from './render';
import { writeAtomic } from './write';
import { resolveCover } from '../transform/images';

export { buildDate, FALLBACK_DATE } from './date';
export { writeChecksums } from './checksums';
export { read, type ReadOptions } from './read';
export { render, userTemplates, type ProgressEvent, type RenderOptions } from './render';
export { writeAtomic } from './write';

export interface BuildOptions {
  /** A manuscript file or folder. */
  input: string;
  /** Output folder (created if missing). Default: `quire.out` in book.yaml, else `dist`. */
  outDir?: string;
  /** Renderer names, e.g. ['epub', 'pdf']. Default: `quire.formats` in book.yaml, else epub and pdf. */
  formats?: readonly string[];
  /** Where diagnostics go; by default they are collected and dropped (a fatal one still throws a `QuireError`). */
  report?: Reporter;
  /** A user's templates folder; defaults to `templates/` beside the manuscript folder when it exists. */
  templates?: string;
  /** Per-renderer options by renderer name; each overrides the same option in book.yaml. */
  rendererOptions?: RendererOptions;
  /** Output file-name pattern (`{slug}`, `{title}`, `{author}`, `{date}`, `{year}`, `{lang}`). Default: `quire.file-name`, else `{slug}`. */
  output?: string;
  /** The `quire:` options to use instead of book.yaml's; `false` ignores book.yaml's. */
  config?: QuireConfig | false;
  /** The manuscript files' encoding (a label such as `windows-1252`). Default: `quire.encoding` in book.yaml, else found from each file's bytes. */
  encoding?: string;
  /** Also write SHA256SUMS, the Internet Archive CSV and (with html) the upload sheet. Default true. */
  archiveKit?: boolean;
  /** Whether the archive kit updates SHA256SUMS (default true; `quire batch` writes it once for all its works). */
  checksums?: boolean;
  /**
   * Given the books' file-name stem once the book is read, returns the stem to write under (`quire batch` makes each
   * work's unique). Rendering goes on while it is pending.
   */
  claimStem?: (stem: string) => string | Promise<string>;
  /** Called as the build moves on (the CLI draws its progress line from it). */
  onProgress?: (event: ProgressEvent) => void;
  env?: NodeJS.ProcessEnv;
}

export interface BuildResult {
  book: Book;
  /** Written books, in the order of `formats`. */
  outputs: string[];
  /** What each renderer returned, in the same order (an EPUB's carries its source map, for validators' messages). */
  artifacts: Artifact[];
  /** The archive kit written beside the books: upload sheet, Internet Archive CSV, SHA256SUMS (empty without it). */
  kit: string[];
  /** The settings the build ran with (explicit options over book.yaml over defaults). */
  settings: BuildSettings;
  /** Milliseconds spent in each stage, in order (`read`, `render epub`, …, `write`). */
  timings: [stage: string, ms: number][];
}

/**
 * Reads, transforms, renders and writes one book. Nothing is written unless every format rendered. Options not given
 * come from the `quire:` section of book.yaml in a folder input, then from the defaults.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const report = options.report ?? new CollectingReporter();
  const timings: [string, number][] = [];
  let started = performance.now();
  const loaded: LoadedConfig =
    options.config === false ? { config: {}, positions: {} } : options.config ? { config: options.config, positions: {} } : loadConfig(options.input, report, { encoding: options.encoding });
  const settings = resolveSettings(loaded.config, options);
  for (const format of settings.formats) rendererFor(format); // unknown formats fail before any work
  options.onProgress?.({ stage: 'read' });
  const book = readWith(options.input, report, settings.encoding);
  const stray = book.metaPositions.quire;
  if (book.meta.extra.quire !== undefined && stray && (!loaded.file || path.resolve(stray.file) !== path.resolve(loaded.file))) {
    report.warn('config-ignored', '`quire:` options are read from book.yaml in a manuscript folder only; ignored here', {
      position: stray,
      hint: 'Move them to book.yaml beside the chapters (`quire init` shows the layout), or use command-line flags.',
    });
  }
  if (settings.cover) {
    book.meta.cover = settings.cover;
    if (loaded.positions.cover) book.metaPositions.cover = loaded.positions.cover;
    resolveCover(book, report);
  }
  timings.push(['read', performance.now() - started]);
  const now = buildDate(book, options.env);
  const natural = outputStem(settings.output, book, now);
  const claimed = options.claimStem ? Promise.resolve(options.claimStem(natural)) : natural;
  const artifacts = await render(book, { ...options, report, formats: settings.formats, rendererOptions: settings.rendererOptions, now, timings });
  started = performance.now();
  options.onProgress?.({ stage: 'write' });
  const stem = await claimed;
  const outDir = settings.outDir;
  const outputs = artifacts.map((artifact) => path.join(outDir, `${stem}${artifact.extension}`));
  artifacts.forEach((artifact, i) => writeAtomic(outputs[i], partsOf(artifact)));
  const kit =
    options.archiveKit === false ? [] : writeArchiveKit(book, { outDir, stem, outputs, formats: settings.formats, date: now, checksums: options.checksums !== false });
  timings.push(['write', performance.now() - started]);
  return { book, outputs, artifacts, kit, settings, timings };
}
