/**
 * Metadata keys → `Meta`, shared by every reader (YAML front matter, `book.yaml`, the plain-text header), so that a
 * key means the same wherever it is written. Keys are case-insensitive; spaces, `_` and `-` in them do not matter.
 */
import type { Reporter } from '../diagnostics/types';
import type { Author, Block, Book, MatterRole, Meta, Position } from '../model/types';
import { languageTagFrom } from '../locale/language';
import { ENGLISH, type LabelKey } from '../locale/labels';
import { nearMiss, normaliseKey } from '../text/keys';

/** One `key: value` as a reader found it. YAML values keep their type; plain-text values are strings. */
export interface MetaEntry {
  key: string;
  value: unknown;
  position?: Position;
}

type Setter = (meta: Meta, value: unknown, at: Place) => void;
interface Place {
  key: string;
  position?: Position;
  report: Reporter;
}

/** Canonical key names, each with its aliases (already normalised: lower case, no spaces, `_` or `-`). */
const ALIASES: Record<string, string[]> = {
  title: [],
  subtitle: [],
  author: ['authors', 'by', 'writer', 'creator', 'creators'],
  language: ['lang', 'locale'],
  dir: ['direction'],
  date: [],
  published: [],
  updated: ['modified', 'completed'],
  publisher: [],
  rights: ['license', 'licence', 'copyright'],
  identifier: ['id', 'isbn', 'uuid'],
  rating: ['rated'],
  fandom: ['fandoms'],
  characters: ['character'],
  relationships: ['relationship', 'pairings', 'pairing', 'ships'],
  warnings: ['warning', 'archivewarnings', 'contentwarnings'],
  tags: ['tag', 'additionaltags', 'keywords', 'freeform', 'subject', 'subjects'],
  genre: ['genres', 'category', 'categories'],
  status: [],
  summary: ['description', 'abstract', 'blurb'],
  disclaimer: [],
  dedication: [],
  notes: ['note', 'authorsnote', 'authorsnotes'],
  series: [],
  seriesindex: ['seriesnumber', 'seriesposition'],
  cover: ['coverimage'],
  words: ['wordcount'],
  chapters: [],
  labels: [],
  source: [],
  quire: [],
};

const CANONICAL = new Map<string, string>();
for (const [name, aliases] of Object.entries(ALIASES)) {
  CANONICAL.set(name, name);
  for (const alias of aliases) CANONICAL.set(alias, name);
}

/** The canonical name of a metadata key, or undefined when quire does not know it. */
export function canonicalKey(key: string): string | undefined {
  return CANONICAL.get(normaliseKey(key));
}

/** The plain-text header keys a reader may recognise (canonical names and aliases, normalised). */
export function isKnownKey(key: string): boolean {
  return CANONICAL.has(normaliseKey(key));
}

const asString = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
};

/** Splits a plain-text list (`A, B & C`) or takes a YAML list as it is. */
function asList(value: unknown, at: Place, separators = /\s*[,;]\s*/): string[] {
  if (Array.isArray(value)) return value.map((v) => asString(v)).filter((v): v is string => !!v);
  const text = asString(value);
  if (text === undefined) {
    if (value !== null && value !== undefined) wrongType(at, 'a list or a comma-separated string');
    return [];
  }
  return text
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);
}

function wrongType(at: Place, expected: string): void {
  at.report.warn('meta-invalid', `\`${at.key}\` should be ${expected}; ignored`, { position: at.position });
}

function text(field: keyof Meta): Setter {
  return (meta, value, at) => {
    const s = asString(value);
    if (s === undefined) {
      if (value !== null && value !== undefined) wrongType(at, 'text');
      return;
    }
    (meta as unknown as Record<string, unknown>)[field] = s;
  };
}

function list(field: 'fandoms' | 'characters' | 'relationships' | 'warnings' | 'tags' | 'genres'): Setter {
  return (meta, value, at) => {
    // Relationships are written `A/B` or `A & B`: only commas and semicolons separate entries.
    for (const item of asList(value, at)) if (!meta[field].includes(item)) meta[field].push(item);
  };
}

function declared(name: string): Setter {
  return (meta, value, at) => {
    const s = asString(value);
    if (s === undefined) return wrongType(at, 'text');
    meta.declared[name] = s;
  };
}

/** Label keys by their normalised form, so that `title-page`, `Title Page` and `titlePage` all name `titlePage`. */
const LABEL_KEYS = new Map((Object.keys(ENGLISH) as LabelKey[]).map((key) => [normaliseKey(key), key]));

/** The label key closest to `key`, if it is a near miss. */
function suggestLabel(key: string): LabelKey | undefined {
  const best = nearMiss(key, LABEL_KEYS.keys(), 4);
  return best === undefined ? undefined : LABEL_KEYS.get(best);
}

/**
 * `labels:`: the book's own wording for strings quire prints, a mapping of label key → text over the language's
 * table (`contents: What’s Inside`). Unknown keys and values that are not text are reported and skipped.
 */
function labels(meta: Meta, value: unknown, at: Place): void {
  if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
    return wrongType(at, 'a mapping of label names to text, such as `contents: Table des matières`');
  }
  for (const [key, text] of Object.entries(value as Record<string, unknown>)) {
    const name = LABEL_KEYS.get(normaliseKey(key));
    if (!name) {
      const suggestion = suggestLabel(key);
      at.report.warn('unknown-key', `unknown label \`${key}\` under \`${at.key}\`; ignored`, {
        position: at.position,
        hint: suggestion ? `did you mean \`${suggestion}\`?` : `Labels are: ${[...LABEL_KEYS.values()].join(', ')}.`,
      });
      continue;
    }
    // A label may be empty (`by: ""` leaves the word out); numbers and other scalars are not labels.
    if (typeof text !== 'string') {
      wrongType({ ...at, key: `${at.key}.${key}` }, 'text');
      continue;
    }
    meta.labels = { ...meta.labels, [name]: text };
  }
}

function authors(meta: Meta, value: unknown, at: Place): void {
  const out: Author[] = [];
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const record = item as Record<string, unknown>;
      const name = asString(record.name);
      if (!name) {
        wrongType(at, 'a name or a list of names (objects need `name`)');
        continue;
      }
      const fileAs = asString(record['file-as'] ?? record.fileAs ?? record.file_as ?? record.sort);
      out.push(fileAs ? { name, fileAs } : { name });
      continue;
    }
    const s = asString(item);
    if (s === undefined) {
      if (item !== null && item !== undefined) wrongType(at, 'a name or a list of names');
      continue;
    }
    if (Array.isArray(value)) out.push({ name: s });
    else out.push(...bylineAuthors(s, normaliseKey(at.key) === 'author'));
  }
  meta.authors.push(...out);
}

/** `Jr.`, `III`, `PhD`: after a comma, one of these is part of the name before it, not a name of its own. */
const NAME_SUFFIX = /^(?:(?:jr|sr|esq|phd|md)\.?|II|III|IV)$/i;

/**
 * A byline written as one string (`A, B & C`, `A and B`, `A; B`) as separate names: split on `,`, `;`, `&` and the
 * word `and`, except a comma before a suffix (`Wren Halloway, Jr.`). A YAML list is taken as it is, so a name that
 * holds a comma or an `and` can always be written as a one-item list.
 */
function splitByline(byline: string): string[] {
  const names: string[] = [];
  for (const part of byline.split(/\s*(?:&|;|\band\b)\s*/i)) {
    const first = names.length;
    for (const piece of part.split(/\s*,\s*/)) {
      if (!piece) continue;
      if (names.length > first && NAME_SUFFIX.test(piece)) names[names.length - 1] += `, ${piece}`;
      else names.push(piece);
    }
  }
  return names;
}

/** `Melville, Herman`: a capitalised word, a comma, a capitalised word; a catalogue's sort form of one name. */
const SORT_FORM = /^(\p{Lu}[\p{L}'\u2019.-]*),\s*(\p{Lu}[\p{L}'\u2019.-]*)$/u;

/**
 * The authors a byline string names. Under the singular key (`Author:`), a byline that is exactly one name in sort
 * form (`Melville, Herman`) is that one author, named in reading order with the sort form kept as `fileAs`; under
 * `Authors:`, and for pen names (`midnightquill, wren`), the comma separates authors.
 */
function bylineAuthors(byline: string, singular: boolean): Author[] {
  const sort = singular ? SORT_FORM.exec(byline.trim()) : null;
  if (sort && !NAME_SUFFIX.test(sort[2])) return [{ name: `${sort[2]} ${sort[1]}`, fileAs: byline.trim() }];
  return splitByline(byline).map((name) => ({ name }));
}

/** BCP 47, structurally: a 2–3 letter (or 4–8) primary subtag and 1–8 character alphanumeric subtags. */
const SETTERS: Record<string, Setter> = {
  title: text('title'),
  subtitle: text('subtitle'),
  author: authors,
  language: (meta, value, at) => {
    const s = asString(value);
    if (s === undefined) return wrongType(at, 'a language tag such as `en` or `pt-BR`');
    const tag = languageTagFrom(s);
    if (!tag) {
      at.report.warn('language-invalid', `\`${s}\` is not a BCP 47 language tag; using \`${meta.language}\``, {
        position: at.position,
        hint: 'Write a tag such as `en`, `en-GB`, `fr` or `pt-BR`.',
      });
      return;
    }
    meta.language = tag;
  },
  dir: (meta, value, at) => {
    const s = asString(value)?.toLowerCase();
    if (s === 'rtl' || s === 'ltr') meta.direction = s;
    else wrongType(at, '`ltr` or `rtl`');
  },
  date: text('date'),
  published: (meta, value, at) => {
    declared('published')(meta, value, at);
    meta.date ??= meta.declared.published;
  },
  updated: declared('updated'),
  publisher: text('publisher'),
  rights: text('rights'),
  identifier: text('identifier'),
  rating: text('rating'),
  fandom: list('fandoms'),
  characters: list('characters'),
  relationships: list('relationships'),
  warnings: list('warnings'),
  tags: list('tags'),
  genre: list('genres'),
  status: text('status'),
  summary: text('summary'),
  disclaimer: text('disclaimer'),
  dedication: text('dedication'),
  notes: text('notes'),
  series: (meta, value, at) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      const name = asString(record.name);
      if (!name) return wrongType(at, 'a series name, or `{name, index}`');
      const index = Number(record.index ?? record.number ?? record.position);
      meta.series = Number.isFinite(index) ? { name, index } : { name, index: meta.series?.index };
      if (meta.series.index === undefined) delete meta.series.index;
      return;
    }
    const s = asString(value);
    if (s === undefined) return wrongType(at, 'a series name');
    // `Series: The Loft Chronicles #2` or `… (2)`.
    const m = /^(.*?)\s*(?:#|\(|,\s*(?:book|vol\.?|volume)\s*)(\d+(?:\.\d+)?)\)?$/i.exec(s);
    meta.series = m ? { name: m[1], index: Number(m[2]) } : { name: s, index: meta.series?.index };
    if (meta.series.index === undefined) delete meta.series.index;
  },
  seriesindex: (meta, value, at) => {
    const index = Number(asString(value));
    if (!Number.isFinite(index)) return wrongType(at, 'a number');
    meta.series = { name: meta.series?.name ?? '', index };
  },
  cover: text('cover'),
  words: declared('words'),
  chapters: declared('chapters'),
  labels,
  source: (meta, value) => {
    meta.extra.source = value;
  },
  quire: (meta, value) => {
    meta.extra.quire = value;
  },
};

/** The known key closest to `key`, if it is a near miss. */
export function suggestKey(key: string): string | undefined {
  const best = nearMiss(key, CANONICAL.keys(), 4);
  return best === undefined ? undefined : CANONICAL.get(best);
}

/**
 * Applies metadata entries to a book, in order (a later entry for a single-valued key wins; list keys accumulate).
 * Unknown keys are kept in `meta.extra` and reported with a "did you mean" hint for near misses.
 */
export function applyMetadata(book: Book, entries: readonly MetaEntry[], report: Reporter): void {
  for (const entry of entries) {
    const name = canonicalKey(entry.key);
    if (entry.position) book.metaPositions[name ?? entry.key] = entry.position;
    if (!name) {
      book.meta.extra[entry.key.toLowerCase()] = entry.value;
      const suggestion = suggestKey(entry.key);
      report.warn('unknown-key', `unknown metadata key \`${entry.key}\`; kept as extra metadata`, {
        position: entry.position,
        hint: suggestion ? `did you mean \`${suggestion}\`?` : undefined,
      });
      continue;
    }
    SETTERS[name](book.meta, entry.value, { key: entry.key, position: entry.position, report });
  }
  if (book.meta.series && !book.meta.series.name) delete book.meta.series;
}

/** The metadata texts that become front-matter pages, in reading order. */
const FRONT_ROLES: [keyof Meta & MatterRole, MatterRole][] = [
  ['summary', 'summary'],
  ['disclaimer', 'disclaimer'],
  ['dedication', 'dedication'],
];

/**
 * Adds front-matter pages (summary, disclaimer, dedication) for the metadata texts that have none yet.
 * `toBlocks` is the reader's own way of parsing a metadata text (Markdown inlines, or plain paragraphs).
 */
export function addFrontMatterFromMeta(book: Book, toBlocks: (text: string, position?: Position) => Block[]): void {
  const pages = [...book.front];
  for (const [field, role] of FRONT_ROLES) {
    const value = book.meta[field];
    if (typeof value !== 'string' || !value || pages.some((m) => m.role === role)) continue;
    const position = book.metaPositions[field];
    pages.push({ type: 'matter', role, id: role, children: toBlocks(value, position), ...(position ? { position } : {}) });
  }
  const order = (role: MatterRole) => {
    const i = FRONT_ROLES.findIndex(([, r]) => r === role);
    return i < 0 ? FRONT_ROLES.length : i;
  };
  book.front = pages.sort((a, b) => order(a.role) - order(b.role));
}
