/**
 * The pipeline: inputs → Book (read) → Book (transform) → artifacts (render) → files in the output folder.
 * Every output is written to a temporary file beside its target and renamed into place, so a failed or
 * interrupted build leaves the previous files as they were.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileAssets } from './assets';
import { pointPosition } from './diagnostics/reporter';
import type { Reporter } from './diagnostics/types';
import type { Book } from './model/types';
import { readInput } from './read';
import { rendererFor } from './render';
import { resolveImages } from './resolve-images';
import type { Artifact } from './render/types';
import { runTransforms } from './transform';
import { slugify } from './transform/slug';

/** A fixed timestamp for books that give no date and builds without SOURCE_DATE_EPOCH. */
export const FALLBACK_DATE = new Date('2000-01-01T00:00:00Z');

export interface ReadOptions {
  report: Reporter;
}

/** Reads an input and runs the default transforms: the book every renderer sees. Falls back to the file name for a missing title. */
export function read(input: string, options: ReadOptions): Book {
  const book = readInput(input, options.report);
  if (!book.meta.title.trim()) {
    const source = book.sources.find((s) => !/book\.ya?ml$/.test(s)) ?? input;
    const name = path.basename(source, path.extname(source));
    const base = name === 'manuscript' || /^\d*[-_]?(chapter|ch)?[-_]?\d*$/i.test(name) ? path.basename(path.resolve(input)) : name;
    book.meta.title = base.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\p{Ll}/u, (c) => c.toUpperCase()) || 'Untitled';
    options.report.warn('title-missing', `the manuscript has no title; using "${book.meta.title}"`, {
      position: pointPosition(source, 1),
      hint: 'Add `Title: …` to the header or `title:` to the front matter.',
    });
  }
  return runTransforms(book, { report: options.report });
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

/** The output file name's stem: the title's slug, or `book` when the title has no Latin letters or digits. */
export function bookSlug(book: Book): string {
  return slugify(book.meta.title) || 'book';
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

export interface BuildOptions {
  /** A manuscript file or folder. */
  input: string;
  /** Output folder (created if missing). */
  outDir: string;
  /** Renderer names, e.g. ['epub', 'pdf']. */
  formats: readonly string[];
  report: Reporter;
  /** A user's templates folder; defaults to `templates/` beside the manuscript folder when it exists. */
  templates?: string;
  /** Per-renderer options by renderer name. */
  rendererOptions?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
}

export interface BuildResult {
  book: Book;
  /** Written files, in the order of `formats`. */
  outputs: string[];
  /** What each renderer returned, in the same order (an EPUB's carries its source map, for validators' messages). */
  artifacts: Artifact[];
}

/** The templates folder a user keeps beside the manuscript (`manuscript/../templates`), if there is one. */
function userTemplates(book: Book, input: string): string | undefined {
  const candidates = [path.join(path.dirname(path.resolve(input)), 'templates'), path.join(path.resolve(book.root), 'templates')];
  return candidates.find((dir) => fs.existsSync(dir) && fs.statSync(dir).isDirectory());
}

/** Renders a book in every requested format, all in memory, before anything is written. */
export async function render(book: Book, options: Omit<BuildOptions, 'input' | 'outDir'> & { input?: string }): Promise<Artifact[]> {
  const templates = options.templates ?? (options.input ? userTemplates(book, options.input) : undefined);
  const assets = new FileAssets({ root: book.root, userTemplates: templates });
  resolveImages(book, assets, options.report);
  const now = buildDate(book, options.env);
  const artifacts: Artifact[] = [];
  for (const format of options.formats) {
    const renderer = rendererFor(format);
    const rendererOptions = { ...renderer.defaultOptions, ...(options.rendererOptions?.[format] as object | undefined) };
    artifacts.push(await renderer.render(book, { options: rendererOptions, report: options.report, assets, now }));
  }
  return artifacts;
}

/** Reads, transforms, renders and writes one book. Nothing is written unless every format rendered. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  for (const format of options.formats) rendererFor(format); // unknown formats fail before any work
  const book = read(options.input, { report: options.report });
  const artifacts = await render(book, options);
  const slug = bookSlug(book);
  const outputs = artifacts.map((artifact) => path.join(options.outDir, `${slug}${artifact.extension}`));
  artifacts.forEach((artifact, i) => writeAtomic(outputs[i], artifact.data));
  return { book, outputs, artifacts };
}
