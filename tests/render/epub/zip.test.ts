/** zip.ts: the EPUB's zip, read back by JSZip and checked byte by byte where the EPUB container rules care. */
import JSZip from 'jszip';
import { zip } from '../../../src/render/epub/zip';

const ENTRIES = [
  { path: 'mimetype', data: Buffer.from('application/epub+zip'), compress: false },
  { path: 'OEBPS/chapter-1.xhtml', data: Buffer.from('<p>It was a dark and stormy night. '.repeat(200)), compress: true },
  { path: 'OEBPS/Ñandú — 夜.xhtml', data: Buffer.from('<p>¡Hola!</p>'), compress: true },
  { path: 'OEBPS/images/cover.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), compress: false },
  { path: 'OEBPS/empty.css', data: Buffer.alloc(0), compress: true },
];

test('every entry reads back as written, in order, with its name in UTF-8', async () => {
  const read = await JSZip.loadAsync(zip(ENTRIES));
  expect(Object.keys(read.files)).toEqual(ENTRIES.map((e) => e.path));
  for (const entry of ENTRIES) expect(await read.file(entry.path)!.async('nodebuffer')).toEqual(entry.data);
});

test('the mimetype comes first, stored, with no extra field, so that its text sits at byte 38', () => {
  const bytes = zip(ENTRIES);
  expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
  expect(bytes.readUInt16LE(8)).toBe(0); // stored
  expect(bytes.readUInt16LE(28)).toBe(0); // no extra field
  expect(bytes.toString('latin1', 30, 38)).toBe('mimetype');
  expect(bytes.toString('latin1', 38, 58)).toBe('application/epub+zip');
});

test('documents are deflated, images stored; every entry is dated 1980-01-01 00:00', () => {
  const bytes = zip(ENTRIES);
  expect(bytes.length).toBeLessThan(ENTRIES.reduce((n, e) => n + e.data.length, 0) / 4);
  // The central directory's compression methods, in order (8 = deflated, 0 = stored).
  // MS-DOS time and date: 00:00:00, and day 1 of month 1 of 1980 (0x21).
  const records: { method: number; time: number; date: number }[] = [];
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = bytes.indexOf(signature); at >= 0; at = bytes.indexOf(signature, at + 4)) {
    records.push({ method: bytes.readUInt16LE(at + 10), time: bytes.readUInt16LE(at + 12), date: bytes.readUInt16LE(at + 14) });
  }
  expect(records.map((r) => r.method)).toEqual([0, 8, 8, 0, 8]);
  expect(records.every((r) => r.time === 0 && r.date === 0x21)).toBe(true);
});

test('the same entries give the same bytes', () => {
  expect(zip(ENTRIES).equals(zip(ENTRIES.map((e) => ({ ...e, data: Buffer.from(e.data) }))))).toBe(true);
});

test('more entries than zip holds without Zip64 is an error, not a broken file', () => {
  const many = Array.from({ length: 0x10000 }, (_, i) => ({ path: `f${i}`, data: Buffer.alloc(0), compress: false }));
  expect(() => zip(many)).toThrow('an EPUB holds at most 65535 files; this one would hold 65536');
});
