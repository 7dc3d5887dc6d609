/** The book's four serif faces, loaded once through the asset store and measured with real glyph advances and kerning. */
import type { AssetStore } from '../types';
import type { FontKey, TextStyle } from './layout/types';

/** A glyph position in font units, as fontkit gives it. */
interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** What fontkit's `layout` returns, as far as we and pdfkit read it. */
interface GlyphRun {
  glyphs: unknown[];
  positions: GlyphPosition[];
  readonly advanceWidth: number;
}

/** The part of a fontkit font that measuring needs (fontkit ships no type declarations). */
interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
  layout(text: string, features?: unknown): GlyphRun;
}

/**
 * A copy of a shaped run that pdfkit may scale in place (it multiplies every position by its font scale); the
 * advance width is summed from the positions, as fontkit's own GlyphRun does, so it follows that scaling.
 */
class CopiedRun implements GlyphRun {
  readonly positions: GlyphPosition[];
  constructor(
    readonly glyphs: unknown[],
    positions: readonly GlyphPosition[],
  ) {
    this.positions = positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset }));
  }

  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}

/**
 * Shapes each distinct string once per face, for measuring and drawing alike: the font's `layout` is replaced by one
 * that keeps the first result and hands out copies. pdfkit is given this same font object (its own layout cache is
 * turned off in draw.ts), so a word that layout measured is not shaped a second time when it is drawn.
 */
function shareShaping(font: FontkitFont): void {
  const shape = font.layout.bind(font);
  const runs = new Map<string, { glyphs: unknown[]; positions: GlyphPosition[] }>();
  font.layout = (text: string, features?: unknown): GlyphRun => {
    if (features !== undefined) return shape(text, features);
    let run = runs.get(text);
    if (!run) {
      const shaped = shape(text);
      run = { glyphs: shaped.glyphs, positions: shaped.positions };
      runs.set(text, run);
    }
    return new CopiedRun(run.glyphs, run.positions);
  };
}

// fontkit ships no type declarations; the interface above is the part we use.
const fontkit = require('fontkit') as { create(data: Buffer): FontkitFont };

export const FONT_KEYS: readonly FontKey[] = ['serif-regular', 'serif-italic', 'serif-bold', 'serif-bold-italic'];

/** A loaded face with a width cache: a novel repeats its few thousand distinct words many times. */
class Face {
  private readonly widths = new Map<string, number>();
  private readonly advances = new Map<number, number>();
  constructor(readonly font: FontkitFont) {
    shareShaping(font);
  }

  /** Advance width of `text` in font units per 1000 em, with the font's default shaping (kerning, ligatures). */
  units(text: string): number {
    let width = this.widths.get(text);
    if (width === undefined) {
      width = (this.font.layout(text).advanceWidth * 1000) / this.font.unitsPerEm;
      this.widths.set(text, width);
    }
    return width;
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

/** The four faces; `width` is the only way layout learns how wide text is. */
export class FontSet {
  private readonly faces: Record<FontKey, Face>;

  constructor(assets: AssetStore) {
    const load = (key: FontKey): Face => new Face(fontkit.create(assets.font(key)));
    this.faces = {
      'serif-regular': load('serif-regular'),
      'serif-italic': load('serif-italic'),
      'serif-bold': load('serif-bold'),
      'serif-bold-italic': load('serif-bold-italic'),
    };
  }

  /** Width in points of `text` set in `style`; pdfkit lays text out with the same fontkit shaping, so this is what it draws. */
  width(text: string, style: TextStyle): number {
    return (this.faces[style.font].units(text) * style.size) / 1000;
  }

  /**
   * Widths of `text` cut at UTF-16 offsets `cuts`: the exact shaped width shared out in proportion to unshaped
   * advances. Shaping every prefix of every hyphenatable word would double the measuring time of a novel, and the
   * lines actually chosen are measured exactly again when they are positioned.
   */
  splitWidths(text: string, cuts: readonly number[], style: TextStyle): number[] {
    const face = this.faces[style.font];
    const parts: number[] = [];
    let from = 0;
    for (const to of [...cuts, text.length]) {
      let units = 0;
      for (let i = from; i < to; i++) units += face.advance(text.charCodeAt(i));
      parts.push(units);
      from = to;
    }
    const total = parts.reduce((a, b) => a + b, 0);
    const exact = this.width(text, style);
    return parts.map((p) => (total > 0 ? (p * exact) / total : 0));
  }

  /** Whether every character of `text` has a glyph in the face (to choose an ornament the font can draw). */
  covers(font: FontKey, text: string): boolean {
    const face = this.faces[font];
    for (const char of text) if (!face.has(char.codePointAt(0) ?? 0)) return false;
    return true;
  }

  /** The parsed font, for pdfkit to embed and draw with: it shares this set's shaping (see `shareShaping`). */
  fontkitFont(font: FontKey): object {
    return this.faces[font].font;
  }

  /** Ascent as a fraction of the em. */
  ascent(font: FontKey): number {
    return this.faces[font].ascent;
  }
}
