/**
 * quire's public API: the same pipeline the `quire` command runs.
 *
 *   read(input)          → Book (the document model, transforms applied)
 *   render(book, {formats}) → artifacts in memory
 *   build({input, outDir, formats}) → files on disk
 */
export { build, read, render, buildDate, bookSlug, type BuildOptions, type BuildResult } from './build';
export { readers, readInput } from './read';
export { renderers, rendererFor } from './render';
export { defaultTransforms, runTransforms } from './transform';
export { CollectingReporter, formatDiagnostic } from './diagnostics/reporter';
export { QuireError, type Diagnostic, type Reporter } from './diagnostics/types';
export type { Renderer, RenderContext, Artifact, AssetStore } from './render/types';
export type { Reader, ReadContext } from './read/types';
export type { Transform, TransformContext } from './transform/types';
export * from './model/types';
