/**
 * The generated cover's lettering, set by quire rather than by resvg: each line is shaped with fontkit in the faces the
 * PDF uses (`FontSet`: Source Serif 4, and per run of characters the fallback face for a script the serif lacks),
 * put in visual order by the bidi algorithm, and handed to the SVG as glyph outlines (`<path>`), so the pixels do not
 * depend on which fonts resvg can read (it reads no WOFF, and the Hebrew, Arabic and Greek fallbacks are WOFF) nor on
 * its font matching. Lines are measured with the same shaping that draws them.
 */
import { drawnText, firstStrongDirection, isRightToLeftScript, linePieces, visualPieces } from '../pdf/layout/bidi';
import type { FaceKey, FontSet, Segment } from '../pdf/fonts';
import type { FontKey } from '../pdf/layout/types';

/** The parts of fontkit's glyph and glyph run that drawing reads (fontkit ships no type declarations). */
interface PathCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  args: number[];
}
interface Glyph {
  path: { commands: PathCommand[] };
}
interface Position {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}
interface Shaped {
  glyphs: Glyph[];
  positions: Position[];
}
interface ShapingFont {
  unitsPerEm: number;
  layout(text: string): Shaped;
}

/** How a line is set: the serif face (fallback faces follow its weight), the size in pixels, extra space per glyph. */
export interface LineStyle {
  font: FontKey;
  size: number;
  letterSpacing?: number;
}

/** A line as outlines: SVG path data centred on x = 0 with its baseline at y = 0, and the width it was set in. */
export interface OutlinedLine {
  text: string;
  path: string;
  width: number;
}

/** Letters that join (Arabic and its relatives): no letter spacing inside them, or the joins would break. */
const JOINING = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}]/u;
/** Han and kana are written without spaces: a line may break before any of them (punctuation stays with the letter before it). */
const BREAK_BEFORE = /(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/u;

/** A number for path data: at most two decimals, no `-0`. */
function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** One shaped run placed on the line: where its origin is, in pixels, and its glyphs. */
interface Placed {
  x: number;
  font: ShapingFont;
  shaped: Shaped;
  scale: number;
  spacing: number;
}

export class CoverType {
  private readonly base: 'ltr' | 'rtl' | undefined;

  /** `direction` is the book's: a right-to-left book's lines are right to left; else each line's first letter says. */
  constructor(
    private readonly fonts: FontSet,
    direction: 'ltr' | 'rtl',
  ) {
    this.base = direction === 'rtl' ? 'rtl' : undefined;
  }

  /** The characters of `text` that no face has (they are left out of the cover). */
  missing(text: string): string[] {
    return this.fonts.missing(text);
  }

  /** Shapes one segment in its face; the face's shaping puts a right-to-left script's glyphs right to left. */
  private shape(segment: Segment, rtl: boolean): { font: ShapingFont; shaped: Shaped } | undefined {
    if (segment.face === undefined || segment.text.trim() === '') return undefined;
    const font = this.fonts.fontkitFont(segment.face as FaceKey) as ShapingFont;
    // As the PDF draws it: a neutral run (punctuation) at a right-to-left level is mirrored.
    return { font, shaped: font.layout(drawnText(segment.text, rtl)) };
  }

  /** The runs of one line in visual order, from x = 0, and the line's width. */
  private place(text: string, style: LineStyle): { runs: Placed[]; width: number } {
    const base = this.base ?? firstStrongDirection(text, 'ltr');
    const plain = base === 'ltr' && !isRightToLeftScript(text);
    const pieces = linePieces(text).map((piece) => ({ ...piece, level: 0 }));
    const visual = plain ? pieces : visualPieces(pieces, base);
    const runs: Placed[] = [];
    let x = 0;
    for (const piece of visual) {
      const rtl = piece.level % 2 === 1;
      const segments = this.fonts.segments(piece.text, style.font);
      for (const segment of rtl ? [...segments].reverse() : segments) {
        if (segment.face === undefined) continue;
        const spacing = JOINING.test(segment.text) ? 0 : (style.letterSpacing ?? 0);
        const shaped = this.shape(segment, rtl);
        if (!shaped) {
          // A space: as wide as the face that would draw it says.
          x += this.fonts.segmentWidth(segment, style.size) + spacing * [...segment.text].length;
          continue;
        }
        const scale = style.size / shaped.font.unitsPerEm;
        runs.push({ x, font: shaped.font, shaped: shaped.shaped, scale, spacing });
        // Spacing follows letters, not the marks set on them (they advance by nothing).
        for (const p of shaped.shaped.positions) x += p.xAdvance * scale + (p.xAdvance ? spacing : 0);
      }
    }
    return { runs, width: x };
  }

  /** The width in pixels of `text` set as one line. */
  width(text: string, style: LineStyle): number {
    return this.place(text, style).width;
  }

  /**
   * Wraps `text` into lines no wider than `width`, breaking at spaces and between Han and kana characters; a word
   * longer than a line stands alone (and `outline` narrows it to fit).
   */
  wrap(text: string, style: LineStyle, width: number): string[] {
    const units: { text: string; space: boolean }[] = [];
    for (const word of text.split(/\s+/).filter(Boolean)) {
      let space = true;
      for (const part of word.split(BREAK_BEFORE)) {
        units.push({ text: part, space });
        space = false;
      }
    }
    const lines: string[] = [];
    for (const unit of units) {
      const last = lines[lines.length - 1];
      const joined = last === undefined ? unit.text : `${last}${unit.space ? ' ' : ''}${unit.text}`;
      if (last !== undefined && this.width(joined, style) <= width) lines[lines.length - 1] = joined;
      else lines.push(unit.text);
    }
    return lines;
  }

  /** The largest size from `sizes` at which `text` wraps into at most `maxLines` lines, with those lines. */
  fit(text: string, style: Omit<LineStyle, 'size'>, sizes: readonly number[], maxLines: number, width: number): { size: number; lines: string[] } {
    for (const size of sizes) {
      const lines = this.wrap(text, { ...style, size }, width);
      if (lines.length <= maxLines) return { size, lines };
    }
    const size = sizes[sizes.length - 1];
    return { size, lines: this.wrap(text, { ...style, size }, width) };
  }

  /** `text` as one line of outlines, centred on x = 0; a line wider than `maxWidth` is narrowed to fit. */
  outline(text: string, style: LineStyle, maxWidth = Infinity): OutlinedLine {
    const { runs, width } = this.place(text, style);
    const squeeze = width > maxWidth ? maxWidth / width : 1;
    const left = -(width * squeeze) / 2;
    const parts: string[] = [];
    for (const run of runs) {
      let x = run.x;
      run.shaped.glyphs.forEach((glyph, i) => {
        const p = run.shaped.positions[i];
        const ox = x + p.xOffset * run.scale;
        const oy = -p.yOffset * run.scale;
        const X = (v: number) => num(left + (ox + v * run.scale) * squeeze);
        const Y = (v: number) => num(oy - v * run.scale);
        for (const { command, args: a } of glyph.path.commands) {
          if (command === 'moveTo') parts.push(`M${X(a[0])} ${Y(a[1])}`);
          else if (command === 'lineTo') parts.push(`L${X(a[0])} ${Y(a[1])}`);
          else if (command === 'quadraticCurveTo') parts.push(`Q${X(a[0])} ${Y(a[1])} ${X(a[2])} ${Y(a[3])}`);
          else if (command === 'bezierCurveTo') parts.push(`C${X(a[0])} ${Y(a[1])} ${X(a[2])} ${Y(a[3])} ${X(a[4])} ${Y(a[5])}`);
          else if (command === 'closePath') parts.push('Z');
        }
        x += p.xAdvance * run.scale + (p.xAdvance ? run.spacing : 0);
      });
    }
    return { text, path: parts.join(''), width: width * squeeze };
  }
}
