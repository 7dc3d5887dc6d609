/** Counts words, chapters, footnotes and images into `book.stats`. */
import type { Book } from '../model/types';
import { SKIP, visit } from '../model/visit';
import type { Transform } from './types';

/** Words as a reader counts them: runs of letters and digits, with inner apostrophes and hyphens; `1,200` is one word. */
const WORD = /[\p{L}\p{N}]+(?:(?:['’\-]|(?<=\p{N})[,.](?=\p{N}))[\p{L}\p{N}]+)*/gu;
/** Scripts written without spaces count one word per character. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** The number of words in a string. */
export function countWords(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const rest = cjk ? text.replace(CJK, ' ') : text;
  return cjk + (rest.match(WORD)?.length ?? 0);
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
