/** Bytes → text: refuse binaries and invalid UTF-8 with a position, drop the BOM, strip control characters. */
import type { Reporter } from '../diagnostics/types';
import { pointPosition } from '../diagnostics/reporter';

/** The 1-based line and column of a byte offset, counting columns in characters of the valid text before it. */
function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = Buffer.from(bytes.subarray(lineStart, offset)).toString('utf8');
  return { line, column: [...before].length + 1 };
}

/** The offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= bytes.length) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Signatures of files people drop into a manuscript folder by mistake: images, PDFs, archives, Word. */
const MAGIC: number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP, EPUB, DOCX
  [0xd0, 0xcf, 0x11, 0xe0], // old Word
];

/** A file is binary if it starts with a known signature or more than a tenth of its first 8 KiB are control bytes. */
function looksBinary(bytes: Uint8Array): boolean {
  if (MAGIC.some((sig) => sig.every((b, i) => bytes[i] === b))) return true;
  const head = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  return head.length > 0 && controls / head.length > 0.1;
}

// C0 controls other than tab, line feed and carriage return; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/**
 * Decodes a manuscript file. Fails with `input-not-text` for binaries (NUL-heavy or UTF-16/32 without being asked)
 * and `encoding-invalid` at the first bad byte; warns once per line where control characters were removed.
 */
export function decodeText(bytes: Uint8Array, file: string, report: Reporter): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) report.fail('input-not-text', 'file is UTF-16 text', { position: pointPosition(file, 1), hint: 'Save the file as UTF-8.' });
  if (bytes[0] === 0xfe && bytes[1] === 0xff) report.fail('input-not-text', 'file is UTF-16 text', { position: pointPosition(file, 1), hint: 'Save the file as UTF-8.' });
  if (looksBinary(bytes)) report.fail('input-not-text', 'file is binary, not a text manuscript', { position: pointPosition(file, 1) });
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const place = placeOfByte(bytes, bad);
    report.fail('encoding-invalid', `invalid UTF-8 byte 0x${bytes[bad].toString(16).padStart(2, '0')}`, {
      position: pointPosition(file, place.line, place.column),
    });
  }
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (CONTROL.test(text)) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = CONTROL.exec(lines[i]);
      if (!m) continue;
      const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      report.warn('control-character', `control character U+${code} removed`, { position: pointPosition(file, i + 1, m.index + 1) });
      lines[i] = lines[i].replace(CONTROLS, '');
    }
    text = lines.join('\n');
  }
  return text;
}
