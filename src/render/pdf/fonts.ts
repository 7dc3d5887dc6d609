/**
 * The book's faces, loaded once through the asset store and measured with real glyph advances and kerning: the four
 * serif faces, and fallback faces for the scripts the serif lacks (Hebrew, Arabic, Han, kana, Hangul), chosen per run
 * of characters and loaded the first time a book needs them.
 */
import type { Language } from '../../model/types';
import type { AssetStore } from '../types';
import type { FontKey, SerifText, TextStyle } from './layout/types';
import { fontkit as fontkitModule } from './fontkit';
import { CACHE_LIMIT, Shaper, type ShapedFont } from './shape';
import { isWoff, woffToSfnt } from './woff';

/** The part of a fontkit font that measuring needs (fontkit ships no type declarations). */
interface FontkitFont extends ShapedFont {
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/**
 * Shapes each distinct string once per face, for measuring and drawing alike: the font's `layout` is replaced by a
 * `Shaper`'s (shape.ts). pdfkit is given this same font object (its own layout cache is turned off in draw.ts), so a
 * word that layout measured is not shaped a second time when it is drawn.
 */
function shareShaping(font: FontkitFont): Shaper {
  const shaper = new Shaper(font);
  font.layout = (text: string, features?: unknown) => shaper.layout(text, features);
  return shaper;
}

// fontkit ships no type declarations; the interface above is the part we use.
const fontkit = fontkitModule as { create(data: Buffer): FontkitFont };

export const FONT_KEYS: readonly FontKey[] = ['serif-regular', 'serif-italic', 'serif-bold', 'serif-bold-italic'];

/** A fallback family: faces for a script Source Serif does not cover (files in assets.ts). */
type Family = 'greek' | 'hebrew' | 'arabic' | 'jp' | 'kr' | 'sc';
type FaceStyle = 'regular' | 'italic' | 'bold' | 'bold-italic';
/** A face that can draw text: one of the serif's four or a fallback face (see `FAMILY_STYLES`). */
export type FaceKey = FontKey | `${Family}-${FaceStyle}`;

/** The styles a family has: Greek all four; the others a regular and a bold, their italics set upright. */
const ALL_STYLES: Record<FontKey, FaceStyle> = { 'serif-regular': 'regular', 'serif-italic': 'italic', 'serif-bold': 'bold', 'serif-bold-italic': 'bold-italic' };
const UPRIGHT: Record<FontKey, FaceStyle> = { 'serif-regular': 'regular', 'serif-italic': 'regular', 'serif-bold': 'bold', 'serif-bold-italic': 'bold' };
const FAMILY_STYLES: Record<Family, Record<FontKey, FaceStyle>> = { greek: ALL_STYLES, hebrew: UPRIGHT, arabic: UPRIGHT, jp: UPRIGHT, kr: UPRIGHT, sc: UPRIGHT };

/** A stretch of text drawn in one face. `face` is undefined for characters no face has (they are not drawn). */
export interface Segment {
  text: string;
  face: FaceKey | undefined;
}

/** The scripts a family is for: a character is looked up only in the families of its script (or in all, if none). */
const FAMILY_SCRIPTS: Record<Family, RegExp> = {
  greek: /\p{Script=Greek}/u,
  hebrew: /\p{Script=Hebrew}/u,
  arabic: /\p{Script=Arabic}/u,
  jp: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u,
  kr: /[\p{Script=Hangul}\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u,
  sc: /[\p{Script=Han}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u,
};

/** The order fallback families are tried in: Han characters take the shapes of the book's own locale first. */
function familyOrder(lang: string): Family[] {
  const cjk: Family[] = lang === 'zh' ? ['sc', 'jp', 'kr'] : lang === 'ko' ? ['kr', 'jp', 'sc'] : ['jp', 'sc', 'kr'];
  return ['greek', 'hebrew', 'arabic', ...cjk];
}

/** The OpenType features that set lower-case letters as small capitals. */
export const SMALL_CAPS = ['smcp'];

/** Combining marks, joiners and variation selectors belong to the character before them and stay in its face. */
const CLINGS = /[\p{M}\u200c\u200d\ufe00-\ufe0f]/u;
/** White space is drawn (or measured) in the serif: the fallback fonts' script subsets may have no space glyph. */
const SPACE = /\s/u;

/** Whether a face is one of the serif's four (the faces with small capitals). */
export const isSerif = (face: FaceKey): face is FontKey => (FONT_KEYS as readonly string[]).includes(face);

/** A loaded face with a width cache: a novel repeats its few thousand distinct words many times. */
class Face {
  private readonly widths = new Map<string, number>();
  private readonly advances = new Map<number, number>();
  private readonly shaper: Shaper;
  constructor(readonly font: FontkitFont) {
    this.shaper = shareShaping(font);
  }

  /**
   * Advance width of `text` in font units per 1000 em, with the font's default shaping (kerning, ligatures), or with
   * small capitals (`smcp`) too.
   */
  units(text: string, smallCaps = false): number {
    const key = smallCaps ? `\u0000${text}` : text;
    let width = this.widths.get(key);
    if (width === undefined) {
      if (this.widths.size >= CACHE_LIMIT) this.widths.clear();
      width = this.measure(text, smallCaps);
      this.widths.set(key, width);
    }
    return width;
  }

  /** `units` without the cache, for a caller that keeps the answer itself (`FontSet.plain`). */
  measure(text: string, smallCaps = false): number {
    const advance = smallCaps ? this.font.layout(text, SMALL_CAPS).advanceWidth : this.shaper.advanceWidth(text);
    return (advance * 1000) / this.font.unitsPerEm;
  }

  /** Unshaped advance of one character, in units per 1000 em. */
  advance(codePoint: number): number {
    let width = this.advances.get(codePoint);
    if (width === undefined) {
      width = (this.font.glyphForCodePoint(codePoint).advanceWidth * 1000) / this.font.unitsPerEm;
      this.advances.set(codePoint, width);
    }
    return width;
  }

  has(codePoint: number): boolean {
    return this.font.hasGlyphForCodePoint(codePoint);
  }

  get ascent(): number {
    return this.font.ascent / this.font.unitsPerEm;
  }
}

/**
 * Each font file parsed once per process, by its bytes: parsing a face and decoding its shaping tables costs more
 * than setting a short book, so `quire batch` and `quire worker` share them between books. An asset store that
 * reads its fonts afresh (tests' stores) gets fresh faces.
 */
const FACES = new WeakMap<Buffer, Face>();

/**
 * The faces; `width` is the only way layout learns how wide text is, and `segments` says which face draws which
 * characters. Text the serif covers (nearly all of a Latin, Greek or Cyrillic book) takes a fast path: one segment.
 */
export class FontSet {
  private readonly faces = new Map<FaceKey, Face>();
  private readonly order: Family[];
  /** Per serif face: text → its segments, for text that needs more than the serif (or has characters no face has). */
  private readonly mixed = new Map<FontKey, Map<string, Segment[]>>();
  /**
   * Per serif face: text the face covers alone, with its width once measured: measuring a word the serif sets, most
   * of what layout does, is then one lookup, and the record goes with the word to drawing (`SerifText`).
   */
  private readonly plain = new Map<FontKey, Map<string, SerifText>>();
  private readonly chosen = new Map<string, FaceKey | undefined>();
  private readonly advances = new Map<FontKey, Map<number, number>>();

  /** Whether the book's language is written right to left: then every paragraph is (see paragraph.ts). */
  readonly rightToLeft: boolean;

  constructor(
    private readonly assets: AssetStore,
    language: Pick<Language, 'primary' | 'direction'> = { primary: 'en', direction: 'ltr' },
  ) {
    // Faces are parsed when first needed (a generated cover needs three of the serif's four).
    this.order = familyOrder(language.primary);
    this.rightToLeft = language.direction === 'rtl';
  }

  private face(key: FaceKey): Face {
    let face = this.faces.get(key);
    if (!face) {
      const data = this.assets.font(key);
      face = FACES.get(data);
      if (!face) {
        face = new Face(fontkit.create(isWoff(data) ? woffToSfnt(data) : data));
        FACES.set(data, face);
      }
      this.faces.set(key, face);
    }
    return face;
  }

  /** Which face draws `codePoint` for text set in `font`: the serif if it can, else the first fallback that can. */
  private faceFor(codePoint: number, font: FontKey): FaceKey | undefined {
    if (this.face(font).has(codePoint)) return font;
    const memo = `${codePoint}:${font}`;
    if (this.chosen.has(memo)) return this.chosen.get(memo);
    const char = String.fromCodePoint(codePoint);
    const families = this.order.filter((f) => FAMILY_SCRIPTS[f].test(char));
    let found: FaceKey | undefined;
    for (const family of families.length ? families : this.order) {
      const key: FaceKey = `${family}-${FAMILY_STYLES[family][font]}`;
      if (this.face(key).has(codePoint)) {
        found = key;
        break;
      }
    }
    this.chosen.set(memo, found);
    return found;
  }

  /**
   * `text` cut into runs that one face draws, in logical order: the serif wherever it has the glyph, a fallback
   * face elsewhere. Marks stay with their base character and spaces with the serif, so an Arabic word is shaped
   * (joined) as one run.
   */
  segments(text: string, font: FontKey): readonly Segment[] {
    return this.inSerif(text, font) ? [{ text, face: font }] : (this.mixed.get(font)?.get(text) ?? []);
  }

  /** Whether the serif face `font` draws all of `text`: the common case, answered from a set after the first time. */
  inSerif(text: string, font: FontKey): boolean {
    return this.record(text, font) !== undefined;
  }

  /**
   * `text`'s record in `plain` when the serif face `font` draws all of it (made the first time, with its width not
   * yet measured), else undefined (its segments then kept in `mixed`).
   */
  private record(text: string, font: FontKey): SerifText | undefined {
    let plain = this.plain.get(font);
    if (!plain) this.plain.set(font, (plain = new Map()));
    const known = plain.get(text);
    if (known !== undefined) return known;
    let mixed = this.mixed.get(font);
    if (!mixed) this.mixed.set(font, (mixed = new Map()));
    if (mixed.has(text)) return undefined;
    const out: Segment[] = [];
    let current: Segment | undefined;
    for (const char of text) {
      const cp = char.codePointAt(0) ?? 0;
      const face = current && CLINGS.test(char) ? current.face : SPACE.test(char) ? font : this.faceFor(cp, font);
      if (current && current.face === face) current.text += char;
      else out.push((current = { text: char, face }));
    }
    if (out.length === 0 || (out.length === 1 && out[0].face === font)) {
      const record: SerifText = { units: NaN, drawn: undefined, drawnWith: undefined };
      plain.set(text, record);
      return record;
    }
    mixed.set(text, out);
    return undefined;
  }

  /** `record`, with its width measured the first time (kept there alone: the face's own cache would hold it twice). */
  private measured(text: string, font: FontKey): SerifText | undefined {
    const record = this.record(text, font);
    if (record !== undefined && Number.isNaN(record.units)) record.units = this.face(font).measure(text);
    return record;
  }

  /** Per BMP code point: 0 not looked up yet, 1 some face (serif or fallback) has it, 2 none has. */
  private readonly drawable = new Uint8Array(0x10000);

  /** The distinct characters of `text` that no face can draw (they are left out of the PDF). */
  missing(text: string): string[] {
    const out = new Set<string>();
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (this.drawable[code] === 1) continue;
      const cp = text.codePointAt(i) ?? code;
      const char = String.fromCodePoint(cp);
      if (cp > 0xffff) i++;
      if (/[\s\p{M}\p{Cf}\p{Cc}]/u.test(char)) continue;
      let known = cp > 0xffff ? 0 : this.drawable[cp];
      if (known === 0) {
        known = this.faceFor(cp, 'serif-regular') === undefined ? 2 : 1;
        if (cp <= 0xffff) this.drawable[cp] = known;
      }
      if (known === 2) out.add(char);
    }
    return [...out];
  }

  /**
   * Width in points of `text` set in `style`; pdfkit lays text out with the same fontkit shaping, so this is what it
   * draws. With `known`, `text`'s record (see `serifText`), it is read from there, without looking `text` up.
   */
  width(text: string, style: TextStyle, known?: SerifText): number {
    return ((known !== undefined ? known.units : this.units(text, style.font, style.smallCaps)) * style.size) / 1000;
  }

  /**
   * `text`'s record when the serif face draws all of it and it has been measured before (a word, the second time),
   * else undefined: one lookup that gives its width (`units`) and tells drawing it needs no fallback face.
   */
  knownSerif(text: string, style: TextStyle): SerifText | undefined {
    return style.smallCaps ? undefined : this.measuredSerif(text, style.font);
  }

  /**
   * `text`'s record when the serif face draws all of it, measured now if it was not, else undefined (as for small
   * capitals, which have none).
   */
  serifText(text: string, style: TextStyle): SerifText | undefined {
    return style.smallCaps ? undefined : this.measured(text, style.font);
  }

  /** The record of a serif string measured before, from `plain`; undefined if not measured yet. */
  private measuredSerif(text: string, font: FontKey): SerifText | undefined {
    const known = this.plain.get(font)?.get(text);
    return known === undefined || Number.isNaN(known.units) ? undefined : known;
  }

  /** Width in points of one segment (see `segments`); small capitals only in the serif. */
  segmentWidth(segment: Segment, size: number, smallCaps = false): number {
    if (segment.face === undefined) return 0;
    return (this.face(segment.face).units(segment.text, smallCaps && isSerif(segment.face)) * size) / 1000;
  }

  private units(text: string, font: FontKey, smallCaps = false): number {
    if (smallCaps) {
      if (this.inSerif(text, font)) return this.face(font).units(text, true);
    } else {
      const record = this.measured(text, font);
      if (record !== undefined) return record.units;
    }
    const segments = this.segments(text, font);
    let units = 0;
    for (const s of segments) if (s.face !== undefined) units += this.face(s.face).units(s.text, smallCaps && isSerif(s.face));
    return units;
  }

  /** Unshaped advance of one character in the face that draws it, in units per 1000 em. */
  private advance(codePoint: number, font: FontKey): number {
    let advances = this.advances.get(font);
    if (!advances) this.advances.set(font, (advances = new Map()));
    let width = advances.get(codePoint);
    if (width === undefined) {
      const face = this.faceFor(codePoint, font);
      width = face === undefined ? 0 : this.face(face).advance(codePoint);
      advances.set(codePoint, width);
    }
    return width;
  }

  /**
   * Widths of `text` cut at UTF-16 offsets `cuts`: the exact shaped width shared out in proportion to unshaped
   * advances. Shaping every prefix of every hyphenatable word would double the measuring time of a novel, and the
   * lines actually chosen are measured exactly again when they are positioned.
   */
  splitWidths(text: string, cuts: readonly number[], style: TextStyle): number[] {
    const parts: number[] = [];
    let from = 0;
    for (const to of [...cuts, text.length]) {
      let units = 0;
      for (let i = from; i < to; i++) {
        const cp = text.codePointAt(i) ?? 0;
        units += this.advance(cp, style.font);
        if (cp > 0xffff) i++;
      }
      parts.push(units);
      from = to;
    }
    const total = parts.reduce((a, b) => a + b, 0);
    const exact = this.width(text, style);
    return parts.map((p) => (total > 0 ? (p * exact) / total : 0));
  }

  /** Whether every character of `text` has a glyph in the serif face (to choose an ornament the font can draw). */
  covers(font: FontKey, text: string): boolean {
    const face = this.face(font);
    for (const char of text) if (!face.has(char.codePointAt(0) ?? 0)) return false;
    return true;
  }

  /** The parsed font, for pdfkit to embed and draw with: it shares this set's shaping (see `shareShaping`). */
  fontkitFont(face: FaceKey): object {
    return this.face(face).font;
  }

  /** Ascent as a fraction of the em. */
  ascent(font: FontKey): number {
    return this.face(font).ascent;
  }
}
