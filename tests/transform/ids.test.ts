import { CollectingReporter } from '../../src/diagnostics/reporter';
import { ids } from '../../src/transform/ids';
import { IdAllocator, slugify } from '../../src/text/slug';
import { countWords, stats } from '../../src/transform/stats';
import { sampleBook } from '../helpers/sample-book';

test('slugify keeps letters of every script and drops punctuation', () => {
  expect(slugify('A Moment of Friendship')).toBe('a-moment-of-friendship');
  expect(slugify('Café — "Ça va?"')).toBe('café-ça-va');
  expect(slugify('Lex\u2019s Loft')).toBe('lexs-loft');
  expect(slugify('שלום')).toBe('שלום');
});

test('IdAllocator de-duplicates in constant time per id', () => {
  const ids = new IdAllocator();
  expect(['a', 'a', 'a-2', 'a', 'b'].map((x) => ids.take(x))).toEqual(['a', 'a-2', 'a-2-2', 'a-3', 'b']);
  const many = new IdAllocator();
  const out = new Set<string>();
  for (let i = 0; i < 50000; i++) out.add(many.take('chapter'));
  expect(out.size).toBe(50000);
});

test('ids are unique, stable and valid XML names', () => {
  const book = sampleBook();
  for (const s of book.body) s.id = '';
  book.body[1].label = 'Chapter 1'; // a duplicate label
  ids.run(book, { report: new CollectingReporter() });
  const first = book.body.map((s) => s.id);
  expect(first).toEqual(['chapter-1', 'chapter-1-2']);
  const again = sampleBook();
  for (const s of again.body) s.id = '';
  again.body[1].label = 'Chapter 1';
  ids.run(again, { report: new CollectingReporter() });
  expect(again.body.map((s) => s.id)).toEqual(first);
});

test('word counts', () => {
  expect(countWords("Don't stop — it's well-known, 1,200 times.")).toBe(6);
  expect(countWords('日本語')).toBe(3);
  const book = sampleBook();
  stats.run(book, { report: new CollectingReporter() });
  expect(book.stats).toMatchObject({ chapters: 2, footnotes: 1 });
  expect(book.stats!.words).toBeGreaterThan(50);
});
