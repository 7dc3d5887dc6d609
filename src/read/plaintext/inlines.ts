/**
 * Inline markup of the plain-text format: `*emphasis*`, `_emphasis_` (Gutenberg italics) and `**strong**`, taken
 * only when balanced within the paragraph and set against word boundaries; and the inline HTML a web page leaves
 * (`<i>`, `<b>`, `<br>`: see html.ts). Everything else is literal text, kept as written (character references
 * decoded; quotes and dashes are the typography transform's business).
 */
import type { Inline } from '../../model/types';
import { closingKindOf, decodeReferences, findTags, inlineFor } from './html';
import { MAX_INLINE_DEPTH } from '../markdown/inlines';
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
 * Parses a span's `*`/`_` markup. Each delimiter pairs with the nearest closer of its kind after it, so the work is
 * linear; content is parsed again for the other kinds, which bounds nesting at three levels.
 */
function parseDelimited(span: Span): Inline[] {
  const { text } = span;
  const out: Inline[] = [];
  const close = closers(text);
  const next: Record<Delimiter, number> = { '**': 0, '*': 0, _: 0 };
  let literalStart = 0;
  const flush = (to: number): void => {
    if (to > literalStart) out.push({ type: 'text', value: decodeReferences(text.slice(literalStart, to)), position: positionOf(span, literalStart, to) });
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
        out.push({ type: NODE_TYPE[delimiter], children: parseDelimited(inner), position: positionOf(span, i, resume) });
        literalStart = resume;
      }
    }
    delimiters.lastIndex = resume;
  }
  flush(text.length);
  return out;
}

type Container = Inline & { children: Inline[] };

/** A line break at the edge of a paragraph shows nothing: `<br>` before `</p>` or after `<p>`. */
function trimBreaks(nodes: Inline[]): Inline[] {
  let from = 0;
  let to = nodes.length;
  while (from < to && nodes[from].type === 'break') from++;
  while (to > from && nodes[to - 1].type === 'break') to--;
  return from === 0 && to === nodes.length ? nodes : nodes.slice(from, to);
}

/**
 * Parses a span's inline markup: HTML formatting tags into containers (an unclosed `<i>` runs to the end of the
 * paragraph, a stray `</i>` is dropped), the text between tags as `*`/`_` markup. Other tags are left out; their
 * text is kept, and the reader has warned about them. Formatting nested deeper than `MAX_INLINE_DEPTH` (as the
 * Markdown and HTML readers cap it) is flattened into its parent, its text kept, so that every consumer can recurse on
 * inlines safely; a count of the open tags of each kind finds a closing tag's match (or that there is none) in time
 * linear in the tags, however many there are.
 */
export function parseInlines(span: Span): Inline[] {
  const tags = findTags(span.text).filter((tag) => tag.role === 'inline' || tag.role === 'dropped');
  if (tags.length === 0) return parseDelimited(span);
  const root: Inline[] = [];
  /** The open tags, innermost last; past the depth cap a tag's `node` is undefined and its parent takes its text. */
  const open: { node?: Container; children: Inline[]; kind: string }[] = [];
  const openOf = new Map<string, number>();
  let depth = 0;
  const top = (): Inline[] => open[open.length - 1]?.children ?? root;
  let at = 0;
  for (const tag of tags) {
    if (tag.start > at) top().push(...parseDelimited(sliceSpan(span, at, tag.start)));
    at = tag.end;
    // A tag that leaves nothing between two blanks takes one of them along: `a stray </b> tag` reads `a stray tag`.
    const vanish = (): void => {
      if (/\s/.test(span.text[tag.start - 1] ?? '') && /\s/.test(span.text[tag.end] ?? '')) at++;
    };
    if (tag.role === 'dropped') {
      vanish();
      continue;
    }
    if (tag.closing) {
      const kind = closingKindOf(tag) ?? '';
      if (!openOf.get(kind)) {
        vanish();
        continue;
      }
      // Closes the innermost open tag of its kind and every tag opened inside it; each tag is closed once.
      for (;;) {
        const closed = open.pop()!;
        openOf.set(closed.kind, openOf.get(closed.kind)! - 1);
        if (closed.node) depth--;
        if (closed.kind !== kind) continue;
        if (closed.node?.position) closed.node.position = { ...closed.node.position, end: positionOf(span, tag.start, tag.end).end };
        break;
      }
      continue;
    }
    const inline = inlineFor(span.text, tag);
    const position = positionOf(span, tag.start, tag.end);
    if (!inline) {
      vanish();
      continue;
    }
    if ('leaf' in inline) top().push({ ...inline.leaf, position });
    else {
      const kind = inline.open.type;
      openOf.set(kind, (openOf.get(kind) ?? 0) + 1);
      if (depth >= MAX_INLINE_DEPTH) {
        open.push({ children: top(), kind });
        continue;
      }
      const node: Container = { ...inline.open, position: { ...position, end: positionOf(span).end } };
      top().push(node);
      open.push({ node, children: node.children, kind });
      depth++;
    }
  }
  if (at < span.text.length) top().push(...parseDelimited(sliceSpan(span, at)));
  return trimBreaks(root);
}
