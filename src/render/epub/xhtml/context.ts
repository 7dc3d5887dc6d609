/** What the XHTML serialiser's handlers share while they write one document. */
import type { Reporter } from '../../../diagnostics/types';
import type { Labels } from '../../../locale';
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
  /** `epub:type` of a reference's note: `footnote`, or `endnote` for readers that only pop those up. */
  readonly noteType: 'footnote' | 'endnote';
  /** Records a reference from the current document; `undefined` when no footnote has that identifier. */
  refer(identifier: string): NoteRef | undefined;
}

/** An image once stored in the book: its href and, when known, its size in pixels. */
export interface ImageRef {
  src: string;
  width?: number;
  height?: number;
}

/** Images referenced by the book, copied into the EPUB under stable names. */
export interface ImageSink {
  /** The stored image for a URL, or `undefined` (reported) when it cannot go into the book. Warns when `alt` is empty. */
  add(url: string, alt: string, position: Position | undefined): ImageRef | undefined;
}

/** Turns a link target written in the manuscript into an href valid inside the EPUB. */
export type LinkResolver = (url: string, position: Position | undefined) => string | undefined;

/**
 * Records where each top-level block of a document came from, with the XHTML written for it, so that a validator's
 * line numbers can be traced back to the manuscript (see `sourcemap.ts`).
 */
export interface BlockTrace {
  /** Nesting depth of the block being written; only depth-0 blocks are recorded. */
  depth: number;
  readonly entries: { html: string; position: Position }[];
}

/** Everything a handler may use; one per document being written. */
export interface XhtmlContext {
  readonly report: Reporter;
  readonly notes: NoteSink;
  readonly images: ImageSink;
  readonly links: LinkResolver;
  readonly trace?: BlockTrace;
  /** The book's labels, for the names the markup gives assistive technology (a scene break's). */
  readonly labels: Labels;
}

/** Renders blocks; passed to the note registry so that it does not depend on the serialiser. */
export type BlockWriter = (blocks: Block[]) => string;
