/** Runs the plain-text reader on a string or a fixture, collecting its diagnostics. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CollectingReporter } from '../../../src/diagnostics/reporter';
import type { Diagnostic } from '../../../src/diagnostics/types';
import type { Book } from '../../../src/model/types';
import { plaintextReader } from '../../../src/read/plaintext';

export const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures');
export const PLAINTEXT_FIXTURES = path.join(FIXTURES, 'read', 'plaintext');

/** The book a text reads as, and what the reader reported. */
export function read(text: string, file = 'story.txt'): { book: Book; messages: readonly Diagnostic[] } {
  const report = new CollectingReporter();
  const book = plaintextReader.read(text, { file, report });
  return { book, messages: report.messages };
}

/** Reads a fixture of tests/fixtures/read/plaintext, naming it in positions relative to tests/fixtures. */
export function readFixture(name: string): { book: Book; messages: readonly Diagnostic[] } {
  const file = path.join(PLAINTEXT_FIXTURES, name);
  return read(fs.readFileSync(file, 'utf8'), path.relative(FIXTURES, file).split(path.sep).join('/'));
}
