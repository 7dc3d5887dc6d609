/** `SHA256SUMS` in the exact format of GNU `sha256sum`, so that `sha256sum -c SHA256SUMS` verifies a build's outputs. */
import { createHash } from 'node:crypto';

/** One output file: its name relative to the folder `SHA256SUMS` sits in, and its bytes. */
export interface ChecksumFile {
  name: string;
  data: Uint8Array;
}

/** One line of `SHA256SUMS`: a file's name relative to its folder, and its SHA-256 in hex. */
export interface ChecksumLine {
  name: string;
  hex: string;
}

/**
 * A file name as `sha256sum` writes it: a name holding a backslash or a line break is escaped (`\\`, `\n`) and its
 * line starts with a backslash, which `sha256sum -c` understands.
 */
function entry(hex: string, name: string): string {
  if (!/[\\\n\r]/.test(name)) return `${hex}  ${name}\n`;
  return `\\${hex}  ${name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}\n`;
}

/** The SHA-256 of a file's bytes (or of pieces of them, in order), in hex. */
export function sha256(data: Uint8Array | readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const piece of data instanceof Uint8Array ? [data] : data) hash.update(piece);
  return hash.digest('hex');
}

/** `<sha256 hex>  <name>` lines (two spaces: text mode, as `sha256sum` writes by default), sorted by name in byte order. */
export function formatSha256sums(lines: readonly ChecksumLine[]): string {
  const sorted = [...lines].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  return sorted.map((line) => entry(line.hex, line.name)).join('');
}

/** `SHA256SUMS` for the given files. */
export function sha256sums(files: readonly ChecksumFile[]): string {
  return formatSha256sums(files.map((file) => ({ name: file.name, hex: sha256(file.data) })));
}

const LINE = /^(\\?)([0-9a-fA-F]{64}) [ *](.+)$/;
const UNESCAPE: Record<string, string> = { '\\\\': '\\', '\\n': '\n', '\\r': '\r' };

/** The lines of a `SHA256SUMS` file (text or binary mode, escaped names too); lines in no such form are skipped. */
export function parseSha256sums(text: string): ChecksumLine[] {
  const out: ChecksumLine[] = [];
  for (const line of text.split('\n')) {
    const match = LINE.exec(line);
    if (!match) continue;
    const name = match[1] ? match[3].replace(/\\[\\nr]/g, (pair) => UNESCAPE[pair]) : match[3];
    out.push({ name, hex: match[2].toLowerCase() });
  }
  return out;
}
