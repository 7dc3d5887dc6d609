/** Step three of inline layout: break a paragraph into lines and position every piece of text on them. */
import type { FontSet } from '../fonts';
import { sameStyle, type Piece, type Word } from './collect';
import type { Hyphenator } from './hyphenate';
import { firstStrongDirection, isRightToLeftScript, visualPieces } from './bidi';
import { buildItems } from './items';
import { breakLines, breakWithoutHyphens, FILL, TEX_DEFAULTS, type Item } from './linebreak';
import type { DrawOp, FlowBox, SerifText, TextStyle } from './types';

/** The shape of a paragraph. All lengths in points. */
export interface ParagraphSpec {
  /** Width of the text block available to the paragraph. */
  width: number;
  /** Left offset of every line. */
  indent?: number;
  /** Extra left offset of the first line (paragraph indent). */
  firstIndent?: number;
  /** Extra left offset of every line after the first (hanging indent for verse and lists). */
  hang?: number;
  align: 'justify' | 'left' | 'center' | 'right';
  /** Baseline-to-baseline distance. */
  leading: number;
  hyphenate?: Hyphenator;
  /**
   * The word space as a multiple of the font's space (1 by default). Source Serif's space is narrow (0.23 em); body
   * text widens it towards Computer Modern's third of an em, which gives a justified line more room to stretch.
   */
  wordSpace?: number;
  /** TeX's `\looseness`: set the paragraph this many lines longer (or shorter, if negative) when it can be. */
  looseness?: number;
}

/**
 * How far a justified line's glyphs may be widened or narrowed (pdfTeX's font expansion, as microtype sets it): 2%
 * is below what a reader notices, and it takes part of a loose line's slack off its word gaps.
 */
export const EXPANSION = 0.02;

/**
 * What a line holds before positioning: text chunks and the glue between them. `rtl` marks text at a right-to-left
 * embedding level (see bidi.ts).
 */
type Slot = { kind: 'text'; piece: Piece; rtl?: boolean } | { kind: 'glue'; width: number; stretch: number; shrink: number };

/** Lays out a paragraph into line boxes of height `spec.leading`. */
export function setParagraph(words: readonly Word[], spec: ParagraphSpec, fonts: FontSet): FlowBox[] {
  if (words.length === 0) return [];
  const justify = spec.align === 'justify';
  const expansion = justify ? EXPANSION : 0;
  const first = spec.firstIndent ?? 0;
  const hang = spec.hang ?? 0;
  const widths = [spec.width - (spec.indent ?? 0) - first, spec.width - (spec.indent ?? 0) - hang];
  const options = {
    ...TEX_DEFAULTS,
    pretolerance: spec.hyphenate ? TEX_DEFAULTS.pretolerance : -1,
    // A ladder of tolerances: most paragraphs are set with every gap under 1.5 spaces (badness 100), and a hard one
    // gets the least tolerance that admits it, instead of jumping straight to TeX's emergency stretch.
    tolerances: [100, 200, 400, 1000],
    maxHyphenRun: 2,
    widths,
    looseness: spec.looseness,
    expansion,
  };
  // TeX's first pass, on words not yet hyphenated: about three paragraphs in four set without hyphenation, and their
  // words are never looked up in the patterns. Only a paragraph that fails it is hyphenated for the other passes.
  let items = buildItems(words, fonts, { justify, wordSpace: spec.wordSpace ?? 1 });
  let breaks = breakWithoutHyphens(items, options);
  if (!breaks) {
    if (spec.hyphenate) items = buildItems(words, fonts, { justify, hyphenate: spec.hyphenate, wordSpace: spec.wordSpace ?? 1 });
    breaks = breakLines(items, { ...options, pretolerance: -1 });
  }
  const direction = paragraphDirection(words, fonts.rightToLeft);
  const boxes: FlowBox[] = [];
  let start = 0;
  breaks.forEach((brk, line) => {
    const slots = lineSlots(items, start, brk.position);
    const x0 = (spec.indent ?? 0) + (line === 0 ? first : hang);
    const width = widths[Math.min(line, 1)];
    if (!direction) boxes.push(positionLine(slots, width, x0, spec, fonts, expansion));
    else {
      const box = positionLine(bidiSlots(slots, direction), width, x0, spec, fonts, expansion);
      // A right-to-left book is mirrored whole, insets and all, once it is laid out (mirror.ts).
      boxes.push(direction === 'rtl' && !fonts.rightToLeft ? mirrorLine(box, spec) : box);
    }
    start = brk.position + 1;
  });
  return boxes;
}

/**
 * The paragraph's base direction when it needs the bidirectional algorithm (a right-to-left book, or a right-to-left
 * character anywhere in it); undefined for the plain left-to-right case, which is laid out without it.
 */
function paragraphDirection(words: readonly Word[], rightToLeftBook: boolean): 'ltr' | 'rtl' | undefined {
  if (rightToLeftBook) return 'rtl';
  // Every paragraph of a left-to-right book passes here: look at the pieces before building the paragraph's text.
  if (!words.some((w) => w.pieces.some((p) => isRightToLeftScript(p.text)))) return undefined;
  return firstStrongDirection(words.map((w) => w.pieces.map((p) => p.text).join('')).join(' '), 'ltr');
}

/**
 * A line's slots in the order they are positioned: cut where the embedding level changes and put in visual order
 * (left to right), then, in a right-to-left paragraph, reversed, so that positioning from the line's start and
 * mirroring (`mirrorLine`, or the whole book's mirror in mirror.ts) puts the first word at the right margin and the
 * indent and the short last line on the right.
 */
function bidiSlots(slots: readonly Slot[], direction: 'ltr' | 'rtl'): Slot[] {
  const pieces = slots.map((s) => ({ text: s.kind === 'text' ? s.piece.text : ' ' }));
  const visual = visualPieces(pieces, direction).map(({ source, text, level }): Slot => {
    const slot = slots[source];
    if (slot.kind === 'glue') return slot;
    return level % 2 === 1 ? { kind: 'text', piece: { ...slot.piece, text, serif: undefined }, rtl: true } : { kind: 'text', piece: { ...slot.piece, text, serif: undefined } };
  });
  return direction === 'rtl' ? visual.reverse() : visual;
}

/**
 * A right-to-left paragraph's line in a left-to-right book, positioned from the left (see `bidiSlots`), mirrored
 * within the paragraph's own block, whose insets stay where the book's direction puts them.
 */
function mirrorLine(box: FlowBox, spec: ParagraphSpec): FlowBox {
  const axis = (spec.indent ?? 0) + spec.width;
  const ops = box.ops.map((op) => (op.type === 'text' ? { ...op, x: axis - op.x - op.width } : op));
  return { ...box, ops };
}

/** The slots of the line between two breaks, dropping discardable items at its start and adding a hyphen at its end. */
function lineSlots(items: readonly Item<Piece>[], from: number, to: number): Slot[] {
  const slots: Slot[] = [];
  let i = from;
  while (i < to && items[i].kind !== 'box') i++;
  for (; i < to; i++) {
    const item = items[i];
    if (item.kind === 'box') {
      const last = slots[slots.length - 1];
      // Adjacent fragments in the same style are drawn as one string, so kerning across a hyphenation point survives.
      if (last?.kind === 'text' && sameStyle(last.piece.style, item.data.style)) last.piece = { ...last.piece, text: last.piece.text + item.data.text, serif: undefined };
      else slots.push({ kind: 'text', piece: item.data });
    } else if (item.kind === 'glue') slots.push(item);
  }
  const end = items[to];
  if (end.kind === 'penalty' && end.width > 0) {
    const last = slots[slots.length - 1];
    if (last?.kind === 'text') last.piece = { ...last.piece, text: `${last.piece.text}-`, serif: undefined };
  }
  return slots;
}

/**
 * Places a line's chunks: measured exactly, with the slack shared by the glue in proportion to its stretch or shrink
 * and, on a justified line, by the glyphs (up to `expansion` of their width, drawn horizontally scaled).
 */
function positionLine(slots: Slot[], width: number, x0: number, spec: ParagraphSpec, fonts: FontSet, expansion: number): FlowBox {
  // Each slot's record and width, in arrays kept from line to line (only their first `slots.length` are read).
  const serif = SERIF;
  serif.length = slots.length;
  if (MEASURED.length < slots.length) MEASURED = new Float64Array(Math.max(slots.length, 2 * MEASURED.length));
  const measured = MEASURED;
  // The natural width, the text's share of it, the glue's stretch and shrink (in slot order, as sums go).
  let natural = 0;
  let text = 0;
  let stretch = 0;
  let shrink = 0;
  let fill = false;
  // Combining marks are positioned inside the text by pdfkit, which does not scale them with the glyphs.
  let marks = false;
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i];
    let w: number;
    if (s.kind === 'glue') {
      w = s.width;
      if (s.stretch >= FILL) fill = true;
      else if (s.stretch > 0) stretch += s.stretch;
      shrink += s.shrink;
    } else {
      const known = s.piece.serif ?? fonts.knownSerif(s.piece.text, s.piece.style);
      serif[i] = known;
      w = fonts.width(s.piece.text, s.piece.style, known);
      text += w;
      if (!marks && expansion > 0 && MARK.test(s.piece.text)) marks = true;
    }
    measured[i] = w;
    natural += w;
  }
  const slack = width - natural;
  // The glyphs' share: the same ratio as the glue's, up to their limit (TeX lets glue, not fonts, go past its
  // stretch). Not on a paragraph's last line, and not where combining marks are positioned inside the text.
  let scale = 1;
  const expand = expansion > 0 && !fill && text > 0 && !marks;
  if (expand && slack > 0) scale = 1 + expansion * Math.min(1, slack / (stretch + expansion * text));
  else if (expand && slack < 0) scale = 1 + expansion * Math.max(-1, slack / (shrink + expansion * text));
  const glueSlack = slack - (scale - 1) * text;
  // Justified lines fill the measure; the last line (fill glue) and ragged lines keep natural spacing unless too long.
  const stretches = spec.align === 'justify' && !fill && stretch !== 0;
  const adjust = (s: Slot & { kind: 'glue' }): number => {
    if (glueSlack < 0) return shrink > 0 ? (glueSlack * s.shrink) / shrink : 0;
    if (!stretches) return 0;
    return s.stretch > 0 ? (glueSlack * s.stretch) / stretch : 0;
  };
  let x = x0;
  if (spec.align === 'center' || spec.align === 'right') {
    let used = natural + (scale - 1) * text;
    for (const s of slots) if (s.kind === 'glue') used += adjust(s);
    x += spec.align === 'center' ? Math.max(0, width - used) / 2 : Math.max(0, width - used);
  }
  const baseline = baselineOf(spec.leading, slots);
  const ops: DrawOp[] = [];
  let notes: number[] | undefined;
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i];
    if (s.kind === 'glue') {
      x += s.width + adjust(s);
      continue;
    }
    ops.push(textOp(s.piece.text, s.piece.style, x, baseline, measured[i] * scale, scale !== 1 ? scale : undefined, s.rtl, serif[i]));
    x += measured[i] * scale;
    if (s.piece.style.note !== undefined) (notes ??= []).push(s.piece.style.note);
  }
  return notes ? { height: spec.leading, ops, noteNumbers: notes } : { height: spec.leading, ops };
}

/** `positionLine`'s records of a line's slots. */
const SERIF: (SerifText | undefined)[] = [];
/**
 * `positionLine`'s widths of a line's slots. (A typed array: a plain one changes its element kind with the first
 * whole-number width, and the compiled code that read the other kind is thrown away.)
 */
let MEASURED = new Float64Array(64);

/** A combining mark (see `positionLine`). */
const MARK = /\p{M}/u;

/** Where the baseline sits in a line box: the x-height centred between the leading's halves. */
export function baselineOf(leading: number, slots: readonly Slot[] = []): number {
  const size = slots.reduce((m, s) => (s.kind === 'text' && !s.piece.style.rise ? Math.max(m, s.piece.style.size) : m), 0) || leading / 1.35;
  return (leading + size * 0.7) / 2;
}

/**
 * A text drawing op (raised for superscripts). Every text op is made by this one literal with every field (absent
 * ones undefined): one object shape for the code that reads them, where properties added afterwards made several.
 */
export function textOp(text: string, style: TextStyle, x: number, baseline: number, width: number, scale?: number, rtl?: boolean, serif?: SerifText): DrawOp {
  return { type: 'text', text, style, x, baseline: baseline - (style.rise ?? 0), width, scale, rtl: rtl || undefined, serif };
}
