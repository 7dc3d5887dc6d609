/** Where npm installed a package quire depends on (fonts, the preview's reading engines). */
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
