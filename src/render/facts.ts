/** Facts of the book that more than one renderer prints, gathered once, in the book's language. */
import type { Locale } from '../locale';
import type { Book, Meta } from '../model/types';

/** One fact of a title page: which it is, its label in the book's language, and its value as printed. */
export interface TitlePageFact {
  key: 'rating' | 'warnings' | 'fandoms' | 'relationships' | 'characters' | 'tags' | 'series' | 'status' | 'words';
  label: string;
  value: string;
}

/** A series and the work's place in it, as the language writes it (`The Loft #2`). */
export function seriesText(book: Book, locale: Locale): string {
  const { series } = book.meta;
  if (!series) return '';
  return series.index !== undefined ? locale.text('seriesIndex', { series: series.name, n: series.index }) : series.name;
}

/**
 * The title page's facts, in order: rating, warnings, fandom(s), relationships, characters, tags, series, status and
 * the number of words in the language's way of writing numbers; only those the book has (no words, no word count).
 * Each format shows all of them or a choice (the PDF's template: rating, fandoms, words).
 */
export function titlePageFacts(book: Book, locale: Locale): TitlePageFact[] {
  const { meta } = book;
  const { labels } = locale;
  const join = (items: readonly string[]) => items.join(labels.comma);
  const facts: [TitlePageFact['key'], string, string][] = [
    ['rating', labels.rating, meta.rating ?? ''],
    ['warnings', labels.warnings, join(meta.warnings)],
    ['fandoms', meta.fandoms.length > 1 ? labels.fandoms : labels.fandom, join(meta.fandoms)],
    ['relationships', labels.relationships, join(meta.relationships)],
    ['characters', labels.characters, join(meta.characters)],
    ['tags', labels.tags, join(meta.tags)],
    ['series', labels.series, seriesText(book, locale)],
    ['status', labels.status, meta.status ?? ''],
    ['words', labels.words, book.stats?.words ? locale.number(book.stats.words) : ''],
  ];
  return facts.flatMap(([key, label, value]) => (value ? [{ key, label, value }] : []));
}

/** One fact of a copyright page: which it is, its label in the book's language, and its value as printed. */
export interface CopyrightFact {
  key: 'publisher' | 'published' | 'identifier';
  label: string;
  value: string;
}

/**
 * The copyright page's facts after the rights line, in order: the publisher, the date in the language's long form (a
 * bare year as it is), the identifier; only those the book has.
 */
export function copyrightFacts(meta: Meta, locale: Locale): CopyrightFact[] {
  const { labels } = locale;
  const facts: [CopyrightFact['key'], string, string | undefined][] = [
    ['publisher', labels.publisher, meta.publisher],
    ['published', labels.published, meta.date?.trim() ? locale.date(meta.date) : undefined],
    ['identifier', labels.identifier, meta.identifier],
  ];
  return facts.flatMap(([key, label, value]) => (value?.trim() ? [{ key, label, value: value.trim() }] : []));
}
