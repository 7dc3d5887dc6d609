/** Chapter-heading labels: what splits off as a label, and what stays a whole title. */
import { plainText } from '../../../src/model/build-helpers';
import { splitLabel } from '../../../src/read/markdown/labels';

const split = (heading: string): [string | undefined, string] => {
  const { label, title } = splitLabel([{ type: 'text', value: heading }]);
  return [label, plainText(title)];
};

describe('splitLabel', () => {
  it.each([
    ['CHAPTER 1. Loomings.', 'CHAPTER 1.', 'Loomings.'],
    ['Chapter 3: The Loft', 'Chapter 3', 'The Loft'],
    ['Part I: 1805', 'Part I', '1805'],
    ['Book Two — The Sea', 'Book Two', 'The Sea'],
    ['Chapter Twenty-One - Home', 'Chapter Twenty-One', 'Home'],
    ['Book I', 'Book I', ''],
    ['CHAPTER XII.', 'CHAPTER XII.', ''],
  ])('%s → label %s, title %s', (heading, label, title) => {
    expect(split(heading)).toEqual([label, title]);
  });

  it.each(['Chapter 3 The Loft', 'Chapters of my Life', 'Part Mild: x', 'Epilogue', 'The Book of Ada', 'I'])('%s stays a whole title', (heading) => {
    expect(split(heading)).toEqual([undefined, heading]);
  });

  it('keeps inline markup after the label', () => {
    const { label, title } = splitLabel([{ type: 'text', value: 'Chapter 3: ' }, { type: 'emphasis', children: [{ type: 'text', value: 'The Loft' }] }]);
    expect(label).toBe('Chapter 3');
    expect(title).toEqual([{ type: 'emphasis', children: [{ type: 'text', value: 'The Loft' }] }]);
  });
});
