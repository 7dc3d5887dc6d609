/**
 * Footnote numbering and placement: notes are numbered through the book in the order they are first referenced
 * and written as `<aside epub:type="footnote">` at the end of the document that first references them.
 */
import type { Block, Footnote } from '../../model/types';
import type { NoteRef, NoteSink } from './xhtml/context';

interface Placement {
  number: number;
  file: string;
  /** How many references point at the note so far (0 for a note no one references). */
  refs: number;
}

/** The book's footnotes, numbered lazily as the documents are written in reading order. */
export class FootnoteRegistry implements NoteSink {
  private readonly byId = new Map<string, Footnote>();
  private readonly placed = new Map<string, Placement>();
  private pending: Footnote[] = [];
  private file = '';

  constructor(footnotes: readonly Footnote[]) {
    // The first definition wins, as in Markdown; readers report duplicates.
    for (const note of footnotes) if (!this.byId.has(note.identifier)) this.byId.set(note.identifier, note);
  }

  /** Starts a new document: references from now on are made from `file`. */
  begin(file: string): void {
    this.file = file;
  }

  refer(identifier: string): NoteRef | undefined {
    const note = this.byId.get(identifier);
    if (!note) return undefined;
    const placement = this.place(note);
    placement.refs += 1;
    const { number, refs } = placement;
    return {
      number,
      refId: refs === 1 ? `note-ref-${number}` : `note-ref-${number}-${refs}`,
      href: placement.file === this.file ? `#note-${number}` : `${placement.file}#note-${number}`,
    };
  }

  /** Queues every note nobody referenced for the current document, so that no text is lost. */
  adoptUnreferenced(): void {
    for (const note of this.byId.values()) if (!this.placed.has(note.identifier)) this.place(note);
  }

  flush(render: (blocks: Block[]) => string): string {
    let out = '';
    // Rendering a note may reference further notes; they join the queue and land in this document too.
    for (let note = this.pending.shift(); note; note = this.pending.shift()) {
      const { number, refs } = this.placed.get(note.identifier) as Placement;
      const label = refs > 0 ? `<a href="#note-ref-${number}" role="doc-backlink">${number}.</a>` : `${number}.`;
      const body = render(note.children);
      out += `<aside epub:type="footnote" id="note-${number}" class="footnote"><p class="footnote-label">${label}</p>\n${body}</aside>\n`;
    }
    return out ? `<section epub:type="footnotes" class="footnotes">\n${out}</section>\n` : '';
  }

  private place(note: Footnote): Placement {
    let placement = this.placed.get(note.identifier);
    if (!placement) {
      placement = { number: this.placed.size + 1, file: this.file, refs: 0 };
      this.placed.set(note.identifier, placement);
      this.pending.push(note);
    }
    return placement;
  }
}
