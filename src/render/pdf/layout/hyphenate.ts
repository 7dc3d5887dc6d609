/**
 * Pattern hyphenation (Liang) for the book's language, with the `hyphen` package's patterns: where a word may break.
 *
 * The patterns are the package's; the walk over them (`markers`) is ours. The package's `hyphenateSync` takes text,
 * finds its words with a reader that tests each character against regular expressions through closures, and hands
 * back the text with soft hyphens inserted: 17 µs a word, 80 ms of Moby-Dick's PDF for the 4,700 words of the
 * paragraphs that need hyphens. quire already has the word's letters (`coreOf`), so `markers` does only the
 * package's `hyphenateWord`, step for step (the same trie, the same levels array, the same exceptions first), without
 * the reader. tests/render/pdf/hyphenate.test.ts holds it to `hyphenateSync` on every word of the corpus.
 */

/** The package's patterns for a language: each pattern's levels, the trie of patterns, and exceptions' break offsets. */
export type Patterns = [levels: number[][], trie: TrieNode, exceptions?: Record<string, number[]>];
/** A trie node: children by character; a leaf's levels index; or both, as [children, levels index]. */
type TrieNode = { [char: string]: TrieNode | number | [TrieNode, number] };

/** Fewest letters left before and carried after a break: "a-", "-ed" or "-ly" read badly. */
export const LEFT_MIN = 2;
export const RIGHT_MIN = 3;
/** Letters carried after a last-resort break, allowed only where nothing else avoids a very loose line. */
export const LAST_RESORT_RIGHT_MIN = 2;
/** The shortest word given to the patterns (the package's `minWordLength`, as quire called it). */
const MIN_WORD = LEFT_MIN + RIGHT_MIN;

/** A hyphenator for one language: the offsets inside a word where it may break (a hyphen goes after the prefix). */
export interface Hyphenator {
  (word: string): number[];
  /** Further offsets that carry only two letters over ("Pávlov-na"): for the line breaker's last pass only. */
  lastResort(word: string): number[];
}

/** Loads a module of the `hyphen` package's patterns, as the language step names it (`en-us`); undefined for none. */
export function hyphenatorFor(patterns: string | undefined): Hyphenator | undefined {
  if (!patterns || !/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(patterns)) return undefined;
  let module: { patterns?: Patterns };
  try {
    // The pattern files are large and only one language is needed, so each is loaded on demand.
    module = require(`hyphen/${patterns}`) as { patterns?: Patterns };
  } catch {
    return undefined;
  }
  return module.patterns ? makeHyphenator(module.patterns) : undefined;
}

/**
 * The break offsets the package finds in a word of letters: its `hyphenateWord(text, loweredText, …)`, after its own
 * exceptions, for a word of at least `MIN_WORD` characters. Offsets are in UTF-16 units of `text`. The levels array
 * is a plain array that grows when a pattern reaches past it, and its last two entries are then zeroed where the
 * package zeroes them: kept as it is, so that the offsets are the package's in every case.
 */
export function markers(text: string, patterns: Patterns): readonly number[] {
  if (text.length < MIN_WORD) return [];
  const lowered = text.toLocaleLowerCase();
  const exception = patterns[2]?.[lowered];
  if (exception && Object.prototype.hasOwnProperty.call(patterns[2], lowered)) return exception;
  const [table, trie] = patterns;
  const chars = `.${lowered}.`;
  const levels: number[] = new Array<number>(text.length + 1).fill(0);
  // Patterns are matched from each position of ".word." that leaves at least three characters; the package counts
  // the levels' offset from the first letter, the leading dot and the first letter sharing offset 0.
  for (let start = 0; start + 3 <= chars.length; start++) {
    const offset = start === 0 ? 0 : start - 1;
    let node: TrieNode | undefined = trie;
    for (let i = start; i < chars.length && node !== undefined; i++) {
      const next: TrieNode[string] | undefined = node[chars[i]];
      if (next === undefined) break;
      let index = -1;
      if (Array.isArray(next)) {
        node = next[0];
        index = next[1];
      } else if (typeof next === 'number') {
        node = undefined;
        index = next;
      } else node = next;
      if (index < 0) continue;
      const pattern = table[index];
      for (let k = 0; k < pattern.length; k++) levels[offset + k] = Math.max(pattern[k], levels[offset + k]);
    }
  }
  levels[0] = levels[1] = levels[levels.length - 1] = levels[levels.length - 2] = 0;
  const out: number[] = [];
  for (let i = 0; i < levels.length; i++) if ((levels[i] & 1) === 1) out.push(i);
  return out;
}

function makeHyphenator(patterns: Patterns): Hyphenator {
  const cache = new Map<string, { points: number[]; lastResort: number[] }>();
  // The patterns' answer for each letter core: "Whale," "whale." and "WHALE" ask the patterns once.
  const byCore = new Map<string, readonly number[]>();
  const marked = (core: string) => {
    let offsets = byCore.get(core);
    if (offsets === undefined) byCore.set(core, (offsets = markers(core, patterns)));
    return offsets;
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
function breakPoints(word: string, marked: (core: string) => readonly number[], rightMin: number): number[] {
  const match = coreOf(word);
  if (!match || match[0].length < LEFT_MIN + rightMin) return [];
  const core = match[0];
  // The patterns are lower case: "WHALEBONE" breaks where "whalebone" does (when case mapping keeps the length).
  const lower = core.toLowerCase();
  const points: number[] = [];
  for (const at of marked(lower.length === core.length ? lower : core)) {
    if (at >= LEFT_MIN && core.length - at >= rightMin) points.push(match.index + at);
  }
  return points;
}
