/**
 * The readers' case files: tests/fixtures/cases/<ext>/*.txt, each case an input read as `story.<ext>` and the outline
 * the reader must make of it (see tests/helpers/cases.ts and tests/helpers/outline.ts). These files are the
 * documentation of what each input shape means to quire.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CollectingReporter } from '../../src/diagnostics/reporter';
import { QuireError } from '../../src/diagnostics/types';
import { readerFor } from '../../src/read';
import { parseCases, rewriteCases } from '../helpers/cases';
import { outline } from '../helpers/outline';

const ROOT = path.resolve(__dirname, '..', 'fixtures', 'cases');

/** What the reader for `story.<ext>` makes of a case's input: the outline, or the fatal error as its last line. */
function readCase(ext: string, input: string): string {
  const file = `story.${ext}`;
  const reader = readerFor(file);
  if (!reader) throw new Error(`no reader for .${ext}`);
  const report = new CollectingReporter();
  try {
    return outline(reader.read(input, { file, report }), report.messages);
  } catch (e) {
    if (!(e instanceof QuireError)) throw e;
    return outline(undefined, report.messages);
  }
}

const files = fs.existsSync(ROOT)
  ? fs.readdirSync(ROOT).flatMap((ext) => fs.readdirSync(path.join(ROOT, ext)).filter((f) => f.endsWith('.txt')).map((f) => path.join(ROOT, ext, f)))
  : [];

describe.each(files.map((f) => [path.relative(ROOT, f), f]))('%s', (_name, file) => {
  const ext = path.basename(path.dirname(file));
  if (process.env.UPDATE_CASES === '1') rewriteCases(file, parseCases(file).map((c) => readCase(ext, c.input)));
  const cases = parseCases(file);
  it.each(cases.map((c) => [`${c.name} (line ${c.line})`, c]))('%s', (_title, c) => {
    expect(readCase(ext, (c as { input: string }).input)).toBe((c as { expected: string }).expected);
  });
});

it('finds the case files', () => {
  expect(files.length).toBeGreaterThan(0);
});
