/**
 * Reads one file out of a ZIP archive, synchronously, with Node's zlib: the end-of-central-directory record gives
 * the central directory, whose entries give each file's size, method and place (PKWARE's APPNOTE.TXT, sections
 * 4.3.6–4.3.16). Enough for the small XML parts of a Word document (`docProps/core.xml`); mammoth reads the rest.
 * No ZIP64, no encryption: a Word document needs neither for its properties.
 */
import { inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes and may be followed by a comment of up to 65,535. */
const MAX_END_SEARCH = 22 + 0xffff;

/** Whether bytes start like a ZIP archive (`PK\x03\x04`), as every `.docx` does. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The offset of the end-of-central-directory record, searched backwards from the end; -1 when there is none. */
function endOfDirectory(data: Buffer): number {
  for (let at = data.length - 22; at >= Math.max(0, data.length - MAX_END_SEARCH); at--) {
    if (data.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/** The bytes of the file `name` in the archive, or undefined when the archive has no such file or cannot be read. */
export function readZipEntry(bytes: Uint8Array, name: string): Buffer | undefined {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfDirectory(data);
  if (end < 0) return undefined;
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  try {
    for (let i = 0; i < count && data.readUInt32LE(at) === DIRECTORY_ENTRY; i++) {
      const method = data.readUInt16LE(at + 10);
      const size = data.readUInt32LE(at + 20);
      const nameLength = data.readUInt16LE(at + 28);
      const next = at + 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
      if (data.toString('utf8', at + 46, at + 46 + nameLength) === name) {
        const local = data.readUInt32LE(at + 42);
        if (data.readUInt32LE(local) !== LOCAL_HEADER) return undefined;
        const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
        const raw = data.subarray(start, start + size);
        if (method === 0) return raw;
        return method === 8 ? inflateRawSync(raw) : undefined;
      }
      at = next;
    }
  } catch {
    // A truncated or damaged archive: reading past its end, or bad deflate data.
  }
  return undefined;
}
