/** Facts of the book that more than one renderer prints, gathered once, in the book's language. */
import type { Locale } from '../locale';
import type { Meta } from '../model/types';

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
