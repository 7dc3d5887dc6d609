/** A large Book built straight from a corpus text (chapters at `CHAPTER n.` lines), independent of the real readers. */
import * as fs from 'node:fs';
import { emptyBook } from '../../../src/model/build-helpers';
import type { Book, Section } from '../../../src/model/types';

/** Moby-Dick (or any text with `CHAPTER n. Title` lines) as chapters of paragraphs; `--` becomes an em dash. */
export function corpusBook(file: string, title: string): Book {
  const book = emptyBook('tests/fixtures');
  book.meta = { ...book.meta, title, authors: [{ name: 'Herman Melville' }], summary: 'A whaling voyage.', tags: ['sea'] };
  const body = fs.readFileSync(file, 'utf8').split(/\n\s*\n/).slice(1);
  let chapter: Section | undefined;
  let words = 0;
  for (const para of body) {
    const text = para.replace(/\s+/g, ' ').replace(/--/g, '\u2014').trim();
    if (!text) continue;
    const heading = /^CHAPTER (\d+)\. (.*)$/.exec(text);
    if (heading || !chapter) {
      chapter = {
        type: 'section', role: 'chapter', depth: 1, id: `ch-${book.body.length + 1}`, label: heading ? `Chapter ${heading[1]}` : undefined,
        title: [{ type: 'text', value: heading ? heading[2] : 'Etymology' }], children: [], sections: [],
      };
      book.body.push(chapter);
      if (heading) continue;
    }
    words += text.split(' ').length;
    chapter.children.push({ type: 'paragraph', children: [{ type: 'text', value: text }] });
  }
  book.stats = { words, chapters: book.body.length, footnotes: 0, images: 0 };
  return book;
}
