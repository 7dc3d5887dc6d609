/**
 * A PNG encoder for the generated cover, used instead of resvg's `asPng()`, which filtered and compressed on the
 * calling thread and took three quarters of a short story's EPUB (about 120 ms of 160).
 *
 * - Filters: a row the same as the one above is written as filter type 2 (Up), all zeros; any other row as it is
 *   (type 0). Both are found by native compares and copies, not per-pixel JavaScript. A cover is mostly flat colour.
 *   (Up-filtering the lettering's rows too, four bytes at a time, made the PNG 5 % smaller and the cover slower.)
 * - Blocks: the image data is compressed in blocks of rows, each a raw deflate stream ended by a full flush, so the
 *   blocks stand alone and are joined by concatenation (RFC 1951 §3.2.3: only the last block is final; a full flush
 *   resets the dictionary), with the zlib stream's Adler-32 (RFC 1950) combined from the blocks' own. A block whose
 *   rows an image shares with others of its kind (`Raster.shared`: a cover's frame and background, outside its
 *   lettering) is compressed once per thread and kept, so a cover costs the rows of its lettering, not 16 MB.
 * - deflate runs on libuv's thread pool, one call a kept block or a run of the others; the Adler-32 is summed here as
 *   the rows are filtered (a row of zeros in one step). The pixels are resvg's, unchanged: 8-bit RGBA, not premultiplied.
 *
 * PNG: https://www.w3.org/TR/png-3/ (chunks §5, IHDR §11.2.1, filters §9.2, zlib data §10).
 */
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';

const deflateRaw = promisify(zlib.deflateRaw);

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * deflate's level. Measured on the seed's cover: level 3 makes it about 120 KB, level 6 (zlib's default) 56 KB
 * (resvg's own PNG was 93 KB), but level 6 made a one-shot's whole EPUB about 15 % slower; an archive builds
 * millions of covers.
 */
const LEVEL = 3;
/** The zlib header: deflate, a 32 KB window, a fast level (FLEVEL 1), no dictionary (RFC 1950 §2.2; 0x785e % 31 = 0). */
const ZLIB_HEADER = Buffer.from([0x78, 0x5e]);
/** The last, empty, final block: fixed Huffman codes, end of block (RFC 1951 §3.2.6). */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
/** Rows per block: small enough that lettering dirties few of them, large enough that each compresses well. */
const BLOCK_ROWS = 64;
/** Rows a run of unkept blocks may reach before another begins, so that a whole image is still compressed in parallel. */
const RUN_ROWS = 512;

/** An image by rows: each row `width` × 4 bytes of 8-bit RGBA, not premultiplied. */
export interface Raster {
  width: number;
  height: number;
  row(y: number): Buffer;
  /** Whether row y is the same as row y − 1, when the caller knows (else the rows are compared). */
  sameAsAbove?(y: number): boolean | undefined;
  /**
   * Rows this image shares with every image of the same `key` (the same bytes, and the same row above them): a block
   * of such rows is compressed once and kept.
   */
  shared?: { key: string; has(y: number): boolean };
}

interface Block {
  data: Buffer;
  adler: number;
  length: number;
}

/** Compressed blocks kept, by the shared rows' key (at most two kinds of image at a time). */
const keptBlocks = new Map<string, Map<number, Block>>();

function blocksFor(key: string): Map<number, Block> {
  let blocks = keptBlocks.get(key);
  if (!blocks) {
    if (keptBlocks.size >= 2) keptBlocks.delete(keptBlocks.keys().next().value!);
    blocks = new Map();
    keptBlocks.set(key, blocks);
  }
  return blocks;
}

/** Adler-32 of two pieces joined, from each one's and the second's length (zlib's adler32_combine). */
function adlerCombine(a: number, b: number, lengthB: number): number {
  const BASE = 65521;
  const rem = lengthB % BASE;
  let sum1 = a & 0xffff;
  let sum2 = (rem * sum1) % BASE;
  sum1 += (b & 0xffff) + BASE - 1;
  sum2 += ((a >>> 16) & 0xffff) + ((b >>> 16) & 0xffff) + BASE - rem;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum2 >= BASE * 2) sum2 -= BASE * 2;
  if (sum2 >= BASE) sum2 -= BASE;
  return (sum1 + sum2 * 65536) >>> 0;
}

/** Adler-32 (RFC 1950 §8.2), fed piece by piece; a run of zeros costs one multiplication. */
class Adler32 {
  private a = 1;
  private b = 0;

  bytes(data: Uint8Array): void {
    let { a, b } = this;
    for (let i = 0; i < data.length; ) {
      // At most 5,552 bytes between reductions (zlib's NMAX): the sums stay exact in a double.
      const end = Math.min(data.length, i + 5552);
      for (; i < end; i++) {
        a += data[i];
        b += a;
      }
      a %= 65521;
      b %= 65521;
    }
    this.a = a;
    this.b = b;
  }

  /** One byte `first`, then `zeros` zero bytes (an Up-filtered row the same as the one above). */
  byteThenZeros(first: number, zeros: number): void {
    this.a = (this.a + first) % 65521;
    this.b = (this.b + this.a + ((zeros % 65521) * this.a) % 65521) % 65521;
  }

  get value(): number {
    return (this.b * 65536 + this.a) >>> 0;
  }
}

/** Rows [from, to) filtered and compressed to stand alone, with their Adler-32. */
async function compressBlock(raster: Raster, from: number, to: number): Promise<Block> {
  const stride = raster.width * 4;
  const rows = Buffer.allocUnsafe((stride + 1) * (to - from));
  const adler = new Adler32();
  let above = from > 0 ? raster.row(from - 1) : undefined;
  for (let y = from; y < to; y++) {
    const at = (y - from) * (stride + 1);
    const row = raster.row(y);
    if (row.length !== stride) throw new Error(`encodePng: row ${y} has ${row.length} bytes, not ${stride}`);
    if (above && (raster.sameAsAbove?.(y) ?? row.equals(above))) {
      rows[at] = 2; // Up: each byte the difference from the byte above, all zeros
      rows.fill(0, at + 1, at + 1 + stride);
      adler.byteThenZeros(2, stride);
    } else {
      rows[at] = 0; // None: the row as it is
      row.copy(rows, at + 1);
      adler.byteThenZeros(0, 0);
      adler.bytes(row);
    }
    above = row;
  }
  // One output chunk (zlib's default is 16 KB, and each chunk is a callback and a copy on this thread).
  const data = await deflateRaw(rows, { level: LEVEL, finishFlush: zlib.constants.Z_FULL_FLUSH, chunkSize: rows.length + 1024 });
  return { data, adler: adler.value, length: rows.length };
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(data, zlib.crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/** The raster as a PNG. */
export async function encodePng(raster: Raster): Promise<Buffer> {
  const { width, height, shared } = raster;
  const kept = shared ? blocksFor(`${width}×${height}\n${shared.key}`) : undefined;
  const blocks: Promise<Block>[] = [];
  // Rows no kept block covers are compressed in runs of blocks, one deflate call a run: each call costs this thread
  // more than compressing a block (a zlib stream is set up for it), and a cover's lettering dirties a few blocks in a row.
  let run: number | undefined;
  const endRun = (to: number) => {
    if (run !== undefined) blocks.push(compressBlock(raster, run, to));
    run = undefined;
  };
  for (let from = 0, index = 0; from < height; from += BLOCK_ROWS, index++) {
    const to = Math.min(height, from + BLOCK_ROWS);
    let same = !!shared;
    for (let y = Math.max(0, from - 1); same && y < to; y++) same = shared!.has(y);
    if (!same) {
      if (run !== undefined && from - run >= RUN_ROWS) endRun(from);
      run ??= from;
      continue;
    }
    endRun(from);
    const known = kept!.get(index);
    if (known) blocks.push(Promise.resolve(known));
    else {
      const block = compressBlock(raster, from, to);
      void block.then((b) => kept!.set(index, b), () => undefined);
      blocks.push(block);
    }
  }
  endRun(height);
  const done = await Promise.all(blocks);
  let adler = 1;
  for (const block of done) adler = adlerCombine(adler, block.adler, block.length);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler, 0);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  // compression, filter method and interlace: 0 (deflate, adaptive filtering, none)
  const idat = Buffer.concat([ZLIB_HEADER, ...done.map((b) => b.data), FINAL_BLOCK, trailer]);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}
