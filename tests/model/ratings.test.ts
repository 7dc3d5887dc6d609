import { ffnCaveats, parseRating } from '../../src/model/ratings';

test.each([
  ['K', 'general', 'K', 'General Audiences', 'K \u00b7 General Audiences'],
  ['K+', 'general', 'K+', 'General Audiences', 'K+ \u00b7 General Audiences'],
  ['Fiction K+', 'general', 'K+', 'General Audiences', 'K+ \u00b7 General Audiences'],
  ['Rated: Fiction T', 'teen', 'T', 'Teen And Up Audiences', 'T \u00b7 Teen And Up Audiences'],
  ['Rated: T', 'teen', 'T', 'Teen And Up Audiences', 'T \u00b7 Teen And Up Audiences'],
  ['k plus', 'general', 'K+', 'General Audiences', 'K+ \u00b7 General Audiences'],
  ['m', 'mature', 'M', 'Mature', 'M \u00b7 Mature'],
  ['General Audiences', 'general', 'K+', 'General Audiences', 'K+ \u00b7 General Audiences'],
  ['general', 'general', 'K+', 'General Audiences', 'K+ \u00b7 General Audiences'],
  ['G', 'general', 'K+', 'General Audiences', 'K+ \u00b7 General Audiences'],
  ['Teen And Up Audiences', 'teen', 'T', 'Teen And Up Audiences', 'T \u00b7 Teen And Up Audiences'],
  ['Teen and Up', 'teen', 'T', 'Teen And Up Audiences', 'T \u00b7 Teen And Up Audiences'],
  ['teen', 'teen', 'T', 'Teen And Up Audiences', 'T \u00b7 Teen And Up Audiences'],
  ['Mature', 'mature', 'M', 'Mature', 'M \u00b7 Mature'],
  ['Explicit', 'explicit', 'M', 'Explicit', 'Explicit'],
  ['E', 'explicit', 'M', 'Explicit', 'Explicit'],
  ['Not Rated', 'not-rated', 'M', 'Not Rated', 'Not Rated'],
  ['NR', 'not-rated', 'M', 'Not Rated', 'Not Rated'],
])('%s', (written, level, ffn, ao3, label) => {
  expect(parseRating(written)).toMatchObject({ level, ffn, ao3, label });
});

test('the vocabulary the manuscript used is recorded', () => {
  expect(parseRating('T')?.scheme).toBe('ffn');
  expect(parseRating('Teen And Up Audiences')?.scheme).toBe('ao3');
});

test('unknown ratings are not guessed', () => {
  for (const text of ['PG-13', 'R', 'MA', 'Gen', 'Kids', '', '   ', undefined]) expect(parseRating(text)).toBeUndefined();
});

test('every level maps both ways consistently', () => {
  for (const written of ['K', 'K+', 'T', 'M']) {
    const there = parseRating(written)!;
    expect(parseRating(there.ao3)!.level).toBe(there.level);
  }
  for (const written of ['General Audiences', 'Teen And Up Audiences', 'Mature']) {
    const there = parseRating(written)!;
    expect(parseRating(there.ffn)!.ao3).toBe(written);
  }
});

test('FFN caveats are honest about Explicit and Not Rated', () => {
  expect(ffnCaveats(parseRating('Explicit')!)[0]).toMatch(/forbids explicit/);
  expect(ffnCaveats(parseRating('Not Rated')!)).toHaveLength(1);
  expect(ffnCaveats(parseRating('M')!)).toEqual([]);
});
