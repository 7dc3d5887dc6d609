/**
 * The manuscript's own files (images, a cover), read by a URL relative to the book's folder. Nothing outside the
 * folder can be reached: not by `..`, an absolute path or a symbolic link. Readers, the images transform and the
 * renderers' asset store all read through it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fail } from '../diagnostics/reporter';
import { dataUrlBytes } from './data-url';

export class ManuscriptFolder {
  /** `read` reads a file by its absolute path (an asset store passes its cached reader). */
  constructor(
    private readonly root: string,
    private readonly read: (file: string) => Buffer = (file) => fs.readFileSync(file),
  ) {}

  /** A file's bytes, or the bytes a `data:` URL holds; a `QuireError` (asset-outside, asset-missing) for a bad URL. */
  manuscriptFile(url: string): Buffer {
    const embedded = dataUrlBytes(url);
    if (embedded) return embedded;
    const root = fs.realpathSync(this.root);
    // A leading `/` means the book's folder, as a web server's root would; `%20` and friends are decoded.
    const bare = url.split(/[?#]/)[0].replace(/^\/+/, '');
    let decoded = bare;
    try {
      decoded = decodeURIComponent(bare);
    } catch {
      // A stray `%` is a literal character in a file name.
    }
    const target = path.resolve(root, decoded);
    const inside = (p: string) => p === root || p.startsWith(root + path.sep);
    if (!inside(target)) fail('asset-outside', `${url} is outside the manuscript folder`);
    if (!fs.existsSync(target)) fail('asset-missing', `${url} does not exist`);
    if (!fs.statSync(target).isFile()) fail('asset-missing', `${url} is a folder, not a file`);
    if (!inside(fs.realpathSync(target))) fail('asset-outside', `${url} links to a file outside the manuscript folder`);
    return this.read(target);
  }
}
