/**
 * Inline markup of the plain-text format: `*emphasis*`, `_emphasis_` (Gutenberg italics) and `**strong**`, taken
 * only when balanced within the paragraph and set against word boundaries. Everything else is literal text, kept as
 * written (quotes and dashes are the typography transform's business).
 */
import type { Inline } from '../../model/types';
import { positionOf, sliceSpan, type Span } from './span';

type Delimiter = '**' | '*' | '_';
const NODE_TYPE = { '**': 'strong', '*': 'emphasis', _: 'emphasis' } as const;

/** Letters and digits (and `_` for underscores): a delimiter touching one on its outer side is part of a word. */
const WORD = /[\p{L}\p{N}]/u;
/** What may follow an opening delimiter (a word or opening punctuation): `~*~` is an ornament, not emphasis. */
const AFTER_OPENER = /[\p{L}\p{N}"'\u201c\u2018(\[]/u;
/** What may precede a closing delimiter: a word or closing punctuation. */
const BEFORE_CLOSER = /[\p{L}\p{N}"'\u201d\u2019)\].,!?;:\u2026]/u;

/** The delimiter of the run of `*` or `_` starting at `i` (runs of other lengths are literal), and the run's end. */
function runAt(text: string, i: number): { delimiter?: Delimiter; end: number } {
  const c = text[i];
  let end = i + 1;
  while (text[end] === c) end++;
  if (c === '*' && end - i === 2) return { delimiter: '**', end };
  if (end - i === 1) return { delimiter: c as Delimiter, end };
  return { end };
}

function isWordChar(ch: string | undefined, delimiter: Delimiter): boolean {
  if (ch === undefined) return false;
  return WORD.test(ch) || (delimiter === '_' && ch === '_');
}

/** Opens: nothing word-like before it, a word (or opening punctuation) after it. */
function canOpen(text: string, start: number, end: number, delimiter: Delimiter): boolean {
  return !isWordChar(text[start - 1], delimiter) && end < text.length && AFTER_OPENER.test(text[end]);
}

/** Closes: a word (or closing punctuation) before it, nothing word-like after it. */
function canClose(text: string, start: number, end: number, delimiter: Delimiter): boolean {
  return start > 0 && BEFORE_CLOSER.test(text[start - 1]) && !isWordChar(text[end], delimiter);
}

/** Every run that can close, per delimiter, in text order. */
function closers(text: string): Record<Delimiter, number[]> {
  const out: Record<Delimiter, number[]> = { '**': [], '*': [], _: [] };
  const runs = /\*+|_+/g;
  for (let m = runs.exec(text); m; m = runs.exec(text)) {
    const { delimiter } = runAt(text, m.index);
    if (delimiter && canClose(text, m.index, m.index + m[0].length, delimiter)) out[delimiter].push(m.index);
  }
  return out;
}

/**
 * Parses a span's inline markup. Each delimiter pairs with the nearest closer of its kind after it, so the work is
 * linear; content is parsed again for the other kinds, which bounds nesting at three levels.
 */
export function parseInlines(span: Span): Inline[] {
  const { text } = span;
  const out: Inline[] = [];
  const close = closers(text);
  const next: Record<Delimiter, number> = { '**': 0, '*': 0, _: 0 };
  let literalStart = 0;
  const flush = (to: number): void => {
    if (to > literalStart) out.push({ type: 'text', value: text.slice(literalStart, to), position: positionOf(span, literalStart, to) });
  };
  const delimiters = /[*_]/g;
  for (let m = delimiters.exec(text); m; m = delimiters.exec(text)) {
    const i = m.index;
    const { delimiter, end } = runAt(text, i);
    let resume = end;
    if (delimiter && canOpen(text, i, end, delimiter)) {
      const list = close[delimiter];
      while (next[delimiter] < list.length && list[next[delimiter]] <= i + delimiter.length) next[delimiter]++;
      const closer = list[next[delimiter]];
      if (closer !== undefined) {
        flush(i);
        const inner = sliceSpan(span, end, closer);
        resume = closer + delimiter.length;
        out.push({ type: NODE_TYPE[delimiter], children: parseInlines(inner), position: positionOf(span, i, resume) });
        literalStart = resume;
      }
    }
    delimiters.lastIndex = resume;
  }
  flush(text.length);
  return out;
}
