/** The second half of the pipeline: a Book rendered in every requested format, in memory. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FileAssets } from '../assets';
import type { RendererOptions } from '../config/settings';
import { CollectingReporter } from '../diagnostics/reporter';
import type { Reporter } from '../diagnostics/types';
import type { Book } from '../model/types';
import { rendererFor } from '../render';
import type { Artifact } from '../render/types';
import { buildDate } from './date';

/** What a build is doing, for a progress display: a stage, and for rendering the format and the chapter reached. */
export interface ProgressEvent {
  stage: 'read' | 'render' | 'write';
  /** The renderer, while rendering. */
  format?: string;
  /** Chapters (or other units) done of `total`, while rendering. */
  done?: number;
  total?: number;
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
  /** The build's date; by default `buildDate(book, env)`. */
  now?: Date;
  /** Filled with the milliseconds each renderer took, when given. */
  timings?: [string, number][];
}

/** The templates folder a user keeps beside the manuscript folder (`manuscript/../templates`), if there is one. */
export function userTemplates(book: Book, input: string): string | undefined {
  const candidates = [path.join(path.dirname(path.resolve(input)), 'templates'), path.join(path.resolve(book.root), 'templates')];
  return candidates.find((dir) => fs.existsSync(dir) && fs.statSync(dir).isDirectory());
}

/** Renders a book in every requested format, all in memory, before anything is written. */
export async function render(book: Book, options: RenderOptions): Promise<Artifact[]> {
  const report = options.report ?? new CollectingReporter();
  const templates = options.templates ?? (options.input ? userTemplates(book, options.input) : undefined);
  const assets = new FileAssets({ root: book.root, userTemplates: templates });
  const now = options.now ?? buildDate(book, options.env);
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
