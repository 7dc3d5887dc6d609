/** What kind of image a file is, from its first bytes (never its name), whether its data can be read, and its size. */
import { inflateSync } from 'node:zlib';
import { whenUsed } from './packages';

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

/**
 * Whether a PNG's image data inflates: its chunks are whole and its IDAT stream is valid zlib. image-size reads only
 * the header, and a PNG with damaged data would otherwise get as far as the PDF renderer, whose PNG decoder throws
 * from a zlib callback where no caller can catch it.
 */
export function pngDataReadable(data: Buffer): boolean {
  const idat: Buffer[] = [];
  let at = 8;
  while (at + 8 <= data.length) {
    const length = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > data.length) return false;
    if (type === 'IDAT') idat.push(data.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  if (idat.length === 0) return false;
  try {
    inflateSync(Buffer.concat(idat));
    return true;
  } catch {
    return false;
  }
}

const imageSizeModule = whenUsed(() => require('image-size') as typeof import('image-size'));

/** Width and height from an image's header (image-size, loaded when a book first has an image); throws on bad data. */
export function imageDimensions(data: Buffer): { width: number; height: number } {
  return imageSizeModule().imageSize(data);
}
