/** Counts words, chapters, footnotes and images into `book.stats`. */
import { allBlocks, allSections } from '../model/build-helpers';
import type { Block, Book, Inline } from '../model/types';
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

function inlineWords(inlines: readonly Inline[]): number {
  let n = 0;
  for (const node of inlines) {
    if (node.type === 'text' || node.type === 'code') n += countWords(node.value);
    else if ('children' in node) n += inlineWords(node.children as Inline[]);
  }
  return n;
}

function blockWords(blocks: readonly Block[], images: { n: number }): number {
  let n = 0;
  for (const block of allBlocks(blocks)) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        n += inlineWords(block.children);
        for (const node of block.children) if (node.type === 'image') images.n++;
        break;
      case 'verse':
        for (const stanza of block.stanzas) for (const line of stanza) n += inlineWords(line.children);
        break;
      case 'table':
        for (const row of [...block.head, ...block.rows]) for (const cell of row.cells) n += inlineWords(cell.children);
        break;
      case 'codeBlock':
        n += countWords(block.value);
        break;
      case 'imageBlock':
        images.n++;
        break;
      default:
        break;
    }
  }
  return n;
}

export const stats: Transform = {
  name: 'stats',
  run(book: Book) {
    const images = { n: 0 };
    let words = 0;
    let chapters = 0;
    for (const section of allSections(book.body)) {
      if (section.role === 'chapter') chapters++;
      words += inlineWords(section.title) + blockWords(section.children, images);
    }
    for (const note of book.footnotes) words += blockWords(note.children, images);
    book.stats = { words, chapters, footnotes: book.footnotes.length, images: images.n };
  },
};
