/** The transform interface: one pass over the book, in place or returning a new book. */
import type { Reporter } from '../diagnostics/types';
import type { Book } from '../model/types';

export interface TransformContext {
  readonly report: Reporter;
}

export interface Transform {
  readonly name: string;
  run(book: Book, ctx: TransformContext): Book | void;
}
