/**
 * Resolves every image the book names before any renderer runs, so that each problem is reported once, with the
 * image's position, whatever the output formats: a missing file or one outside the manuscript folder is an error;
 * an unsupported or corrupt file is an error; a remote URL is never fetched (quire uses no network): it warns, and
 * the image gives way to its alt text.
 */
import { imageSize } from 'image-size';
import type { Reporter } from './diagnostics/types';
import { QuireError } from './diagnostics/types';
import { allSections } from './model/build-helpers';
import type { Block, Book, ImageBlock, Inline, InlineImage, Position } from './model/types';
import type { AssetStore } from './render/types';
import { isDataUrl } from './data-url';

/** Image formats quire can put in both an EPUB and a PDF, by their first bytes. */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg';

/** The format of an image file from its content, or undefined when it is none quire supports. */
export function sniffImage(data: Buffer): ImageFormat | undefined {
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data.subarray(0, 6).toString('latin1') === 'GIF87a' || data.subarray(0, 6).toString('latin1') === 'GIF89a') return 'gif';
  if (data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  const head = data.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'svg';
  return undefined;
}

/** A URL quire does not read: one with a scheme (`https:`, `file:`) other than an embedded image's `data:`, or no path at all (``, `#top`). */
const hasScheme = (url: string) => (/^[a-z][a-z0-9+.-]*:/i.test(url) && !isDataUrl(url)) || url.split(/[?#]/)[0].trim() === '';

function checkFile(url: string, position: Position | undefined, assets: AssetStore, report: Reporter): void {
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
    imageSize(data);
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

/** Inline images: remote ones become their alt text; local ones are checked. */
function resolveInlines(inlines: Inline[], assets: AssetStore, report: Reporter, at?: Position): void {
  for (let i = 0; i < inlines.length; i++) {
    const node = inlines[i];
    if (node.type === 'image') {
      const image: InlineImage = node;
      if (hasScheme(image.url)) {
        remoteWarning(image.url, image.position ?? at, report);
        inlines[i] = { type: 'text', value: image.alt };
      } else {
        checkFile(image.url, image.position ?? at, assets, report);
      }
    } else if ('children' in node) {
      resolveInlines(node.children as Inline[], assets, report, at);
    }
  }
}

function resolveBlocks(blocks: Block[], assets: AssetStore, report: Reporter): void {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    switch (block.type) {
      case 'imageBlock': {
        const image: ImageBlock = block;
        if (hasScheme(image.url)) {
          remoteWarning(image.url, image.position, report);
          blocks[i] = { type: 'paragraph', children: [{ type: 'text', value: image.alt }], ...(image.position ? { position: image.position } : {}) };
        } else {
          checkFile(image.url, image.position, assets, report);
        }
        if (image.caption) resolveInlines(image.caption, assets, report, image.position);
        break;
      }
      case 'paragraph':
      case 'heading':
        resolveInlines(block.children, assets, report, block.position);
        break;
      case 'blockquote':
      case 'authorNote':
        resolveBlocks(block.children, assets, report);
        break;
      case 'list':
        for (const item of block.items) resolveBlocks(item.children, assets, report);
        break;
      case 'verse':
        for (const stanza of block.stanzas) for (const line of stanza) resolveInlines(line.children, assets, report, line.position ?? block.position);
        break;
      case 'table':
        for (const row of [...block.head, ...block.rows]) for (const cell of row.cells) resolveInlines(cell.children, assets, report, block.position);
        break;
      default:
        break;
    }
  }
}

/** Checks the cover and every image of the book; replaces remote images by their alt text. */
export function resolveImages(book: Book, assets: AssetStore, report: Reporter): void {
  if (book.meta.cover) {
    const position = book.metaPositions.cover;
    if (hasScheme(book.meta.cover)) {
      remoteWarning(book.meta.cover, position, report);
      delete book.meta.cover;
    } else {
      checkFile(book.meta.cover, position, assets, report);
    }
  }
  for (const section of allSections(book.body)) resolveBlocks(section.children, assets, report);
  for (const matter of [...book.front, ...book.back]) resolveBlocks(matter.children, assets, report);
  for (const note of book.footnotes) resolveBlocks(note.children, assets, report);
}
