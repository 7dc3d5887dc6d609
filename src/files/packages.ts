/**
 * npm packages quire depends on: where one is installed (fonts, the preview's reading engines), loading one when used,
 * and putting off what a dependency loads but never needs.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';

/**
 * An installed package's folder: where Node resolves its package.json, else (for a package whose `exports` hide
 * package.json, as foliate-js's do) the nearest `node_modules/<name>` above this module, hoisted or not.
 */
export function packageDir(name: string): string {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', name);
      if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
      if (path.dirname(dir) === dir) throw new Error(`${name} is not installed (npm install ${name})`);
    }
  }
}

/**
 * A package loaded the first time it is used rather than when quire starts: every command and every batch's first
 * work pays for what is loaded at start. `load` is `() => require('name') as typeof import('name')`, so the types
 * stay the package's own.
 */
export function whenUsed<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

/**
 * Puts off `request` as `dependency` (or the last of a chain of dependencies) requires it: for a module that a
 * dependency requires as it loads but that a build almost never calls. `standIn(load)` is put in require's cache for
 * the dependency to get, and `load()` loads the real module, the first time one of the stand-in's functions runs.
 * Does nothing if the module is laid out otherwise, or already loaded (then the dependency has it). Loading these
 * cost about 40 ms of every process (measured on Moby-Dick's PDF, 2 cores):
 *
 * - `brotli/decompress.js` (fontkit): builds its dictionary as it loads, for WOFF2 fonts, which quire's faces are not;
 * - `@noble/ciphers/aes` (pdfkit): for encrypted PDFs, which quire does not write;
 * - `esprima` (js-yaml, under gray-matter): for the `!!js/function` tag, which the safe schema gray-matter reads
 *   front matter with does not have.
 *
 * A stand-in has only the functions its dependency calls, so it is only for a module whose use is that narrow.
 */
export function defer(request: string, dependency: string | readonly string[], standIn: (load: () => never) => unknown): void {
  const file = cacheable(request, dependency);
  if (file === undefined) return;
  const module = cached(file, undefined);
  let real: unknown;
  const load = (): never => {
    if (real === undefined) {
      delete require.cache[file];
      real = require(file);
      require.cache[file] = module;
    }
    return real as never;
  };
  module.exports = standIn(load);
}

/**
 * Gives `dependency` (or the last of a chain) `exports` for `request`, in place of the module: for a module that
 * Node does natively, and faster. The one so replaced is `tiny-inflate`, a DEFLATE decoder in JavaScript that
 * fontkit, unicode-properties and linebreak inflate their Unicode tables with as they load (some 15 ms of every
 * process, before the code is compiled); zlib's `inflateRawSync` gives the same bytes. Does nothing if the module is
 * laid out otherwise, or already loaded.
 */
export function substitute(request: string, dependency: string | readonly string[], exports: unknown): void {
  const file = cacheable(request, dependency);
  if (file !== undefined) cached(file, exports);
}

/** The file `dependency` (or the last of a chain) gets for `request`, unless unresolvable or already loaded. */
function cacheable(request: string, dependency: string | readonly string[]): string | undefined {
  let file: string;
  try {
    // A dependency of a dependency is found from the folder of the one that requires it.
    let dir = __dirname;
    for (const name of typeof dependency === 'string' ? [dependency] : dependency) dir = path.dirname(require.resolve(name, { paths: [dir] }));
    file = require.resolve(request, { paths: [dir] });
  } catch {
    return undefined;
  }
  return require.cache[file] ? undefined : file;
}

/** A module for `file` in require's cache, loaded, with `exports`. */
function cached(file: string, exports: unknown): Module {
  const module = new Module(file);
  module.filename = file;
  module.loaded = true;
  module.exports = exports;
  require.cache[file] = module;
  return module;
}
