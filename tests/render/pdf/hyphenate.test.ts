/**
 * Pattern hyphenation: break points keep at least two letters before and three after; the walk over the `hyphen`
 * package's patterns finds what the package's own `hyphenateSync` finds.
 */
import * as fs from 'node:fs';
import { decideLanguage } from '../../../src/locale';
import { hyphenatorFor, LEFT_MIN, markers, RIGHT_MIN, type Patterns } from '../../../src/render/pdf/layout/hyphenate';
import { corpusFile } from '../../helpers/tools';

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

describe('markers', () => {
  const SOFT = '\u00ad';
  const TEXTS = ['novels/moby-dick.md', 'war-and-peace/war-and-peace.md', 'leaves-of-grass/leaves-of-grass.md', 'fanfic-style/persuasion.txt', 'pandoc/MANUAL.txt'];
  // Words of other scripts and cases: Greek, Cyrillic, German, a case mapping that changes the length (İ → i̇), marks.
  const CHOSEN = ['λογοτεχνία', 'Ἀθῆναι', 'достопримечательность', 'Толстой', 'Donaudampfschifffahrt', 'Straßenbahn', 'İstanbulluların', 'CAFE\u0301TERIA', 'associate', 'philanthropic', 'constructor', 'hasOwnProperty'];
  /** The letter runs of the corpus's words, as quire gives them to the patterns (lower-cased when that keeps the length). */
  const cores = (() => {
    const out = new Set<string>(CHOSEN);
    for (const rel of TEXTS) {
      for (const m of fs.readFileSync(corpusFile(rel), 'utf8').matchAll(/\p{L}[\p{L}\p{M}]*\p{L}/gu)) {
        const lower = m[0].toLowerCase();
        out.add(lower.length === m[0].length ? lower : m[0]);
      }
    }
    return [...out];
  })();
  /** The package's answer: the offsets of the soft hyphens `hyphenateSync` puts in. */
  const reference = (hyphenateSync: (text: string, options: object) => string, text: string): number[] => {
    const out: number[] = [];
    let at = 0;
    for (const char of hyphenateSync(text, { hyphenChar: SOFT, minWordLength: LEFT_MIN + RIGHT_MIN })) {
      if (char === SOFT) out.push(at);
      else at += char.length;
    }
    return out;
  };

  test.each(['en-us', 'en-gb', 'de-1996', 'ru', 'el-monoton', 'fr'])('%s: the package\u2019s offsets for every corpus word', (language) => {
    // A fresh copy of the patterns for each side: the package writes what it works out into its exceptions.
    const { hyphenateSync } = jest.requireActual<{ hyphenateSync: (text: string, options: object) => string }>(`hyphen/${language}`);
    const patterns = structuredClone(jest.requireActual<Patterns>(`hyphen/patterns/${language}`));
    expect(cores.length).toBeGreaterThan(30_000);
    const differ = cores.filter((core) => JSON.stringify(markers(core, patterns)) !== JSON.stringify(reference(hyphenateSync, core)));
    expect(differ).toEqual([]);
    // …and the comparison can fail: a word of the language's script has offsets.
    const word = language === 'ru' ? 'достопримечательность' : language === 'el-monoton' ? 'λογοτεχνία' : 'philanthropic';
    expect(markers(word, patterns).length).toBeGreaterThan(0);
  });
});
