/** Numbers the footnotes once for every renderer: each note's `number` (see model/footnotes.ts for the order). */
import { footnotesById, numberFootnotes } from '../model/footnotes';
import type { Transform } from './types';

export const footnotes: Transform = {
  name: 'footnotes',
  run(book) {
    const numbers = numberFootnotes(book);
    for (const [identifier, note] of footnotesById(book)) note.number = numbers.get(identifier);
  },
};
