import * as fs from 'node:fs';
import * as path from 'node:path';
import { CollectingReporter } from '../../src/diagnostics/reporter';
import { ids } from '../../src/transform/ids';
import { IdAllocator, slugify } from '../../src/text/slug';
import { countWords, stats } from '../../src/transform/stats';
import { corpusFile } from '../helpers/tools';
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

test('the word count is the count of the expression it documents, on the corpus and on odd strings', () => {
  const WORD = /[\p{L}\p{N}]+(?:(?:['’\-]|(?<=\p{N})[,.](?=\p{N}))[\p{L}\p{N}]+)*/gu;
  const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
  const reference = (text: string) => (text.match(CJK)?.length ?? 0) + (text.replace(CJK, ' ').match(WORD)?.length ?? 0);
  const odd = [
    '', ' ', "'tis", "rock 'n' roll", 'well--known', 'a-', '-a', '1,200', '1,a', 'a,1', '3.14.15', '1.', '.5', "o'-", 'x²-y²',
    'Ⅻ.1', '日本語のテキスト、カタカナ・ひらがなー', 'abc日本def', '𝒜𝒷𝒸 and 𠀀𠀁', '\ud800 lone', 'a\ud800b', 'don’t’', '1,2,3', '—dash—',
    'Mrs. O’Brien’s 2,000-ton ship', 'Élan vital, naïve café', 'Москва-река', 'שָׁלוֹם עולם', 'مرحبا بالعالم',
  ];
  for (const text of odd) expect([text, countWords(text)]).toEqual([text, reference(text)]);
  for (const file of ['novels/moby-dick.md', 'war-and-peace/war-and-peace.md', 'seed/000_27920b3cbfe5b9b8.txt']) {
    const text = fs.readFileSync(corpusFile(file), 'utf8');
    expect([file, countWords(text)]).toEqual([file, reference(text)]);
  }
  const japanese = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'books', 'japanese', fs.readdirSync(path.join(__dirname, '..', 'fixtures', 'books', 'japanese')).find((f) => f.endsWith('.md'))!), 'utf8');
  expect(countWords(japanese)).toBe(reference(japanese));
});

test('word counts', () => {
  expect(countWords("Don't stop — it's well-known, 1,200 times.")).toBe(6);
  expect(countWords('日本語')).toBe(3);
  const book = sampleBook();
  stats.run(book, { report: new CollectingReporter() });
  expect(book.stats).toMatchObject({ chapters: 2, footnotes: 1 });
  expect(book.stats!.words).toBeGreaterThan(50);
});
