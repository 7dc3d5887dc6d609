/** Shared helpers for the Markdown reader tests: read a text, collect the diagnostics. */
import { CollectingReporter } from '../../../src/diagnostics/reporter';
import { QuireError, type Diagnostic } from '../../../src/diagnostics/types';
import type { Book } from '../../../src/model/types';
import { markdownReader } from '../../../src/read/markdown';

/** Reads Markdown text as the file `file`; returns the book and every diagnostic. */
export function readText(text: string, file = 'test.md'): { book: Book; messages: readonly Diagnostic[] } {
  const report = new CollectingReporter();
  const book = markdownReader.read(text, { file, report });
  return { book, messages: report.messages };
}

/** The diagnostic a read fails with; fails the test when the read succeeds or throws something else. */
export function readError(text: string, file = 'test.md'): Diagnostic {
  try {
    readText(text, file);
  } catch (error) {
    if (error instanceof QuireError) return error.diagnostic;
    throw error;
  }
  throw new Error('expected the read to fail');
}
