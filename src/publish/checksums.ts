/** `SHA256SUMS` in the exact format of GNU `sha256sum`, so that `sha256sum -c SHA256SUMS` verifies a build's outputs. */
import { createHash } from 'node:crypto';

/** One output file: its name relative to the folder `SHA256SUMS` sits in, and its bytes. */
export interface ChecksumFile {
  name: string;
  data: Uint8Array;
}

/**
 * A file name as `sha256sum` writes it: a name holding a backslash or a line break is escaped (`\\`, `\n`) and its
 * line starts with a backslash, which `sha256sum -c` understands.
 */
function entry(hex: string, name: string): string {
  if (!/[\\\n\r]/.test(name)) return `${hex}  ${name}\n`;
  return `\\${hex}  ${name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}\n`;
}

/** `<sha256 hex>  <name>` lines (two spaces: text mode, as `sha256sum` writes by default), sorted by name in byte order. */
export function sha256sums(files: readonly ChecksumFile[]): string {
  const sorted = [...files].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  return sorted.map((file) => entry(createHash('sha256').update(file.data).digest('hex'), file.name)).join('');
}
