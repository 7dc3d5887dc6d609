/** npm packages quire depends on: where one is installed (fonts, the preview's reading engines), and loading one when used. */
import * as fs from 'node:fs';
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
