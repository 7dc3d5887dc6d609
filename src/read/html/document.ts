/** What every HTML-based reader (plain HTML, AO3 downloads, Word through mammoth) builds its book from. */
import type { Reporter } from '../../diagnostics/types';
import type { Block, Footnote, Inline, Position, Section } from '../../model/types';
import { spanOf } from '../markdown/source';
import { type HtmlDocument, type HtmlElement, type Locate } from './dom';
import type { HtmlContext } from './inlines';
import { toBlocks } from './blocks';
import { findNotes } from './notes';

/** The conversion context for a document: its notes found, their containers (and `skip`) left out of the story. */
export function contextFor(doc: HtmlDocument, locate: Locate, report: Reporter, skip: Iterable<HtmlElement> = []): HtmlContext {
  const notes = findNotes(doc);
  return { locate, report, notes, skip: new Set([...notes.skip, ...skip]) };
}

/** The document's notes as footnotes, in the order of their first reference. */
export function readFootnotes(cx: HtmlContext): Footnote[] {
  return [...cx.notes.targets].map(([identifier, element]) => {
    const children = toBlocks(element.children, cx);
    // The note's own text, where it has any: its list item may begin lines earlier.
    const position = spanOf(children[0]?.position, children[children.length - 1]?.position) ?? cx.locate(element);
    return { type: 'footnote', identifier, children, ...(position ? { position } : {}) };
  });
}

/** A top-level section spanning from its heading (if it has a position) to its last block. */
export function topSection(role: Section['role'], title: Inline[], children: Block[], head?: { label?: string; position?: Position }): Section {
  const section: Section = { type: 'section', role, depth: 1, id: '', title, children, sections: [] };
  if (head?.label !== undefined) section.label = head.label;
  const position = spanOf(head?.position ?? children[0]?.position, children[children.length - 1]?.position ?? head?.position);
  if (position) section.position = position;
  return section;
}
