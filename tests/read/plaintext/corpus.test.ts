/** The reader on the real corpus: the seed book (which must build perfectly) and the three fan-fiction-style novels. */
import * as fs from 'node:fs';
import { allBlocks, chapters, plainText } from '../../../src/model/build-helpers';
import type { Block, Book, Inline, Paragraph } from '../../../src/model/types';
import { corpusFile } from '../../helpers/tools';
import { read } from './read-helper';

const SEED = 'seed/000_27920b3cbfe5b9b8.txt';

/** A corpus file's book, its text and its warnings (the `--verbose` notes on which chapter rule fired are not counted). */
function readCorpus(rel: string): { book: Book; text: string; warnings: number; infos: string[] } {
  const text = fs.readFileSync(corpusFile(rel), 'utf8');
  const { book, messages } = read(text, rel);
  return { book, text, warnings: messages.filter((m) => m.severity !== 'info').length, infos: messages.filter((m) => m.severity === 'info').map((m) => m.rule) };
}

const paragraphs = (blocks: readonly Block[]): Paragraph[] => [...allBlocks(blocks)].filter((b): b is Paragraph => b.type === 'paragraph');
const pageText = (book: Book, role: string): string => paragraphs(book.front.find((m) => m.role === role)?.children ?? []).map((p) => plainText(p.children)).join('\n');

/** Every text of a book's body, for "is this present" checks (verse lines included). */
function bodyText(book: Book): string {
  const out: string[] = [];
  const add = (inlines: readonly Inline[]): number => out.push(plainText(inlines));
  for (const section of book.body) {
    out.push(section.label ?? '');
    add(section.title);
    for (const block of allBlocks(section.children)) {
      if (block.type === 'paragraph') add(block.children);
      if (block.type === 'verse') for (const line of block.stanzas.flat()) add(line.children);
    }
  }
  return out.join('\n');
}

describe('the seed book', () => {
  const { book, text, warnings } = readCorpus(SEED);

  it('reads the header exactly', () => {
    expect(book.meta.title).toBe('A Moment of Friendship');
    expect(book.meta.rating).toBe('K');
    expect(book.meta.authors).toEqual([]);
    expect(book.meta.disclaimer).toBe('I do not now nor will I ever own Smallville. So sad but true\u2026');
    expect(book.meta.summary).toBe(
      'When Lex has a fight with his father, he finds himself driving to the one person he knows cares about. A moment between two friends.',
    );
    expect(book.meta.dedication).toBe('WayLowHalo who made me write this\u2026.');
    expect(book.metaPositions.dedication.start).toEqual({ line: 9, column: 1, offset: text.indexOf('Dedication:') });
    expect(warnings).toBe(0);
  });

  it('makes front-matter pages of the disclaimer, summary and dedication', () => {
    expect(book.front.map((m) => m.role)).toEqual(['summary', 'disclaimer', 'dedication']);
    expect(pageText(book, 'disclaimer')).toBe(book.meta.disclaimer);
    expect(pageText(book, 'dedication')).toBe(book.meta.dedication);
  });

  it('keeps all 21 story paragraphs, in one untitled chapter', () => {
    expect(book.body).toHaveLength(1);
    const [chapter] = book.body;
    expect(chapter.role).toBe('chapter');
    expect(chapter.title).toEqual([]);
    expect(chapter.label).toBeUndefined();
    // The story is the 21 odd lines 11..51 of the file, one paragraph each, blank lines between.
    const storyLines = text.split('\n').slice(10).filter((line) => line.trim());
    expect(storyLines).toHaveLength(21);
    const read = chapter.children.map((b) => (b.type === 'paragraph' ? plainText(b.children) : `<${b.type}>`));
    expect(read).toEqual(storyLines);
    expect(read[0].startsWith('Lex Luthor was driving.')).toBe(true);
    expect(read[20]).toMatch(/^At 3:00 Jonathan and Martha Kent found their son asleep.*He felt like he belonged to a family for the first time in his life\.$/);
    expect(chapter.children.map((b) => b.position?.start.line)).toEqual(Array.from({ length: 21 }, (_, i) => 11 + 2 * i));
  });
});

describe.each([
  ['persuasion.txt', 'Persuasion', 'Jane Austen', 'K+', 24, 0, 'Sir Walter Elliot, of Kellynch Hall, in Somersetshire', 'national importance.\nFinis'],
  ['northanger-abbey.txt', 'Northanger Abbey', 'Jane Austen', 'K', 31, 1, 'No one who had ever seen Catherine Morland', 'usage.'],
  ['moby-dick.txt', 'Moby Dick; or The Whale', 'Herman Melville', 'T', 136, 1, 'Call me Ishmael.', 'by Herman Melville'],
])('fanfic-style %s', (name, title, author, rating, chapterCount, leadingSections, firstWords, lastWords) => {
  const { book, text, warnings } = readCorpus(`fanfic-style/${name}`);
  const found = chapters(book);

  it('reads title, author and rating', () => {
    expect(book.meta.title).toBe(title);
    expect(book.meta.authors).toEqual([{ name: author }]);
    expect(book.meta.rating).toBe(rating);
    expect(book.front.map((m) => m.role)).toEqual(['summary', 'disclaimer', 'dedication']);
    expect(warnings).toBe(0);
  });

  it(`finds ${chapterCount} chapters and keeps the text before the first one`, () => {
    expect(found).toHaveLength(chapterCount);
    expect(book.body).toHaveLength(chapterCount + leadingSections);
    expect(book.body.slice(0, leadingSections).every((s) => s.role === 'section')).toBe(true);
    // Chapter lines are numbered 1, 2, 3… in order (Moby-Dick ends with its Epilogue).
    const numbers = found.map((s) => /\d+/.exec(s.label ?? '')?.[0]).filter(Boolean).map(Number);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
  });

  it('starts the first chapter with its first words and ends the book with its last', () => {
    const first = paragraphs(found[0].children)[0];
    expect(plainText(first.children).startsWith(firstWords)).toBe(true);
    const last = book.body[book.body.length - 1];
    const lastTexts = paragraphs(last.children).map((p) => plainText(p.children));
    expect(lastTexts.slice(-2).join('\n').endsWith(lastWords)).toBe(true);
  });

  it('unwraps every paragraph and loses no word', () => {
    for (const p of book.body.flatMap((s) => paragraphs(s.children))) expect(plainText(p.children)).not.toMatch(/[\r\n]/);
    // Every word of the story (below the header) is in the book, in order.
    const words = (s: string): string[] => s.replace(/[*_]/g, '').split(/\s+/).filter(Boolean);
    const expected = words(text.slice(text.indexOf('\n\n')));
    const actual = words(bodyText(book));
    const firstDifference = expected.findIndex((word, i) => actual[i] !== word);
    const around = (list: string[]): string => list.slice(Math.max(0, firstDifference - 5), firstDifference + 5).join(' ');
    expect(firstDifference < 0 ? 'same' : `${around(actual)} ≠ ${around(expected)}`).toBe('same');
    expect(actual).toHaveLength(expected.length);
  });

  it('survives a JSON round trip', () => {
    expect(JSON.parse(JSON.stringify(book))).toEqual(book);
  });
});

it('reads Moby-Dick’s wrapped chapter titles and its Etymology', () => {
  const { book, infos } = readCorpus('fanfic-style/moby-dick.txt');
  // `I. THE FOLIO WHALE; II. the OCTAVO WHALE; …` is a numbered line, but a book with `CHAPTER` lines is not numbered that way.
  expect(infos).toEqual(['chapter-label', 'chapter-named', 'chapter-number-ignored']);
  // The front matter stays outside the chapters: EXTRACTS is text of the opening section.
  const opening = book.body[0].children.map((b) => (b.type === 'paragraph' ? plainText(b.children) : ''));
  expect(book.body[0].role).toBe('section');
  expect(opening.some((text) => text.startsWith('EXTRACTS'))).toBe(true);
  expect(plainText(book.body[0].title)).toBe('ETYMOLOGY.');
  const titles = chapters(book).map((s) => `${s.label} ${plainText(s.title)}`.trim());
  expect(titles[0]).toBe('CHAPTER 1. Loomings.');
  expect(titles[56]).toBe('CHAPTER 57. Of Whales in Paint; in Teeth; in Wood; in Sheet-Iron; in Stone; in Mountains; in Stars.');
  expect(titles[135]).toBe('Epilogue');
});
