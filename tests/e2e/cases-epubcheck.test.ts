/**
 * Every reader case (tests/fixtures/cases) that reads into a book is built into an EPUB, and every one of those EPUBs
 * passes W3C EPUBCheck with no message (one JVM for all of them). Cases whose input is refused are skipped here: the
 * case file itself says what error they give.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { read, render } from '../../src/build';
import { CollectingReporter } from '../../src/diagnostics/reporter';
import { QuireError } from '../../src/diagnostics/types';
import { parseCases } from '../helpers/cases';
import { epubcheckMany, tempDir } from '../helpers/tools';

const ROOT = path.resolve(__dirname, '..', 'fixtures', 'cases');

test('every reader case that reads builds an EPUB that EPUBCheck passes', async () => {
  const out = tempDir('quire-cases-');
  const built: { input: string; epub: string; name: string }[] = [];
  let refused = 0;
  for (const ext of fs.readdirSync(ROOT)) {
    for (const caseFile of fs.readdirSync(path.join(ROOT, ext)).filter((f) => f.endsWith('.txt'))) {
      parseCases(path.join(ROOT, ext, caseFile)).forEach((c, i) => {
        const dir = path.join(out, `${ext}-${caseFile.replace(/\.txt$/, '')}-${i + 1}`);
        fs.mkdirSync(dir);
        const input = path.join(dir, `story.${ext}`);
        fs.writeFileSync(input, c.input);
        built.push({ input, epub: path.join(dir, 'story.epub'), name: `${ext}/${caseFile}:${c.line} ${c.name}` });
      });
    }
  }
  const ok: typeof built = [];
  for (const entry of built) {
    const report = new CollectingReporter();
    try {
      const book = read(entry.input, { report });
      const [artifact] = await render(book, { input: entry.input, formats: ['epub'], report });
      fs.writeFileSync(entry.epub, artifact.data);
      ok.push(entry);
    } catch (e) {
      if (!(e instanceof QuireError)) throw new Error(`${entry.name}: ${(e as Error).stack}`);
      refused++;
    }
  }
  expect(ok.length).toBeGreaterThan(refused);
  const results = epubcheckMany(ok.map((e) => e.epub));
  const failures = ok
    .map((e) => ({ name: e.name, result: results.get(e.epub)! }))
    .filter(({ result }) => result.errors + result.warnings + result.fatals > 0)
    .map(({ name, result }) => `${name}\n  ${result.messages.join('\n  ')}`);
  expect(failures).toEqual([]);
});
