/** The file-system side of rendering: templates (user's first, then built-in), manuscript files, fonts from npm. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AssetStore } from './render/types';
import { ManuscriptFolder } from './files/manuscript';
import { fontPath } from './render/font-files';

/** quire's own `templates/` folder (the same relative place from `src/` under ts-jest and from `lib/` once compiled). */
export const BUILTIN_TEMPLATES = path.resolve(__dirname, '..', 'templates');

export interface FileAssetOptions {
  /** The book's folder: manuscript files resolve against it and may not leave it. */
  root: string;
  /** A user's `templates/` folder, searched before the built-in one. */
  userTemplates?: string;
}

/** The fonts read so far, by file: they are quire's own and never change while it runs. */
const FONT_FILES = new Map<string, Buffer>();

/** An `AssetStore` over the file system, caching what it reads. */
export class FileAssets implements AssetStore {
  private readonly cache = new Map<string, Buffer>();
  private readonly manuscript: ManuscriptFolder;
  constructor(private readonly options: FileAssetOptions) {
    this.manuscript = new ManuscriptFolder(options.root, (file) => this.read(file));
  }

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
    return this.manuscript.manuscriptFile(url);
  }

  /** A font from quire's packages: read once per process, so every book gets the same Buffer (fonts.ts parses each once). */
  font(key: string): Buffer {
    const file = fontPath(key);
    let data = FONT_FILES.get(file);
    if (!data) {
      data = fs.readFileSync(file);
      FONT_FILES.set(file, data);
    }
    return data;
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
