/**
 * fontkit, loaded with its WOFF2 decoder put off. fontkit requires `brotli/decompress.js` as it loads, and that
 * module builds its dictionary at once: about 70 ms of every process that shapes text (a batch's first work, the
 * seed's build), for a format quire's own faces do not use (they are TrueType, and WOFF unwrapped in `woff.ts`). The
 * module is replaced in require's cache by a stand-in that loads the real one the first time a WOFF2 font is read.
 */
import Module from 'node:module';
import * as path from 'node:path';

type Decompress = (buffer: Uint8Array, size?: number) => Uint8Array;

function deferBrotli(): void {
  let file: string;
  try {
    file = require.resolve('brotli/decompress.js', { paths: [path.dirname(require.resolve('fontkit'))] });
  } catch {
    return; // laid out otherwise: fontkit loads it as it always has
  }
  if (require.cache[file]) return;
  let real: Decompress | undefined;
  const standIn = new Module(file);
  standIn.filename = file;
  standIn.loaded = true;
  standIn.exports = (buffer: Uint8Array, size?: number): Uint8Array => {
    if (!real) {
      delete require.cache[file];
      real = require(file) as Decompress;
      require.cache[file] = standIn;
    }
    return real(buffer, size);
  };
  require.cache[file] = standIn;
}

deferBrotli();

/** fontkit's module: `create(bytes)` reads a font (TrueType, OpenType, WOFF or WOFF2). */
export const fontkit = require('fontkit') as { create(data: Buffer): unknown };
