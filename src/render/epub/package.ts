/** The data behind the package document (OPF): Dublin Core and accessibility metadata, manifest and spine. */
import type { Reporter } from '../../diagnostics/types';
import { subjects } from '../../model/build-helpers';
import type { Book } from '../../model/types';
import type { A11yMetadata } from './a11y';
import { bookIdentifier } from './identifier';

export interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties?: string;
  /** Manifest id of the item to use when this one's media type is not supported. */
  fallback?: string;
}

/** What `templates/epub/content.opf.ejs` receives as `quire.pkg`. */
export interface PackageData {
  identifier: string;
  /** The first `dc:title`, the one reading systems show (Apple Books, Kobo, Kindle): with the subtitle, if any. */
  title: string;
  /**
   * With a subtitle: the title and subtitle apart, as `title-type` main and subtitle, for calibre (which shows
   * `main: subtitle`). Left out when calibre's `: ` join would not give `title` (a title ending in `?`).
   */
  mainTitle?: string;
  subtitle?: string;
  language: string;
  direction?: 'ltr' | 'rtl';
  creators: { id: string; name: string; fileAs?: string }[];
  description?: string;
  date?: string;
  publisher?: string;
  rights?: string;
  subjects: string[];
  series?: { name: string; index?: number };
  /** The fan-fiction rating as written (`T`, `Mature`), as `schema:contentRating`. */
  rating?: string;
  /** `dcterms:modified`: the build's timestamp to the second, UTC. */
  modified: string;
  a11y: A11yMetadata;
  /** Manifest id of the cover image, for EPUB 2's `<meta name="cover">`. */
  coverId?: string;
  manifest: ManifestItem[];
  /** Manifest ids in reading order. */
  spine: string[];
  /** EPUB 2 `<guide>` references (Kindle profile), empty for none. */
  guide: { type: string; title: string; href: string }[];
}

/** W3CDTF, the date syntax EPUBCheck accepts in `dc:date`. */
const W3CDTF = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

/** The manuscript's date as W3CDTF, `undefined` (reported) when it cannot be read as a date. */
function publicationDate(book: Book, report: Reporter): string | undefined {
  const given = book.meta.date?.trim();
  if (!given || W3CDTF.test(given)) return given || undefined;
  const parsed = new Date(given);
  if (!Number.isNaN(parsed.getTime())) {
    // Free-form dates parse as local midnight, so the local calendar fields are the ones the author wrote.
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
  }
  report.warn('date-invalid', `date \`${given}\` is not a date; the EPUB gets no publication date`, {
    position: book.metaPositions.date,
    source: 'render:epub',
    hint: 'Write the date as YYYY-MM-DD.',
  });
  return undefined;
}

/**
 * The title with its subtitle as a reader should see it in a library: `Salt & Silver: A Small Collection`, or
 * `Why Not? A Story` after a title that ends in punctuation of its own.
 */
export function fullTitle(title: string, subtitle: string | undefined): string {
  const sub = subtitle?.trim();
  if (!sub) return title;
  return /[?!:;.…]$/.test(title.trim()) ? `${title.trim()} ${sub}` : `${title.trim()}: ${sub}`;
}

/** What the package metadata needs besides the book. */
export interface PackageInput {
  /** The validated language tag. */
  language: string;
  direction?: 'ltr' | 'rtl';
  now: Date;
  a11y: A11yMetadata;
  /** The summary as plain text (from `meta.summary` or the summary page). */
  summary?: string;
}

/** The package metadata for a book; `manifest` and `spine` are filled in by the caller. */
export function packageData(book: Book, input: PackageInput, report: Reporter): PackageData {
  const { meta } = book;
  const { language, now } = input;
  const subtitle = meta.subtitle?.trim() || undefined;
  const title = fullTitle(meta.title, subtitle);
  // calibre reads the `main` title and appends `: ` and the `subtitle` one; where that is the full title, both are given.
  const parts = subtitle && title === `${meta.title.trim()}: ${subtitle}` ? { mainTitle: meta.title.trim(), subtitle } : {};
  return {
    identifier: bookIdentifier(meta),
    title,
    ...parts,
    language,
    direction: input.direction,
    creators: meta.authors.map((a, i) => ({ id: `creator-${i + 1}`, name: a.name, fileAs: a.fileAs })),
    description: input.summary?.trim() || undefined,
    date: publicationDate(book, report),
    publisher: meta.publisher?.trim() || undefined,
    rights: meta.rights?.trim() || undefined,
    // One subject per fandom, genre, relationship, tag and character: what library software (calibre) shows as tags.
    subjects: subjects(meta),
    series: meta.series?.name.trim() ? meta.series : undefined,
    rating: meta.rating?.trim() || undefined,
    modified: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    a11y: input.a11y,
    manifest: [],
    spine: [],
    guide: [],
  };
}
