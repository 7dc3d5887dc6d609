/** Checks the book's rating against the FanFiction.net and AO3 vocabularies; an unknown rating is kept, with a warning. */
import { ACCEPTED_RATINGS, parseRating } from '../model/ratings';
import type { Transform } from './types';

/** Warns (`rating-unknown`) when `meta.rating` names no rating quire knows. Never changes the book. */
export const ratings: Transform = {
  name: 'ratings',
  run(book, { report }) {
    const written = book.meta.rating?.trim();
    if (!written || parseRating(written)) return;
    report.warn('rating-unknown', `unknown rating \`${written}\`; it is kept as written`, {
      position: book.metaPositions.rating,
      hint: `Use one of ${ACCEPTED_RATINGS}.`,
    });
  },
};
