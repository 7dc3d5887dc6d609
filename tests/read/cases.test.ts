/**
 * The readers' case files: tests/fixtures/cases/<ext>/*.txt, each case an input read as `story.<ext>` and the outline
 * the reader must make of it (see tests/helpers/cases.ts and tests/helpers/outline.ts). These files are the
 * documentation of what each input shape means to quire. `UPDATE_GOLDENS=1` rewrites the outlines
 * (tests/helpers/golden.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CollectingReporter } from '../../src/diagnostics/reporter';
import { QuireError, type Diagnostic } from '../../src/diagnostics/types';
import type { Book } from '../../src/model/types';
import { readerFor } from '../../src/read';
import { caseOptions, parseCases, rewriteCases } from '../helpers/cases';
import { expectSameText, updatingGoldens } from '../helpers/golden';
import { outline, type OutlineOptions } from '../helpers/outline';

const ROOT = path.resolve(__dirname, '..', 'fixtures', 'cases');

/** What the reader for `story.<ext>` makes of a case's input: the book (none when the read failed) and the messages. */
function read(ext: string, input: string): { book?: Book; messages: readonly Diagnostic[] } {
  const file = `story.${ext}`;
  const reader = readerFor(file);
  if (!reader) throw new Error(`no reader for .${ext}`);
  const report = new CollectingReporter();
  try {
    return { book: reader.read(input, { file, report }), messages: report.messages };
  } catch (e) {
    if (!(e instanceof QuireError)) throw e;
    return { messages: report.messages };
  }
}

/** A case's outline, the fatal error as its last line when the read failed. */
function readCase(ext: string, input: string, options: OutlineOptions): string {
  const { book, messages } = read(ext, input);
  return outline(book, messages, options);
}

const files = fs.existsSync(ROOT)
  ? fs.readdirSync(ROOT).flatMap((ext) => fs.readdirSync(path.join(ROOT, ext)).filter((f) => f.endsWith('.txt')).map((f) => path.join(ROOT, ext, f)))
  : [];

describe.each(files.map((f) => [path.relative(ROOT, f), f]))('%s', (name, file) => {
  const ext = path.basename(path.dirname(file));
  const options = caseOptions(file);
  if (updatingGoldens) rewriteCases(file, parseCases(file).map((c) => readCase(ext, c.input, options)));
  const cases = parseCases(file);
  it.each(cases.map((c) => [`${c.name} (line ${c.line})`, c]))('%s', (_title, c) => {
    const { input, expected, line } = c as { input: string; expected: string; line: number };
    expectSameText(`tests/fixtures/cases/${name}:${line}`, expected, readCase(ext, input, options));
  });
  it('every book survives a JSON round trip', () => {
    for (const c of cases) {
      const { book } = read(ext, c.input);
      if (book) expect(JSON.parse(JSON.stringify(book))).toEqual(book);
    }
  });
});

it('finds the case files', () => {
  expect(files.length).toBeGreaterThan(0);
});
