/** Pattern hyphenation (Liang, via the `hyphen` package) for the book's language: where a word may break. */

type HyphenateSync = (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;

/** Fewest letters left before and carried after a break: "a-", "-ed" or "-ly" read badly. */
export const LEFT_MIN = 2;
export const RIGHT_MIN = 3;

const SOFT = '\u00ad';

/** A hyphenator for one language: the offsets inside a word where it may break (a hyphen goes after the prefix). */
export type Hyphenator = (word: string) => number[];

/** Loads the patterns for a BCP 47 tag (`en-GB` → `hyphen/en-gb`, then `hyphen/en`); undefined when there are none. */
export function hyphenatorFor(language: string): Hyphenator | undefined {
  const tag = language.toLowerCase();
  const primary = tag.split('-')[0];
  const candidates = [tag, primary, ...(primary === 'el' ? ['el-monoton'] : [])];
  for (const name of candidates) {
    if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(name)) continue;
    let module: { hyphenateSync?: HyphenateSync };
    try {
      // The pattern files are large and only one language is needed, so each is loaded on demand.
      module = require(`hyphen/${name}`) as { hyphenateSync?: HyphenateSync };
    } catch {
      continue;
    }
    if (module.hyphenateSync) return makeHyphenator(module.hyphenateSync);
  }
  return undefined;
}

function makeHyphenator(hyphenateSync: HyphenateSync): Hyphenator {
  const cache = new Map<string, number[]>();
  return (word) => {
    let points = cache.get(word);
    if (!points) {
      points = breakPoints(word, hyphenateSync);
      cache.set(word, points);
    }
    return points;
  };
}

/** Break offsets of the letters-only core of `word`, keeping `LEFT_MIN`/`RIGHT_MIN` letters on each side. */
function breakPoints(word: string, hyphenateSync: HyphenateSync): number[] {
  // Only the run of letters is hyphenated: leading quotes and trailing punctuation stay with their fragments.
  const match = /\p{L}[\p{L}\p{M}]*\p{L}/u.exec(word);
  if (!match || match[0].length < LEFT_MIN + RIGHT_MIN) return [];
  const core = match[0];
  // The patterns are lower case: "WHALEBONE" breaks where "whalebone" does (when case mapping keeps the length).
  const lower = core.toLowerCase();
  const marked = hyphenateSync(lower.length === core.length ? lower : core, { hyphenChar: SOFT, minWordLength: LEFT_MIN + RIGHT_MIN });
  const points: number[] = [];
  let offset = 0;
  for (const char of marked) {
    if (char === SOFT) {
      if (offset >= LEFT_MIN && core.length - offset >= RIGHT_MIN) points.push(match.index + offset);
    } else offset += char.length;
  }
  return points;
}
