/** The build's date: decided once per build, from SOURCE_DATE_EPOCH or the book, never from the wall clock. */
import type { Book } from '../model/types';

/** A fixed timestamp for books that give no date and builds without SOURCE_DATE_EPOCH. */
export const FALLBACK_DATE = new Date('2000-01-01T00:00:00Z');

/**
 * The build's timestamp: SOURCE_DATE_EPOCH (seconds) when set, else the book's own date when it is a full date,
 * else a fixed date. Never the wall clock, so identical inputs give identical files.
 */
export function buildDate(book: Book, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  const date = book.meta.date?.trim();
  if (date && /^\d{4}-\d{2}-\d{2}/.test(date)) {
    const parsed = new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  if (date && /^\d{4}$/.test(date)) return new Date(`${date}-01-01T00:00:00Z`);
  return FALLBACK_DATE;
}
