/**
 * fontkit and pdfkit, loaded with what they require but quire does not use put off (`defer` in files/packages.ts):
 * fontkit's WOFF2 decoder (quire's faces are TrueType, and WOFF is unwrapped in `woff.ts`) and pdfkit's AES ciphers
 * (quire does not encrypt); and with the DEFLATE decoder their Unicode tables are inflated with as they load replaced
 * by zlib's (`substitute`). pdfkit requires fontkit itself, so both are loaded here, after those.
 */
import { inflateRawSync } from 'node:zlib';
import { defer, substitute } from '../../files/packages';

/**
 * tiny-inflate's `inflate(source, dest)`: raw DEFLATE data decoded into `dest`, which is returned, cut to the length
 * decoded when that is shorter.
 */
export function inflate(source: Uint8Array, dest: Uint8Array): Uint8Array {
  const out = inflateRawSync(source);
  dest.set(out.length > dest.length ? out.subarray(0, dest.length) : out);
  return out.length < dest.length ? dest.subarray(0, out.length) : dest;
}
// fontkit (its WOFF reader and its shapers' tables), and unicode-properties and linebreak, which it and pdfkit load.
for (const chain of [['fontkit'], ['fontkit', 'unicode-properties', 'unicode-trie'], ['pdfkit', 'linebreak', 'unicode-trie']]) substitute('tiny-inflate', chain, inflate);

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
