/** The images a book uses: read from the manuscript folder (never fetched), typed by their bytes, measured, named stably. */
import type { Reporter } from '../../diagnostics/types';
import { QuireError } from '../../diagnostics/types';
import type { Position } from '../../model/types';
import type { AssetStore } from '../types';
import { isDataUrl } from '../../files/data-url';
import { imageDimensions } from '../../files/image-format';
import { escapeText } from '../escape';
import type { ImageRef, ImageSink } from './xhtml/context';

/** A file to put into the EPUB's manifest besides the documents: an image, a font. */
export interface ManifestFile {
  /** Path relative to the OPF (`images/image-1.png`). */
  href: string;
  mediaType: string;
  data: Buffer;
  /** The `href` of the core-media-type file a reading system uses when it cannot show this one. */
  fallback?: string;
}

/** An image after measuring: width and height in pixels when its header says. */
export interface ImageFile extends ManifestFile {
  width?: number;
  height?: number;
}

interface Kind {
  mediaType: string;
  extension: string;
  test: (b: Buffer) => boolean;
}

/** The image types quire accepts, recognised by their first bytes (extensions lie). All but WebP are EPUB core media types. */
const SIGNATURES: Kind[] = [
  { mediaType: 'image/png', extension: 'png', test: (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')) },
  { mediaType: 'image/jpeg', extension: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mediaType: 'image/gif', extension: 'gif', test: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')) },
  { mediaType: 'image/webp', extension: 'webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { mediaType: 'image/svg+xml', extension: 'svg', test: (b) => /<svg[\s>]/.test(b.subarray(0, 4096).toString('utf8')) },
];

/** A URL with a scheme (`https:`) or protocol-relative: quire never downloads at build time. Embedded (`data:`) images are read. */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Width and height from the image's header, or nothing when it has none (an SVG without size or viewBox). */
function measure(data: Buffer): { width?: number; height?: number } {
  try {
    const { width, height } = imageDimensions(data);
    return width > 0 && height > 0 ? { width: Math.round(width), height: Math.round(height) } : {};
  } catch {
    return {};
  }
}

/**
 * A stand-in for a WebP image, in a core media type: EPUB 3.2 (and EPUBCheck 4.2) do not count WebP as one, so the
 * WebP file stays in the book with this SVG as its manifest fallback, which readers without WebP show instead.
 */
function webpFallback(alt: string, width: number | undefined, height: number | undefined, imageLabel: string): Buffer {
  width ??= 600;
  height ??= 400;
  const size = Math.max(12, Math.round(Math.min(width, height) / 12));
  const text = escapeText(alt || imageLabel);
  return Buffer.from(
    `<?xml version="1.0" encoding="utf-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
      `<title>${text}</title><rect width="${width}" height="${height}" fill="#eeeeee" stroke="#999999"/>` +
      `<text x="${width / 2}" y="${height / 2}" font-family="serif" font-size="${size}" text-anchor="middle" fill="#333333">${text}</text></svg>\n`,
  );
}

/** Collects images as the serialiser meets them; the same URL is stored once. */
export class ImageCatalog implements ImageSink {
  private readonly byUrl = new Map<string, ImageFile | undefined>();
  /** Every file to store, fallbacks included, in the order they were first used. */
  readonly files: ImageFile[] = [];
  /** How many images the text shows, and how many of those have no alt text (for the accessibility metadata). */
  shown = 0;
  withoutAlt = 0;

  constructor(
    private readonly assets: AssetStore,
    private readonly report: Reporter,
    /** The book's word for an image, written on a stand-in for an image without alt text. */
    private readonly imageLabel: string,
  ) {}

  add(url: string, alt: string, position: Position | undefined): ImageRef | undefined {
    const file = this.file(url, alt, position);
    if (!file) return undefined;
    this.shown += 1;
    if (!alt.trim()) {
      this.withoutAlt += 1;
      this.report.warn('image-alt-missing', `image \`${url}\` has no alt text`, {
        position,
        source: 'render:epub',
        hint: 'Describe the image for readers who cannot see it: `![a lighthouse at dusk](lighthouse.jpg)`.',
      });
    }
    return { src: file.href, width: file.width, height: file.height };
  }

  /** Stores an image under a chosen name (the cover) and returns it, or `undefined` (reported) when it cannot be used. */
  addNamed(url: string, stem: string, position: Position | undefined): ImageFile | undefined {
    return this.file(url, '', position, stem);
  }

  /** Stores bytes quire made itself (the generated cover). */
  addGenerated(file: ImageFile): void {
    this.files.push(file);
  }

  private file(url: string, alt: string, position: Position | undefined, stem?: string): ImageFile | undefined {
    if (this.byUrl.has(url)) return this.byUrl.get(url);
    const file = this.load(url, alt, position, stem ?? `image-${this.byUrl.size + 1}`);
    this.byUrl.set(url, file);
    return file;
  }

  private load(url: string, alt: string, position: Position | undefined, stem: string): ImageFile | undefined {
    const extra = { position, source: 'render:epub' };
    if (REMOTE.test(url) && !isDataUrl(url)) {
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
      this.report.warn('image-unsupported', `image \`${url}\` is not JPEG, PNG, GIF, SVG or WebP; its alt text is used`, {
        ...extra,
        hint: 'Convert the image to PNG or JPEG.',
      });
      return undefined;
    }
    const file: ImageFile = { href: `images/${stem}.${kind.extension}`, mediaType: kind.mediaType, data, ...measure(data) };
    if (kind.mediaType === 'image/webp') {
      const fallback: ImageFile = { href: `images/${stem}-fallback.svg`, mediaType: 'image/svg+xml', data: webpFallback(alt, file.width, file.height, this.imageLabel) };
      file.fallback = fallback.href;
      this.files.push(file, fallback);
    } else {
      this.files.push(file);
    }
    return file;
  }
}
