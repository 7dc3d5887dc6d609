/**
 * One rating vocabulary for the two big fan-fiction archives: FanFiction.net's K, K+, T, M and AO3's General
 * Audiences, Teen And Up Audiences, Mature, Explicit and Not Rated, each mapped to the other.
 *
 * The mapping, and why:
 * - FFN K (5+) and K+ (9+) → AO3 General Audiences. AO3 has no tier between "all audiences" and 13+; K+ content
 *   (mild coarse language, non-graphic violence) is what AO3 files under General.
 * - AO3 General Audiences → FFN K+. General admits the mild violence FFN puts at K+; rating up on FFN is safe,
 *   rating down gets a story taken down.
 * - FFN T (13+) ↔ AO3 Teen And Up Audiences; FFN M ↔ AO3 Mature.
 * - AO3 Explicit → FFN M, FFN's highest rating, with a caveat: FFN's rules forbid explicit content at any rating.
 * - AO3 Not Rated → FFN M, the only rating that cannot under-rate an unknown work, with a caveat.
 * Single letters are read as FFN ratings (`T`, `M`) or AO3 abbreviations (`G`, `E`, `NR`); `T` and `M` mean the
 * same level on both sites, so they are never ambiguous.
 */

/** The level a rating stands for, independent of either site's words. */
export type RatingLevel = 'general' | 'teen' | 'mature' | 'explicit' | 'not-rated';

/** FanFiction.net's ratings. */
export type FfnRating = 'K' | 'K+' | 'T' | 'M';

/** AO3's ratings, spelled as its work form spells them. */
export type Ao3Rating = 'General Audiences' | 'Teen And Up Audiences' | 'Mature' | 'Explicit' | 'Not Rated';

/** A recognised rating in both vocabularies. */
export interface Rating {
  level: RatingLevel;
  /** The vocabulary the manuscript used. */
  scheme: 'ffn' | 'ao3';
  /** What to choose on FanFiction.net. */
  ffn: FfnRating;
  /** What to choose on AO3. */
  ao3: Ao3Rating;
  /**
   * The title-page label: `K+ · General Audiences` (FFN · AO3) where both sites have a true equivalent; the AO3 label
   * alone for Explicit and Not Rated, which FFN's M only approximates.
   */
  label: string;
}

const AO3_BY_LEVEL: Record<RatingLevel, Ao3Rating> = {
  general: 'General Audiences',
  teen: 'Teen And Up Audiences',
  mature: 'Mature',
  explicit: 'Explicit',
  'not-rated': 'Not Rated',
};

/** FFN's rating for each level when the manuscript used AO3's words (see the module comment for the reasons). */
const FFN_BY_LEVEL: Record<RatingLevel, FfnRating> = { general: 'K+', teen: 'T', mature: 'M', explicit: 'M', 'not-rated': 'M' };

const FFN_LEVEL: Record<FfnRating, RatingLevel> = { K: 'general', 'K+': 'general', T: 'teen', M: 'mature' };

/** AO3 names and the spellings and abbreviations writers use for them, after normalising (lower case, single spaces). */
const AO3_SPELLINGS: Record<string, RatingLevel> = {
  'general audiences': 'general',
  'general audience': 'general',
  general: 'general',
  g: 'general',
  'teen and up audiences': 'teen',
  'teen and up audience': 'teen',
  'teen and up': 'teen',
  'teen & up audiences': 'teen',
  'teen & up': 'teen',
  'teen audiences': 'teen',
  'teen and older': 'teen',
  teen: 'teen',
  mature: 'mature',
  explicit: 'explicit',
  e: 'explicit',
  'not rated': 'not-rated',
  unrated: 'not-rated',
  nr: 'not-rated',
};

/** What `parseRating` accepts, for hints. */
export const ACCEPTED_RATINGS = 'K, K+, T, M (FanFiction.net); General Audiences, Teen And Up Audiences, Mature, Explicit, Not Rated, or G, T, M, E, NR (AO3)';

/** `Rated: Fiction K+` → `k+`: lower case, without the `Rated`/`Rating` and `Fiction` prefixes FFN pages show. */
function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^(?:rated|rating)\s*:?\s*/, '')
    .replace(/^fiction\s+/, '')
    .replace(/[.\s]+$/, '');
}

/** The FFN rating written as `K+`, `K plus`, `Kplus` or `K +`, if it is one. */
function ffnRating(text: string): FfnRating | undefined {
  const compact = text.replace(/\s+/g, '').replace(/plus$/, '+');
  return ({ k: 'K', 'k+': 'K+', t: 'T', m: 'M' } as const)[compact];
}

function ratingOf(level: RatingLevel, scheme: Rating['scheme'], ffn: FfnRating): Rating {
  const ao3 = AO3_BY_LEVEL[level];
  const label = level === 'explicit' || level === 'not-rated' ? ao3 : `${ffn} \u00b7 ${ao3}`;
  return { level, scheme, ffn, ao3, label };
}

/** The rating `text` names, in either site's vocabulary, or undefined when it names none. */
export function parseRating(text: string | undefined): Rating | undefined {
  if (!text) return undefined;
  const key = normalise(text);
  const ffn = ffnRating(key);
  if (ffn) return ratingOf(FFN_LEVEL[ffn], 'ffn', ffn);
  const level = AO3_SPELLINGS[key];
  return level ? ratingOf(level, 'ao3', FFN_BY_LEVEL[level]) : undefined;
}

/** What a writer must know before posting at this rating on FanFiction.net, where its M is only an approximation. */
export function ffnCaveats(rating: Rating): string[] {
  switch (rating.level) {
    case 'explicit':
      return ['FanFiction.net forbids explicit content at every rating, M included: an Explicit work may be removed there.'];
    case 'not-rated':
      return ['FanFiction.net has no "Not Rated": M is the only choice that cannot under-rate the work.'];
    default:
      return [];
  }
}
