/**
 * Reads the story below the header into sections: parts holding chapters, one chapter per chapter line, a leading
 * section for text before the first one, or a single untitled chapter when the story has no chapter lines at all.
 */
import type { Reporter } from '../../diagnostics/types';
import type { Block, Inline, Position, Section, SectionRole } from '../../model/types';
import { classify, markerText, piecesOf, type ChapterPiece, type Piece, type RawPiece } from './blocks';
import { chapterLines, type RuleNote } from './chapters';
import { findTags, isWarnedTag } from './html';
import type { ChapterLine } from '../../text/markers';
import type { Line } from './lines';
import { lineSpan, positionOf } from './span';
import { splitUnits, type Unit } from './units';

/** A line may title the text before the first chapter when it is this short and has no lower-case letter. */
const MAX_CAPS_TITLE = 60;

/** A section with its heading (`head`, if any); its position is set once its content is known (`settle`). */
function section(role: SectionRole, depth: number, title: Inline[], children: Block[], head?: { label?: string; position?: Position }): Section {
  const out: Section = { type: 'section', role, depth, id: '', title, children, sections: [] };
  if (head?.label) out.label = head.label;
  if (head?.position) out.position = head.position;
  return out;
}

/** Sets a section's position to run from its heading (or first block) to the end of its last block or sub-section. */
function settle(s: Section): Section {
  s.sections.forEach(settle);
  const first = s.position ?? s.children[0]?.position ?? s.sections[0]?.position;
  const last = s.sections[s.sections.length - 1]?.position ?? s.children[s.children.length - 1]?.position ?? s.position;
  if (first && last) s.position = { file: first.file, start: first.start, end: last.end };
  return s;
}

/** `ETYMOLOGY.`, `ADVERTISEMENT BY THE AUTHORESS`: a one-line, all-capitals paragraph that names what follows. */
function capsTitle(block: Block | undefined): Inline[] | undefined {
  if (block?.type !== 'paragraph' || !block.position || block.position.start.line !== block.position.end.line) return undefined;
  const text = block.children.map((node) => (node.type === 'text' ? node.value : '')).join('');
  if (text.length > MAX_CAPS_TITLE || !/\p{Lu}/u.test(text) || /\p{Ll}/u.test(text)) return undefined;
  return block.children;
}

/** An author's note written as a bare label (`A/N:` alone) takes the paragraph after it as its text. */
function attachNoteText(blocks: Block[], block: Block): boolean {
  const note = blocks[blocks.length - 1];
  if (note?.type !== 'authorNote' || note.children.length > 0 || block.type !== 'paragraph') return false;
  note.children.push(block);
  if (note.position && block.position) note.position = { ...note.position, end: block.position.end };
  return true;
}

/** Warns once per tag name about HTML tags the story loses (`<span>`, `<font>`, `<div>`), at the first one. */
function warnDroppedTags(units: readonly Unit[], file: string, report: Reporter): void {
  const warned = new Set<string>();
  for (const line of units.flatMap((unit) => unit.lines)) {
    for (const tag of findTags(line.text)) {
      if (!isWarnedTag(tag) || warned.has(tag.name)) continue;
      warned.add(tag.name);
      report.warn('html-tag-dropped', `HTML tag <${tag.name}> removed; its text is kept`, {
        position: positionOf(lineSpan(file, line, tag.start, tag.end)),
        hint: 'quire reads <i>, <em>, <b>, <strong>, <u>, <br>, <p>, <hr> and <center> in a .txt; remove other tags, or save the page as .html.',
      });
    }
  }
}

/**
 * Nests chapters under the part lines before them (parts at depth 1, their chapters at depth 2). When no part
 * holds a chapter, the part lines are the story's only divisions, so they are its chapters. When a part line comes
 * right after a chapter line (`Chapter 5` then `Part 1`), the parts divide chapters: they are sections inside them.
 */
function nest(headings: readonly { heading: ChapterPiece; blocks: Block[] }[]): Section[] {
  const next = (i: number): ChapterPiece | undefined => headings[i + 1]?.heading;
  const insideChapters = headings.some(({ heading, blocks }, i) => heading.role === 'chapter' && blocks.length === 0 && next(i)?.role === 'part');
  const holdChapters = !insideChapters && headings.some(({ heading }, i) => heading.role === 'part' && next(i)?.role === 'chapter');
  const top: Section[] = [];
  let part: Section | undefined;
  let chapter: Section | undefined;
  for (const { heading, blocks } of headings) {
    if (heading.role === 'part' && insideChapters && chapter) {
      chapter.sections.push(section('section', 2, heading.title, blocks, heading));
    } else if (heading.role === 'part' && holdChapters) {
      part = section('part', 1, heading.title, blocks, heading);
      top.push(part);
    } else if (part) {
      chapter = section('chapter', 2, heading.title, blocks, heading);
      part.sections.push(chapter);
    } else {
      chapter = section('chapter', 1, heading.title, blocks, heading);
      top.push(chapter);
    }
  }
  return top;
}

/**
 * Which pieces of the story are chapter or part lines (`chapterLines` by default): a format that marks its chapters
 * its own way (a FanFicFare export's title lines) decides instead.
 */
export type ChapterFinder = (pieces: readonly RawPiece[]) => { lines: (ChapterLine | undefined)[]; notes: RuleNote[] };

const findChapterLines: ChapterFinder = (pieces) => chapterLines(pieces.map(markerText));

/** The story's sections, from line index `from` on. Empty when the story has no text. */
export function readBody(lines: readonly Line[], from: number, file: string, report: Reporter, findChapters: ChapterFinder = findChapterLines): Section[] {
  const units = splitUnits(lines, from);
  warnDroppedTags(units, file, report);
  const pieces = units.flatMap((unit) => piecesOf(unit, file));
  const found = findChapters(pieces);
  for (const note of found.notes) {
    const piece = pieces[note.index];
    report.info(note.rule, note.message, piece.kind === 'text' ? { position: positionOf(piece.span) } : {});
  }
  return sectionsOf(pieces.map((raw, i) => (raw.kind === 'text' ? classify(raw.span, found.lines[i]) : raw)));
}

/**
 * A story's sections from its pieces in order: chapter and part lines open sections (nested by `nest`), blocks fill
 * them, and blocks before the first line are an opening section (or, all author's notes, the first chapter's start).
 * Shared with the Word reader, for documents that mark chapters with lines instead of heading styles.
 */
export function sectionsOf(pieces: readonly Piece[]): Section[] {
  const leading: Block[] = [];
  const headings: { heading: ChapterPiece; blocks: Block[] }[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'chapter') {
      headings.push({ heading: piece, blocks: [] });
      continue;
    }
    const blocks = headings.length ? headings[headings.length - 1].blocks : leading;
    if (!attachNoteText(blocks, piece.block)) blocks.push(piece.block);
  }
  if (headings.length === 0) return leading.length ? [settle(section('chapter', 1, [], leading))] : [];
  const sections = nest(headings);
  if (leading.length && leading.every((block) => block.type === 'authorNote')) {
    // An author's note above the first chapter line is the usual opening of a posted chapter: it belongs to it.
    sections[0].children.unshift(...leading);
    if (sections[0].position && leading[0].position) sections[0].position = { ...sections[0].position, start: leading[0].position.start };
  } else if (leading.length) {
    // Front material before the first chapter (an epigraph, Moby-Dick's Etymology) is not a chapter: it must not
    // change the chapter count, but nothing in it may be lost.
    const title = capsTitle(leading[0]);
    const opening = title
      ? section('section', 1, title, leading.slice(1), { position: leading[0].position })
      : section('section', 1, [], leading);
    sections.unshift(opening);
  }
  return sections.map(settle);
}
