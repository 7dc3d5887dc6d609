/** Step two of inline layout: words → Knuth–Plass boxes, glue and penalties, with hyphenation points. */
import type { FontSet } from '../fonts';
import type { Piece, Word } from './collect';
import type { Hyphenator } from './hyphenate';
import { FILL, INFINITY_PENALTY, type Item } from './linebreak';

/** TeX's `\hyphenpenalty` and `\exhyphenpenalty`. */
const HYPHEN_PENALTY = 50;
const EXPLICIT_HYPHEN_PENALTY = 50;

/** How the gaps of a paragraph behave. */
export interface ItemOptions {
  /** Justified text has stretchy spaces; ragged text uses TeX's ragged-right glue so KP balances the line ends. */
  justify: boolean;
  hyphenate?: Hyphenator;
}

/** Builds the items of a paragraph; every box's data is the piece of text it draws. */
export function buildItems(words: readonly Word[], fonts: FontSet, options: ItemOptions): Item<Piece>[] {
  const items: Item<Piece>[] = [];
  for (const word of words) {
    for (const piece of word.pieces) pushPiece(items, piece, fonts, options.hyphenate);
    const gap = word.gap;
    if (!gap) continue;
    if (gap.kind === 'break') {
      items.push({ kind: 'penalty', width: 0, penalty: INFINITY_PENALTY, flagged: false });
      items.push({ kind: 'glue', width: 0, stretch: FILL, shrink: 0 });
      items.push({ kind: 'penalty', width: 0, penalty: -INFINITY_PENALTY, flagged: false });
      continue;
    }
    // One space width for the whole paragraph, whatever the face: an italic space is narrower than a roman one,
    // and a justified line must show equal gaps.
    const space = fonts.width(' ', { font: 'serif-regular', size: gap.style.size });
    if (gap.kind === 'nbsp') items.push({ kind: 'penalty', width: 0, penalty: INFINITY_PENALTY, flagged: false });
    if (options.justify || gap.kind === 'nbsp') {
      // Stretch ½ and shrink ⅓ of the space: Computer Modern's proportions, which TeX's tolerances assume.
      items.push({ kind: 'glue', width: space, stretch: space / 2, shrink: space / 3 });
    } else {
      // Ragged right (TeX's \raggedright): stretch that exists only where a line ends.
      const ragged = space * 12;
      items.push({ kind: 'glue', width: 0, stretch: ragged, shrink: 0 });
      items.push({ kind: 'penalty', width: 0, penalty: 0, flagged: false });
      items.push({ kind: 'glue', width: space, stretch: -ragged, shrink: space / 3 });
    }
  }
  // The last line: no break before the fill glue, then the forced end (TeX's \parfillskip).
  items.push({ kind: 'penalty', width: 0, penalty: INFINITY_PENALTY, flagged: false });
  items.push({ kind: 'glue', width: 0, stretch: FILL, shrink: 0 });
  items.push({ kind: 'penalty', width: 0, penalty: -INFINITY_PENALTY, flagged: false });
  return items;
}

/** A piece as boxes split at hyphenation points and after explicit hyphens and dashes. */
function pushPiece(items: Item<Piece>[], piece: Piece, fonts: FontSet, hyphenate?: Hyphenator): void {
  const cuts: { at: number; hyphen: boolean }[] = [];
  if (hyphenate && !/[-\u2010\u2013\u2014/]/.test(piece.text) && !piece.style.rise) {
    for (const at of hyphenate(piece.text)) cuts.push({ at, hyphen: true });
  }
  // A break after a hyphen or dash between letters needs no added hyphen (TeX's \exhyphenpenalty).
  const explicit = /[\p{L}\p{N}][-\u2010\u2013\u2014/](?=\p{L})/gu;
  for (let m = explicit.exec(piece.text); m; m = explicit.exec(piece.text)) cuts.push({ at: m.index + 2, hyphen: false });
  cuts.sort((a, b) => a.at - b.at);

  const hyphenWidth = fonts.width('-', piece.style);
  const widths = fonts.splitWidths(piece.text, cuts.map((c) => c.at), piece.style);
  let start = 0;
  cuts.forEach((cut, i) => {
    items.push({ kind: 'box', width: widths[i], data: { text: piece.text.slice(start, cut.at), style: piece.style } });
    items.push(
      cut.hyphen
        ? { kind: 'penalty', width: hyphenWidth, penalty: HYPHEN_PENALTY, flagged: true, hyphen: true }
        : { kind: 'penalty', width: 0, penalty: EXPLICIT_HYPHEN_PENALTY, flagged: true },
    );
    start = cut.at;
  });
  items.push({ kind: 'box', width: widths[cuts.length], data: { text: piece.text.slice(start), style: piece.style } });
}
