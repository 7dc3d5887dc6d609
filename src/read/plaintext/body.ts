/**
 * Reads the story below the header into sections: one per chapter line, a leading section for text before the
 * first chapter line, or a single untitled chapter when the story has no chapter lines at all.
 */
import type { Block, Inline, Position, Section, SectionRole } from '../../model/types';
import { classify, type ChapterPiece, type Piece } from './blocks';
import type { Line } from './lines';
import { splitUnits, type Unit } from './units';

/** A line may title the text before the first chapter when it is this short and has no lower-case letter. */
const MAX_CAPS_TITLE = 60;

/** A top-level section spanning from its heading (`head`, if any) to its last block. */
function section(role: SectionRole, title: Inline[], children: Block[], head?: { label?: string; position?: Position }): Section {
  const out: Section = { type: 'section', role, depth: 1, id: '', title, children, sections: [] };
  if (head?.label !== undefined) out.label = head.label;
  const first = head?.position ?? children[0]?.position;
  const last = children[children.length - 1]?.position ?? head?.position;
  if (first && last) out.position = { file: first.file, start: first.start, end: last.end };
  return out;
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

/**
 * The story's sections, from line index `from` on. Empty when the story has no text. `pieceOf` reads each unit; a
 * format that marks its chapters its own way (a FanFicFare export) passes its own.
 */
export function readBody(lines: readonly Line[], from: number, file: string, pieceOf: (unit: Unit, file: string) => Piece = classify): Section[] {
  const leading: Block[] = [];
  const chapters: { heading: ChapterPiece; blocks: Block[] }[] = [];
  for (const unit of splitUnits(lines, from)) {
    const piece = pieceOf(unit, file);
    if (piece.kind === 'chapter') {
      chapters.push({ heading: piece, blocks: [] });
      continue;
    }
    const blocks = chapters.length ? chapters[chapters.length - 1].blocks : leading;
    if (!attachNoteText(blocks, piece.block)) blocks.push(piece.block);
  }
  if (chapters.length === 0) return leading.length ? [section('chapter', [], leading)] : [];
  const sections = chapters.map(({ heading, blocks }) => section('chapter', heading.title, blocks, heading));
  if (leading.length && leading.every((block) => block.type === 'authorNote')) {
    // An author's note above the first chapter line is the usual opening of a posted chapter: it belongs to it.
    const first = sections[0];
    first.children.unshift(...leading);
    if (first.position && leading[0].position) first.position = { ...first.position, start: leading[0].position.start };
  } else if (leading.length) {
    // Front material before the first chapter (an epigraph, Moby-Dick's Etymology) is not a chapter: it must not
    // change the chapter count, but nothing in it may be lost.
    const title = capsTitle(leading[0]);
    const opening = title
      ? section('section', title, leading.slice(1), { position: leading[0].position })
      : section('section', [], leading);
    sections.unshift(opening);
  }
  return sections;
}
