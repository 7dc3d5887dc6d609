/** Step two of inline layout: words → Knuth–Plass boxes, glue and penalties, with hyphenation points. */
import type { FontSet } from '../fonts';
import type { Piece, Word } from './collect';
import type { Hyphenator } from './hyphenate';
import { FILL, INFINITY_PENALTY, type Item } from './linebreak';

/** TeX's `\hyphenpenalty` and `\exhyphenpenalty`. */
const HYPHEN_PENALTY = 50;
const EXPLICIT_HYPHEN_PENALTY = 50;
/** A break that carries two letters over ("Pávlov-na") costs more, so it is taken only to spare a very loose line. */
const LAST_RESORT_PENALTY = 500;

/** Interword stretch and shrink as fractions of the word space. */
const STRETCH = 0.4;
const SHRINK = 0.4;

/** How the gaps of a paragraph behave. */
export interface ItemOptions {
  /** Justified text has stretchy spaces; ragged text uses TeX's ragged-right glue so KP balances the line ends. */
  justify: boolean;
  hyphenate?: Hyphenator;
  /** The word space as a multiple of the font's space character. */
  wordSpace: number;
}

/** Builds the items of a paragraph; every box's data is the piece of text it draws. */
export function buildItems(words: readonly Word[], fonts: FontSet, options: ItemOptions): Item<Piece>[] {
  const items: Item<Piece>[] = [];
  // The space of the last size asked for: a paragraph's gaps are nearly all in one size.
  let spaceSize = NaN;
  let spaceWidth = 0;
  // Gaps of one size and space factor are one glue item, shared (the breaker and positioning only read items).
  let glues = new Map<number, Item<Piece>>();
  words.forEach((word, index) => {
    for (const piece of word.pieces) pushPiece(items, piece, fonts, options.hyphenate);
    const gap = word.gap;
    if (!gap) return;
    if (gap.kind === 'break') {
      pushForcedBreak(items);
      return;
    }
    // One space width for the whole paragraph, whatever the face: an italic space is narrower than a roman one,
    // and a justified line must show equal gaps.
    if (gap.style.size !== spaceSize) {
      spaceSize = gap.style.size;
      spaceWidth = fonts.width(' ', { font: 'serif-regular', size: spaceSize });
      glues = new Map();
    }
    const space = spaceWidth * options.wordSpace;
    // An ellipsis stays with the word before it ("Kuzmích …"): a line never starts with one (as ~\dots in TeX).
    const bound = gap.kind === 'nbsp' || startsWithEllipsis(words[index + 1]);
    if (bound) items.push(penalty(0, INFINITY_PENALTY, false));
    if (options.justify || bound) {
      // Stretch and shrink 0.4 of the space, with TeX's space factor: a gap after a sentence or clause stretches
      // more, so it takes up slack before the gaps inside a phrase widen; the natural width stays one space
      // (\frenchspacing widths). Stretch below TeX's ½ makes the breaker see a gap of 1.4 spaces as a badness
      // of 100, so it avoids them; shrink to 0.6 of a space keeps the gaps readable.
      const factor = spaceFactor(lastText(word));
      let glue = glues.get(factor);
      if (!glue) glues.set(factor, (glue = { kind: 'glue', width: space, stretch: space * STRETCH * factor, shrink: (space * SHRINK) / factor }));
      items.push(glue);
    } else {
      // Ragged right (TeX's \raggedright): stretch that exists only where a line ends.
      const ragged = space * 12;
      items.push({ kind: 'glue', width: 0, stretch: ragged, shrink: 0 });
      items.push(penalty(0, 0, false));
      items.push({ kind: 'glue', width: space, stretch: -ragged, shrink: space / 3 });
    }
  });
  // The last line: no break before the fill glue, then the forced end (TeX's \parfillskip).
  pushForcedBreak(items);
  return items;
}

/** A forced line end (a line break, a paragraph's end): no break before the fill glue, then the break. */
function pushForcedBreak(items: Item<Piece>[]): void {
  items.push(penalty(0, INFINITY_PENALTY, false));
  items.push({ kind: 'glue', width: 0, stretch: FILL, shrink: 0 });
  items.push(penalty(0, -INFINITY_PENALTY, false));
}

/** A penalty item, always with the same fields (one object shape for the breaker to read). */
function penalty(width: number, cost: number, flagged: boolean, hyphen = false, lastResort = false): Item<Piece> {
  return { kind: 'penalty', width, penalty: cost, flagged, hyphen, lastResort };
}

/** Whether a word starts with an ellipsis (…, or three full stops). */
function startsWithEllipsis(word: Word | undefined): boolean {
  const text = word?.pieces[0]?.text ?? '';
  return text.startsWith('\u2026') || text.startsWith('...');
}

/** TeX's space factors (plain TeX's \sfcode), for the character that ends a word: 3 after a sentence, 2 after a colon. */
export function spaceFactor(text: string): number {
  // The last character before any closing quotes and brackets.
  let at = text.length - 1;
  while (at >= 0 && CLOSING.includes(text[at])) at--;
  const end = at >= 0 ? text[at] : '';
  if (end === '' || !'.!?:;,'.includes(end)) return 1;
  // A single capital before a period is an initial ("J. Smith"), not a sentence end (plain TeX's \sfcode 999).
  if (end === '.' && /(^|[^\p{L}])\p{Lu}\.$/u.test(text)) return 1;
  return end === ',' ? 1.25 : end === ';' ? 1.5 : end === ':' ? 2 : 3;
}

/** What may follow a sentence's end and still leave it one: closing quotes and brackets. */
const CLOSING = '\u2019\u201d"\')]';

function lastText(word: Word): string {
  return word.pieces[word.pieces.length - 1]?.text ?? '';
}

/** A piece as boxes split at hyphenation points and after explicit hyphens and dashes. */
function pushPiece(items: Item<Piece>[], piece: Piece, fonts: FontSet, hyphenate?: Hyphenator): void {
  // Most pieces of a paragraph's first try (see setParagraph) are one box: no dash, no hyphenation, no CJK.
  if (!hyphenate && !DASH.test(piece.text) && !IDEOGRAPHIC.test(piece.text)) {
    pushBox(items, piece, fonts);
    return;
  }
  const cuts: { at: number; hyphen: boolean; lastResort?: boolean; ideographic?: boolean }[] = [];
  // A break after a hyphen between letters, or after a dash before a word, needs no added hyphen (TeX's
  // \exhyphenpenalty). Dashes count after punctuation too: "There!–there!–there" must be breakable somewhere.
  const explicit = /(?:[\p{L}\p{N}][-\u2010/]|[\p{L}\p{N}\p{P}][\u2013\u2014])(?=[\p{L}\u2018\u201c"'])/gu;
  for (let m = explicit.exec(piece.text); m; m = explicit.exec(piece.text)) cuts.push({ at: m.index + m[0].length, hyphen: false });
  if (hyphenate && !piece.style.rise) {
    // Each part of a compound is hyphenated on its own ("whale-ship" → "whale-" and "ship").
    const bounds = [0, ...cuts.map((c) => c.at), piece.text.length];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const part = piece.text.slice(bounds[k], bounds[k + 1]);
      // Hebrew and Arabic are not hyphenated (and an Arabic word cut in two would lose its joins); CJK breaks below.
      if (UNHYPHENATED.test(part)) continue;
      for (const at of hyphenate(part)) cuts.push({ at: bounds[k] + at, hyphen: true });
      for (const at of hyphenate.lastResort(part)) cuts.push({ at: bounds[k] + at, hyphen: true, lastResort: true });
    }
  }
  const ideographic = IDEOGRAPHIC.test(piece.text) ? ideographicBreaks(piece.text) : [];
  for (const at of ideographic) if (!cuts.some((c) => c.at === at)) cuts.push({ at, hyphen: false, ideographic: true });
  if (cuts.length === 0) {
    pushBox(items, piece, fonts);
    return;
  }
  cuts.sort((a, b) => a.at - b.at);

  const hyphenWidth = fonts.width('-', piece.style);
  const widths = fonts.splitWidths(piece.text, cuts.map((c) => c.at), piece.style);
  let start = 0;
  cuts.forEach((cut, i) => {
    items.push({ kind: 'box', width: widths[i], data: { text: piece.text.slice(start, cut.at), style: piece.style, serif: undefined } });
    items.push(
      cut.ideographic
        ? { kind: 'glue', width: 0, stretch: piece.style.size * IDEOGRAPHIC_STRETCH, shrink: 0 }
        : cut.lastResort
        ? penalty(hyphenWidth, LAST_RESORT_PENALTY, true, true, true)
        : cut.hyphen
        ? penalty(hyphenWidth, HYPHEN_PENALTY, true, true)
        : penalty(0, EXPLICIT_HYPHEN_PENALTY, true),
    );
    start = cut.at;
  });
  items.push({ kind: 'box', width: widths[cuts.length], data: { text: piece.text.slice(start), style: piece.style, serif: undefined } });
}

/**
 * A piece as one box, with its string's record (see `Piece.serif`), which a hyphenated paragraph's second try takes
 * from its first: most of its words are not cut.
 */
function pushBox(items: Item<Piece>[], piece: Piece, fonts: FontSet): void {
  const serif = (piece.serif ??= fonts.serifText(piece.text, piece.style));
  items.push({ kind: 'box', width: fonts.width(piece.text, piece.style, serif), data: piece });
}

/** The characters after which `explicit` in `pushPiece` may allow a break. */
const DASH = /[-\u2010/\u2013\u2014]/;

/** Letters of scripts that are not hyphenated: Hebrew, Arabic, and the CJK scripts (which break between characters). */
const UNHYPHENATED = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Characters a line may break before or after without a space (UAX #14's ideographic class, roughly). */
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;
/** Kinsoku shori (JIS X 4051): characters that never start a line (closing marks, small kana, the long-vowel mark). */
const NO_LINE_START = /[\u3001\u3002\uff0c\uff0e\u30fb\uff1a\uff1b\uff1f\uff01\uff09\u300d\u300f\u3011\u3015\u3009\u300b\u3019\u3017\uff5d\uff3d\u30fc\u309b\u309c\u30fd\u30fe\u309d\u309e\u3005\u303b\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308e\u3095\u3096\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7\u30ee\u30f5\u30f6.,!?:;)\]}\u2019\u201d\u2026\u2025]/u;
/** …and characters that never end one (opening brackets and quotes). */
const NO_LINE_END = /[\uff08\u300c\u300e\u3010\u3014\u3008\u300a\u3018\u3016\uff5b\uff3b(\[{\u2018\u201c]/u;
/** Stretch between CJK characters, as a fraction of the type size (xeCJK's default inter-character glue). */
const IDEOGRAPHIC_STRETCH = 0.1;

/** UTF-16 offsets inside `text` where a line may break between two characters, one of them ideographic. */
function ideographicBreaks(text: string): number[] {
  const chars = [...text];
  const out: number[] = [];
  let at = 0;
  for (let i = 0; i + 1 < chars.length; i++) {
    at += chars[i].length;
    const [before, after] = [chars[i], chars[i + 1]];
    if (!IDEOGRAPHIC.test(before) && !IDEOGRAPHIC.test(after)) continue;
    if (NO_LINE_END.test(before) || NO_LINE_START.test(after) || /\p{M}/u.test(after)) continue;
    out.push(at);
  }
  return out;
}
