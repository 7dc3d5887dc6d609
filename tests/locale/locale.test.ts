import { directionOfLanguage, localeOf } from '../../src/locale';
import { emptyMeta } from '../../src/model/build-helpers';

describe('the book locale', () => {
  it('decides direction from the language’s likely script, with an explicit script subtag winning', () => {
    for (const tag of ['he', 'ar-EG', 'fa', 'yi', 'ur', 'ckb', 'dv', 'ku-Arab', 'pa-Arab', 'iw']) expect([tag, directionOfLanguage(tag)]).toEqual([tag, 'rtl']);
    for (const tag of ['en', 'ru', 'ja', 'ku', 'ku-Latn', 'el', 'pa', 'not a tag']) expect([tag, directionOfLanguage(tag)]).toEqual([tag, 'ltr']);
  });

  it('lets the manuscript’s `dir:` win over the language', () => {
    expect(localeOf({ ...emptyMeta(), language: 'he', direction: 'ltr' }).direction).toBe('ltr');
    expect(localeOf({ ...emptyMeta(), language: 'en' }).direction).toBe('ltr');
    expect(localeOf({ ...emptyMeta(), language: 'ckb' }).direction).toBe('rtl');
  });

  it('fills placeholders, formatting numbers for the language, and applies the book’s overrides', () => {
    const en = localeOf({ ...emptyMeta(), language: 'en' });
    expect(en.text('chapter', { n: 3 })).toBe('Chapter 3');
    expect(en.number(12345)).toBe('12,345');
    expect(en.list(['A', 'B', 'C'])).toBe('A, B, and C');
    const own = localeOf({ ...emptyMeta(), language: 'en', labels: { contents: 'What’s Inside' } });
    expect(own.labels.contents).toBe('What’s Inside');
    expect(own.labels.notes).toBe('Notes');
  });
});
