/**
 * The zip an EPUB is (its Open Container Format): entries in the order given, the first one (`mimetype`) stored,
 * every entry dated 1980-01-01 00:00 with no extra field, names in UTF-8, no Zip64 and no comment. The same
 * entries always give the same bytes.
 *
 * Written here rather than taken from npm because the zip packages deflate either in JavaScript (JSZip with pako,
 * fflate: several times slower than zlib on a novel) or through one zlib stream per entry (yazl, archiver, which
 * quire used): an EPUB is a dozen small documents, and setting up a stream per entry cost more than compressing it
 * (40 one-shots: 3.8 ms a book through streams, 1.7 ms with `deflateRawSync`). The format is APPNOTE.TXT 6.3.10,
 * sections 4.3.7 (local header), 4.3.12 (central directory) and 4.3.16 (end of central directory).
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** The path inside the zip (`OEBPS/chapter-1.xhtml`). */
  path: string;
  data: Buffer;
  /** Deflate it (documents), or store it as it is (the `mimetype`, images and fonts, which are compressed already). */
  compress: boolean;
}

/** Zip's limits without Zip64: 65,535 entries, offsets and sizes under 4 GiB. */
const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;

/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;
/** MS-DOS date of 1980-01-01 (year 0 from 1980, month 1, day 1); the time is 00:00:00. */
const DOS_DATE = (1 << 5) | 1;
const DOS_TIME = 0;
const STORED = 0;
const DEFLATED = 8;

interface Written {
  name: Buffer;
  method: number;
  crc: number;
  size: number;
  compressedSize: number;
  offset: number;
}

/**
 * The fields a local header and a central record share, from "version needed to extract" to the name's length (24
 * bytes at `at`: APPNOTE 4.4.3 to 4.4.10).
 */
function entryFields(b: Buffer, at: number, w: Written): void {
  b.writeUInt16LE(w.method === DEFLATED ? 20 : 10, at);
  b.writeUInt16LE(UTF8_NAME, at + 2);
  b.writeUInt16LE(w.method, at + 4);
  b.writeUInt16LE(DOS_TIME, at + 6);
  b.writeUInt16LE(DOS_DATE, at + 8);
  b.writeUInt32LE(w.crc, at + 10);
  b.writeUInt32LE(w.compressedSize, at + 14);
  b.writeUInt32LE(w.size, at + 18);
  b.writeUInt16LE(w.name.length, at + 22);
}

/** The local file header of an entry (APPNOTE 4.3.7); no extra field. */
function localHeader(w: Written): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0);
  entryFields(b, 4, w);
  return Buffer.concat([b, w.name]);
}

/** The central directory record of an entry (APPNOTE 4.3.12); made by MS-DOS rules, so no Unix permissions. */
function centralRecord(w: Written): Buffer {
  const b = Buffer.alloc(46);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(20, 4); // version made by: MS-DOS, zip 2.0
  entryFields(b, 6, w);
  // Extra field and comment lengths, disk number, internal and external attributes: all 0.
  b.writeUInt32LE(w.offset, 42);
  return Buffer.concat([b, w.name]);
}

/** The end of central directory record (APPNOTE 4.3.16). */
function endRecord(count: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  return b;
}

/** The zip of `entries`, in their order. Throws when the book is beyond zip's limits without Zip64. */
export function zip(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > MAX_ENTRIES) throw new Error(`an EPUB holds at most ${MAX_ENTRIES} files; this one would hold ${entries.length}`);
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    const body = entry.compress ? deflateRawSync(entry.data, { level: 9 }) : entry.data;
    const w: Written = {
      name: Buffer.from(entry.path, 'utf8'),
      method: entry.compress ? DEFLATED : STORED,
      crc: crc32(entry.data),
      size: entry.data.length,
      compressedSize: body.length,
      offset,
    };
    const header = localHeader(w);
    parts.push(header, body);
    written.push(w);
    offset += header.length + body.length;
    if (offset > MAX_OFFSET) throw new Error('an EPUB without Zip64 must stay under 4 GiB');
  }
  const central = written.map(centralRecord);
  const size = central.reduce((n, b) => n + b.length, 0);
  return Buffer.concat([...parts, ...central, endRecord(written.length, size, offset)]);
}
