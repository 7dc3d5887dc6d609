import { CollectingReporter, pointPosition } from '../../src/diagnostics/reporter';
import { ratings } from '../../src/transform/ratings';
import { sampleBook } from '../helpers/sample-book';

test('a known rating passes silently and is left as written', () => {
  const book = sampleBook();
  book.meta.rating = 'Rated: Fiction K+';
  const report = new CollectingReporter();
  ratings.run(book, { report });
  expect(report.messages).toEqual([]);
  expect(book.meta.rating).toBe('Rated: Fiction K+');
});

test('an unknown rating is kept, with a positioned warning listing the accepted values', () => {
  const book = sampleBook();
  book.meta.rating = 'PG-13';
  book.metaPositions.rating = pointPosition('story.txt', 3, 8);
  const report = new CollectingReporter();
  ratings.run(book, { report });
  expect(book.meta.rating).toBe('PG-13');
  expect(report.messages).toHaveLength(1);
  const [message] = report.messages;
  expect(message).toMatchObject({ severity: 'warning', rule: 'rating-unknown', position: { file: 'story.txt', start: { line: 3, column: 8 } } });
  expect(message.message).toContain('PG-13');
  expect(message.hint).toMatch(/K\+.*Teen And Up Audiences.*NR/);
});

test('no rating, no message', () => {
  const book = sampleBook();
  delete book.meta.rating;
  const report = new CollectingReporter();
  ratings.run(book, { report });
  expect(report.messages).toEqual([]);
});
