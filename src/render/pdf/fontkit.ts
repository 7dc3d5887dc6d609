/**
 * fontkit and pdfkit, loaded with what they require but quire does not use put off (`defer` in files/packages.ts):
 * fontkit's WOFF2 decoder (quire's faces are TrueType, and WOFF is unwrapped in `woff.ts`) and pdfkit's AES ciphers
 * (quire does not encrypt). pdfkit requires fontkit itself, so both are loaded here, fontkit's deferral first.
 */
import { defer } from '../../files/packages';

type Decompress = (buffer: Uint8Array, size?: number) => Uint8Array;
defer('brotli/decompress.js', 'fontkit', (load) => (buffer: Uint8Array, size?: number) => (load() as Decompress)(buffer, size));

/** pdfkit's use of `@noble/ciphers/aes`: its two modes, for encryption. */
interface Aes {
  cbc(...args: unknown[]): unknown;
  ecb(...args: unknown[]): unknown;
}
defer('@noble/ciphers/aes', 'pdfkit', (load) => ({
  cbc: (...args: unknown[]) => (load() as Aes).cbc(...args),
  ecb: (...args: unknown[]) => (load() as Aes).ecb(...args),
}));

/** fontkit's module: `create(bytes)` reads a font (TrueType, OpenType, WOFF or WOFF2). */
export const fontkit = require('fontkit') as { create(data: Buffer): unknown };

/** pdfkit's document class; draw.ts is the module that uses it. */
export const PDFDocument = require('pdfkit') as typeof import('pdfkit');
