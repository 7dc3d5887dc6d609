/**
 * Turns the units of the story into pieces (a unit holding `<p>` or `<hr>` tags gives several), and each piece into
 * a chapter line or a block: scene break, author's note, verse or paragraph.
 */
import type { Block, Inline, Paragraph, Position, VerseLine } from '../../model/types';
import { findTags, hasMarkup, seenText, visibleText, type TextTag } from './html';
import { parseInlines } from './inlines';
import { contentBounds } from './lines';
import { isSceneBreak, matchNoteLabel, type ChapterLine, type MarkerRole } from '../../text/markers';
import { joinSpans, positionOf, sliceSpan, trimmedLineSpan, trimSpan, type Span } from './span';
import type { Unit } from './units';

/** A chapter or part line: it opens a section rather than being one of its blocks. */
export interface ChapterPiece {
  kind: 'chapter';
  role: MarkerRole;
  label: string;
  title: Inline[];
  position: Position;
}

/** What a piece of the story is. */
export type Piece = ChapterPiece | { kind: 'block'; block: Block };

/** A piece before classification: text that may be a chapter line, or a block already (verse, `<hr>`). */
export type RawPiece = { kind: 'text'; span: Span } | { kind: 'block'; block: Block };

/** A chapter title may be hard-wrapped over this many lines (Moby-Dick's `CHAPTER 57. Of Whales in Paint; …`). */
const MAX_HEADING_LINES = 3;
/** Columns per indentation step of a verse line; a tab counts as a full tab stop. */
const INDENT_STEP = 2;
const TAB_WIDTH = 4;

/** A paragraph of a span's inline content. */
export function paragraphOf(span: Span): Paragraph {
  return { type: 'paragraph', children: parseInlines(span), position: positionOf(span) };
}

function indentWidth(text: string): number {
  let width = 0;
  for (const ch of text.slice(0, contentBounds(text)[0])) width += ch === '\t' ? TAB_WIDTH : 1;
  return width;
}

/** An indented passage as one stanza, each line's indent counted in steps from the least indented line. */
function verseOf(unit: Unit, file: string): Block {
  const widths = unit.lines.map((line) => indentWidth(line.text));
  const least = Math.min(...widths);
  const spans = unit.lines.map((line) => trimmedLineSpan(file, line));
  const lines: VerseLine[] = spans.map((span, i) => ({
    type: 'verseLine',
    indent: Math.floor((widths[i] - least) / INDENT_STEP),
    children: parseInlines(span),
    position: positionOf(span),
  }));
  const position: Position = { file, start: positionOf(spans[0]).start, end: positionOf(spans[spans.length - 1]).end };
  return { type: 'verse', stanzas: [lines], position };
}

/** Whether tags `a` and `b` have only blanks between them in `text`. */
const adjacent = (text: string, a: TextTag, b: TextTag): boolean => !/\S/.test(text.slice(a.end, b.start));

/**
 * Where a span's HTML ends one paragraph and starts the next: at block tags (`<p>`, `</p>`, `<center>`, `<div>`),
 * at `<hr>` (which also stands for a scene break), and at two or more `<br>` in a row.
 */
function boundaries(text: string): { start: number; end: number; rule: boolean }[] {
  const tags = findTags(text);
  const out: { start: number; end: number; rule: boolean }[] = [];
  for (let k = 0; k < tags.length; k++) {
    const tag = tags[k];
    if (tag.role === 'paragraph' || tag.role === 'rule') out.push({ start: tag.start, end: tag.end, rule: tag.role === 'rule' && !tag.closing });
    else if (tag.name === 'br' && tags[k + 1]?.name === 'br' && adjacent(text, tag, tags[k + 1])) {
      let last = k + 1;
      while (tags[last + 1]?.name === 'br' && adjacent(text, tags[last], tags[last + 1])) last++;
      out.push({ start: tag.start, end: tags[last].end, rule: false });
      k = last;
    }
  }
  return out;
}

/** Whether a span shows anything once its tags are removed. */
const isVisible = (span: Span): boolean => /\S/.test(seenText(span.text));

/** A unit's pieces: a verse block, or its text split into paragraphs at HTML block tags, with `<hr>` scene breaks. */
export function piecesOf(unit: Unit, file: string): RawPiece[] {
  if (unit.verse) return [{ kind: 'block', block: verseOf(unit, file) }];
  const span = joinSpans(unit.lines.map((line) => trimmedLineSpan(file, line)));
  const pieces: RawPiece[] = [];
  let at = 0;
  const text = (to: number): void => {
    const part = trimSpan(sliceSpan(span, at, to));
    if (isVisible(part)) pieces.push({ kind: 'text', span: part });
  };
  for (const cut of boundaries(span.text)) {
    text(cut.start);
    if (cut.rule) pieces.push({ kind: 'block', block: { type: 'sceneBreak', marker: '<hr>', position: positionOf(span, cut.start, cut.end) } });
    at = cut.end;
  }
  text(span.text.length);
  return pieces;
}

/** The text of a piece as a reader sees it (tags removed, trimmed), with the raw index of each character. */
interface Seen {
  text: string;
  /** The raw index where visible character `i` starts, and the raw index just after visible character `i - 1`. */
  rawStart(i: number): number;
  rawEnd(i: number): number;
}

function seen(span: Span): Seen {
  if (!hasMarkup(span.text)) {
    // No tag or reference: the text is what a reader sees (the common case, and the cheap one).
    const [from, to] = contentBounds(span.text);
    return { text: span.text.slice(from, to), rawStart: (i) => from + i, rawEnd: (i) => from + i };
  }
  const visible = visibleText(span.text);
  const [from, to] = contentBounds(visible.text);
  return {
    text: visible.text.slice(from, to),
    rawStart: (i) => visible.from[from + i] ?? span.text.length,
    rawEnd: (i) => visible.to[from + i - 1] ?? 0,
  };
}

/** How many source lines a span's text comes from. */
const lineCount = ({ segments }: Span): number => segments[segments.length - 1].line - segments[0].line + 1;

/** The visible text of a piece short enough to be a chapter line, for `chapterLines`; undefined for other pieces. */
export function markerText(piece: RawPiece): string | undefined {
  if (piece.kind !== 'text') return undefined;
  if (lineCount(piece.span) > MAX_HEADING_LINES) return undefined;
  return seen(piece.span).text;
}

/** What a piece of text is, given the chapter line it was found to be (if any). */
export function classify(span: Span, chapter: ChapterLine | undefined): Piece {
  const view = seen(span);
  if (chapter) {
    const title =
      chapter.titleStart === undefined ? [] : parseInlines(sliceSpan(span, view.rawStart(chapter.titleStart), view.rawEnd(chapter.titleEnd ?? view.text.length)));
    return { kind: 'chapter', role: chapter.role, label: chapter.label, title, position: positionOf(span) };
  }
  if (lineCount(span) === 1 && isSceneBreak(view.text)) {
    return { kind: 'block', block: { type: 'sceneBreak', marker: view.text, position: positionOf(span) } };
  }
  const note = matchNoteLabel(view.text);
  if (note) {
    const rest = trimSpan(sliceSpan(span, view.rawStart(note.textStart)));
    const children = rest.text ? [paragraphOf(rest)] : [];
    return { kind: 'block', block: { type: 'authorNote', label: note.label, children, position: positionOf(span) } };
  }
  return { kind: 'block', block: paragraphOf(span) };
}
