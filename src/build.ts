/**
 * The pipeline: inputs → Book (read) → Book (transform) → artifacts (render) → files in the output folder.
 * Every output is written to a temporary file beside its target and renamed into place, so a failed or
 * interrupted build leaves the previous files as they were.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FileAssets } from './assets';
import { loadConfig, type LoadedConfig } from './config/load';
import type { QuireConfig } from './config/schema';
import { outputStem, resolveSettings, type BuildSettings, type RendererOptions } from './config/settings';
import { CollectingReporter, pointPosition } from './diagnostics/reporter';
import type { Reporter } from './diagnostics/types';
import type { Book } from './model/types';
import { archiveMetadataCsv } from './publish/archive-metadata';
import { sha256sums } from './publish/checksums';
import { uploadSheet } from './publish/upload-sheet';
import { readInput } from './read';
import { rendererFor } from './render';
import type { Artifact } from './render/types';
import { runTransforms } from './transform';
import { resolveCover } from './transform/images';
import { bookSlug as slugOf } from './transform/slug';

/** A fixed timestamp for books that give no date and builds without SOURCE_DATE_EPOCH. */
export const FALLBACK_DATE = new Date('2000-01-01T00:00:00Z');

export interface ReadOptions {
  /** Where diagnostics go; by default they are collected and dropped (a fatal one still throws a `QuireError`). */
  report?: Reporter;
  /** The manuscript files' encoding (a label such as `windows-1252`). Default: `quire.encoding` in a folder's book.yaml, else found from each file's bytes. */
  encoding?: string;
}

/**
 * Names that do not name a book: chapter files (`Chapter 1`, `chapter-01`, `01`, `Ch 3`, `ch.3`, `Part 2`) and the
 * folders that hold them (`manuscript`, as `quire init` lays a book out, and `chapters`).
 */
const UNTELLING_NAME = /^(?:manuscripts?|chapters?|(?:(?:chapter|chap|ch|part|section)\.?[\s._-]*)?\d+)$/i;

/**
 * The title a book without one takes from its input's name: a file's own name, unless it is a chapter's; else the
 * name of the nearest folder above that is not a chapters folder (`night-ferry/manuscript/` → "Night ferry").
 * A folder's files never name the book: they are its chapters.
 */
function titleFromName(input: string): string {
  let at = path.resolve(input);
  const names: string[] = [];
  if (!fs.statSync(at).isDirectory()) {
    names.push(path.basename(at, path.extname(at)));
    at = path.dirname(at);
  }
  names.push(path.basename(at), path.basename(path.dirname(at)));
  const name = names.find((n) => n.trim() && !UNTELLING_NAME.test(n.trim())) ?? '';
  return name.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\p{Ll}/u, (c) => c.toUpperCase()) || 'Untitled';
}

/**
 * Reads an input and runs the default transforms: the book every renderer sees. The files' encoding is
 * `options.encoding`, else `quire.encoding` in the input's book.yaml, else found from each file's bytes.
 */
export function read(input: string, options: ReadOptions = {}): Book {
  const report = options.report ?? new CollectingReporter();
  return readWith(input, report, options.encoding ?? loadConfig(input, report).config.encoding);
}

/** `read` with the encoding decided (`build` has read book.yaml's options already). A missing title comes from the input's name. */
function readWith(input: string, report: Reporter, encoding: string | undefined): Book {
  const book = readInput(input, report, { encoding });
  if (!book.meta.title.trim()) {
    const source = book.sources.find((s) => !/book\.ya?ml$/.test(s)) ?? input;
    book.meta.title = titleFromName(input);
    report.warn('title-missing', `the manuscript has no title; using "${book.meta.title}"`, {
      position: pointPosition(source, 1),
      hint: 'Add `Title: …` to the header or `title:` to the front matter.',
    });
  }
  return runTransforms(book, { report });
}

/**
 * The build's timestamp: SOURCE_DATE_EPOCH (seconds) when set, else the book's own date when it is a full date,
 * else a fixed date. Never the wall clock, so identical inputs give identical files.
 */
export function buildDate(book: Book, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  const date = book.meta.date?.trim();
  if (date && /^\d{4}-\d{2}-\d{2}/.test(date)) {
    const parsed = new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  if (date && /^\d{4}$/.test(date)) return new Date(`${date}-01-01T00:00:00Z`);
  return FALLBACK_DATE;
}

/** The output file name's stem: the title's slug in its own script, else the input file's name, else `book`. */
export function bookSlug(book: Book): string {
  return slugOf(book);
}

/** Temporary files this process has open, removed if it is interrupted. */
const pending = new Set<string>();
let cleanupInstalled = false;
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const cleanup = () => {
    for (const file of pending) fs.rmSync(file, { force: true });
  };
  process.on('exit', cleanup);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      cleanup();
      process.kill(process.pid, signal);
    });
  }
}

/** Writes `data` to `target` through a temporary file in the same folder and an atomic rename. */
export function writeAtomic(target: string, data: Uint8Array): void {
  installCleanup();
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, target);
  } finally {
    fs.rmSync(temp, { force: true });
    pending.delete(temp);
  }
}

/** What a build is doing, for a progress display: a stage, and for rendering the format and the chapter reached. */
export interface ProgressEvent {
  stage: 'read' | 'render' | 'write';
  /** The renderer, while rendering. */
  format?: string;
  /** Chapters (or other units) done of `total`, while rendering. */
  done?: number;
  total?: number;
}

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

/** The templates folder a user keeps beside the manuscript folder (`manuscript/../templates`), if there is one. */
export function userTemplates(book: Book, input: string): string | undefined {
  const candidates = [path.join(path.dirname(path.resolve(input)), 'templates'), path.join(path.resolve(book.root), 'templates')];
  return candidates.find((dir) => fs.existsSync(dir) && fs.statSync(dir).isDirectory());
}

export interface RenderOptions {
  formats: readonly string[];
  report?: Reporter;
  /** The manuscript input, to find the user's `templates/` beside it. */
  input?: string;
  templates?: string;
  rendererOptions?: RendererOptions;
  onProgress?: (event: ProgressEvent) => void;
  env?: NodeJS.ProcessEnv;
  /** Filled with the milliseconds each renderer took, when given. */
  timings?: [string, number][];
}

/** Renders a book in every requested format, all in memory, before anything is written. */
export async function render(book: Book, options: RenderOptions): Promise<Artifact[]> {
  const report = options.report ?? new CollectingReporter();
  const templates = options.templates ?? (options.input ? userTemplates(book, options.input) : undefined);
  const assets = new FileAssets({ root: book.root, userTemplates: templates });
  const now = buildDate(book, options.env);
  const artifacts: Artifact[] = [];
  for (const format of options.formats) {
    const renderer = rendererFor(format);
    const rendererOptions = { ...renderer.defaultOptions, ...(options.rendererOptions?.[format] as object | undefined) };
    const started = performance.now();
    const progress = options.onProgress ? (done: number, total: number) => options.onProgress!({ stage: 'render', format, done, total }) : undefined;
    options.onProgress?.({ stage: 'render', format });
    artifacts.push(await renderer.render(book, { options: rendererOptions, report, assets, now, progress }));
    options.timings?.push([`render ${format}`, performance.now() - started]);
  }
  return artifacts;
}

/** Writes `SHA256SUMS` in `outDir` for the given files there (paths), in `sha256sum -c` format. */
export function writeChecksums(outDir: string, files: readonly string[]): string {
  const target = path.join(outDir, 'SHA256SUMS');
  const entries = [...new Set(files.map((f) => path.resolve(f)))].map((file) => ({ name: path.relative(path.resolve(outDir), file).split(path.sep).join('/'), data: fs.readFileSync(file) }));
  writeAtomic(target, Buffer.from(sha256sums(entries), 'utf8'));
  return target;
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
  const artifacts = await render(book, { ...options, report, formats: settings.formats, rendererOptions: settings.rendererOptions, timings });
  started = performance.now();
  options.onProgress?.({ stage: 'write' });
  const stem = outputStem(settings.output, book, buildDate(book, options.env));
  const outDir = settings.outDir;
  const outputs = artifacts.map((artifact) => path.join(outDir, `${stem}${artifact.extension}`));
  artifacts.forEach((artifact, i) => writeAtomic(outputs[i], artifact.data));
  const kit: string[] = [];
  if (options.archiveKit !== false) {
    if (settings.formats.includes('html')) {
      const sheet = path.join(outDir, `${stem}.upload.md`);
      writeAtomic(sheet, Buffer.from(uploadSheet(book), 'utf8'));
      kit.push(sheet);
    }
    const csv = path.join(outDir, `${stem}.ia.csv`);
    const files = outputs.map((file) => path.basename(file));
    writeAtomic(csv, Buffer.from(archiveMetadataCsv(book, { files, date: buildDate(book, options.env) }), 'utf8'));
    kit.push(csv);
    kit.push(writeChecksums(outDir, [...outputs, ...kit]));
  }
  timings.push(['write', performance.now() - started]);
  return { book, outputs, artifacts, kit, settings, timings };
}
