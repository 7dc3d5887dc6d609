/**
 * Knuth–Plass total-fit line breaking: chooses the breaks that minimise the paragraph's total demerits.
 *
 * Boxes, glue and penalties as in *Breaking Paragraphs into Lines* (1981) and TeX's §813–890. Passes as TeX, with a
 * finer ladder: without hyphenation at `\pretolerance`, then with hyphenation at each of `tolerances` in turn, then a
 * final pass that accepts any badness (uncapped, so the unavoidable looseness lands on as few lines as possible)
 * rather than letting a line run into the margin. No pass lets more than `maxHyphenRun` lines in a row end in a
 * hyphen.
 */

/** Something with a fixed width (a word or word fragment). `T` is what layout needs to draw it. */
export interface BoxItem<T> {
  kind: 'box';
  width: number;
  data: T;
}
/** Space that may stretch or shrink; a break may happen at glue that follows a box. */
export interface GlueItem {
  kind: 'glue';
  width: number;
  stretch: number;
  shrink: number;
}
/** A possible break with a cost; `width` is added when broken here (a hyphen); `flagged` marks hyphen breaks. */
export interface PenaltyItem {
  kind: 'penalty';
  width: number;
  penalty: number;
  flagged: boolean;
  /** A hyphenation point: ignored by the first pass. */
  hyphen?: boolean;
  /** A last-resort hyphenation point (two letters carried over): only the final pass may break here. */
  lastResort?: boolean;
}
export type Item<T> = BoxItem<T> | GlueItem | PenaltyItem;

/** Penalties at or above this never break; at or below `-INFINITY_PENALTY` always do. */
export const INFINITY_PENALTY = 10000;
/** Stretch that swamps any finite stretch: the glue that fills a paragraph's last line. */
export const FILL = 1e6;

export interface BreakOptions {
  /** Line widths; the last one repeats (so `[w]` gives every line the same measure). */
  widths: readonly number[];
  /** TeX `\pretolerance`: the no-hyphenation pass; negative skips it. */
  pretolerance: number;
  /** TeX `\tolerance`, tried in increasing order: a paragraph is set at the lowest that admits a solution. */
  tolerances: readonly number[];
  /** Most consecutive lines that may end in a hyphen (hyphenation or an explicit hyphen). */
  maxHyphenRun: number;
  /** TeX `\looseness`: prefer a solution with this many lines more (or fewer) than the optimum, when there is one. */
  looseness?: number;
  /**
   * Font expansion (pdfTeX's `\adjustspacing`): every box may be set this fraction wider or narrower, so a line's
   * stretch and shrink include that much of its text as well as its glue. 0 (the default) keeps boxes rigid.
   */
  expansion?: number;
  linePenalty: number;
  adjacentDemerits: number;
  doubleHyphenDemerits: number;
  finalHyphenDemerits: number;
}

/** plain TeX's values (see ../shared/tools/typeset_metrics.md). */
export const TEX_DEFAULTS: Omit<BreakOptions, 'widths'> = {
  pretolerance: 100,
  tolerances: [200],
  maxHyphenRun: Infinity,
  linePenalty: 10,
  adjacentDemerits: 10000,
  doubleHyphenDemerits: 10000,
  finalHyphenDemerits: 5000,
};

/** A chosen break: the item index and the line's adjustment ratio (−1…∞; 0 = natural spacing). */
export interface Break {
  position: number;
  ratio: number;
}

interface Node {
  position: number;
  line: number;
  fitness: number;
  width: number;
  stretch: number;
  shrink: number;
  demerits: number;
  previous: Node | null;
  flagged: boolean;
  /** Lines in a row, ending here, that end in a hyphen. */
  hyphenRun: number;
  /** Adjustment ratio of the line that ends here. */
  ratio: number;
  /** Width of the line that starts here. */
  target: number;
}

/**
 * An upper bound on active breakpoints. Nodes leave the active list once a line from them would be overfull, so a
 * normal paragraph keeps a few dozen; the cap keeps pathological input (huge tolerance, no glue) bounded.
 */
const MAX_ACTIVE = 400;

/**
 * Breaks `items` into lines; returns the breaks in order (the last is the paragraph's end).
 * The items must end with a forced break (`penalty -INFINITY_PENALTY`), normally after a `FILL` glue.
 */
export function breakLines<T>(items: readonly Item<T>[], options: BreakOptions): Break[] {
  const first = breakWithoutHyphens(items, options);
  if (first) return first;
  const passes: Pass[] = [];
  for (const tolerance of options.tolerances) passes.push({ tolerance, hyphens: true, final: false });
  passes.push({ tolerance: Infinity, hyphens: true, final: true });
  for (const pass of passes) {
    const result = run(items, options, pass);
    if (result) return result;
  }
  throw new Error('line breaking failed: the final pass found no breaks');
}

/**
 * TeX's first pass alone (`\pretolerance`, no hyphenation), or null when it finds no breaks or is switched off. A
 * caller can try it on items built without hyphenation points and hyphenate only the paragraphs it fails, as TeX
 * does (§891); `breakLines` with `pretolerance: -1` then runs the remaining passes.
 */
export function breakWithoutHyphens<T>(items: readonly Item<T>[], options: BreakOptions): Break[] | null {
  return options.pretolerance >= 0 ? run(items, options, { tolerance: options.pretolerance, hyphens: false, final: false }) : null;
}

interface Pass {
  tolerance: number;
  hyphens: boolean;
  /** The last resort: badness is not capped, and an overfull line is accepted when nothing else fits. */
  final: boolean;
}

function run<T>(items: readonly Item<T>[], options: BreakOptions, pass: Pass): Break[] | null {
  // The options as read in the loop, in one object shape whatever shape the caller's has (a spread, a literal):
  // compiled code that meets a second shape is thrown away and compiled again.
  const o = {
    widths: options.widths,
    maxHyphenRun: options.maxHyphenRun,
    looseness: options.looseness,
    expansion: options.expansion,
    linePenalty: options.linePenalty,
    adjacentDemerits: options.adjacentDemerits,
    doubleHyphenDemerits: options.doubleHyphenDemerits,
    finalHyphenDemerits: options.finalHyphenDemerits,
    // The ratio whose badness is the pass's tolerance, with a margin so that rounding never rules out a line the
    // badness itself would admit (it decides in tryBreak); none in the final pass, or where badness is capped below
    // the tolerance.
    loosest: pass.final || pass.tolerance >= INFINITY_PENALTY ? Infinity : Math.cbrt(pass.tolerance / 100) * 1.001,
  };
  const lineWidth = (line: number) => o.widths[Math.min(line, o.widths.length - 1)];
  let active: Node[] = [{ position: 0, line: 0, fitness: 1, width: 0, stretch: 0, shrink: 0, demerits: 0, previous: null, flagged: false, hyphenRun: 0, ratio: 0, target: lineWidth(0) }];
  const sum = { width: 0, stretch: 0, shrink: 0 };
  const byLine = (o.looseness ?? 0) !== 0;
  const expansion = o.expansion ?? 0;
  const candidates = new Candidates();

  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'box') {
      sum.width += item.width;
      sum.stretch += item.width * expansion;
      sum.shrink += item.width * expansion;
      continue;
    }
    let canBreak: boolean;
    if (item.kind === 'glue') canBreak = i > 0 && items[i - 1].kind === 'box';
    else canBreak = item.penalty < INFINITY_PENALTY && (pass.hyphens || !item.hyphen) && (pass.final || !item.lastResort);
    if (canBreak) {
      active = tryBreak(items, i, active, sum, o, lineWidth, pass, byLine, candidates);
      if (active.length === 0) return null;
    }
    if (item.kind === 'glue') {
      sum.width += item.width;
      sum.stretch += item.stretch;
      sum.shrink += item.shrink;
    }
  }
  const ends = active.filter((node) => node.position === items.length - 1);
  if (ends.length === 0) return null;
  let best = ends.reduce((a, b) => (b.demerits < a.demerits ? b : a));
  if (byLine) {
    // TeX §875: the solution whose line count is nearest the optimum plus `looseness`, best demerits among those.
    const wanted = best.line + (o.looseness ?? 0);
    const distance = (n: Node) => Math.abs(n.line - wanted);
    best = ends.reduce((a, b) => (distance(b) < distance(a) || (distance(b) === distance(a) && b.demerits < a.demerits) ? b : a));
  }
  const breaks: Break[] = [];
  for (let node: Node | null = best; node && node.previous; node = node.previous) {
    breaks.push({ position: node.position, ratio: node.ratio });
  }
  return breaks.reverse();
}

function ratio(slack: number, stretch: number, shrink: number): number {
  if (slack > 0) return stretch > 0 ? slack / stretch : Infinity;
  if (slack < 0) return shrink > 0 ? slack / shrink : -Infinity;
  return 0;
}

function fitnessOf(r: number): number {
  if (r < -0.5) return 0;
  if (r <= 0.5) return 1;
  if (r <= 1) return 2;
  return 3;
}

/**
 * The best candidate per key found at one breakpoint (TeX's minimal_demerits), in the order the keys first appear.
 * One is made per pass and reused at every breakpoint: a paragraph has thousands of them.
 */
class Candidates {
  size = 0;
  readonly keys: number[] = [];
  readonly demerits: number[] = [];
  readonly previous: Node[] = [];
  readonly fitness: number[] = [];
  readonly ratio: number[] = [];
  readonly hyphenRun: number[] = [];

  offer(key: number, demerits: number, previous: Node, fitness: number, ratio: number, hyphenRun: number): void {
    let k = 0;
    while (k < this.size && this.keys[k] !== key) k++;
    if (k < this.size && demerits >= this.demerits[k]) return;
    if (k === this.size) this.keys[this.size++] = key;
    this.demerits[k] = demerits;
    this.previous[k] = previous;
    this.fitness[k] = fitness;
    this.ratio[k] = ratio;
    this.hyphenRun[k] = hyphenRun;
  }
}

/** Updates `active` (in place, and returns it) for a possible break at item `i`. */
function tryBreak<T>(
  items: readonly Item<T>[],
  i: number,
  active: Node[],
  sum: { width: number; stretch: number; shrink: number },
  o: Pick<BreakOptions, 'widths' | 'maxHyphenRun' | 'linePenalty' | 'adjacentDemerits' | 'doubleHyphenDemerits' | 'finalHyphenDemerits'> & { loosest: number },
  lineWidth: (line: number) => number,
  pass: Pass,
  byLine: boolean,
  candidates: Candidates,
): Node[] {
  const item = items[i];
  const penalty = item.kind === 'penalty' ? item.penalty : 0;
  const penaltyWidth = item.kind === 'penalty' ? item.width : 0;
  const flagged = item.kind === 'penalty' && item.flagged;
  const forced = penalty <= -INFINITY_PENALTY;
  // Best candidate per fitness class (and per line number while widths still vary), as TeX's minimal_demerits.
  candidates.size = 0;
  const { loosest } = o;
  let kept = 0;
  let lastDropped: Node | null = null;

  for (let a = 0; a < active.length; a++) {
    const node = active[a];
    const width = sum.width - node.width + penaltyWidth;
    const r = ratio(node.target - width, sum.stretch - node.stretch, sum.shrink - node.shrink);
    if (r < -1 || forced) lastDropped = node;
    else active[kept++] = node;
    // A line looser than any the pass accepts, known without the cube (most nodes at most breakpoints).
    if (r < -1 || r > loosest) continue;
    // Badness as TeX: 100·|r|³, capped at 10000 ("infinitely bad") except in the final pass, where the cap would
    // make a line twice as loose cost no more than one just over the tolerance.
    const raw = Number.isFinite(r) ? 100 * Math.abs(r) ** 3 : 1e8;
    const badness = pass.final ? Math.min(raw, 1e8) : Math.min(raw, INFINITY_PENALTY);
    if (r < -1 || badness > pass.tolerance) continue;
    const hyphenRun = flagged && !forced ? node.hyphenRun + 1 : 0;
    // Too many hyphens in a row: ruled out, except as a last resort in the final pass.
    if (hyphenRun > o.maxHyphenRun && !pass.final) continue;
    let demerits = (o.linePenalty + badness) ** 2;
    if (penalty >= 0) demerits += penalty ** 2;
    else if (!forced) demerits -= penalty ** 2;
    if (flagged && node.flagged) demerits += o.doubleHyphenDemerits;
    if (hyphenRun > o.maxHyphenRun) demerits += 1e17;
    if (forced && node.flagged) demerits += o.finalHyphenDemerits;
    const fitness = fitnessOf(r);
    if (Math.abs(fitness - node.fitness) > 1) demerits += o.adjacentDemerits;
    demerits += node.demerits;
    // One candidate per fitness class and hyphen run, and per line number while widths vary or looseness asks.
    const line = byLine ? node.line + 1 : Math.min(node.line + 1, o.widths.length);
    candidates.offer(fitness + 4 * Math.min(hyphenRun, 15) + 64 * line, demerits, node, fitness, r, hyphenRun);
  }
  active.length = kept;

  // Final pass with nothing left: accept an overfull line from the last node rather than fail (TeX §851).
  if (pass.final && kept === 0 && candidates.size === 0 && lastDropped) {
    candidates.offer(0, lastDropped.demerits + 1e18, lastDropped, 0, -1, 0);
  }
  if (candidates.size === 0) return active;

  const after = totalsAfter(items, i, sum);
  for (let k = 0; k < candidates.size; k++) {
    const previous = candidates.previous[k];
    active.push({
      position: i,
      line: previous.line + 1,
      fitness: candidates.fitness[k],
      width: after.width,
      stretch: after.stretch,
      shrink: after.shrink,
      demerits: candidates.demerits[k],
      previous,
      flagged,
      hyphenRun: candidates.hyphenRun[k],
      ratio: candidates.ratio[k],
      target: lineWidth(previous.line + 1),
    });
  }
  if (active.length > MAX_ACTIVE) {
    active.sort((a, b) => a.demerits - b.demerits);
    active.length = MAX_ACTIVE;
  }
  return active;
}

/** Sums up to the first box after a break at `i`: glue and penalties there vanish at the start of the next line. */
function totalsAfter<T>(items: readonly Item<T>[], i: number, sum: { width: number; stretch: number; shrink: number }) {
  const totals = { ...sum };
  for (let j = i; j < items.length; j++) {
    const item = items[j];
    if (item.kind === 'box') break;
    if (item.kind === 'penalty' && item.penalty <= -INFINITY_PENALTY && j > i) break;
    if (item.kind === 'glue') {
      totals.width += item.width;
      totals.stretch += item.stretch;
      totals.shrink += item.shrink;
    }
  }
  return totals;
}
