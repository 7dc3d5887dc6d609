import { read } from '../../../src/build';
import { CollectingReporter } from '../../../src/diagnostics/reporter';
import { chapters, plainText } from '../../../src/model/build-helpers';
import type { Book } from '../../../src/model/types';
import { plaintextReader } from '../../../src/read/plaintext';
import { renderText, txtRenderer } from '../../../src/render/txt';
import { wrap } from '../../../src/render/txt/wrap';
import { runTransforms } from '../../../src/transform';
import { corpusFile } from '../../helpers/tools';
import { sampleBook } from '../../helpers/sample-book';

/** Reads text back with quire's own plain-text reader and transforms. */
function reread(text: string): { book: Book; report: CollectingReporter } {
  const report = new CollectingReporter();
  const book = runTransforms(plaintextReader.read(text, { file: 'out.txt', report }), { report });
  return { book, report };
}

test('the sample book as plain text', () => {
  const text = renderText(sampleBook());
  expect(text.startsWith('Title: The Lantern & the Loft\n\nSubtitle: A Story in Two Chapters\n\nAuthors: Ada Quill & B. Marsh\n\nRated: T\n\n')).toBe(true);
  expect(text).toContain('\n\nSummary: Two friends, one lantern, a long night.\n\n');
  expect(text).toContain('\n\nChapter 1: The Lantern\n\nMara lit the _old_ lantern[1] and said, \u201cWe wait.\u201d She meant it, **truly**.\n\n');
  expect(text).toContain('See the lantern guild <https://example.org/lanterns> or type light().\nA new line.');
  expect(text).toContain(`\n\n${' '.repeat(33)}* * *\n\n`);
  expect(text).toContain('\n\n    Light is a promise.\n\n');
  expect(text).toContain('\n\n    Keep the lamp, keep the lamp,\n      keep it burning through the damp.\n\n');
  expect(text).toContain('\n\nA/N: Thanks for reading!\n\nNotes\n\n[1] A storm lantern, brass and glass.\n\nChapter 2: ');
  expect(text).toContain('\n\n- oil\n- wick\n\n3. third\n\n');
  expect(text).toContain('\n\nItem     | Count\nLanterns | 2\n\n');
  expect(text).toContain('\n\n    if (dark) {\n      light();\n    }\n\n');
  expect(text.endsWith('The last sentence is here.\n')).toBe(true);
  expect(text).not.toMatch(/\r|\n\n\n/);
});

test('the renderer writes UTF-8 without a byte-order mark', async () => {
  const artifact = await txtRenderer.render(sampleBook(), {
    options: txtRenderer.defaultOptions,
    report: new CollectingReporter(),
    assets: { template: () => '', templatePath: () => '', manuscriptFile: () => Buffer.alloc(0), font: () => Buffer.alloc(0) },
    now: new Date(0),
  });
  expect(artifact.extension).toBe('.txt');
  expect(artifact.data[0]).toBe('T'.charCodeAt(0));
  const text = new TextDecoder('utf-8', { fatal: true }).decode(artifact.data);
  expect(text).toContain('\u0398\u03b5\u03cc\u03c2 and \u0416\u0438\u0437\u043d\u044c');
});

test('filling to a width never splits words and indents what it must', () => {
  expect(wrap('one two three four five', 9)).toBe('one two\nthree\nfour five');
  expect(wrap('a verylongwordindeed b', 5)).toBe('a\nverylongwordindeed\nb');
  expect(wrap('one two three', 7, '  ')).toBe('one two\n  three');
  expect(wrap('keep\nbreaks', 0)).toBe('keep\nbreaks');
  const book = sampleBook();
  const text = renderText(book, { width: 30 });
  // Header entries stay on one line each (the reader takes one entry per line); verse keeps its lines; tables are as wide as they are.
  const story = text.slice(text.indexOf('Chapter 1'));
  for (const line of story.split('\n')) if (!line.includes('|') && !/the lamp|the damp/.test(line)) expect([...line].length).toBeLessThanOrEqual(30);
  expect(story).toContain('Mara lit the _old_ lantern[1]\nand said,');
  expect(text).toContain(`\n${' '.repeat(12)}* * *\n`);
});

test('a single untitled chapter has no heading; a title without a label gets one the reader knows', () => {
  const one = sampleBook();
  one.body = [one.body[0]];
  one.body[0].title = [];
  delete one.body[0].label;
  expect(renderText(one)).not.toMatch(/^Chapter/m);
  const two = sampleBook();
  delete two.body[1].label;
  two.body[1].title = [{ type: 'text', value: 'Snow' }];
  expect(renderText(two)).toMatch(/^Chapter 2: Snow$/m);
  delete two.body[0].label;
  two.body[0].title = [{ type: 'text', value: 'Prologue' }];
  expect(renderText(two)).toMatch(/^Prologue$/m);
});

test('the sample book reads back into the same chapters, titles and footnote count', () => {
  const original = sampleBook();
  const { book, report } = reread(renderText(original));
  expect(report.messages.filter((m) => m.severity !== 'info')).toEqual([]);
  expect(chapters(book).map((c) => plainText(c.title))).toEqual(chapters(original).map((c) => plainText(c.title)));
  expect(book.meta).toMatchObject({ title: original.meta.title, rating: 'T', summary: original.meta.summary, disclaimer: original.meta.disclaimer });
  expect(book.meta.authors.map((a) => a.name)).toEqual(['Ada Quill', 'B. Marsh']);
  expect(book.body[0].children.filter((b) => b.type === 'sceneBreak')).toHaveLength(1);
  expect(book.body[0].children.filter((b) => b.type === 'authorNote')).toHaveLength(1);
});

test.each([
  ['the seed', () => corpusFile('seed/000_27920b3cbfe5b9b8.txt')],
  ['the sample manuscript', () => 'manuscript'],
])('%s survives a round trip: chapters, titles, words and metadata', (_name, input) => {
  const original = read(input(), { report: new CollectingReporter() });
  const { book, report } = reread(renderText(original));
  expect(report.messages.filter((m) => m.severity === 'warning')).toEqual([]);
  expect(book.stats!.chapters).toBe(original.stats!.chapters);
  expect(chapters(book).map((c) => plainText(c.title))).toEqual(chapters(original).map((c) => plainText(c.title)));
  expect(book.stats!.words).toBe(original.stats!.words);
  expect(book.meta).toMatchObject({ title: original.meta.title, rating: original.meta.rating, summary: original.meta.summary, dedication: original.meta.dedication });
  // Filling to 72 columns must read back the same, since the reader unwraps hard-wrapped paragraphs.
  const wrapped = reread(renderText(original, { width: 72 })).book;
  expect(wrapped.stats!.chapters).toBe(original.stats!.chapters);
  expect(wrapped.stats!.words).toBe(original.stats!.words);
});
