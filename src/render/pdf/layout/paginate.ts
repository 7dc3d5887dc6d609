/**
 * Pagination: stacks flow blocks into pages of a fixed text height.
 *
 * Rules, simplest first: a `breakBefore` block opens a page; space is dropped at the top of a page; a
 * `keepWithNext` block (heading) moves with the first lines of what follows; a paragraph never leaves one line
 * alone at the foot (orphan) or the head (widow) of a page, moving a line over instead (pages may end a line short).
 */
import { Foot, noteLines } from './foot';
import type { FlowBlock, FlowBox, Page, PageStart } from './types';

/** Pages with numbering state; labels, folios and heads are filled in by `Paginator.finish`. */
interface Draft {
  page: Page;
  start: PageStart;
  first: boolean;
  y: number;
  foot: Foot;
}

/** How pages are filled besides the blocks themselves. */
export interface PaginateOptions {
  height: number;
  bookTitle: string;
  /** The body leading: a page runs one line short to avoid a runt page after it. */
  line: number;
  /** The rule (with space around it) between the text and the footnotes. */
  noteSeparator: FlowBox;
}

/** Fewest lines on a chapter's last page: one to three lines alone there make a runt page. */
const MIN_LAST_PAGE_LINES = 4;

/** Runt fixes tried per run of pages before its runts are left as they are. */
const MAX_ATTEMPTS = 100;

/** Lays blocks onto pages of `height` points (see `Paginator`); the whole book at once. */
export function paginate(blocks: readonly FlowBlock[], options: PaginateOptions): Page[] {
  const paginator = new Paginator(options);
  return [...paginator.add(blocks), ...paginator.end()];
}

/**
 * Lays blocks onto pages of `height` points as they come, a run of pages at a time: a run (a chapter, say) starts at
 * a block that breaks the page, and its pages are final once the next run starts, so a book is paginated and drawn
 * chapter by chapter without all of it in memory. A run whose last page would hold only one to three lines is laid
 * out again with the pages before it one line short each, which carries enough lines over (`line` is the body leading
 * that a short page gives up).
 */
export class Paginator {
  /** Blocks of the run being gathered. */
  private pending: FlowBlock[] = [];
  /** The last page of the runs before, still open: the next run may take it over if it is empty. */
  private held: { draft: Draft; height: number } | undefined;
  private carry: FlowBox[] = [];
  private run: PageStart = { numbering: 'roman', plainFirst: false };
  /** Index of the held page (or of the next page, with none held). */
  private base = 0;
  private readonly numbers = { count: 0, numbering: undefined as PageStart['numbering'] | undefined };

  constructor(private readonly options: PaginateOptions) {}

  /** Takes the next blocks; returns the pages that are final now. */
  add(blocks: readonly FlowBlock[]): Page[] {
    const out: Page[] = [];
    for (const block of blocks) {
      if (block.breakBefore && this.pending.length) out.push(...this.settle(false));
      this.pending.push(block);
    }
    return out;
  }

  /** The remaining pages, after the last block. */
  end(): Page[] {
    return this.settle(true);
  }

  /** Stacks the gathered run, fixing its runt pages, and returns its finished pages (all of them at the end). */
  private settle(last: boolean): Page[] {
    const { height, line } = this.options;
    const held = this.held;
    /** Lines each page of the run (by index from `base`) runs long (+1) or short (−1) by. */
    const adjust = new Map<number, number>();
    // The held page keeps the height its own run gave it, unless this run takes it over and changes it.
    const pageHeight = (local: number) => (held && local === 0 && !adjust.has(0) ? held.height : height + line * (adjust.get(local) ?? 0));
    let result: Stacked;
    for (let attempt = 0; ; attempt++) {
      // Each attempt starts from the same state: stacking adds to the held page (when it takes it over) and the carry.
      const from = { base: this.base, held: held && copyDraft(held.draft), carry: [...this.carry], run: this.run };
      result = stack(this.pending, from, pageHeight, this.options.noteSeparator);
      const fix = line > 0 && attempt < MAX_ATTEMPTS ? runtFix(result.drafts, adjust) : undefined;
      if (!fix) break;
      for (const [page, delta] of fix) adjust.set(page, delta);
    }
    this.pending = [];
    this.carry = result.carry;
    this.run = result.run;
    const { drafts } = result;
    const done = last ? drafts.length : drafts.length - 1;
    const pages = drafts.slice(0, done).map((d, i) => this.finish(d, pageHeight(i)));
    this.held = last ? undefined : { draft: drafts[done], height: pageHeight(done) };
    this.base += done;
    return pages;
  }

  /** A finished page: its notes placed, its label, folio and running head set from its run. */
  private finish(d: Draft, height: number): Page {
    if (d.foot.lines.length) d.page.notes = d.foot.place(height);
    const n = this.numbers;
    if (d.first && (d.start.restart || d.start.numbering !== n.numbering)) n.count = 0;
    n.numbering = d.start.numbering;
    n.count++;
    const label = n.numbering === 'roman' ? roman(n.count) : String(n.count);
    const plain = d.start.plain || (d.first && d.start.plainFirst) || d.page.placed.length === 0;
    const page: Page = { ...d.page, label };
    if (!plain) {
      page.folio = label;
      // Versos (even physical pages) carry the book's title, rectos the chapter's.
      if (d.start.head) page.head = { left: this.options.bookTitle, right: d.start.head };
    }
    return page;
  }
}

/**
 * How to fix the first runt page that can still be fixed (a run's last page with one to three lines). One or two
 * lines go back onto the pages before, each running a line long; failing that, or with three lines, the pages
 * before run a line short each, carrying enough lines over.
 */
function runtFix(drafts: readonly Draft[], adjust: ReadonlyMap<number, number>): [number, number][] | undefined {
  for (let i = 1; i < drafts.length; i++) {
    const d = drafts[i];
    const last = i === drafts.length - 1 || drafts[i + 1].first;
    const lines = d.page.placed.length;
    if (!last || d.first || lines === 0 || lines >= MIN_LAST_PAGE_LINES) continue;
    const before: number[] = [];
    for (let j = i - 1; j >= 0; j--) {
      before.push(j);
      if (drafts[j].first) break;
    }
    const fresh = before.filter((j) => !adjust.has(j));
    if (lines <= 2 && fresh.length >= lines) return fresh.slice(0, lines).map((j) => [j, 1]);
    const longer = before.filter((j) => adjust.get(j) === 1);
    if (longer.length) return longer.map((j) => [j, -1]);
    const shorter = before.filter((j) => !adjust.has(j)).slice(0, MIN_LAST_PAGE_LINES - lines);
    if (shorter.length) return shorter.map((j) => [j, -1]);
  }
  return undefined;
}

/** A draft to stack onto without changing `d`. */
function copyDraft(d: Draft): Draft {
  return { ...d, page: { ...d.page, placed: [...d.page.placed], marks: [...d.page.marks] }, foot: d.foot.copy() };
}

/** Where stacking a run starts from: the pages and notes the runs before left. */
interface StackStart {
  /** Index in the book of the first page of this stacking (the held page, or the next page). */
  base: number;
  held: Draft | undefined;
  carry: FlowBox[];
  run: PageStart;
}

interface Stacked {
  /** The held page (if any) and the pages opened after it. */
  drafts: Draft[];
  carry: FlowBox[];
  run: PageStart;
}

/** Stacks the blocks onto pages whose text height `pageHeight(page)` gives (`page` counted from `origin.base`). */
function stack(blocks: readonly FlowBlock[], origin: StackStart, pageHeight: (page: number) => number, separator: FlowBox): Stacked {
  const drafts: Draft[] = origin.held ? [origin.held] : [];
  let current: Draft | undefined = origin.held;
  /** Note lines that did not fit at the foot of their page. */
  let carry: FlowBox[] = origin.carry;
  let run: PageStart = origin.run;

  const open = (start?: PageStart) => {
    const previous = run;
    if (start) run = start;
    // A run that must start on a recto (even index: the first page is a recto) leaves a verso blank before it; the
    // blank page is a run of its own, numbered on from the one before, with no folio or head.
    const verso = (index: number) => (origin.base + index) % 2 === 1;
    const blank: PageStart = { numbering: previous.numbering, plainFirst: true, plain: true };
    const empty = current !== undefined && current.page.placed.length === 0;
    if (current && empty && start && !(start.recto && verso(drafts.length - 1))) {
      // Reuse an empty page instead of leaving it blank.
      current.start = run;
      current.first = true;
      return;
    }
    if (start?.recto && (empty ? verso(drafts.length - 1) : verso(drafts.length))) {
      if (current && empty) {
        current.start = blank;
        current.first = true;
      } else drafts.push({ page: { placed: [], label: '', marks: [] }, start: blank, first: true, y: 0, foot: new Foot(separator) });
    }
    current = { page: { placed: [], label: '', marks: [] }, start: run, first: start !== undefined, y: 0, foot: new Foot(separator) };
    drafts.push(current);
    // A continued note takes at most half of the next page.
    if (carry.length) carry = current.foot.add(carry, pageHeight(drafts.length - 1) / 2, pageHeight(drafts.length - 1));
  };
  const page = (): Draft => {
    if (!current) open();
    return current as Draft;
  };
  const heightOf = (block: FlowBlock, from = 0, to = block.boxes.length) => block.boxes.slice(from, to).reduce((s, b) => s + b.height, 0);

  blocks.forEach((block, index) => {
    if (block.breakBefore || !current) open(block.breakBefore ?? run);
    if (block.boxes.length === 0) return;
    let d = page();
    if (d.y > 0) d.y += block.spaceBefore;

    // What must share this page: the whole of an unsplittable block or a heading plus the start of the next block.
    let need = block.splittable ? heightOf(block, 0, Math.min(block.boxes.length, block.widowControl ? 2 : 1)) : heightOf(block);
    if (block.keepWithNext) {
      need = heightOf(block);
      const next = blocks[index + 1];
      if (next && !next.breakBefore && next.boxes.length) {
        need += next.spaceBefore + heightOf(next, 0, next.splittable ? Math.min(next.boxes.length, 2) : next.boxes.length);
      }
    }
    let height = pageHeight(drafts.length - 1);
    if (d.y > 0 && d.y + need > height) {
      open();
      d = page();
      height = pageHeight(drafts.length - 1);
    }
    if (block.marks) d.page.marks.push(...block.marks);

    let i = 0;
    while (i < block.boxes.length) {
      let fit = 0;
      let y = d.y;
      let foot = d.foot.height;
      while (i + fit < block.boxes.length) {
        const box = block.boxes[i + fit];
        const notes = noteLines(box);
        const cost = foot === 0 && notes.length ? d.foot.cost(notes) : notes.reduce((s, l) => s + l.height, 0);
        if (y + box.height + foot + cost <= height + 0.01) {
          y += box.height;
          foot += cost;
          fit++;
          continue;
        }
        // A line whose note does not fit whole still goes here if the note's first line does: the rest continues.
        const first = notes.length ? (foot === 0 ? separator.height : 0) + notes[0].height : Infinity;
        if (y + box.height + foot + first <= height + 0.01) fit++;
        break;
      }
      const rest = block.boxes.length - i;
      if (fit < rest && block.widowControl) fit = keepTogether(fit, rest, i === 0);
      if (fit < rest && !block.splittable && d.y > 0) fit = 0;
      // An empty page must take something, or an over-tall box would loop forever.
      if (fit === 0 && d.page.placed.length === 0) fit = Math.max(1, Math.min(rest, fitIgnoringRules(block, i, height)));
      for (let k = 0; k < fit; k++) {
        const box = block.boxes[i + k];
        d.page.placed.push({ y: d.y, box });
        d.y += box.height;
        const notes = noteLines(box);
        // Notes queue behind a note still being continued, so they keep their order.
        if (carry.length) carry.push(...notes);
        else if (notes.length) carry = d.foot.add(notes, d.y, height);
      }
      i += fit;
      if (i < block.boxes.length) {
        open();
        d = page();
        height = pageHeight(drafts.length - 1);
      }
    }
    d.y += block.spaceAfter;
  });
  return { drafts, carry, run };
}

/** How many of `rest` lines to leave on this page when only `fit` fit: never one alone at either end. */
export function keepTogether(fit: number, rest: number, atStart: boolean): number {
  let n = fit;
  if (rest - n === 1) n -= 1; // the last line would stand alone on the next page
  if (atStart && n === 1) n = 0; // the first line would stand alone at the foot
  return Math.max(0, n);
}

function fitIgnoringRules(block: FlowBlock, from: number, height: number): number {
  let y = 0;
  let n = 0;
  while (from + n < block.boxes.length && y + block.boxes[from + n].height <= height) y += block.boxes[from + n++].height;
  return n;
}

const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

/** Lower-case roman numerals. */
export function roman(n: number): string {
  let out = '';
  for (const [value, digits] of ROMAN) for (; n >= value; n -= value) out += digits;
  return out;
}
