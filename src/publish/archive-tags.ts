/** The archives' fixed vocabularies: AO3's archive warnings and FanFiction.net's genres, matched from the book's free text. */

/** AO3's archive warnings, as its work form names them. */
export type Ao3Warning =
  | 'Creator Chose Not To Use Archive Warnings'
  | 'No Archive Warnings Apply'
  | 'Graphic Depictions Of Violence'
  | 'Major Character Death'
  | 'Rape/Non-Con'
  | 'Underage';

/** What each warning is called in the wild, matched against a whole warning as the manuscript lists it. */
const WARNING_PATTERNS: [Ao3Warning, RegExp][] = [
  ['Creator Chose Not To Use Archive Warnings', /\bcho(?:se|ose)\s+not\s+to\s+(?:use\s+)?(?:archive\s+)?warn|^cntw$|^ccntuaw$/i],
  ['No Archive Warnings Apply', /^(?:no(?:\s+archive)?\s+warnings?(?:\s+apply)?|none|n\/a|nawa)$/i],
  ['Graphic Depictions Of Violence', /graphic\s+(?:depictions?\s+of\s+)?violence|^violence$|^gore$/i],
  ['Major Character Death', /major\s+character\s+death|^mcd$|^character\s+death$|^death$/i],
  ['Rape/Non-Con', /\brape\b|non-?con\b|noncon|sexual\s+assault/i],
  ['Underage', /^underage(?:\s+(?:sex|sexual\s+content))?$/i],
];

/** The book's warnings sorted into AO3 archive warnings and the rest, which AO3 convention lists as additional tags. */
export function ao3Warnings(warnings: readonly string[]): { archive: Ao3Warning[]; other: string[] } {
  const archive = new Set<Ao3Warning>();
  const other: string[] = [];
  for (const warning of warnings.map((w) => w.trim()).filter(Boolean)) {
    const match = WARNING_PATTERNS.find(([, pattern]) => pattern.test(warning));
    if (match) archive.add(match[0]);
    else other.push(warning);
  }
  return { archive: WARNING_PATTERNS.map(([name]) => name).filter((name) => archive.has(name)), other };
}

/** FanFiction.net's genre list. */
export const FFN_GENRES = [
  'Adventure', 'Angst', 'Crime', 'Drama', 'Family', 'Fantasy', 'Friendship', 'General', 'Horror', 'Humor',
  'Hurt/Comfort', 'Mystery', 'Parody', 'Poetry', 'Romance', 'Sci-Fi', 'Spiritual', 'Supernatural', 'Suspense',
  'Tragedy', 'Western',
] as const;
export type FfnGenre = (typeof FFN_GENRES)[number];

/** Other spellings of FFN genres, after lower-casing and dropping spaces, hyphens and slashes. */
const GENRE_ALIASES: Record<string, FfnGenre> = {
  humour: 'Humor', comedy: 'Humor', scifi: 'Sci-Fi', sciencefiction: 'Sci-Fi', sf: 'Sci-Fi', hc: 'Hurt/Comfort',
  thriller: 'Suspense', gen: 'General', paranormal: 'Supernatural', romantic: 'Romance', poem: 'Poetry',
};

const squash = (text: string) => text.toLowerCase().replace(/[\s\-/]+/g, '');
const GENRE_KEYS = new Map<string, FfnGenre>([...FFN_GENRES.map((g): [string, FfnGenre] => [squash(g), g]), ...Object.entries(GENRE_ALIASES)]);

/** FFN allows two genres per story. */
export const FFN_MAX_GENRES = 2;

/** The book's genres on FFN's list (at most two, in the book's order) and those left over. */
export function ffnGenres(genres: readonly string[]): { genres: FfnGenre[]; other: string[] } {
  const found: FfnGenre[] = [];
  const other: string[] = [];
  for (const genre of genres.map((g) => g.trim()).filter(Boolean)) {
    const match = GENRE_KEYS.get(squash(genre));
    if (match && !found.includes(match) && found.length < FFN_MAX_GENRES) found.push(match);
    else if (!match || !found.includes(match)) other.push(genre);
  }
  return { genres: found, other };
}
