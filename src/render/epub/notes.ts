/**
 * Footnote placement: notes keep the number the model gave them (model/footnotes.ts) and are written as `<aside epub:type="footnote">` (or `endnote`) either at the end of the document that first references
 * them or, with `notes: 'book'`, all together in one Notes document at the end of the book.
 */
import { footnoteNumbers, footnotesById } from '../../model/footnotes';
import type { Book, Footnote } from '../../model/types';
import type { BlockWriter, NoteRef, NoteSink } from './xhtml/context';
import { DEFAULT_OPTIONS, type NotePlacement } from './options';

interface Placement {
  number: number;
  /** The document that holds the note. */
  file: string;
  /** The document of the first reference, where the back-link goes. */
  refFile: string;
  /** How many references point at the note so far (0 for a note no one references). */
  refs: number;
}

/** The book's footnotes, placed as the documents are written in reading order. */
export class FootnoteRegistry implements NoteSink {
  private readonly byId: Map<string, Footnote>;
  private readonly numbers: ReadonlyMap<string, number>;
  private readonly placed = new Map<string, Placement>();
  private pending: Footnote[] = [];
  private file = '';

  /**
   * @param placement `chapter`: each note after the document that first cites it; `book`: all in `notesFile`.
   * @param noteType the `epub:type` of each note.
   */
  constructor(
    book: Book,
    private readonly placement: NotePlacement = DEFAULT_OPTIONS.notes,
    readonly noteType: 'footnote' | 'endnote' = 'footnote',
    private readonly notesFile = 'notes.xhtml',
  ) {
    // The first definition wins, as in Markdown; readers report duplicates.
    this.byId = footnotesById(book);
    this.numbers = footnoteNumbers(book);
  }

  /** Whether the book needs a Notes document (placement `book` and at least one footnote). */
  get needsNotesDocument(): boolean {
    return this.placement === 'book' && this.byId.size > 0;
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
    if (placement.refs === 1) placement.refFile = this.file;
    const { number, refs } = placement;
    return {
      number,
      refId: refs === 1 ? `note-ref-${number}` : `note-ref-${number}-${refs}`,
      href: this.href(placement.file, `note-${number}`),
    };
  }

  /** Queues every note nobody referenced, so that no text is lost (call before the last `flush`). */
  adoptUnreferenced(): void {
    for (const note of this.byId.values()) if (!this.placed.has(note.identifier)) this.place(note);
  }

  /**
   * The queued notes as XHTML for the end of the current document, emptying the queue. With placement `book` only
   * the Notes document flushes; other documents get nothing.
   */
  flush(render: BlockWriter): string {
    if (this.placement === 'book' && this.file !== this.notesFile) return '';
    let out = '';
    // Rendering a note may reference further notes; they join the queue and land in this document too.
    for (let note = this.pending.shift(); note; note = this.pending.shift()) {
      const { number, refs, refFile } = this.placed.get(note.identifier) as Placement;
      const label = refs > 0 ? `<a href="${this.href(refFile, `note-ref-${number}`)}" role="doc-backlink">${number}.</a>` : `${number}.`;
      const body = render(note.children);
      // DPUB-ARIA has `doc-footnote` for an aside; its `doc-endnote` belongs on list items only, so endnotes get no role.
      const role = this.noteType === 'footnote' ? ' role="doc-footnote"' : '';
      out += `<aside epub:type="${this.noteType}"${role} id="note-${number}" class="footnote"><p class="footnote-label">${label}</p>\n${body}</aside>\n`;
    }
    if (!out) return '';
    // In a chapter the notes are a section of it; the Notes document's own template supplies the heading.
    return this.placement === 'book' ? out : `<section epub:type="${this.noteType}s"${this.noteType === 'endnote' ? ' role="doc-endnotes"' : ''} class="footnotes">\n${out}</section>\n`;
  }

  private href(file: string, id: string): string {
    return file === this.file ? `#${id}` : `${file}#${id}`;
  }

  private place(note: Footnote): Placement {
    let placement = this.placed.get(note.identifier);
    if (!placement) {
      const file = this.placement === 'book' ? this.notesFile : this.file;
      placement = { number: this.numbers.get(note.identifier) as number, file, refFile: this.file, refs: 0 };
      this.placed.set(note.identifier, placement);
      this.pending.push(note);
    }
    return placement;
  }
}
