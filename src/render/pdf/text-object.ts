/**
 * A page's text objects, written as pdfkit's `_fragment` writes them (the same operators, glyphs and numbers, with
 * the glyphs as literal strings), in fewer steps.
 *
 * For every string, `_fragment` lays each word out again (`layoutRun`, which scales every glyph position in place
 * with a `for…in` over its keys), hex-encodes each glyph, joins the arrays of all the words, and writes each line of
 * the text object as its own chunk. On a novel that was most of pdfkit's share of the time. Here each distinct word is
 * encoded once per font, as pdfkit's `encode` does it (adding its glyphs to the font's subset, widths and ToUnicode,
 * in the order a first use would) but from the run its shaper already holds (shape.ts) rather than through pdfkit's
 * layout, and kept as its glyphs' codes and advances; a string's text object is then put together from those, and
 * written as one chunk. The codes are written as literal strings, two bytes a glyph, where pdfkit writes hex, four:
 * the content streams come out a fifth smaller, and are quicker to compress.
 *
 * Only what quire draws is taken: the alphabetic baseline, optional word spacing and horizontal scaling, no features
 * (small capitals go to pdfkit), no character spacing, fill only. A word with a glyph that pdfkit would place with an
 * offset (a mark) is left to pdfkit too: `write` then returns false and has written nothing. The output is checked
 * against pdfkit's in tests/render/pdf/text-object.test.ts (glyph for glyph, number for number).
 */
import type { SerifText } from './layout/types';
import { Shaper, type Glyph, type Packed } from './shape';

/** pdfkit's number format in content streams (`PDFObject.number`): at most six decimals. */
const number = (n: number): number => Math.round(n * 1e6) / 1e6;

/** The glyph positions of pdfkit's `encode`, in its units (thousandths of the font size). */
interface EncodedPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset?: number;
  yOffset?: number;
}

/**
 * The part of a pdfkit font that text objects use; an embedded font (not one of the PDF's standard 14) also has its
 * fontkit font, the scale from its units to thousandths of an em, and the subset, widths and characters that its
 * `encode` fills in.
 */
export interface PdfkitFont {
  readonly id: string;
  encode(text: string, features?: string[]): [string[], EncodedPosition[]];
  ref(): unknown;
  readonly font?: object;
  readonly scale?: number;
  readonly subset?: { includeGlyph(id: number): number };
  readonly widths?: number[];
  readonly unicode?: number[][];
}

/** The part of a pdfkit document that text objects use (its current font, size and page). */
export interface TextDoc {
  _font: PdfkitFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  widthOfString(text: string): number;
  addContent(data: string | Uint8Array): unknown;
}

/**
 * A word as encoded once, as it goes in a `TJ` array: its glyph codes, cut where its glyphs are set apart from their
 * designed advances (kerning), as `c1) a1 (c2) a2 (c3` (`body`), so that a string opened before it (the word before,
 * when no gap set them apart) runs on into it; and the last glyph's advance as set and as designed (word spacing is
 * added to it).
 */
interface Coded {
  body: string;
  lastAdvance: number;
  lastWidth: number;
}

/** A word to write, with its string's record when layout measured it in a serif face alone. */
export interface MeasuredWord {
  text: string;
  serif?: SerifText;
}

/** Distinct strings kept per font before the cache starts again (a novel has some tens of thousands). */
const LIMIT = 200_000;

export class TextObjects {
  /** Per font, each string encoded so far; null for one that pdfkit must draw itself. */
  private readonly coded = new Map<PdfkitFont, Map<string, Coded | null>>();
  private readonly spaces = new Map<PdfkitFont, Map<number, number>>();
  /** `codeAll`'s answer, one array for every call. */
  private readonly scratch: Coded[] = [];
  /** `emit`'s pieces of a text object, one array for every call. */
  private readonly parts: string[] = [];
  /** The last font asked for, and its strings. */
  private font: PdfkitFont | undefined;
  private known: Map<string, Coded | null> | undefined;

  /**
   * Writes `text` at `x` on the baseline `y` (pdfkit's coordinates: y downwards) in the document's current font and
   * size, as `_fragment(text, x, y, { baseline: 'alphabetic', wordSpacing, horizontalScaling })` would. Returns false,
   * having written nothing, when the text needs pdfkit's own path. `text` may be given as its words (with word
   * spacing): what pdfkit makes of the string they make with single spaces between them.
   */
  write(doc: TextDoc, text: string | readonly string[], x: number, y: number, wordSpacing = 0, horizontalScaling = 100): boolean {
    let words: readonly string[];
    if (typeof text === 'string') {
      if (text.includes('\n')) text = text.replace(/\n/g, '');
      if (text.length === 0) return true;
      words = wordSpacing ? text.trim().split(/\s+/) : [text];
    } else if (wordSpacing && text.length > 0 && text.every((word) => word !== '' && !/\s/.test(word))) words = text;
    else return this.write(doc, text.join(' '), x, y, wordSpacing, horizontalScaling);
    const coded = this.codeAll(doc._font, words);
    if (!coded) return false;
    // pdfkit: wordSpacing += widthOfString(' ') + characterSpacing; wordSpacing *= 1000 / fontSize.
    const spacing = wordSpacing ? (wordSpacing + (this.space(doc, doc._font, doc._fontSize) + 0)) * (1000 / doc._fontSize) : 0;
    this.emit(doc, coded, undefined, spacing, x, y, horizontalScaling);
    return true;
  }

  /**
   * Writes a line's words in one text object, the first at `x` and each `gaps[k]` points (as drawn, glyph scaling
   * included) after the end of the one before it: one string, however the gaps differ, where pdfkit's word spacing
   * needs a text object per gap. Returns false, having written nothing, when a word needs pdfkit's own path. A word
   * may come with its string's record (`serif`, see `SerifText`): its encoded form is then kept there.
   */
  writeWords(doc: TextDoc, words: readonly (string | MeasuredWord)[], gaps: readonly number[], x: number, y: number, horizontalScaling = 100): boolean {
    const coded = this.codeAll(doc._font, words);
    if (!coded) return false;
    // A TJ adjustment is in thousandths of the font size, and glyph scaling (Tz) widens it as it widens the glyphs.
    const unit = (1000 / doc._fontSize) * (100 / horizontalScaling);
    this.emit(doc, coded, gaps, unit, x, y, horizontalScaling);
    return true;
  }

  /** Every word encoded in `font` (in an array reused by the next call), or null if one needs pdfkit's own path. */
  private codeAll(font: PdfkitFont, words: readonly (string | MeasuredWord)[]): Coded[] | null {
    const coded = this.scratch;
    coded.length = 0;
    for (const word of words) {
      const code = typeof word === 'string' ? this.code(font, word) : this.codeWord(font, word);
      if (!code) return null;
      coded.push(code);
    }
    return coded;
  }

  /** `code`, kept in the word's record when it has one (the record is per face; `drawnWith` says for which font). */
  private codeWord(font: PdfkitFont, word: MeasuredWord): Coded | null {
    const record = word.serif;
    if (record === undefined) return this.code(font, word.text);
    if (record.drawnWith !== font) {
      record.drawn = this.code(font, word.text);
      record.drawnWith = font;
    }
    return record.drawn as Coded | null;
  }

  /**
   * Writes a text object: the words in the current font and size, each followed by `gaps[k] * factor` thousandths of
   * an em (none after the last), or without `gaps` by `factor` (after every word, the last too, as pdfkit does).
   */
  private emit(doc: TextDoc, coded: readonly Coded[], gaps: readonly number[] | undefined, factor: number, x: number, y: number, horizontalScaling: number): void {
    const font = doc._font;
    const size = doc._fontSize;
    if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
    const height = doc.page.height;
    // The text object's pieces, joined once at the end (a string built by adding to it would be copied flat again).
    const parts = this.parts;
    parts.length = 0;
    parts.push(`q\n1 0 0 -1 0 ${number(height)} cm\nBT\n1 0 0 1 ${number(x)} ${number(height - y - 0)} Tm\n/${font.id} ${number(size)} Tf\n`);
    if (horizontalScaling !== 100) parts.push(`${horizontalScaling} Tz\n`);
    parts.push('[');
    // Whether a string is open (the words since the last adjustment run on in it), and whether an entry was written.
    let open = false;
    let entries = false;
    // A line's gaps are mostly alike: the last adjustment's text is kept rather than formatted again.
    let lastAdjust = NaN;
    let lastText = '';
    for (let k = 0; k < coded.length; k++) {
      const code = coded[k];
      if (!open) parts.push(entries ? ' (' : '(');
      parts.push(code.body);
      open = entries = true;
      const adjust = code.lastAdvance + (gaps === undefined ? factor : k < gaps.length ? gaps[k] * factor : 0) - code.lastWidth;
      if (adjust !== 0) {
        if (adjust !== lastAdjust) {
          lastAdjust = adjust;
          lastText = `) ${number(-adjust)}`;
        }
        parts.push(lastText);
        open = false;
      }
    }
    if (open) parts.push(') 0');
    parts.push('] TJ\nET\nQ\n');
    const object = parts.join('');
    // As bytes, which pdfkit takes as they are (a string it copies a character at a time, adding the newline).
    doc.addContent(Buffer.from(object, 'latin1'));
  }

  /**
   * `word` encoded in `font` (by `encode`, the first time: that adds its glyphs to the subset), or null if it has
   * offsets.
   */
  private code(font: PdfkitFont, word: string): Coded | null {
    if (font !== this.font) {
      this.font = font;
      this.known = this.coded.get(font) ?? new Map();
      this.coded.set(font, this.known);
    }
    const known = this.known!;
    let code = known.get(word);
    if (code === undefined) {
      code = encode(font, word);
      if (known.size >= LIMIT) known.clear();
      known.set(word, code);
    }
    return code;
  }

  /** The width of a space in the current font and size, as pdfkit's `widthOfString(' ')` gives it. */
  private space(doc: TextDoc, font: PdfkitFont, size: number): number {
    let bySize = this.spaces.get(font);
    if (!bySize) this.spaces.set(font, (bySize = new Map()));
    let width = bySize.get(size);
    if (width === undefined) bySize.set(size, (width = doc.widthOfString(' ')));
    return width;
  }
}

/**
 * `word` encoded in `font` as pdfkit's `encode` encodes it (its glyphs added to the subset, and their widths and
 * characters recorded the first time), then cut as `Coded`; null when a glyph has an offset, or there is none. A word
 * without spaces or tabs (pdfkit lays those out a piece at a time) in a font with a shaper is encoded here from the
 * run measuring shaped; anything else by pdfkit.
 */
function encode(font: PdfkitFont, word: string): Coded | null {
  const shaper = font.font && word !== '' && !word.includes(' ') && !word.includes('\t') ? Shaper.of(font.font) : undefined;
  if (!shaper) {
    const [hex, positions] = font.encode(word);
    if (positions.some((p) => p.xOffset || p.yOffset)) return null;
    return encoded(
      hex.map((h) => glyphCode(parseInt(h, 16))),
      positions.map((p) => p.xAdvance),
      positions.map((p) => p.advanceWidth),
    );
  }
  return fromRun(font as Required<PdfkitFont>, shaper.packed(word));
}

/** pdfkit's `encode` on a shaped run, with its arithmetic (each position times the font's scale), as `Coded`. */
function fromRun(font: Required<PdfkitFont>, run: Readonly<Packed>): Coded | null {
  const { subset, widths, unicode, scale } = font;
  const glyphs = run.glyphs as Glyph[];
  const codes = new Array<string>(glyphs.length);
  const designed = new Array<number>(glyphs.length);
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i];
    const gid = subset.includeGlyph(glyph.id);
    codes[i] = glyphCode(gid);
    widths[gid] ??= glyph.advanceWidth * scale;
    unicode[gid] ??= glyph.codePoints;
    designed[i] = glyph.advanceWidth * scale;
  }
  // (rest holds yAdvance, xOffset and yOffset per glyph.)
  if (run.rest?.some((v, k) => k % 3 !== 0 && v !== 0)) return null;
  return encoded(
    codes,
    run.advances.map((a) => a * scale),
    designed,
  );
}

/** Each subset glyph id's code so far (see `glyphCode`). */
const CODES: string[] = [];

/**
 * A subset glyph id as it goes in a literal string: its two bytes (the fonts' encoding is Identity-H), as characters
 * 0–255 that the content stream writes as bytes, with a backslash before the three that would end or escape the
 * string, and the two line ends as escapes (a reader would read a carriage return there as a line feed).
 */
export function glyphCode(gid: number): string {
  return (CODES[gid] ??= String.fromCharCode(gid >> 8, gid & 0xff).replace(/[()\\\r\n]/g, (c) => ESCAPES[c]));
}

const ESCAPES: Record<string, string> = { '(': '\\(', ')': '\\)', '\\': '\\\\', '\r': '\\r', '\n': '\\n' };

/** A word's glyphs (as codes) and their advances, as set and as designed, cut as `Coded`; null for no glyphs. */
function encoded(codes: readonly string[], advances: readonly number[], designed: readonly number[]): Coded | null {
  if (codes.length === 0) return null;
  let body = '';
  const last = codes.length - 1;
  for (let i = 0; i < last; i++) {
    body += codes[i];
    const adjust = advances[i] - designed[i];
    if (adjust !== 0) body += `) ${number(-adjust)} (`;
  }
  body += codes[last];
  return { body, lastAdvance: advances[last], lastWidth: designed[last] };
}
