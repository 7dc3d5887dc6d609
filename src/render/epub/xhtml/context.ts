/** What the XHTML serialiser's handlers share while they write one document. */
import type { Reporter } from '../../../diagnostics/types';
import type { Block, Position } from '../../../model/types';

/** A footnote reference, once numbered: where the reference and the note live. */
export interface NoteRef {
  number: number;
  /** The id of this reference's anchor (the note's back-link goes to the first one). */
  refId: string;
  /** `#note-3` in the same document, `chapter-2.xhtml#note-3` in another. */
  href: string;
}

/** Numbers footnotes in the order they are first referenced and collects each document's notes for its end. */
export interface NoteSink {
  /** Records a reference from the current document; `undefined` when no footnote has that identifier. */
  refer(identifier: string): NoteRef | undefined;
  /** The notes first referenced in the current document (and in those notes) as XHTML, emptying the queue. */
  flush(render: (blocks: Block[]) => string): string;
}

/** Images referenced by the book, copied into the EPUB under stable names. */
export interface ImageSink {
  /** The EPUB-relative href for an image URL, or `undefined` (reported) when it cannot go into the book. */
  add(url: string, position: Position | undefined): string | undefined;
}

/** Turns a link target written in the manuscript into an href valid inside the EPUB. */
export type LinkResolver = (url: string, position: Position | undefined) => string | undefined;

/** Everything a handler may use; one per document being written. */
export interface XhtmlContext {
  readonly report: Reporter;
  readonly notes: NoteSink;
  readonly images: ImageSink;
  readonly links: LinkResolver;
}
