/** Runs the plain-text reader on a string, collecting its diagnostics. */
import { CollectingReporter } from '../../../src/diagnostics/reporter';
import type { Diagnostic } from '../../../src/diagnostics/types';
import type { Book } from '../../../src/model/types';
import { plaintextReader } from '../../../src/read/plaintext';

/** The book a text reads as, and what the reader reported. */
export function read(text: string, file = 'story.txt'): { book: Book; messages: readonly Diagnostic[] } {
  const report = new CollectingReporter();
  const book = plaintextReader.read(text, { file, report });
  return { book, messages: report.messages };
}
