/** The file-system side of rendering: templates (user's first, then built-in), manuscript files, fonts from npm. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fail } from './diagnostics/reporter';
import type { AssetStore } from './render/types';
import { dataUrlBytes } from './data-url';
import { fontPath } from './render/font-files';

/** quire's own `templates/` folder (the same relative place from `src/` under ts-jest and from `lib/` once compiled). */
export const BUILTIN_TEMPLATES = path.resolve(__dirname, '..', 'templates');

export interface FileAssetOptions {
  /** The book's folder: manuscript files resolve against it and may not leave it. */
  root: string;
  /** A user's `templates/` folder, searched before the built-in one. */
  userTemplates?: string;
}

/** An `AssetStore` over the file system, caching what it reads. */
export class FileAssets implements AssetStore {
  private readonly cache = new Map<string, Buffer>();
  constructor(private readonly options: FileAssetOptions) {}

  templatePath(name: string): string {
    const user = this.options.userTemplates;
    if (user) {
      const candidate = path.join(user, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    return path.join(BUILTIN_TEMPLATES, name);
  }

  template(name: string): string {
    return this.read(this.templatePath(name)).toString('utf8');
  }

  manuscriptFile(url: string): Buffer {
    const embedded = dataUrlBytes(url);
    if (embedded) return embedded;
    const root = fs.realpathSync(this.options.root);
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

  font(key: string): Buffer {
    return this.read(fontPath(key));
  }

  private read(file: string): Buffer {
    let data = this.cache.get(file);
    if (!data) {
      data = fs.readFileSync(file);
      this.cache.set(file, data);
    }
    return data;
  }
}
