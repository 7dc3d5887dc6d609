/**
 * The book's locale, decided once: its language tag, its direction and the strings it prints, with numbers and lists
 * formatted for the language. Readers, transforms and every renderer read it from here instead of working it out.
 */
import type { Book } from '../model/types';
import { ENGLISH, type LabelKey, type Labels } from './labels';
import { languageOf } from './language';
import { LABELS } from './tables';

export { directionOfLanguage, scriptOf } from './direction';
export { decideLanguage, languageOf, languageTagFrom } from './language';
export { ENGLISH_QUOTES, quoteStyle, type QuoteStyle } from './quotes';
export { ENGLISH, OPTIONAL_LABELS, type LabelKey, type Labels } from './labels';
export { LABELS } from './tables';

export interface Locale {
  /** The BCP 47 tag as given (`en` when it cannot be read). */
  tag: string;
  /** Its primary subtag, lower case (`pt` for `pt-BR`). */
  language: string;
  direction: 'ltr' | 'rtl';
  /** The table for the language, with the book's own overrides applied. */
  labels: Labels;
  /** A number written for the language (`1,234`, `1 234`, `١٬٢٣٤` as ICU says). */
  number(n: number): string;
  /** Items joined as the language joins a list (`A, B and C`; `A、B、C`). */
  list(items: readonly string[]): string;
  /**
   * A date as the language writes it: a full date (`2024-03-05`) in the long style (`5 mars 2024`), a year and month
   * as month and year, a bare year as it is; anything else as written.
   */
  date(text: string): string;
  /** A label with its `{placeholders}` filled in; numbers are formatted with `number`. */
  text(key: LabelKey, values?: Record<string, string | number>): string;
}

/** The part of a book a locale depends on: its decided language and its own labels. */
export type LocaleSource = Pick<Book, 'meta' | 'language'>;

/** The label table for a tag: the full tag's, else the primary subtag's, else English. */
export function labelsFor(tag: string): Labels {
  const lower = tag.toLowerCase();
  return LABELS[lower] ?? LABELS[lower.split('-')[0]] ?? ENGLISH;
}

function formatDate(text: string, tag: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/.exec(text.trim());
  if (!m) return text;
  const [, year, month, day] = m;
  if (!month) return year;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, day ? Number(day) : 1));
  if (Number.isNaN(date.getTime())) return text;
  const options: Intl.DateTimeFormatOptions = day ? { dateStyle: 'long', timeZone: 'UTC' } : { year: 'numeric', month: 'long', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(tag, options).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', options).format(date);
  }
}

/** The locale made for a book, with the values it was made from (a later change to them makes a new one). */
const cache = new WeakMap<object, { from: [Book['language'], string, string | undefined, Book['meta']['labels']]; locale: Locale }>();

/** The locale of a book, cached per book for as long as its language and labels stay. */
export function localeOf(book: LocaleSource): Locale {
  const { meta } = book;
  const from: [Book['language'], string, string | undefined, Book['meta']['labels']] = [book.language, meta.language, meta.direction, meta.labels];
  const known = cache.get(book);
  if (known && known.from.every((value, i) => value === from[i])) return known.locale;
  const decided = languageOf(book);
  const { tag } = decided;
  const language = decided.primary;
  const labels: Labels = { ...labelsFor(tag), ...(meta.labels ?? {}) };
  let numbers: Intl.NumberFormat;
  let lists: Intl.ListFormat;
  try {
    numbers = new Intl.NumberFormat(tag);
    lists = new Intl.ListFormat(tag, { type: 'conjunction' });
  } catch {
    numbers = new Intl.NumberFormat('en');
    lists = new Intl.ListFormat('en', { type: 'conjunction' });
  }
  const locale: Locale = {
    tag,
    language,
    direction: decided.direction,
    labels,
    number: (n) => numbers.format(n),
    list: (items) => lists.format(items),
    date: (text) => formatDate(text, tag),
    text(key, values = {}) {
      return labels[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = values[name];
        if (value === undefined) return whole;
        return typeof value === 'number' ? numbers.format(value) : value;
      });
    },
  };
  cache.set(book, { from, locale });
  return locale;
}
