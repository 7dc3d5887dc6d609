/**
 * Right-to-left text: a paragraph's base direction and the visual order of a line (the Unicode Bidirectional
 * Algorithm, UAX #9, from the `bidi-js` package: levels by rules P–I, reordering by rule L2 done here on line pieces).
 *
 * Lines are broken in logical order; only the pieces of each finished line are reordered. A paragraph with no
 * right-to-left character in a left-to-right book never comes here.
 */
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** Characters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms). */
const RTL_SCRIPT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** Whether `text` has a letter of a right-to-left script (a face's shaping orders such a run right to left itself). */
export function isRightToLeftScript(text: string): boolean {
  return RTL_SCRIPT.test(text);
}

/** The paragraph's base direction by its first strong character (rules P2–P3), or `fallback` if it has none. */
export function firstStrongDirection(text: string, fallback: 'ltr' | 'rtl'): 'ltr' | 'rtl' {
  for (const char of text) {
    const type = bidi.getBidiCharTypeName(char);
    if (type === 'L') return 'ltr';
    if (type === 'R' || type === 'AL') return 'rtl';
  }
  return fallback;
}

/** `text` read the other way: characters reversed and mirrored (`(` becomes `)`), marks kept after their base. */
export function mirrored(text: string): string {
  const clusters = text.match(/\P{M}\p{M}*|\p{M}+/gu) ?? [];
  return clusters
    .reverse()
    .map((c) => (bidi.getMirroredCharacter(c[0]) ?? c[0]) + c.slice(1))
    .join('');
}

/**
 * A run of text as it is drawn at its level: a neutral run (punctuation, digits' neighbours) at a right-to-left level
 * reads right to left, so it is mirrored; a right-to-left script's run is left as it is, for its face's shaping to order.
 */
export function drawnText(text: string, rtl: boolean): string {
  return rtl && !isRightToLeftScript(text) ? mirrored(text) : text;
}

/** A one-line string (a running head, a line of the cover) as line pieces: its words and the single spaces between them. */
export function linePieces(text: string): LinePiece[] {
  return text.split(/( )/).filter((piece) => piece !== '').map((piece) => ({ text: piece }));
}

/** A piece of a line in logical order: text, or the gap between two words. */
export interface LinePiece {
  /** The text, or a single space for a gap. */
  text: string;
}

/** A piece of text cut to one embedding level; `source` is the index of the piece it came from. */
export interface LevelledPiece {
  source: number;
  /** The part of the piece's text (the whole of it for a gap). */
  text: string;
  level: number;
}

/**
 * The pieces of a line, cut where their embedding level changes, in visual order from left to right. `base` is the
 * paragraph's direction; levels come from the whole line, so a comma after a Hebrew word goes with the word.
 */
export function visualPieces(pieces: readonly LinePiece[], base: 'ltr' | 'rtl'): LevelledPiece[] {
  const line = pieces.map((p) => p.text).join('');
  const { levels } = bidi.getEmbeddingLevels(line, base);
  const out: LevelledPiece[] = [];
  let offset = 0;
  pieces.forEach((piece, source) => {
    const { text } = piece;
    let start = 0;
    for (let i = 1; i <= text.length; i++) {
      if (i < text.length && (levels[offset + i] === levels[offset + start] || isLowSurrogate(text, i))) continue;
      out.push({ source, text: text.slice(start, i), level: levels[offset + start] });
      start = i;
    }
    offset += text.length;
  });
  return reorder(out);
}

function isLowSurrogate(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Rule L2: from the highest level down to the lowest odd one, reverse every run of pieces at that level or above. */
function reorder(pieces: LevelledPiece[]): LevelledPiece[] {
  const out = [...pieces];
  let highest = 0;
  let lowestOdd = Infinity;
  for (const p of out) {
    highest = Math.max(highest, p.level);
    if (p.level % 2 === 1) lowestOdd = Math.min(lowestOdd, p.level);
  }
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < out.length; i++) {
      if (out[i].level < level) continue;
      let j = i;
      while (j + 1 < out.length && out[j + 1].level >= level) j++;
      out.splice(i, j - i + 1, ...out.slice(i, j + 1).reverse());
      i = j;
    }
  }
  return out;
}
