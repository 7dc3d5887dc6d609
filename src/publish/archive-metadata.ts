/**
 * Internet Archive metadata as the spreadsheet `ia upload --spreadsheet=<file>.csv` takes (the `internetarchive`
 * command-line tool's bulk uploader): an `identifier` and a `file` column, then one column per metadata field, indexed
 * (`subject[0]`, `subject[1]`) where a field repeats. The first row creates the item with its metadata; each further
 * row, with an empty identifier, adds one more file to the same item.
 */
import { plainText, subjects } from '../model/build-helpers';
import type { Book } from '../model/types';
import { asciiSlug } from '../text/slug';
import { marcLanguage } from './language';
import { languageOf } from '../locale';
import { licenceUrl } from './licence';

export interface ArchiveMetadataOptions {
  /** The files to upload, relative to the folder the spreadsheet is in (the build's output folder). */
  files: readonly string[];
  /** The item's identifier; by default the book's own identifier when IA accepts it, else title and author as a slug. */
  identifier?: string;
  /** The build's date, used when the book gives none. */
  date: Date;
}

/** IA identifiers: 3 to 100 letters, digits, `.`, `-`, `_`, starting with a letter or digit. */
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._-]{2,99}$/;

/** The item identifier: the book's identifier when IA accepts it as one, else `title-author` (which must be unused on IA). */
export function archiveIdentifier(book: Book): string {
  const own = book.meta.identifier?.trim();
  if (own && IDENTIFIER.test(own)) return own;
  // IA identifiers are ASCII: other scripts are transliterated (`שיר השירים` → `syr-hsyrym`).
  const slug = asciiSlug([book.meta.title, book.meta.authors[0]?.name].filter(Boolean).join(' '), 100);
  return slug.length >= 3 ? slug : `quire-book-${slug}`.replace(/-$/, '');
}

/** A metadata field that may repeat, as `name` or `name[0]`, `name[1]`… columns. */
function repeated(name: string, values: readonly string[]): [string, string][] {
  const clean = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  return clean.length === 1 ? [[name, clean[0]]] : clean.map((value, i) => [`${name}[${i}]`, value]);
}

/** The book's date when it is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (what IA's `date` field takes), else the build date. */
function itemDate(book: Book, fallback: Date): string {
  const date = book.meta.date?.trim();
  const m = date ? /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(date) : null;
  return m ? m[0] : fallback.toISOString().slice(0, 10);
}

/** The item's metadata fields in column order (no `identifier` or `file`). Empty fields are left out. */
export function archiveFields(book: Book, date: Date): [string, string][] {
  const { meta } = book;
  const summaryPage = book.front.find((page) => page.role === 'summary');
  const description = meta.summary ?? (summaryPage ? summaryPage.children.map((b) => (b.type === 'paragraph' ? plainText(b.children) : '')).join('\n\n') : undefined);
  const licence = licenceUrl(meta.rights);
  const fields: [string, string | undefined][] = [
    ['mediatype', 'texts'],
    // Community Texts: the collection anyone's texts go to unless IA gives them another.
    ['collection', 'opensource'],
    ['title', meta.subtitle ? `${meta.title}: ${meta.subtitle}` : meta.title],
    ...repeated('creator', meta.authors.map((a) => a.name)),
    ['date', itemDate(book, date)],
    ['language', marcLanguage(languageOf(book)) ?? languageOf(book).tag],
    ...repeated('subject', subjects(meta)),
    ['description', description],
    ['publisher', meta.publisher],
    ['rights', meta.rights],
    ['licenseurl', licence],
  ];
  return fields.filter((f): f is [string, string] => !!f[1]?.trim());
}

/** One CSV field, quoted (RFC 4180) when it holds a comma, a quote, a line break or edge spaces. */
function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The spreadsheet for `ia upload --spreadsheet`: UTF-8, CRLF row ends (RFC 4180), header row first. */
export function archiveMetadataCsv(book: Book, options: ArchiveMetadataOptions): string {
  const fields = archiveFields(book, options.date);
  const header = ['identifier', 'file', ...fields.map(([name]) => name)];
  const identifier = options.identifier ?? archiveIdentifier(book);
  const rows = options.files.map((file, i) => (i === 0 ? [identifier, file, ...fields.map(([, value]) => value)] : ['', file, ...fields.map(() => '')]));
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
