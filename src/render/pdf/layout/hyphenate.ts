/** Pattern hyphenation (Liang, via the `hyphen` package) for the book's language: where a word may break. */

type HyphenateSync = (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;

/** Fewest letters left before and carried after a break: "a-", "-ed" or "-ly" read badly. */
export const LEFT_MIN = 2;
export const RIGHT_MIN = 3;
/** Letters carried after a last-resort break, allowed only where nothing else avoids a very loose line. */
export const LAST_RESORT_RIGHT_MIN = 2;

const SOFT = '\u00ad';

/** A hyphenator for one language: the offsets inside a word where it may break (a hyphen goes after the prefix). */
export interface Hyphenator {
  (word: string): number[];
  /** Further offsets that carry only two letters over ("Pávlov-na"): for the line breaker's last pass only. */
  lastResort(word: string): number[];
}

/** Loads a module of the `hyphen` package's patterns, as the language step names it (`en-us`); undefined for none. */
export function hyphenatorFor(patterns: string | undefined): Hyphenator | undefined {
  if (!patterns || !/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(patterns)) return undefined;
  let module: { hyphenateSync?: HyphenateSync };
  try {
    // The pattern files are large and only one language is needed, so each is loaded on demand.
    module = require(`hyphen/${patterns}`) as { hyphenateSync?: HyphenateSync };
  } catch {
    return undefined;
  }
  return module.hyphenateSync ? makeHyphenator(module.hyphenateSync) : undefined;
}

function makeHyphenator(hyphenateSync: HyphenateSync): Hyphenator {
  const cache = new Map<string, { points: number[]; lastResort: number[] }>();
  // The patterns' answer for each letter core: "Whale," "whale." and "WHALE" ask the patterns once.
  const patterns = new Map<string, string>();
  const marked = (core: string) => {
    let found = patterns.get(core);
    if (found === undefined) patterns.set(core, (found = hyphenateSync(core, { hyphenChar: SOFT, minWordLength: LEFT_MIN + RIGHT_MIN })));
    return found;
  };
  const lookup = (word: string) => {
    let found = cache.get(word);
    if (!found) {
      const all = breakPoints(word, marked, LAST_RESORT_RIGHT_MIN);
      // A point is a last resort when it carries fewer than RIGHT_MIN letters of the word's core over.
      const core = coreOf(word);
      const carried = (at: number) => (core ? core.index + core[0].length - at : 0);
      found = { points: all.filter((at) => carried(at) >= RIGHT_MIN), lastResort: all.filter((at) => carried(at) < RIGHT_MIN) };
      cache.set(word, found);
    }
    return found;
  };
  const hyphenator = ((word: string) => lookup(word).points) as Hyphenator;
  hyphenator.lastResort = (word) => lookup(word).lastResort;
  return hyphenator;
}

/** The run of letters that hyphenation looks at: leading quotes and trailing punctuation stay with their fragments. */
function coreOf(word: string): RegExpExecArray | null {
  return /\p{L}[\p{L}\p{M}]*\p{L}/u.exec(word);
}

/** Break offsets of the letters-only core of `word`, keeping `LEFT_MIN` and `rightMin` letters on each side. */
function breakPoints(word: string, marked: (core: string) => string, rightMin: number): number[] {
  const match = coreOf(word);
  if (!match || match[0].length < LEFT_MIN + rightMin) return [];
  const core = match[0];
  // The patterns are lower case: "WHALEBONE" breaks where "whalebone" does (when case mapping keeps the length).
  const lower = core.toLowerCase();
  const points: number[] = [];
  let offset = 0;
  for (const char of marked(lower.length === core.length ? lower : core)) {
    if (char === SOFT) {
      if (offset >= LEFT_MIN && core.length - offset >= rightMin) points.push(match.index + offset);
    } else offset += char.length;
  }
  return points;
}
