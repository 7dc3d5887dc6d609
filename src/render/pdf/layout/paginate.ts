/**
 * Pagination: stacks flow blocks into pages of a fixed text height.
 *
 * Rules, simplest first: a `breakBefore` block opens a page; space is dropped at the top of a page; a
 * `keepWithNext` block (heading) moves with the first lines of what follows; a paragraph never leaves one line
 * alone at the foot (orphan) or the head (widow) of a page, moving a line over instead (pages may end a line short).
 */
import type { FlowBlock, Mark, Page, PageStart } from './types';

/** Pages with numbering state; folios are filled in by `numberPages`. */
interface Draft {
  page: Page;
  start: PageStart;
  first: boolean;
  y: number;
}

/** Lays blocks onto pages of `height` points. */
export function paginate(blocks: readonly FlowBlock[], height: number, bookTitle: string): Page[] {
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  let run: PageStart = { numbering: 'roman', plainFirst: false };

  const open = (start?: PageStart) => {
    if (start) run = start;
    if (current && current.page.placed.length === 0 && start) {
      // Reuse an empty page instead of leaving it blank.
      current.start = run;
      current.first = true;
      return;
    }
    current = { page: { placed: [], label: '', marks: [] }, start: run, first: start !== undefined, y: 0 };
    drafts.push(current);
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
    if (d.y > 0 && d.y + need > height) {
      open();
      d = page();
    }
    if (block.marks) d.page.marks.push(...block.marks);

    let i = 0;
    while (i < block.boxes.length) {
      let fit = 0;
      let y = d.y;
      while (i + fit < block.boxes.length && y + block.boxes[i + fit].height <= height + 0.01) y += block.boxes[i + fit++].height;
      const rest = block.boxes.length - i;
      if (fit < rest && block.widowControl) fit = keepTogether(fit, rest, i === 0);
      if (fit < rest && !block.splittable && d.y > 0) fit = 0;
      // An empty page must take something, or an over-tall box would loop forever.
      if (fit === 0 && d.page.placed.length === 0) fit = Math.max(1, Math.min(rest, fitIgnoringRules(block, i, height)));
      for (let k = 0; k < fit; k++) {
        d.page.placed.push({ y: d.y, box: block.boxes[i + k] });
        d.y += block.boxes[i + k].height;
      }
      i += fit;
      if (i < block.boxes.length) {
        open();
        d = page();
      }
    }
    d.y += block.spaceAfter;
  });
  return numberPages(drafts, bookTitle);
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

/** Sets each page's label, folio and running head from its run. */
function numberPages(drafts: Draft[], bookTitle: string): Page[] {
  let count = 0;
  let numbering: PageStart['numbering'] | undefined;
  return drafts.map((d) => {
    if (d.first && (d.start.restart || d.start.numbering !== numbering)) count = 0;
    numbering = d.start.numbering;
    count++;
    const label = numbering === 'roman' ? roman(count) : String(count);
    const plain = d.start.plain || (d.first && d.start.plainFirst) || d.page.placed.length === 0;
    const page: Page = { ...d.page, label };
    if (!plain) {
      page.folio = label;
      // Versos (even physical pages) carry the book's title, rectos the chapter's.
      if (d.start.head) page.head = { left: bookTitle, right: d.start.head };
    }
    return page;
  });
}

/** The page index each mark landed on. */
export function markPages(pages: readonly Page[]): Map<string, { page: number; mark: Mark }> {
  const out = new Map<string, { page: number; mark: Mark }>();
  pages.forEach((p, page) => {
    for (const mark of p.marks) if (!out.has(mark.id)) out.set(mark.id, { page, mark });
  });
  return out;
}
