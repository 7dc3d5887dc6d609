import { pointPosition, CollectingReporter } from '../../src/diagnostics/reporter';
import { directionOfLanguage, ENGLISH, LABELS, localeOf, OPTIONAL_LABELS, type LabelKey } from '../../src/locale';
import { emptyBook, emptyMeta } from '../../src/model/build-helpers';
import { applyMetadata } from '../../src/read/metadata';
import { languageNames, languageTagFrom } from '../../src/locale/language';

describe('the book locale', () => {
  it('decides direction from the language’s likely script, with an explicit script subtag winning', () => {
    for (const tag of ['he', 'ar-EG', 'fa', 'yi', 'ur', 'ckb', 'dv', 'ku-Arab', 'pa-Arab', 'iw']) expect([tag, directionOfLanguage(tag)]).toEqual([tag, 'rtl']);
    for (const tag of ['en', 'ru', 'ja', 'ku', 'ku-Latn', 'el', 'pa', 'not a tag']) expect([tag, directionOfLanguage(tag)]).toEqual([tag, 'ltr']);
  });

  it('follows a change to the book it was made from', () => {
    const meta = { ...emptyMeta(), language: 'en' };
    const book = { meta };
    expect(localeOf(book).direction).toBe('ltr');
    meta.direction = 'rtl';
    expect(localeOf(book).direction).toBe('rtl');
    meta.labels = { contents: 'Inside' };
    expect(localeOf(book).labels.contents).toBe('Inside');
    expect(localeOf(book)).toBe(localeOf(book));
  });

  it('lets the manuscript’s `dir:` win over the language', () => {
    expect(localeOf({ meta: { ...emptyMeta(), language: 'he', direction: 'ltr' } }).direction).toBe('ltr');
    expect(localeOf({ meta: { ...emptyMeta(), language: 'en' } }).direction).toBe('ltr');
    expect(localeOf({ meta: { ...emptyMeta(), language: 'ckb' } }).direction).toBe('rtl');
  });

  it('fills placeholders, formatting numbers for the language, and applies the book’s overrides', () => {
    const en = localeOf({ meta: { ...emptyMeta(), language: 'en' } });
    expect(en.text('chapter', { n: 3 })).toBe('Chapter 3');
    expect(en.number(12345)).toBe('12,345');
    expect(en.list(['A', 'B', 'C'])).toBe('A, B, and C');
    const own = localeOf({ meta: { ...emptyMeta(), language: 'en', labels: { contents: 'What’s Inside' } } });
    expect(own.labels.contents).toBe('What’s Inside');
    expect(own.labels.notes).toBe('Notes');
  });
});

describe('the label tables', () => {
  const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

  it.each(Object.keys(LABELS).filter((tag) => tag !== 'en'))('%s has every label as plain text, with only the placeholders English has', (tag) => {
    const table = LABELS[tag];
    for (const key of Object.keys(ENGLISH) as LabelKey[]) {
      const text = table[key];
      expect([key, typeof text]).toEqual([key, 'string']);
      if (!OPTIONAL_LABELS.includes(key)) expect([key, text.trim().length > 0]).toEqual([key, true]);
      expect([key, /[<>&]/.test(text)]).toEqual([key, false]);
      const english = placeholders(ENGLISH[key]);
      for (const name of placeholders(text)) expect([key, name, english.has(name)]).toEqual([key, name, true]);
    }
    // What must be filled in is there: a chapter heading without its number would name every chapter alike.
    for (const key of ['chapter', 'part', 'seriesIndex', 'coverAlt', 'coverAltNoAuthor', 'a11ySomeAlt'] as LabelKey[]) {
      expect([key, [...placeholders(table[key])].sort()]).toEqual([key, [...placeholders(ENGLISH[key])].sort()]);
    }
  });

  it('writes chapters as each language’s books do', () => {
    const chapter = (language: string, n: number) => localeOf({ meta: { ...emptyMeta(), language } }).text('chapter', { n });
    expect(['ja', 'zh', 'ko', 'he', 'ar', 'fr', 'de', 'pl', 'ru'].map((tag) => chapter(tag, 2))).toEqual([
      '第2章', '第2章', '제2장', 'פרק 2', 'الفصل 2', 'Chapitre 2', 'Kapitel 2', 'Rozdział 2', 'Глава 2',
    ]);
    // A regional tag uses its language's table; a language without one prints English.
    expect(chapter('pt-BR', 3)).toBe('Capítulo 3');
    expect(chapter('fi', 3)).toBe('Chapter 3');
  });

  it('writes dates for the language: a full date in the long style, a year and month, a bare year as it is', () => {
    const date = (language: string, text: string) => localeOf({ meta: { ...emptyMeta(), language } }).date(text);
    expect(date('fr', '2024-03-05')).toBe('5 mars 2024');
    expect(date('en', '2024-03-05')).toBe('March 5, 2024');
    expect(date('ja', '2024-03-05')).toBe('2024年3月5日');
    expect(date('de', '2024-03')).toBe('März 2024');
    expect(date('fr', '2024')).toBe('2024');
    expect(date('fr', 'spring 2024')).toBe('spring 2024');
  });
});

describe('labels: in the metadata', () => {
  const apply = (value: unknown) => {
    const book = emptyBook('.');
    const report = new CollectingReporter();
    const position = pointPosition('book.yaml', 4, 1);
    applyMetadata(book, [{ key: 'labels', value, position }], report);
    return { labels: book.meta.labels, messages: report.messages.map((m) => [m.rule, m.message, m.hint, m.position?.start.line]) };
  };

  it('takes label keys however they are written (`Title Page` names `titlePage`)', () => {
    expect(apply({ 'Title Page': 'Opening', contents: 'Sommaire' }).labels).toEqual({ titlePage: 'Opening', contents: 'Sommaire' });
  });

  it('warns at the key about an unknown label, with the nearest label as a hint', () => {
    expect(apply({ contnets: 'Inhalt', notes: 'Anmerkungen' })).toEqual({
      labels: { notes: 'Anmerkungen' },
      messages: [['unknown-key', 'unknown label `contnets` under `labels`; ignored', 'did you mean `contents`?', 4]],
    });
    expect(apply({ xyzzy: 'Q' }).messages[0][2]).toMatch(/^Labels are: contents, chapter, part,/);
  });

  it('reports a value that is not text as the wrong type, as other keys do', () => {
    expect(apply({ words: 12 }).messages).toEqual([['meta-invalid', '`labels.words` should be text; ignored', undefined, 4]]);
    expect(apply(['contents']).messages[0][1]).toMatch(/^`labels` should be a mapping of label names to text/);
  });
});

test('no language name is a two-letter tag, so a two-letter code is read without the table of names', () => {
  const names = languageNames();
  expect(names.length).toBeGreaterThan(300);
  expect(names.filter((name) => /^[a-z]{2}(?:[-_][a-z0-9]+)*$/i.test(name))).toEqual([]);
  expect([languageTagFrom('en'), languageTagFrom('pt_br'), languageTagFrom('EN-gb'), languageTagFrom('Ewe'), languageTagFrom('Français')]).toEqual(['en', 'pt-BR', 'en-GB', 'ee', 'fr']);
});
