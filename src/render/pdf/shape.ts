/**
 * Shaping a face's strings, each distinct string once, for measuring and drawing alike.
 *
 * fontkit's `layout` runs the OpenType shaping model on every call: script and feature selection, a shaping plan, each
 * GSUB and GPOS lookup walked over the string. A novel has some 40,000 distinct words, and for most of them nothing in
 * the font substitutes a glyph or adjusts one by context: only pair kerning applies. Such a string is set here from its
 * glyphs' advances plus the adjustment of each adjacent pair, worked out once per pair from the font's pair
 * positioning as fontkit applies it (lookups.ts), and only a string with a glyph that some lookup could act on goes
 * through fontkit's shaper. That is the shortcut HarfBuzz's and browsers' word caches rely on too; the conditions are:
 *
 * - every character is in a range of simple left-to-right scripts (Latin, Greek, Cyrillic, general punctuation) that
 *   fontkit shapes with its default shaper, and none is a default ignorable or a variation selector;
 * - no glyph is one a lookup of the features fontkit applies by default (ccmp, locl, liga, calt, mark, …, in the
 *   default language of Latin, Greek, Cyrillic and fontkit's fallback script) may start at, and no adjacent pair one
 *   that may start a ligature; a context that needs a glyph these strings never hold (a combining mark) never applies.
 *   lookups.ts reads this from the font. The fraction features apply only around U+2044, which is left out;
 * - except the ligatures of the one lookup that makes them from such glyphs (Source Serif's `liga`: ff, fi, fl, ffi,
 *   ffl, fj…), which the shortcut forms itself as fontkit does (`Ligatures` in lookups.ts), when neither the ligature
 *   glyph nor a pair it ends up in is one a lookup may act on;
 * - pair positioning is additive and looks only at adjacent glyphs when no glyph is skipped (no marks, and no lookup
 *   of those features skips base glyphs or ligatures): then each glyph's position is its advance plus the second
 *   value of the pair before it plus the first value of the pair after it, which is what fontkit computes.
 *
 * tests/render/pdf/shape.test.ts holds the shortcut to fontkit's own result, glyph for glyph and unit for unit, on every
 * distinct word of the corpus in every face quire ships.
 */

import { shortcutTables, type FontTables, type PairDelta, type ShortcutTables } from './lookups';

/** A glyph position in font units, as fontkit gives it. */
export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** What fontkit's `layout` returns, as far as we and pdfkit read it. */
export interface GlyphRun {
  glyphs: unknown[];
  positions: GlyphPosition[];
  readonly advanceWidth: number;
}

/** A fontkit glyph, as far as shaping (and text-object.ts) reads it. */
export interface Glyph {
  id: number;
  advanceWidth: number;
  /** The characters it stands for, which pdfkit writes into the PDF's text layer (ToUnicode). */
  codePoints: number[];
}

/** The part of a fontkit font that shaping needs. */
export interface ShapedFont extends FontTables {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): Glyph;
  /** fontkit's glyph object for an id (one per glyph, kept with the characters it was first made for). */
  getGlyph(id: number, codePoints?: number[]): Glyph;
  layout(text: string, features?: unknown, script?: string): GlyphRun;
  /** Set on an instance of a variable font (internal): its positions then take deltas. */
  _variationProcessor?: unknown;
}

/**
 * A shaped run as the cache keeps it: glyphs, and advances as plain numbers, with the rarer vertical advances and
 * offsets only where a glyph has one (position objects for every word of a novel in four faces were most of the
 * memory the PDF renderer kept).
 */
export interface Packed {
  glyphs: unknown[];
  /** Each glyph's advance in font units, as shaped (kerning included). */
  advances: number[];
  /** yAdvance, xOffset, yOffset per glyph, when any is not 0. */
  rest?: number[];
}

/** Each font's shaper, so that drawing can read the runs that measuring shaped (`Shaper.of`). */
const SHAPERS = new WeakMap<object, Shaper>();

function pack(glyphs: unknown[], positions: readonly GlyphPosition[]): Packed {
  const advances = positions.map((p) => p.xAdvance);
  const plain = positions.every((p) => p.yAdvance === 0 && p.xOffset === 0 && p.yOffset === 0);
  return plain ? { glyphs, advances } : { glyphs, advances, rest: positions.flatMap((p) => [p.yAdvance, p.xOffset, p.yOffset]) };
}

/**
 * A copy of a shaped run that pdfkit may scale in place (it multiplies every position by its font scale); the
 * advance width is summed from the positions, as fontkit's own GlyphRun does, so it follows that scaling.
 */
class CopiedRun implements GlyphRun {
  readonly glyphs: unknown[];
  readonly positions: GlyphPosition[];
  constructor({ glyphs, advances, rest }: Packed) {
    this.glyphs = glyphs;
    this.positions = advances.map((xAdvance, i) =>
      rest ? { xAdvance, yAdvance: rest[3 * i], xOffset: rest[3 * i + 1], yOffset: rest[3 * i + 2] } : { xAdvance, yAdvance: 0, xOffset: 0, yOffset: 0 },
    );
  }

  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}

/**
 * Distinct strings a face shapes with fontkit alone before it reads its lookups for the shortcut. Reading them costs
 * a few milliseconds a face, about what fontkit takes for a few dozen strings: a generated cover (five strings or so)
 * is shaped by fontkit alone, a book by the shortcut almost from its start. (At 256, Moby-Dick's faces sent some 550
 * strings to fontkit's shaper, about 150 ms.)
 */
const WARM_UP = 16;

/**
 * Strings a face keeps shaped (and fonts.ts measured). A face lives as long as the process, so a worker that builds
 * book after book starts its caches afresh past this many rather than growing without end.
 */
export const CACHE_LIMIT = 200_000;

/** The scripts the shortcut sets, by fontkit's OpenType tag; `zzzz` is fontkit's for a string of common characters. */
const SCRIPTS = ['zzzz', 'latn', 'grek', 'cyrl'] as const;
const COMMON = 0;
/** Per BMP code point: 0 not looked at, 1 outside the shortcut, else 2 + the index of its script in SCRIPTS. */
const OUTSIDE = 1;

/**
 * The characters the shortcut may set (inclusive ranges): simple left-to-right scripts and punctuation, without
 * controls, the soft hyphen and other default ignorables, combining marks, or the fraction slash (around which
 * fontkit's default shaper turns on its fraction features).
 */
const SIMPLE_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x2ff],
  [0x370, 0x377],
  [0x37a, 0x37f],
  [0x384, 0x38a],
  [0x38c, 0x38c],
  [0x38e, 0x3a1],
  [0x3a3, 0x482],
  [0x48a, 0x52f],
  [0x1e00, 0x1fff],
  [0x2010, 0x2027],
  [0x2030, 0x2043],
  [0x2045, 0x205e],
  [0x20a0, 0x20c0],
  [0x2100, 0x214f],
];

/** Features fontkit's default shaper turns on only around a fraction slash (U+2044, never in a shortcut string). */
const FRACTIONS = new Set(['frac', 'numr', 'dnom']);

/** A character's script, as an index into SCRIPTS (COMMON for common and inherited characters), or -1 for others. */
function scriptOf(char: string): number {
  if (/\p{Script=Latin}/u.test(char)) return 1;
  if (/\p{Script=Greek}/u.test(char)) return 2;
  if (/\p{Script=Cyrillic}/u.test(char)) return 3;
  return /[\p{Script=Common}\p{Script=Inherited}]/u.test(char) ? COMMON : -1;
}

/** `glyph` as it is, but standing for `codePoint` in the text layer (fontkit's object is shared; it is not changed). */
function standingFor(glyph: Glyph, codePoint: number): Glyph {
  return Object.create(glyph, { codePoints: { value: [codePoint] } }) as Glyph;
}

/**
 * One face's shaping: `layout` as fontkit's, with each distinct string shaped once and simple strings set by the
 * shortcut described above. pdfkit is given the same font object, so drawing shares the results.
 */
export class Shaper {
  private readonly runs = new Map<string, Packed>();
  private readonly chars = new Uint8Array(0x10000);
  private readonly glyphs: (Glyph | undefined)[] = [];
  /** A character that maps to each glyph the shortcut has met, to lay a pair of them out. */
  private readonly charOf = new Map<number, number>();
  /** What the shortcut may set in this font (lookups.ts), read once the face has shaped `WARM_UP` strings. */
  private analysis: ShortcutTables | undefined;
  private distinct = 0;
  /** Per script, each pair's adjustments by `left * 0x10000 + right` (a small integer for most fonts' glyph ids). */
  private readonly pairs = SCRIPTS.map(() => new Map<number, PairDelta>());
  private readonly shape: (text: string, features?: unknown, script?: string) => GlyphRun;

  constructor(private readonly font: ShapedFont) {
    this.shape = font.layout.bind(font);
    SHAPERS.set(font, this);
  }

  /** The shaper of a fontkit font, if it has one (fonts.ts gives every face it loads one). */
  static of(font: object): Shaper | undefined {
    return SHAPERS.get(font);
  }

  /** The font's lookups read for the shortcut: glyphs and pairs it leaves to fontkit, and whether it applies at all. */
  private get tables(): ShortcutTables {
    if (!this.analysis) {
      const features = new Set(Object.keys((this.shape('a') as unknown as { features: Record<string, boolean> }).features));
      for (const tag of FRACTIONS) features.delete(tag);
      this.analysis = shortcutTables(this.font, features, SCRIPTS, SIMPLE_RANGES);
    }
    return this.analysis;
  }

  /** fontkit's `layout`, cached and, for simple strings, shortcut; with features (small capitals) always fontkit's. */
  layout(text: string, features?: unknown): GlyphRun {
    if (features !== undefined) return this.shape(text, features);
    return new CopiedRun(this.packed(text));
  }

  /** `layout(text).advanceWidth`, summed the same way, without copying the run's positions. */
  advanceWidth(text: string): number {
    let width = 0;
    for (const advance of this.packed(text).advances) width += advance;
    return width;
  }

  /**
   * `text`'s run from the cache, shaped the first time: what `layout` copies, to be read and not changed (its glyphs
   * are fontkit's objects, with `id`, `advanceWidth` and `codePoints`).
   */
  packed(text: string): Readonly<Packed> {
    let run = this.runs.get(text);
    if (!run) {
      if (this.runs.size >= CACHE_LIMIT) this.runs.clear();
      const shaped = (++this.distinct > WARM_UP ? this.simple(text) : undefined) ?? this.shaped(text);
      run = pack(shaped.glyphs, shaped.positions);
      this.runs.set(text, run);
    }
    return run;
  }

  private shaped(text: string): { glyphs: unknown[]; positions: GlyphPosition[] } {
    const run = this.shape(text);
    const glyphs = (run.glyphs as Glyph[]).map((g) => (g.codePoints.length ? g : this.named(g, text)));
    return { glyphs, positions: run.positions };
  }

  /**
   * A glyph that has lost its characters, standing for the character of `text` that maps to it. fontkit keeps one
   * glyph object per glyph, with the characters it was first asked for; reading a composite glyph's outline (the
   * EPUB cover's `;`) asks for its components (`.` and `,`) with none, and pdfkit would then copy them as nothing.
   */
  private named(glyph: Glyph, text: string): Glyph {
    const candidates = this.font._cmapProcessor?.codePointsForGlyph(glyph.id) ?? [];
    const codePoint = candidates.find((cp) => text.includes(String.fromCodePoint(cp))) ?? candidates[0];
    return codePoint === undefined ? glyph : standingFor(glyph, codePoint);
  }

  /** The shortcut: `text` set from advances and pair adjustments, or undefined when it needs fontkit's shaper. */
  simple(text: string): { glyphs: Glyph[]; positions: GlyphPosition[] } | undefined {
    const { enabled, triggers } = this.tables;
    if (!enabled) return undefined;
    let glyphs: Glyph[] = [];
    let script = COMMON;
    let ligate = false;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let kind = this.chars[code];
      if (kind === 0) kind = this.chars[code] = this.classify(code);
      if (kind === OUTSIDE) return undefined;
      if (script === COMMON) script = kind - 2;
      const glyph = this.glyphs[code] as Glyph;
      if (i > 0 && triggers.startsLigature(glyphs[i - 1].id, glyph.id)) ligate = true;
      glyphs.push(glyph);
    }
    if (ligate) {
      const formed = this.ligate(glyphs, script, text);
      if (!formed) return undefined;
      glyphs = formed;
    }
    const positions: GlyphPosition[] = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    for (let i = 1; i < glyphs.length; i++) {
      const d = this.pair(script, glyphs[i - 1].id, glyphs[i].id);
      if (!d) continue;
      const a = positions[i - 1];
      const b = positions[i];
      a.xAdvance += d[0];
      a.yAdvance += d[1];
      a.xOffset += d[2];
      a.yOffset += d[3];
      b.xAdvance += d[4];
      b.yAdvance += d[5];
      b.xOffset += d[6];
      b.yOffset += d[7];
    }
    return { glyphs, positions };
  }

  /**
   * `glyphs` (one per character of `text`) with the script's ligatures formed ("office": o, ﬃ, c, e), as fontkit forms
   * them (lookups.ts); undefined when the font's ligatures are not the shortcut's, or when a ligature glyph, or a pair
   * left after forming them, is one that a lookup may act on.
   */
  private ligate(glyphs: readonly Glyph[], script: number, text: string): Glyph[] | undefined {
    const { triggers, ligatures } = this.tables;
    const formed = ligatures[script]?.apply(glyphs.map((g) => g.id));
    if (!formed) return undefined;
    const out: Glyph[] = [];
    let at = 0;
    for (const { id, length } of formed) {
      if (length === 1) out.push(glyphs[at]);
      else {
        if (triggers.glyphs[id] === 1) return undefined;
        // A ligature stands for the characters it replaced (fontkit's GlyphInfo), which pdfkit copies into the text layer.
        const codePoints = Array.from({ length }, (_, k) => text.charCodeAt(at + k));
        const glyph = this.font.getGlyph(id, codePoints);
        out.push(glyph.codePoints.length ? glyph : this.named(glyph, text));
      }
      at += length;
    }
    for (let i = 1; i < out.length; i++) if (triggers.startsLigature(out[i - 1].id, out[i].id)) return undefined;
    return out;
  }

  /** Whether the shortcut may set the BMP character `code`: 1 if not, else 2 + its script. */
  private classify(code: number): number {
    if (!SIMPLE_RANGES.some(([from, to]) => from <= code && code <= to)) return OUTSIDE;
    const script = scriptOf(String.fromCharCode(code));
    if (script < 0) return OUTSIDE;
    const glyph = this.font.glyphForCodePoint(code);
    const { reachable, triggers } = this.tables;
    if (!glyph || !reachable[glyph.id] || triggers.glyphs[glyph.id] === 1) return OUTSIDE;
    this.glyphs[code] = glyph.codePoints.length ? glyph : standingFor(glyph, code);
    if (!this.charOf.has(glyph.id)) this.charOf.set(glyph.id, code);
    return 2 + script;
  }

  /** The adjustments of the pair `left right` in `script`, from fontkit's own shaping of the two glyphs. */
  private pair(script: number, left: number, right: number): PairDelta {
    const pairs = this.pairs[script];
    const key = left * 0x10000 + right;
    let delta = pairs.get(key);
    if (delta === undefined) {
      // From the font's GPOS as fontkit applies it (lookups.ts); a font without GPOS (kerned by its `kern` table), or
      // an instance of a variable font, is asked to lay the pair out.
      delta = this.font.GPOS && !this.font._variationProcessor ? this.tables.pairs.delta(script, left, right) : this.measurePair(SCRIPTS[script], left, right);
      pairs.set(key, delta);
    }
    return delta;
  }

  private measurePair(script: string, left: number, right: number): PairDelta {
    const run = this.shape(String.fromCharCode(this.charOf.get(left) ?? 0, this.charOf.get(right) ?? 0), [], script);
    const [a, b] = run.positions;
    const [ga, gb] = run.glyphs as Glyph[];
    if (run.glyphs.length !== 2 || ga.id !== left || gb.id !== right) throw new Error(`internal error: shaping the pair ${left} ${right} changed its glyphs`);
    const d = [a.xAdvance - ga.advanceWidth, a.yAdvance, a.xOffset, a.yOffset, b.xAdvance - gb.advanceWidth, b.yAdvance, b.xOffset, b.yOffset] as const;
    return d.every((v) => v === 0) ? null : d;
  }
}
