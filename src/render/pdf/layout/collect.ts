/** Step one of inline layout: model inlines → styled runs → words (pieces of text that no space separates). */
import type { Inline, InlineMap } from '../../../model/types';
import type { FontKey, SerifText, TextStyle } from './types';

/** Text in one style, or a hard line break. */
export type Run = { text: string; style: TextStyle } | { lineBreak: true };

/** One piece of a word in one style (`lantern` then a superscript `1`). */
export interface Piece {
  text: string;
  style: TextStyle;
  /**
   * The record of `text` in `style`'s serif face once measured as one box (see `SerifText`), so positioning and
   * drawing need not look it up. A piece made from another with a different text or style does not keep it.
   */
  serif: SerifText | undefined;
}

/** What separates two words: a breakable space, a no-break space, or a forced line break. */
export type Gap = { kind: 'space' | 'nbsp'; style: TextStyle } | { kind: 'break' };

/** A paragraph as words and the gaps between them. */
export interface Word {
  pieces: Piece[];
  /** The gap after the word (none after the last). */
  gap?: Gap;
}

/** What collecting needs from the rest of layout: footnote numbers and a place for warnings. */
export interface CollectEnv {
  /** The number to print for a footnote reference, or undefined when the note does not exist. */
  noteNumber(identifier: string): number | undefined;
  warn(message: string, node: Inline): void;
  /** Checks that the fonts can draw `text` (warning at `node` about characters they cannot). */
  checkGlyphs?(text: string, node: Inline): void;
}

const ITALIC: Record<FontKey, FontKey> = {
  // Emphasis inside italics turns upright again, as in print.
  'serif-regular': 'serif-italic',
  'serif-italic': 'serif-regular',
  'serif-bold': 'serif-bold-italic',
  'serif-bold-italic': 'serif-bold',
};
const BOLD: Record<FontKey, FontKey> = {
  'serif-regular': 'serif-bold',
  'serif-italic': 'serif-bold-italic',
  'serif-bold': 'serif-bold',
  'serif-bold-italic': 'serif-bold-italic',
};

type Handler<K extends keyof InlineMap> = (node: InlineMap[K], style: TextStyle, out: Run[], env: CollectEnv) => void;

const handlers: { [K in keyof InlineMap]: Handler<K> } = {
  text: (node, style, out, env) => {
    env.checkGlyphs?.(node.value, node);
    out.push({ text: node.value, style });
  },
  emphasis: (node, style, out, env) => collectInto(node.children, { ...style, font: ITALIC[style.font] }, out, env),
  strong: (node, style, out, env) => collectInto(node.children, { ...style, font: BOLD[style.font] }, out, env),
  strikethrough: (node, style, out, env) => collectInto(node.children, { ...style, strike: true }, out, env),
  // Only external links become annotations; a link to a place in the book has no page to point to yet.
  link: (node, style, out, env) =>
    collectInto(node.children, /^(https?|mailto|ftp):/i.test(node.url) ? { ...style, link: node.url } : style, out, env),
  // No monospace face ships with quire: code keeps its characters and is set in the serif.
  code: (node, style, out, env) => {
    env.checkGlyphs?.(node.value, node);
    out.push({ text: node.value, style });
  },
  break: (_node, _style, out) => out.push({ lineBreak: true }),
  footnoteReference: (node, style, out, env) => {
    const n = env.noteNumber(node.identifier);
    if (n === undefined) {
      env.warn(`footnote reference [^${node.label ?? node.identifier}] has no footnote`, node);
      return;
    }
    out.push({ text: String(n), style: { ...style, size: style.size * 0.65, rise: style.size * 0.38, link: undefined, note: n } });
  },
  image: (node, style, out) => out.push({ text: node.alt, style: { ...style, font: ITALIC[style.font] } }),
};

function collectInto(inlines: readonly Inline[], style: TextStyle, out: Run[], env: CollectEnv): void {
  for (const node of inlines) (handlers[node.type] as Handler<typeof node.type>)(node, style, out, env);
}

/** The runs of inline content set in `style`. */
export function collectRuns(inlines: readonly Inline[], style: TextStyle, env: CollectEnv): Run[] {
  const out: Run[] = [];
  collectInto(inlines, style, out, env);
  return out;
}

/**
 * Invisible format characters that are dropped: soft hyphens (quire hyphenates by pattern instead), and the word
 * joiner, zero-width space and BOM, which have no glyph in most fonts and would be drawn as a missing-glyph box.
 */
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;

/** A space with a word joiner on either side ("Kuzmích\u2060 \u2060…"): Unicode forbids a line break there (UAX #14). */
const JOINED_SPACE = /\u2060[ \t]+|[ \t]+\u2060/g;

/** The run's text without invisible characters, spaces held by a word joiner turned into no-break spaces. */
function visibleText(text: string): string {
  return text.replace(JOINED_SPACE, (m) => m.replace(/[ \t]+/, '\u00a0')).replace(INVISIBLE, '');
}

/** White space between words: space, tab, line feed, carriage return and no-break space. */
const isWhite = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;

/** Splits runs into words at white space, without the invisible format characters. */
export function toWords(runs: readonly Run[]): Word[] {
  const words: Word[] = [];
  const styles = new Map<TextStyle, TextStyle>();
  let current: Piece[] = [];
  const flush = () => {
    if (current.length > 0) {
      words.push({ pieces: current });
      current = [];
    }
  };
  const gap = (g: Gap) => {
    flush();
    const last = words[words.length - 1];
    // A forced break wins over a space; leading gaps of the paragraph are dropped.
    if (last && (!last.gap || g.kind === 'break')) last.gap = g;
  };
  for (const run of runs) {
    if ('lineBreak' in run) {
      gap({ kind: 'break' });
      continue;
    }
    const text = visibleText(run.text);
    let style = styles.get(run.style);
    if (!style) styles.set(run.style, (style = uniform(run.style)));
    // One gap object per kind in a run: words only point at them.
    let space: Gap | undefined;
    let nbsp: Gap | undefined;
    // A scan by character code: a regular expression's match made an array per gap.
    for (let from = 0; ; ) {
      let end = from;
      while (end < text.length && !isWhite(text.charCodeAt(end))) end++;
      if (end > from) {
        const part = text.slice(from, end);
        const last = current[current.length - 1];
        if (last && sameStyle(last.style, style)) last.text += part;
        else current.push({ text: part, style, serif: undefined });
      }
      if (end === text.length) break;
      // A gap of no-break spaces alone binds the words on either side; any other white space is a space.
      let onlyNbsp = true;
      for (from = end; from < text.length && isWhite(text.charCodeAt(from)); from++) if (text.charCodeAt(from) !== 0xa0) onlyNbsp = false;
      gap(onlyNbsp ? (nbsp ??= { kind: 'nbsp', style }) : (space ??= { kind: 'space', style }));
    }
  }
  flush();
  const last = words[words.length - 1];
  if (last) delete last.gap;
  return words;
}

/**
 * `style` with every field, in one order (absent ones undefined): the styles of a paragraph's pieces, made in many
 * places with spreads, then have one object shape for the layout and drawing code that reads them.
 */
function uniform(style: TextStyle): TextStyle {
  const { font, size, rise, link, strike, note, smallCaps } = style;
  return { font, size, rise, link, strike, note, smallCaps };
}

/** Whether two styles draw identically (so their text can be one string, keeping kerning between them). */
export function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return (
    a.font === b.font && a.size === b.size && a.rise === b.rise && a.link === b.link && a.strike === b.strike && a.note === b.note && a.smallCaps === b.smallCaps
  );
}
