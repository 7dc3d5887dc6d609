/**
 * `SHA256SUMS` beside the books: a build updates the lines of the files it wrote and keeps the others, so the sums
 * cover every book quire wrote into the folder (two books in one `dist/`, a renamed book), and drops the lines of
 * files that are gone.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatSha256sums, parseSha256sums, type ChecksumLine } from '../publish/checksums';
import { writeAtomic, writingTo } from './write';

/** The SHA-256 of a file, read a mebibyte at a time (a long book's PDF is not read into memory whole). */
export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = fs.openSync(file, 'r');
  try {
    for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** The name of the checksum file in an output folder. */
export const CHECKSUMS = 'SHA256SUMS';

/**
 * Updates `SHA256SUMS` in `outDir` with the given files there (paths, or paths with the SHA-256 already known), in
 * `sha256sum -c` format; returns its path.
 */
export function writeChecksums(outDir: string, files: readonly (string | { path: string; sha256: string })[]): string {
  const target = path.join(outDir, CHECKSUMS);
  const dir = path.resolve(outDir);
  const lines = new Map<string, ChecksumLine>();
  writingTo(outDir, () => {
    const old = fs.existsSync(target) ? parseSha256sums(fs.readFileSync(target, 'utf8')) : [];
    for (const line of old) if (fs.existsSync(path.join(dir, line.name))) lines.set(line.name, line);
    for (const file of files) {
      const [where, hex] = typeof file === 'string' ? [file, undefined] : [file.path, file.sha256];
      const name = path.relative(dir, path.resolve(where)).split(path.sep).join('/');
      lines.set(name, { name, hex: hex ?? sha256File(where) });
    }
  });
  writeAtomic(target, Buffer.from(formatSha256sums([...lines.values()]), 'utf8'));
  return target;
}
