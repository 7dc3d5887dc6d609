/** The transform interface: one pass over the book, in place or returning a new book. */
import type { Reporter } from '../diagnostics/types';
import type { Book } from '../model/types';

/** The manuscript's own files (images), by URL relative to the book's root; throws a `QuireError` for a bad one. */
export interface ManuscriptFiles {
  manuscriptFile(url: string): Buffer;
}

export interface TransformContext {
  readonly report: Reporter;
  /** Where images are read from; by default the file system under the book's root. */
  readonly files?: ManuscriptFiles;
}

export interface Transform {
  readonly name: string;
  run(book: Book, ctx: TransformContext): Book | void;
}
