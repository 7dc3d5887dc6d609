/** Turns each unit of the story into a chapter line or a block: scene break, author's note, verse or paragraph. */
import type { Block, Inline, Paragraph, Position, VerseLine } from '../../model/types';
import { parseInlines } from './inlines';
import { contentBounds } from './lines';
import { isSceneBreak, matchChapter, matchNoteLabel } from './markers';
import { joinSpans, positionOf, sliceSpan, trimmedLineSpan, trimSpan, type Span } from './span';
import type { Unit } from './units';

/** A chapter line: it opens a section rather than being one of its blocks. */
export interface ChapterPiece {
  kind: 'chapter';
  /** The label as written (`Chapter 3`); absent when the whole line is the title (a FanFicFare export's titles). */
  label?: string;
  title: Inline[];
  position: Position;
}

/** What a unit of the story is. */
export type Piece = ChapterPiece | { kind: 'block'; block: Block };

/** A chapter title may be hard-wrapped over this many lines (Moby-Dick's `CHAPTER 57. Of Whales in Paint; …`). */
const MAX_HEADING_LINES = 3;
const MAX_HEADING_LENGTH = 200;
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

/** What one unit is. Chapter lines and ornaments are tested on the trimmed text of short units only. */
export function classify(unit: Unit, file: string): Piece {
  if (unit.verse) return { kind: 'block', block: verseOf(unit, file) };
  const span = joinSpans(unit.lines.map((line) => trimmedLineSpan(file, line)));
  const { text } = span;
  if (unit.lines.length <= MAX_HEADING_LINES && text.length <= MAX_HEADING_LENGTH) {
    const chapter = matchChapter(text);
    if (chapter) {
      const title = chapter.titleStart === undefined ? [] : parseInlines(sliceSpan(span, chapter.titleStart));
      return { kind: 'chapter', label: chapter.label, title, position: positionOf(span) };
    }
  }
  if (unit.lines.length === 1 && isSceneBreak(text)) {
    return { kind: 'block', block: { type: 'sceneBreak', marker: text, position: positionOf(span) } };
  }
  const note = matchNoteLabel(text);
  if (note) {
    const rest = trimSpan(sliceSpan(span, note.textStart));
    const children = rest.text ? [paragraphOf(rest)] : [];
    return { kind: 'block', block: { type: 'authorNote', label: note.label, children, position: positionOf(span) } };
  }
  return { kind: 'block', block: paragraphOf(span) };
}
