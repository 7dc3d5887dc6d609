/** Settings precedence (explicit over book.yaml over defaults) and the output file-name pattern. */
import { outputStem, resolveSettings } from '../../src/config/settings';
import { nearMiss } from '../../src/config/load';
import { sampleBook } from '../helpers/sample-book';

test('with nothing given, the defaults', () => {
  expect(resolveSettings({})).toEqual({ outDir: 'dist', formats: ['epub', 'pdf'], output: '{slug}', rendererOptions: { epub: {}, pdf: {} }, check: false });
});

test('book.yaml over the defaults, explicit options over book.yaml, per renderer option', () => {
  const settings = resolveSettings(
    { formats: ['txt'], out: 'books', profile: 'kobo', notes: 'book', 'page-size': 'letter', hyphenate: false, 'chapter-start': 'right', 'chapter-opening': 'small-caps', 'embed-fonts': true, 'toc-title': 'Inhalt', cover: 'c.png', check: true },
    { formats: ['epub'], rendererOptions: { epub: { profile: 'kindle' }, pdf: { pageSize: 'a4' } } },
  );
  expect(settings).toEqual({
    outDir: 'books',
    formats: ['epub'],
    output: '{slug}',
    rendererOptions: { epub: { profile: 'kindle', notes: 'book', embedFonts: true, tocTitle: 'Inhalt' }, pdf: { pageSize: 'a4', hyphenate: false, chapterStart: 'right', chapterOpening: 'small-caps' } },
    cover: 'c.png',
    check: true,
  });
});

test('an explicit option left undefined does not hide book.yaml\'s', () => {
  expect(resolveSettings({ profile: 'apple' }, { rendererOptions: { epub: { profile: undefined } } }).rendererOptions.epub).toEqual({ profile: 'apple' });
});

test('the file-name pattern fills placeholders from the book and never names a folder', () => {
  const book = sampleBook();
  const date = new Date('2030-01-02T00:00:00Z');
  expect(outputStem('{slug}', book, date)).toBe('the-lantern-the-loft');
  expect(outputStem('{author} - {title} ({year}, {lang})', book, date)).toBe('Ada Quill, B. Marsh - The Lantern & the Loft (2024, en)');
  expect(outputStem('{slug}-{date}', book, date)).toBe('the-lantern-the-loft-2024-03-01');
  book.meta.title = 'What? A/B: "Quoted"';
  delete book.meta.date;
  expect(outputStem('{title}', book, date)).toBe('What- A-B- -Quoted-');
  expect(outputStem('{year}', book, date)).toBe('2030');
  expect(outputStem('..{slug}', book, date)).toBe('what-a-b-quoted');
});

test('near misses: another spelling of the same key, or a typo; not an unrelated word', () => {
  expect(nearMiss('pageSize', ['page-size', 'profile'])).toBe('page-size');
  expect(nearMiss('fomats', ['formats', 'out'])).toBe('formats');
  expect(nearMiss('colour', ['formats', 'out', 'profile'])).toBeUndefined();
});
