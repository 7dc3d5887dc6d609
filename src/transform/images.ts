/**
 * Resolves every image the book names as it is read, so that each problem is reported once, with the image's
 * position, whatever the output formats (and by `quire inspect` too): a missing file or one outside the manuscript
 * folder is an error; an unsupported or corrupt file is an error; a remote URL is never fetched (quire uses no
 * network): it warns, and the image gives way to its alt text. Renderers then find only images they can use.
 */
import { isDataUrl } from '../files/data-url';
import { imageDimensions, pngDataReadable, sniffImage } from '../files/image-format';
import { ManuscriptFolder } from '../files/manuscript';
import type { Reporter } from '../diagnostics/types';
import { QuireError } from '../diagnostics/types';
import type { Book, Position } from '../model/types';
import { nearestPosition, SKIP, visit } from '../model/visit';
import type { ManuscriptFiles, Transform } from './types';

/** A URL quire does not read: one with a scheme (`https:`, `file:`) other than an embedded image's `data:`, or no path at all (``, `#top`). */
const hasScheme = (url: string) => (/^[a-z][a-z0-9+.-]*:/i.test(url) && !isDataUrl(url)) || url.split(/[?#]/)[0].trim() === '';

function checkFile(url: string, position: Position | undefined, assets: ManuscriptFiles, report: Reporter): void {
  let data: Buffer;
  try {
    data = assets.manuscriptFile(url);
  } catch (e) {
    // The asset store knows why (missing, outside the folder); the image node knows where.
    if (e instanceof QuireError) report.fail(e.diagnostic.rule, `image ${e.diagnostic.message}`, { position, hint: e.diagnostic.hint });
    throw e;
  }
  const format = sniffImage(data);
  if (!format) {
    report.fail('image-unsupported', `image ${url} is not a PNG, JPEG, GIF, WebP or SVG file`, {
      position,
      hint: 'Convert the image to PNG or JPEG.',
    });
  }
  if (format === 'svg') return;
  try {
    imageDimensions(data);
    if (format === 'png' && !pngDataReadable(data)) throw new Error('damaged data');
  } catch {
    report.fail('image-corrupt', `image ${url} is damaged: its ${format.toUpperCase()} data cannot be read`, { position, hint: 'Export the image again.' });
  }
}

function remoteWarning(url: string, position: Position | undefined, report: Reporter): void {
  report.warn('image-remote', `image \`${url.slice(0, 80)}\` is not a local file and is not fetched; its alt text is shown instead`, {
    position,
    hint: 'Download the image into the manuscript folder and link to it by a relative path.',
  });
}

/** Checks the book's cover, when it names one; a remote cover is dropped. Also for a cover given outside the manuscript. */
export function resolveCover(book: Book, report: Reporter, files: ManuscriptFiles = new ManuscriptFolder(book.root)): void {
  if (!book.meta.cover) return;
  const position = book.metaPositions.cover;
  if (hasScheme(book.meta.cover)) {
    remoteWarning(book.meta.cover, position, report);
    delete book.meta.cover;
  } else {
    checkFile(book.meta.cover, position, files, report);
  }
}

/**
 * The images transform: checks the cover and every image of the book, and replaces each remote image by its alt
 * text (a paragraph for an image standing alone). An image without a position is placed at its nearest parent's.
 */
export const images: Transform = {
  name: 'images',
  run(book, { report, files = new ManuscriptFolder(book.root) }) {
    resolveCover(book, report, files);
    visit(book, {
      image: (image, at) => {
        const position = image.position ?? nearestPosition(at);
        if (!hasScheme(image.url)) return checkFile(image.url, position, files, report);
        remoteWarning(image.url, position, report);
        at.siblings[at.index] = { type: 'text', value: image.alt };
      },
      imageBlock: (image, at) => {
        if (!hasScheme(image.url)) return checkFile(image.url, image.position, files, report);
        remoteWarning(image.url, image.position, report);
        // The caption goes with the image; only its alt text stays.
        at.siblings[at.index] = { type: 'paragraph', children: [{ type: 'text', value: image.alt }], ...(image.position ? { position: image.position } : {}) };
        return SKIP;
      },
    });
  },
};
