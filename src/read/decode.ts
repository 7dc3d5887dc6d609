/**
 * Bytes → text. The encoding is the one asked for, else found: a UTF-16 byte-order mark, else UTF-8, else (bytes that
 * are not UTF-8) Windows-1252 with one warning. Binaries are refused, a BOM is dropped, C0 control characters are
 * removed with a warning, and C1 control characters (U+0080–U+009F) are an error: in a manuscript they only ever
 * come from reading a file in the wrong encoding, and quire never prints mojibake without saying so.
 */
import type { Reporter } from '../diagnostics/types';
import { pointPosition } from '../diagnostics/reporter';

/** How to decode a manuscript file. */
export interface DecodeOptions {
  /** A WHATWG Encoding label (`utf-8`, `windows-1252`, `latin1`, `utf-16le`, `shift_jis`…); found from the bytes when absent. */
  encoding?: string;
}

/**
 * The canonical name of an encoding label, or undefined when there is no such encoding. Labels are the WHATWG
 * Encoding Standard's (https://encoding.spec.whatwg.org/#names-and-labels), as `TextDecoder` takes them: `latin1`,
 * `iso-8859-1` and `ascii` name `windows-1252` there, which decodes the same printable characters.
 */
export function encodingName(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** How an encoding is called in messages: `Windows-1252`, `UTF-16LE`, `Shift_JIS`. */
function displayName(encoding: string): string {
  return encoding.startsWith('windows-') ? `Windows-${encoding.slice(8)}` : encoding.toUpperCase();
}

/** Text and the encoding it was read in. */
interface Decoded {
  text: string;
  /** How the text was read, for messages: `UTF-8`, `Windows-1252`. */
  encoding: string;
}

/** The bytes after a UTF-8 byte-order mark, if they start with one. */
const afterUtf8Bom = (bytes: Uint8Array): Uint8Array => (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);

/**
 * The 1-based line and column of a UTF-16 index in a text, lines ending at LF, CRLF or CR as the readers count them,
 * columns in UTF-16 code units as the readers count them.
 */
function placeOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/** The offset of the first byte at or after `from` that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
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

/**
 * The WHATWG Encoding Standard's index-windows-1252 for bytes 0x80–0x9F (https://encoding.spec.whatwg.org/index-windows-1252.txt);
 * every other byte is the code point of its own value. The five bytes the code page leaves empty map to C1 controls,
 * as there. quire decodes Windows-1252 itself because Node's `TextDecoder` has decoded these 32 bytes as Latin-1
 * since 20.18.3 (nodejs/node#60888, #56542): 0x93 came out as U+0093, not “.
 */
const WINDOWS_1252_80_9F = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** Windows-1252 bytes as text (every byte decodes to a character). */
function windows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_80_9F.charCodeAt(b - 0x80) : b));
    text += String.fromCharCode(...codes);
  }
  return text;
}

const utf8 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

/**
 * Text from bytes that are not all UTF-8: every run of valid UTF-8 as UTF-8, every other byte as Windows-1252. A
 * file saved by a legacy editor has no valid multi-byte UTF-8 at all, so this is plain Windows-1252 for it; a file
 * pasted together from both (a UTF-8 "é" beside a cp1252 0x96 dash) keeps both right instead of turning the UTF-8
 * into "Ã©". `mixed` says whether the file held any valid multi-byte UTF-8.
 */
function decodeLegacy(bytes: Uint8Array, firstBad: number): { text: string; mixed: boolean } {
  const pieces: string[] = [];
  let mixed = false;
  let from = 0;
  for (let bad = firstBad; bad >= 0; bad = firstInvalidUtf8(bytes, from)) {
    const run = bytes.subarray(from, bad);
    mixed ||= run.some((b) => b >= 0x80);
    pieces.push(utf8(run), windows1252(bytes.subarray(bad, bad + 1)));
    from = bad + 1;
  }
  const rest = bytes.subarray(from);
  mixed ||= rest.some((b) => b >= 0x80);
  pieces.push(utf8(rest));
  return { text: pieces.join(''), mixed };
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

/** Whether the first 8 KiB are more than a tenth control bytes: a binary, or UTF-16 without its byte-order mark. */
function controlHeavy(head: Uint8Array): boolean {
  let controls = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  return head.length > 0 && controls / head.length > 0.1;
}

/** Whether most bytes at even (or most at odd) offsets are NUL: the shape of Latin-script UTF-16 text. */
function looksUtf16(head: Uint8Array): boolean {
  const nuls = [0, 0];
  for (let i = 0; i < head.length; i++) if (head[i] === 0) nuls[i % 2]++;
  return head.length >= 4 && Math.max(...nuls) > (head.length / 2) * 0.8 && Math.min(...nuls) < (head.length / 2) * 0.1;
}

/** Fails with `input-not-text` for a known binary signature or (unless the text is UTF-16) control-heavy bytes. */
function refuseBinary(bytes: Uint8Array, file: string, report: Reporter, utf16: boolean): void {
  const at = { position: pointPosition(file, 1) };
  if (MAGIC.some((sig) => sig.every((b, i) => bytes[i] === b))) report.fail('input-not-text', 'file is binary, not a text manuscript', at);
  const head = bytes.subarray(0, 8192);
  if (utf16 || !controlHeavy(head)) return;
  if (looksUtf16(head)) {
    report.fail('input-not-text', 'file looks like UTF-16 text without a byte-order mark', {
      ...at,
      hint: 'Give its encoding: --encoding utf-16le (or utf-16be), or save the file as UTF-8.',
    });
  }
  report.fail('input-not-text', 'file is binary, not a text manuscript', at);
}

/**
 * Decodes with `TextDecoder` (which drops a UTF-8 or UTF-16 BOM) or, for Windows-1252, `windows1252`, failing with `encoding-invalid` at the first
 * character the bytes do not make.
 */
function decodeAs(encoding: string, bytes: Uint8Array, file: string, report: Reporter): Decoded {
  if (encoding === 'windows-1252') return { text: windows1252(bytes), encoding: 'Windows-1252' };
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding: displayName(encoding) };
  } catch {
    const text = new TextDecoder(encoding).decode(bytes);
    const place = placeOf(text, Math.max(0, text.indexOf('\uFFFD')));
    return report.fail('encoding-invalid', `the file is not valid ${displayName(encoding)}`, { position: pointPosition(file, place.line, place.column) });
  }
}

/**
 * The text of bytes in an encoding found from them: a UTF-16 BOM, else UTF-8, else Windows-1252 for the bytes that
 * are not UTF-8, with one `encoding-guessed` warning at the first of them.
 */
function decodeDetected(file: string, report: Reporter, withBom: Uint8Array): Decoded {
  if (withBom[0] === 0xff && withBom[1] === 0xfe) return decodeAs('utf-16le', withBom, file, report);
  if (withBom[0] === 0xfe && withBom[1] === 0xff) return decodeAs('utf-16be', withBom, file, report);
  refuseBinary(withBom, file, report, false);
  const bytes = afterUtf8Bom(withBom);
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text: utf8(bytes), encoding: 'UTF-8' };
  const { text, mixed } = decodeLegacy(bytes, bad);
  const place = placeOf(text, utf8(bytes.subarray(0, bad)).length);
  const byte = `0x${bytes[bad].toString(16).padStart(2, '0')}`;
  report.warn('encoding-guessed', mixed ? `not UTF-8 throughout; bytes that are not UTF-8 read as Windows-1252 (first byte ${byte})` : `not UTF-8; read as Windows-1252 (first byte ${byte})`, {
    position: pointPosition(file, place.line, place.column),
    hint: 'If a character looks wrong, give the file\'s encoding with --encoding NAME (or `encoding:` under `quire:` in book.yaml), or save the file as UTF-8.',
  });
  return { text, encoding: mixed ? 'UTF-8 and Windows-1252' : 'Windows-1252' };
}

/** The text of bytes in the encoding asked for (any `TextDecoder` label; checked by the caller, failing here otherwise). */
function decodeGiven(label: string, file: string, report: Reporter, withBom: Uint8Array): Decoded {
  const encoding = encodingName(label);
  if (!encoding) return report.fail('encoding-unknown', `unknown encoding \`${label}\``, { position: pointPosition(file, 1) });
  refuseBinary(withBom, file, report, encoding.startsWith('utf-16'));
  if (encoding !== 'utf-8') return decodeAs(encoding, withBom, file, report);
  const bytes = afterUtf8Bom(withBom);
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const place = placeOf(utf8(bytes), utf8(bytes.subarray(0, bad)).length);
    report.fail('encoding-invalid', `invalid UTF-8 byte 0x${bytes[bad].toString(16).padStart(2, '0')}`, {
      position: pointPosition(file, place.line, place.column),
      hint: 'Leave out the encoding to read the file as Windows-1252, give its real encoding, or save it as UTF-8.',
    });
  }
  return { text: utf8(bytes), encoding: 'UTF-8' };
}

/** C1 controls: never text in a manuscript, the sign of a file read in the wrong encoding. */
const C1 = /[\u0080-\u009f]/;
/** C0 controls other than tab, line feed and carriage return, and DEL: left over from copying; removed. */
const C0 = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const C0S = new RegExp(C0.source, 'g');

/** Fails with `encoding-control` at the text's first C1 control character, if it has one. */
function refuseC1({ text, encoding }: Decoded, file: string, report: Reporter): void {
  const m = C1.exec(text);
  if (!m) return;
  const place = placeOf(text, m.index);
  const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  report.fail('encoding-control', `control character U+${code} in text read as ${encoding}: the file is probably in another encoding`, {
    position: pointPosition(file, place.line, place.column),
    hint: encoding.startsWith('UTF-8')
      ? 'Text converted to UTF-8 from the wrong encoding looks like this (“â€™” for ’): convert it again from the original, or give the file\'s real encoding with --encoding NAME.'
      : encoding === 'Windows-1252'
        ? 'That byte has no character in Windows-1252. Give the file\'s real encoding with --encoding NAME (iso-8859-2, koi8-r, shift_jis…), or save it as UTF-8.'
        : undefined,
  });
}

/** The text without C0 controls, with one positioned `control-character` warning per line that held any. */
function stripC0(text: string, file: string, report: Reporter): string {
  if (!C0.test(text)) return text;
  // Lines at even indexes, their line endings at odd ones.
  const parts = text.split(/(\r\n|\r|\n)/);
  for (let i = 0; i < parts.length; i += 2) {
    const m = C0.exec(parts[i]);
    if (!m) continue;
    const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    report.warn('control-character', `control character U+${code} removed`, { position: pointPosition(file, i / 2 + 1, m.index + 1) });
    parts[i] = parts[i].replace(C0S, '');
  }
  return parts.join('');
}

/**
 * Decodes a manuscript file (or book.yaml). Fails with `input-not-text` for binaries, `encoding-invalid` where the
 * bytes are not the encoding asked for, `encoding-control` at a C1 control character; warns with `encoding-guessed`
 * when bytes that are not UTF-8 were read as Windows-1252, and once per line where control characters were removed.
 */
export function decodeText(bytes: Uint8Array, file: string, report: Reporter, options: DecodeOptions = {}): string {
  const decoded = options.encoding ? decodeGiven(options.encoding, file, report, bytes) : decodeDetected(file, report, bytes);
  refuseC1(decoded, file, report);
  return stripC0(decoded.text, file, report);
}
