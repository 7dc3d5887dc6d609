/** The images a book uses: read from the manuscript folder (never fetched), typed by their bytes, named stably. */
import type { Reporter } from '../../diagnostics/types';
import { QuireError } from '../../diagnostics/types';
import type { Position } from '../../model/types';
import type { AssetStore } from '../types';
import type { ImageSink } from './xhtml/context';

/** An image file to put into the EPUB. */
export interface ImageFile {
  /** Path relative to the OPF (`images/image-1.png`). */
  href: string;
  mediaType: string;
  data: Buffer;
}

/** EPUB 3.2 core media types for images, recognised by their first bytes (extensions lie). */
const SIGNATURES: { mediaType: string; extension: string; test: (b: Buffer) => boolean }[] = [
  { mediaType: 'image/png', extension: 'png', test: (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')) },
  { mediaType: 'image/jpeg', extension: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mediaType: 'image/gif', extension: 'gif', test: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')) },
  { mediaType: 'image/svg+xml', extension: 'svg', test: (b) => /<svg[\s>]/.test(b.subarray(0, 4096).toString('utf8')) },
];

/** A URL with a scheme (`https:`, `data:`) or protocol-relative: quire never downloads at build time. */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Collects images as the serialiser meets them; the same URL is stored once. */
export class ImageCatalog implements ImageSink {
  private readonly byUrl = new Map<string, ImageFile | undefined>();
  readonly files: ImageFile[] = [];

  constructor(
    private readonly assets: AssetStore,
    private readonly report: Reporter,
  ) {}

  add(url: string, position: Position | undefined): string | undefined {
    if (this.byUrl.has(url)) return this.byUrl.get(url)?.href;
    const file = this.load(url, position);
    this.byUrl.set(url, file);
    if (file) this.files.push(file);
    return file?.href;
  }

  private load(url: string, position: Position | undefined): ImageFile | undefined {
    const extra = { position, source: 'render:epub' };
    if (REMOTE.test(url)) {
      this.report.warn('image-remote', `image \`${url}\` is not a file in the manuscript folder; its alt text is used`, {
        ...extra,
        hint: 'Download the image into the manuscript folder and link to it by a relative path.',
      });
      return undefined;
    }
    let data: Buffer;
    try {
      data = this.assets.manuscriptFile(url);
    } catch (error) {
      // Re-raise the store's catalogued error with the position of the node that names the file.
      if (error instanceof QuireError) this.report.fail(error.diagnostic.rule, error.diagnostic.message, { ...extra, hint: error.diagnostic.hint });
      throw error;
    }
    const kind = SIGNATURES.find((s) => s.test(data));
    if (!kind) {
      this.report.warn('image-unsupported', `image \`${url}\` is not PNG, JPEG, GIF or SVG; its alt text is used`, {
        ...extra,
        hint: 'Convert the image to PNG or JPEG.',
      });
      return undefined;
    }
    return { href: `images/image-${this.files.length + 1}.${kind.extension}`, mediaType: kind.mediaType, data };
  }
}
