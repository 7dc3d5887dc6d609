/** Pattern hyphenation: break points keep at least two letters before and three after. */
import { decideLanguage } from '../../../src/locale';
import { hyphenatorFor, LEFT_MIN, RIGHT_MIN } from '../../../src/render/pdf/layout/hyphenate';

describe('hyphenatorFor', () => {
  const en = hyphenatorFor('en');

  it('loads the patterns the language step names: the full tag’s, else its primary subtag’s, else none', () => {
    const patterns = (language: string) => decideLanguage({ language }).hyphenation;
    expect([patterns('en-GB'), patterns('de-AT'), patterns('el'), patterns('tlh')]).toEqual(['en-gb', 'de', 'el', undefined]);
    expect(en).toBeDefined();
    expect(hyphenatorFor(patterns('en-GB'))).toBeDefined();
    expect(hyphenatorFor(patterns('de-AT'))).toBeDefined();
    expect(hyphenatorFor(undefined)).toBeUndefined();
  });

  it('finds break points inside long words', () => {
    expect(en?.('hyphenation')).toEqual([2, 6]);
    expect(en?.('typesetting').length).toBeGreaterThan(0);
  });

  it('never leaves short fragments', () => {
    for (const word of ['abandon', 'every', 'really', 'operatic', 'elephantine', 'a', 'into', 'cities.', '\u201cunable']) {
      const letters = word.replace(/[^\p{L}]/gu, '');
      const lead = word.indexOf(letters[0]);
      for (const at of en?.(word) ?? []) {
        expect(at - lead).toBeGreaterThanOrEqual(LEFT_MIN);
        expect(lead + letters.length - at).toBeGreaterThanOrEqual(RIGHT_MIN);
      }
    }
    expect(en?.('into')).toEqual([]);
  });

  it('keeps breaks that carry two letters over apart, as a last resort', () => {
    expect(en?.('Pávlovna')).toEqual([]);
    expect(en?.lastResort('Pávlovna')).toEqual([6]);
    expect(en?.lastResort('Mikháylovna’s')).toEqual([9]);
    for (const word of ['hyphenation', 'typesetting', 'Dmítrievna']) {
      for (const at of en?.lastResort(word) ?? []) expect(word.replace(/[^\p{L}]+$/u, '').length - at).toBe(2);
      for (const at of en?.(word) ?? []) expect(en?.lastResort(word)).not.toContain(at);
    }
  });

  it('leaves punctuation outside the hyphenated core', () => {
    const points = en?.('\u201cbeautiful,') ?? [];
    expect(points.length).toBeGreaterThan(0);
    for (const at of points) expect(at).toBeGreaterThan(1);
  });
});
