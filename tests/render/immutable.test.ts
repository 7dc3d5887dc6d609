/**
 * Renderers read the book they are given and never change it: images are resolved when the book is read (the images
 * transform), so a book can be rendered again, or deep-frozen first, and every format comes out the same.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { read, render } from '../../src/build';
import type { Book } from '../../src/model/types';
import { REPO } from '../helpers/cli';
import { tempDir } from '../helpers/tools';

const env = { SOURCE_DATE_EPOCH: '1700000000' };
const FORMATS = ['epub', 'pdf', 'html', 'txt'];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const bytes = async (book: Book) => (await render(book, { formats: FORMATS, env })).map((a) => Buffer.from(a.data));

/** A story with a local image, a remote one (which reading turns into its alt text) and a footnote. */
function storyWithImages(): string {
  const dir = tempDir();
  fs.copyFileSync(path.join(REPO, 'tests/fixtures/render/epub/dot.png'), path.join(dir, 'dot.png'));
  const file = path.join(dir, 'story.md');
  fs.writeFileSync(file, '---\ntitle: Pictures\n---\n\n# One\n\nA dot.[^1]\n\n![A dot](dot.png)\n\n![A lighthouse](https://example.invalid/l.png)\n\n[^1]: A note.\n');
  return file;
}

test('a remote image is its alt text in the book read, before any renderer runs', () => {
  const book = read(storyWithImages());
  expect(book.body[0].children.map((b) => b.type)).toEqual(['paragraph', 'imageBlock', 'paragraph']);
  expect(JSON.stringify(book.body[0].children[2])).toContain('A lighthouse');
});

test.each(['manuscript', 'tests/fixtures/books/salt-and-silver', 'images'])('%s: a deep-frozen book renders in every format, to the same bytes as before', async (input) => {
  const book = read(input === 'images' ? storyWithImages() : path.join(REPO, input));
  const before = JSON.stringify(book);
  const first = await bytes(book);
  expect(JSON.stringify(book)).toBe(before);
  const again = await bytes(deepFreeze(book));
  expect(again.map((b) => b.length)).toEqual(first.map((b) => b.length));
  again.forEach((b, i) => expect(b.equals(first[i])).toBe(true));
}, 120_000);
