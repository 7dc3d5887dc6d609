/** Counts words, chapters, footnotes and images into `book.stats`. */
import type { Book } from '../model/types';
import { SKIP, visit } from '../model/visit';
import type { Transform } from './types';

/**
 * Words as a reader counts them: runs of letters and digits, with inner apostrophes and hyphens; `1,200` is one word.
 * Scripts written without spaces count one word per character. As the expression
 * `[\p{L}\p{N}]+(?:(?:['’\-]|(?<=\p{N})[,.](?=\p{N}))[\p{L}\p{N}]+)*` matches after each Han, Hiragana or Katakana
 * character is counted and replaced by a space (tests/transform/ids.test.ts holds the two to each other), scanned
 * here a character at a time: the expression's matches were an array of every word of the book, made only to be
 * counted.
 */
export function countWords(text: string): number {
  let words = 0;
  let i = 0;
  while (i < text.length) {
    const kind = kindAt(text, i);
    if (kind === CJK) words++;
    if (kind !== LETTER && kind !== DIGIT) {
      i += width(text, i);
      continue;
    }
    // A word: letters and digits, and a separator only between two of them.
    words++;
    let last = kind;
    i += width(text, i);
    for (;;) {
      if (i >= text.length) break;
      const next = kindAt(text, i);
      if (next === LETTER || next === DIGIT) {
        last = next;
        i += width(text, i);
        continue;
      }
      const char = text.charCodeAt(i);
      const after = i + 1 < text.length ? kindAt(text, i + 1) : OTHER;
      const joins = char === 0x27 || char === 0x2019 || char === 0x2d ? after === LETTER || after === DIGIT : (char === 0x2c || char === 0x2e) && last === DIGIT && after === DIGIT;
      if (!joins) break;
      i += 1;
    }
  }
  return words;
}

const OTHER = 1;
const LETTER = 2;
const DIGIT = 3;
const CJK = 4;
/** Per BMP code unit: 0 not looked at yet, else its kind. */
const KINDS = new Uint8Array(0x10000);

function classify(char: string): number {
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(char)) return CJK;
  if (/\p{L}/u.test(char)) return LETTER;
  return /\p{N}/u.test(char) ? DIGIT : OTHER;
}

/** The kind of the character at `i` (a whole surrogate pair; a lone surrogate is OTHER). */
function kindAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdfff) return KINDS[code] || (KINDS[code] = classify(text[i]));
  const point = text.codePointAt(i) ?? code;
  return point > 0xffff ? classify(String.fromCodePoint(point)) : OTHER;
}

/** UTF-16 units of the character at `i`. */
function width(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}

export const stats: Transform = {
  name: 'stats',
  run(book: Book) {
    let words = 0;
    let chapters = 0;
    let images = 0;
    // The words of the story and its notes: front and back matter are not counted, nor are captions.
    visit(book, {
      matter: () => SKIP,
      section: (node) => {
        if (node.role === 'chapter') chapters++;
      },
      text: (node) => {
        words += countWords(node.value);
      },
      code: (node) => {
        words += countWords(node.value);
      },
      codeBlock: (node) => {
        words += countWords(node.value);
      },
      // Inline images directly in a paragraph or heading (not inside a link, a verse or a table), and standalone images.
      image: (_node, at) => {
        if (at.parent?.type === 'paragraph' || at.parent?.type === 'heading') images++;
      },
      imageBlock: () => {
        images++;
        return SKIP;
      },
    });
    book.stats = { words, chapters, footnotes: book.footnotes.length, images };
  },
};
