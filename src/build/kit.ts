/** The archive kit a build writes beside the books: the upload sheet (with html), the Internet Archive CSV, SHA256SUMS. */
import * as path from 'node:path';
import type { Book } from '../model/types';
import { archiveMetadataCsv } from '../publish/archive-metadata';
import { uploadSheet } from '../publish/upload-sheet';
import { writeChecksums } from './checksums';
import { writeAtomic } from './write';

export interface KitOptions {
  outDir: string;
  /** The books' file-name stem. */
  stem: string;
  /** The books just written (paths). */
  outputs: readonly string[];
  formats: readonly string[];
  /** The build's date. */
  date: Date;
  /** Update SHA256SUMS too (default true). */
  checksums?: boolean;
}

/** Writes the kit; returns the files written, SHA256SUMS last. */
export function writeArchiveKit(book: Book, { outDir, stem, outputs, formats, date, checksums = true }: KitOptions): string[] {
  const kit: string[] = [];
  if (formats.includes('html')) {
    const sheet = path.join(outDir, `${stem}.upload.md`);
    writeAtomic(sheet, Buffer.from(uploadSheet(book), 'utf8'));
    kit.push(sheet);
  }
  const csv = path.join(outDir, `${stem}.ia.csv`);
  writeAtomic(csv, Buffer.from(archiveMetadataCsv(book, { files: outputs.map((file) => path.basename(file)), date }), 'utf8'));
  kit.push(csv);
  if (checksums) kit.push(writeChecksums(outDir, [...outputs, ...kit]));
  return kit;
}
