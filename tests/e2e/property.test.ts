/**
 * Property tests (fast-check): random Markdown and random plain-text manuscripts never crash the build (they give a
 * book or a clear quire error), every XHTML file produced is well-formed, and a sample passes EPUBCheck.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { read, render } from '../../src/build';
import { CollectingReporter } from '../../src/diagnostics/reporter';
import { QuireError } from '../../src/diagnostics/types';
import { assertWellFormedXml, epubcheckMany, tempDir, unzip } from '../helpers/tools';

const MARKDOWN_PIECES = [
  '# Heading', '## Sub *heading*', '### Deep', '> quote', '>> nested > quote', '- item', '  - nested item', '1. one', '3) three',
  '```js\ncode <b>\n```', '    indented code', '***', '---', '* * *', '| a | b |\n|---|:-:|\n| 1 | 2 |', '[^1]', '[^1]: A note.',
  '[^x]: Unused.', 'text with *emph* and **strong** and ~~gone~~', '`code & <tag>`', '[link](https://example.org "t")',
  '[bad](javascript:alert(1))', '<script>alert(1)</script>', '<i>it</i> <b>bold', '</b></i>', '<div onclick="x()">d</div>',
  '<!-- comment -->', 'line one\\\nline two\\\nline three', '&amp; &lt; &#0; &#xD800; &bogus;', '"quotes" \'and\' -- dashes...',
  '\u00a0\u2003indented', 'emoji 🎉 and RTL שלום and CJK 日本語', '![alt](https://example.org/x.png)', 'a\u0000b\u0007c',
  '\\', '*', '_', '[', ']', '(', '<', '&', '---\ntitle: inner\n---',
];

const PLAINTEXT_PIECES = [
  'Title: Random', 'Author: A & B', 'Rated: T', 'Summary: Something: with colons', 'Disclaimer: Not mine.', 'Dedication: For you',
  'Unknownkey: value', 'Chapter 1', 'Chapter 2: The Loft', 'CHAPTER IV.', 'Prologue', 'Epilogue: After', '~*~*~', 'xXxXx', '-x-x-',
  'oOo', '###', '* * *', 'A/N: thanks!', "Author's Note: more", 'A/N:', '"Hello," she said. \'Twas the \'90s -- rock \'n\' roll...',
  '*emphasis* and _under_ and **strong**', 'Lex: "a line that looks like a key"', '    indented verse line', 'wrapped line that',
  'continues here', '', '', '<script>alert(1)</script> & <b>', 'Ünïcödé Ελληνικά Кириллица שלום 日本語', '\t\ttabs', 'a\u0000b',
];

function piecesArbitrary(pieces: string[]) {
  return fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pieces) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }), {
    minLength: 1,
    maxLength: 30,
  });
}

const samples: string[] = [];
let builds = 0;

async function buildChecked(file: string, text: string): Promise<void> {
  fs.writeFileSync(file, text);
  const report = new CollectingReporter();
  let data: Uint8Array;
  try {
    const book = read(file, { report });
    [{ data }] = await render(book, { formats: ['epub'], report, input: file });
  } catch (e) {
    if (e instanceof QuireError) return; // a clear, positioned error is an acceptable outcome
    throw e;
  }
  for (const [name, bytes] of await unzip(data)) if (/\.(xhtml|opf|ncx)$/.test(name)) assertWellFormedXml(bytes.toString('utf8'), name);
  // Every tenth book that builds is also checked by EPUBCheck (after the properties, in one JVM).
  if (builds++ % 10 === 0 && samples.length < 24) {
    const out = file.replace(/\.\w+$/, `-${samples.length}.epub`);
    fs.writeFileSync(out, data);
    samples.push(out);
  }
}

describe('random manuscripts never crash the build', () => {
  const dir = tempDir('quire-prop-');

  test('Markdown', async () => {
    await fc.assert(
      fc.asyncProperty(piecesArbitrary(MARKDOWN_PIECES), fc.constantFrom('\n', '\n\n', ' '), async (pieces, sep) => {
        await buildChecked(path.join(dir, 'random.md'), `---\ntitle: Random\n---\n\n${pieces.join(sep)}\n`);
      }),
      { numRuns: 120, seed: 20261125 },
    );
  });

  test('plain text', async () => {
    await fc.assert(
      fc.asyncProperty(piecesArbitrary(PLAINTEXT_PIECES), fc.constantFrom('\n', '\n\n', '\r\n'), async (pieces, sep) => {
        await buildChecked(path.join(dir, 'random.txt'), pieces.join(sep));
      }),
      { numRuns: 120, seed: 20261125 },
    );
  });

  afterAll(() => {
    expect(samples.length).toBeGreaterThan(0);
    for (const [file, result] of epubcheckMany(samples)) expect({ file, messages: result.messages }).toEqual({ file, messages: [] });
  });
});
