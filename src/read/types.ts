/** The reader interface: one source file's text (or, for binary formats, its bytes) in, a partial book out. */
import type { Reporter } from '../diagnostics/types';
import type { Book } from '../model/types';

/** What a reader is given besides the text. */
export interface ReadContext {
  /** The file's path as it is to appear in messages and positions. */
  readonly file: string;
  readonly report: Reporter;
  /**
   * The file is one of several files of a folder, merged into one book. A Markdown file read alone may take its book
   * title from a single `#` heading; one of several keeps its `#` heading as a part.
   */
  readonly oneOfSeveral?: boolean;
}

/**
 * A reader turns one file's text (already decoded, BOM removed, line endings as in the file) into a book.
 * `book.root` and `book.sources` are filled in by the caller; a folder of files is read file by file and merged.
 */
export interface Reader {
  readonly name: string;
  /** File extensions this reader handles, lower-case with the dot. */
  readonly extensions: readonly string[];
  read(text: string, ctx: ReadContext): Book;
  /**
   * For binary formats (a `.docx` is a ZIP archive): reads the file's raw bytes instead of decoded text. When present,
   * the caller skips text decoding and calls this rather than `read`.
   */
  readBytes?(bytes: Uint8Array, ctx: ReadContext): Book;
}
