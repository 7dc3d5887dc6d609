/**
 * The language step: decides the book's language once (canonical tag, script, direction, quotation marks,
 * hyphenation patterns) and stores it in the model as `book.language`, where every later stage reads it.
 */
import { decideLanguage } from '../locale/language';
import type { Transform } from './types';

export const language: Transform = {
  name: 'language',
  run(book) {
    book.language = decideLanguage(book.meta);
  },
};
