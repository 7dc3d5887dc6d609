/** Slugs keep every script's letters (file names); ASCII slugs transliterate (identifiers that must be ASCII). */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { archiveIdentifier } from '../../src/publish/archive-metadata';
import { asciiSlug, bookSlug, slugify } from '../../src/text/slug';
import { sampleBook } from '../helpers/sample-book';
import { tempDir } from '../helpers/tools';

test.each([
  ['שיר השירים הקטן', 'שיר-השירים-הקטן'],
  ['月の庭', '月の庭'],
  ['Война и мир', 'война-и-мир'],
  ['Ἰλιάς, Book I', 'ἰλιάς-book-i'],
  ['हिन्दी कहानी', 'हिन्दी-कहानी'], // vowel signs and virama (combining marks) stay with their letters
  ['«Ça va?» — 1999', 'ça-va-1999'],
])('slugify(%j) is %j', (title, slug) => {
  expect(slugify(title)).toBe(slug);
  // NFC: a decomposed spelling of the same title gives the same slug.
  expect(slugify(title.normalize('NFD'))).toBe(slug);
});

test('a straight and a curly apostrophe give the same slug (typography never changes a file name)', () => {
  expect(slugify("O'Neill's Tale")).toBe('oneills-tale');
  expect(slugify('O\u2019Neill\u2019s Tale')).toBe(slugify("O'Neill's Tale"));
  expect(asciiSlug('O\u2019Neill')).toBe(asciiSlug("O'Neill"));
  expect(slugify('\u201cQuoted\u201d')).toBe(slugify('"Quoted"'));
});

test('long slugs are cut at a word, by characters and by bytes, never inside a character', () => {
  const long = slugify('月'.repeat(30) + ' ' + '庭'.repeat(100));
  expect(Buffer.byteLength(long)).toBeLessThanOrEqual(200);
  expect(long).toBe('月'.repeat(30));
  expect(slugify('a'.repeat(50) + ' ' + 'b'.repeat(50))).toBe('a'.repeat(50));
  expect(Array.from(slugify('𠀀'.repeat(100))).every((c) => c === '𠀀')).toBe(true);
});

test('asciiSlug transliterates other scripts and folds accents; without transliteration it drops them', () => {
  expect(asciiSlug('שיר השירים')).toMatch(/^[a-z0-9-]+$/);
  expect(asciiSlug('שיר השירים')).toBe('syr-hsyrym');
  expect(asciiSlug('Война и мир')).toBe('voina-i-mir');
  expect(asciiSlug('Café Straße')).toBe('cafe-strasse');
  expect(asciiSlug('שלום', 80, { transliterate: false })).toBe('');
});

test('bookSlug: the title, else the input file name, and `book` only when neither has a letter or digit', () => {
  const book = sampleBook();
  book.meta.title = 'שיר השירים הקטן';
  expect(bookSlug(book)).toBe('שיר-השירים-הקטן');
  book.meta.title = '* * *';
  book.sources = ['/some/where/My Story.txt'];
  expect(bookSlug(book)).toBe('my-story');
  book.sources = ['/some/where/—.txt'];
  expect(bookSlug(book)).toBe('book');
});

test('the Internet Archive identifier is ASCII for a Hebrew book', () => {
  const book = sampleBook();
  book.meta.identifier = undefined;
  book.meta.title = 'שיר השירים הקטן';
  book.meta.authors = [{ name: 'נעמי' }];
  const id = archiveIdentifier(book);
  expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{2,99}$/);
  expect(id).toBe(`${asciiSlug('שיר השירים הקטן')}-${asciiSlug('נעמי')}`);
  expect(id.startsWith('syr-hsyrym-')).toBe(true);
});

test('the CLI writes a Hebrew-titled book under its Hebrew slug', () => {
  const dir = tempDir('quire-slug-');
  const input = path.join(dir, 'story.txt');
  fs.writeFileSync(input, 'Title: שיר השירים הקטן\nAuthor: נעמי\nLanguage: he\n\nשורה ראשונה של הסיפור.\n\nשורה שנייה.\n');
  const cli = path.resolve(__dirname, '..', '..', 'lib', 'cli', 'main.js');
  execFileSync('node', [cli, 'build', input, '--out', path.join(dir, 'out'), '--format', 'epub'], { stdio: 'pipe' });
  const files = fs.readdirSync(path.join(dir, 'out'));
  expect(files).toContain('שיר-השירים-הקטן.epub');
  expect(files).not.toContain('book.epub');
});
