/**
 * The book's locale, decided once: its language tag, its direction and the strings it prints, with numbers and lists
 * formatted for the language. Readers, transforms and every renderer read it from here instead of working it out.
 */
import type { Meta } from '../model/types';
import { directionOfLanguage } from './direction';
import { ENGLISH, type LabelKey, type Labels } from './labels';
import { LABELS } from './tables';

export { directionOfLanguage, scriptOf } from './direction';
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

/** The part of the metadata a locale depends on. */
export type LocaleMeta = Pick<Meta, 'language' | 'direction' | 'labels'>;

function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

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

/** The locale made for a metadata object, with the values it was made from (a later change to them makes a new one). */
const cache = new WeakMap<object, { from: [string, LocaleMeta['direction'], LocaleMeta['labels']]; locale: Locale }>();

/** The locale of a book's metadata, cached per metadata object for as long as its language, direction and labels stay. */
export function localeOf(meta: LocaleMeta): Locale {
  const known = cache.get(meta);
  if (known && known.from[0] === meta.language && known.from[1] === meta.direction && known.from[2] === meta.labels) return known.locale;
  const tag = canonical(meta.language);
  const language = tag.split('-')[0].toLowerCase();
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
    direction: meta.direction ?? directionOfLanguage(tag),
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
  cache.set(meta, { from: [meta.language, meta.direction, meta.labels], locale });
  return locale;
}
