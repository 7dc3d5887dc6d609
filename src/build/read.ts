/** The first half of the pipeline: an input read into a Book, its title filled in if missing, the transforms run. */
import { loadConfig } from '../config/load';
import { CollectingReporter, pointPosition } from '../diagnostics/reporter';
import type { Reporter } from '../diagnostics/types';
import type { Book } from '../model/types';
import { readInput } from '../read';
import { runTransforms } from '../transform';
import { titleFromName } from './title';

export interface ReadOptions {
  /** Where diagnostics go; by default they are collected and dropped (a fatal one still throws a `QuireError`). */
  report?: Reporter;
  /** The manuscript files' encoding (a label such as `windows-1252`). Default: `quire.encoding` in a folder's book.yaml, else found from each file's bytes. */
  encoding?: string;
}

/**
 * Reads an input and runs the default transforms: the book every renderer sees. The files' encoding is
 * `options.encoding`, else `quire.encoding` in the input's book.yaml, else found from each file's bytes.
 */
export function read(input: string, options: ReadOptions = {}): Book {
  const report = options.report ?? new CollectingReporter();
  return readWith(input, report, options.encoding ?? loadConfig(input, report).config.encoding);
}

/** `read` with the encoding decided (`build` has read book.yaml's options already). A missing title comes from the input's name. */
export function readWith(input: string, report: Reporter, encoding: string | undefined): Book {
  const book = readInput(input, report, { encoding });
  if (!book.meta.title.trim()) {
    const source = book.sources.find((s) => !/book\.ya?ml$/.test(s)) ?? input;
    book.meta.title = titleFromName(input);
    report.warn('title-missing', `the manuscript has no title; using "${book.meta.title}"`, {
      position: pointPosition(source, 1),
      hint: 'Add `Title: …` to the header or `title:` to the front matter.',
    });
  }
  return runTransforms(book, { report });
}
