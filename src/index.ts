/**
 * quire's public API: the same pipeline the `quire` command runs.
 *
 *   read(input)          → Book (the document model, transforms applied)
 *   render(book, {formats}) → artifacts in memory
 *   build({input, outDir, formats}) → files on disk (and the archive kit); options not given come from book.yaml
 *   batch({inputs, outDir, jobs})   → many works in a pool of threads, skipping those unchanged (`quire batch`)
 *   processBookJob(job.data)        → one BullMQ job's books (`quire worker`, or an application's own worker)
 */
export { build, read, render, buildDate, writeChecksums, type BuildOptions, type BuildResult, type ProgressEvent, type ReadOptions, type RenderOptions } from './build';
export { batch, buildWork, BuildPool, MANIFEST, type BatchOptions, type BatchSummary, type WorkEvent, type WorkRequest, type WorkResult, type WrittenFile } from './batch';
export { bookJobOptions, jobRequest, processBookJob, type BookJob, type BookJobResult } from './queue/job';
export { startWorker, type RunningWorker, type WorkerOptions } from './queue/worker';
export { bookSlug } from './text/slug';
export { loadConfig, type LoadedConfig } from './config/load';
export { CONFIG_DEFAULTS, configSchema, type QuireConfig } from './config/schema';
export { resolveSettings, type BuildSettings, type RendererOptions } from './config/settings';
export * from './publish';
export type { EpubOptions } from './render/epub/options';
export type { PdfOptions } from './render/pdf/options';
export type { HtmlOptions } from './render/html/options';
export type { TxtOptions } from './render/txt/options';
export type { OptionSpec } from './render/option-spec';
export { readers, readInput } from './read';
export { renderers, rendererFor } from './render';
export { defaultTransforms, runTransforms } from './transform';
export { CollectingReporter, formatDiagnostic } from './diagnostics/reporter';
export { QuireError, type Diagnostic, type Reporter } from './diagnostics/types';
export type { Renderer, RenderContext, Artifact, AssetStore } from './render/types';
export type { Reader, ReadContext } from './read/types';
export type { Transform, TransformContext } from './transform/types';
export * from './model/types';
export { visit, SKIP, EXIT } from './model/visit';
export { decideLanguage, languageOf, localeOf, type Locale } from './locale';
