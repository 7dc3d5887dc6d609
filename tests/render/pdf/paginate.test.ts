/** Pagination: page breaks before chapters, headings kept with text, no lone line at either end of a page. */
import { keepTogether, paginate, Paginator, roman, type PaginateOptions } from '../../../src/render/pdf/layout/paginate';
import type { FlowBlock, FlowBox } from '../../../src/render/pdf/layout/types';

const line = (label: string): FlowBox => ({ height: 10, ops: [{ type: 'text', text: label, style: { font: 'serif-regular', size: 9 }, x: 0, baseline: 8, width: 10 }] });
const para = (id: string, n: number): FlowBlock => ({
  boxes: Array.from({ length: n }, (_, i) => line(`${id}${i}`)), spaceBefore: 0, spaceAfter: 0, splittable: true, widowControl: true,
});
const chapter = (id: string): FlowBlock => ({
  boxes: [line(id)], spaceBefore: 0, spaceAfter: 0, splittable: false, keepWithNext: true,
  breakBefore: { numbering: 'arabic', plainFirst: true, head: id }, marks: [{ id, title: id, level: 0 }],
});
const labels = (page: { placed: { box: FlowBox }[] }) => page.placed.map((p) => (p.box.ops[0] as { text: string }).text);

const options: PaginateOptions = { height: 100, bookTitle: 'Book', line: 0, noteSeparator: { height: 5, ops: [] } };

describe('paginate', () => {
  it('starts each chapter on a new page and numbers pages', () => {
    const pages = paginate([chapter('A'), para('a', 3), chapter('B'), para('b', 2)], options);
    expect(pages.map(labels)).toEqual([['A', 'a0', 'a1', 'a2'], ['B', 'b0', 'b1']]);
    expect(pages[0].marks.map((m) => m.id)).toEqual(['A']);
    expect(pages[0].folio).toBeUndefined(); // chapter opening
  });

  it('opens a chapter that must start on a right-hand page after a blank verso when it would fall on one', () => {
    const recto = (id: string): FlowBlock => ({ ...chapter(id), breakBefore: { ...chapter(id).breakBefore!, recto: true } });
    // A (page 1, a recto) fills one page; B would start on page 2, a verso: page 2 stays blank. B fills pages 3 and 4,
    // so C starts on page 5 with no blank page.
    const pages = paginate([recto('A'), para('a', 3), recto('B'), para('b', 15), recto('C'), para('c', 2)], options);
    expect(pages.map(labels)).toEqual([['A', 'a0', 'a1', 'a2'], [], ['B', 'b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8'], ['b9', 'b10', 'b11', 'b12', 'b13', 'b14'], ['C', 'c0', 'c1']]);
    // The blank page is counted but shows no folio or running head.
    expect(pages.map((p) => p.label)).toEqual(['1', '2', '3', '4', '5']);
    expect(pages[1].folio).toBeUndefined();
    expect(pages[1].head).toBeUndefined();
    expect(pages[3].folio).toBe('4');
    // Without the option, no page is left blank.
    expect(paginate([chapter('A'), para('a', 3), chapter('B'), para('b', 15), chapter('C')], options).map(labels).some((l) => l.length === 0)).toBe(false);
  });

  it('moves a paragraph whose first line alone would end a page', () => {
    const pages = paginate([para('x', 9), para('y', 4)], options);
    expect(labels(pages[0])).toEqual(['x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8']);
    expect(labels(pages[1])[0]).toBe('y0');
  });

  it('never leaves the last line of a paragraph alone at the top of a page', () => {
    const pages = paginate([para('x', 8), para('y', 3)], options);
    // 10 lines fit; y would split 2 + 1, so one more line moves over.
    expect(labels(pages[0])).toEqual(['x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7']);
    expect(labels(pages[1])).toEqual(['y0', 'y1', 'y2']);
    // Pages before any numbered run count in roman, as front matter does.
    expect(pages[1].folio).toBe('ii');
    expect(pages[1].head).toEqual(undefined);
  });

  it('keeps a heading with the lines after it', () => {
    const heading: FlowBlock = { boxes: [line('H')], spaceBefore: 0, spaceAfter: 0, splittable: false, keepWithNext: true };
    const pages = paginate([para('x', 8), heading, para('y', 5)], options);
    expect(labels(pages[0])).toEqual(['x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7']);
    expect(labels(pages[1]).slice(0, 2)).toEqual(['H', 'y0']);
  });

  it('gives chapter pages running heads after the opening page', () => {
    const pages = paginate([chapter('A'), para('a', 25)], options);
    expect(pages.length).toBe(3);
    expect(pages[1].head).toEqual({ left: 'Book', right: 'A' });
    expect(pages[1].folio).toBe('2');
  });

  it('keepTogether and roman numerals', () => {
    expect(keepTogether(1, 5, true)).toBe(0);
    expect(keepTogether(4, 5, false)).toBe(3);
    expect(keepTogether(3, 5, true)).toBe(3);
    expect([1, 4, 9, 14, 40].map(roman)).toEqual(['i', 'iv', 'ix', 'xiv', 'xl']);
  });
});

describe('runt pages and footnotes', () => {
  it('never ends a chapter with a page of one to three lines', () => {
    // 21 lines at 10 per page would leave one line alone on the chapter's last page.
    const pages = paginate([chapter('A'), para('a', 20), chapter('B'), para('b', 3)], { ...options, line: 10 });
    const chapterA = pages.slice(0, pages.findIndex((p) => labels(p)[0] === 'B'));
    const last = chapterA[chapterA.length - 1];
    expect(last.placed.length === 0 || last.placed.length >= 4).toBe(true);
    expect(chapterA.flatMap(labels)).toHaveLength(21);
  });

  it('sets a note at the foot of the page that refers to it, continuing a long note on the next page', () => {
    const withNote = para('x', 6);
    const note = Array.from({ length: 6 }, (_, i) => line(`n${i}`));
    withNote.boxes[4].notes = [note];
    const pages = paginate([withNote, para('y', 6)], options);
    const page = pages.find((p) => labels(p).includes('x4'));
    expect(page?.notes?.map((n) => (n.box.ops[0] as { text?: string } | undefined)?.text).filter(Boolean)[0]).toBe('n0');
    const rest = pages[pages.indexOf(page!) + 1];
    const all = [...(page?.notes ?? []), ...(rest.notes ?? [])].flatMap((n) => (n.box.ops[0] ? [(n.box.ops[0] as { text: string }).text] : []));
    expect(all).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5']);
    // Text and notes never overlap: the foot starts below the last line of text.
    const bottom = Math.max(...page!.placed.map((p) => p.y + p.box.height));
    expect(Math.min(...page!.notes!.map((n) => n.y))).toBeGreaterThanOrEqual(bottom - 0.01);
  });
});

describe('paginating as the blocks come (Paginator)', () => {
  const recto = (id: string): FlowBlock => ({ ...chapter(id), breakBefore: { numbering: 'arabic', plainFirst: true, head: id, recto: true } });
  const withNote = (id: string): FlowBlock => {
    const p = para(id, 9);
    p.boxes[8].notes = [Array.from({ length: 8 }, (_, i) => line(`${id}n${i}`))];
    return p;
  };
  // Runts to fix, recto openings with blank versos, a note continued across a chapter's end, an empty chapter.
  const book = [para('front', 3), recto('A'), para('a', 21), chapter('B'), withNote('b'), recto('C'), chapter('D'), para('d', 2), recto('E'), para('e', 13)];
  const summary = (pages: ReturnType<typeof paginate>) =>
    pages.map((p) => ({ label: p.label, folio: p.folio, head: p.head?.right, lines: labels(p), notes: p.notes?.length ?? 0, marks: p.marks.map((m) => m.id) }));

  it('gives the pages that paginating the whole book at once gives, fed one block at a time', () => {
    const whole = paginate(book, { ...options, line: 10 });
    const paginator = new Paginator({ ...options, line: 10 });
    const streamed = [...book.flatMap((block) => paginator.add([block])), ...paginator.end()];
    expect(summary(streamed)).toEqual(summary(whole));
    expect(whole.length).toBeGreaterThan(8);
  });

  it('hands over a chapter’s pages once the next chapter starts, before the book ends', () => {
    const paginator = new Paginator(options);
    expect(paginator.add([chapter('A'), para('a', 25)])).toEqual([]);
    const first = paginator.add([chapter('B')]);
    // Chapter A's pages but its last, which chapter B could still have taken over had it been empty.
    expect(first.map(labels).flat()).toEqual(['A', ...Array.from({ length: 19 }, (_, i) => `a${i}`)]);
    const rest = [...paginator.add([para('b', 2)]), ...paginator.end()];
    expect(rest.flatMap(labels)).toEqual([...Array.from({ length: 6 }, (_, i) => `a${i + 19}`), 'B', 'b0', 'b1']);
  });
});

describe('a run laid out again to fix a runt page starts from the same state each time', () => {
  const fixing = { ...options, line: 10 };
  const texts = (boxes: { box: FlowBox }[] | undefined) => (boxes ?? []).flatMap((p) => (p.box.ops[0] ? [(p.box.ops[0] as { text: string }).text] : []));
  const seq = (id: string, n: number) => Array.from({ length: n }, (_, i) => `${id}${i}`);

  it('sets each line once when the chapter takes over an empty page left before it', () => {
    const empty: FlowBlock = { boxes: [], spaceBefore: 0, spaceAfter: 0, splittable: true, breakBefore: { numbering: 'arabic', plainFirst: true } };
    const pages = paginate([chapter('A'), para('a', 3), empty, chapter('B'), para('b', 20)], fixing);
    expect(pages.flatMap((p) => texts(p.placed))).toEqual(['A', ...seq('a', 3), 'B', ...seq('b', 20)]);
    expect(pages[pages.length - 1].placed.length).toBeGreaterThanOrEqual(4);
  });

  it('sets each note line once when a note carried over from the chapter before meets a runt fix', () => {
    const noted = para('x', 9);
    noted.boxes[7].notes = [seq('n', 9).map(line)];
    const pages = paginate([chapter('A'), noted, chapter('B'), para('b', 21)], fixing);
    expect(pages.flatMap((p) => texts(p.placed))).toEqual(['A', ...seq('x', 9), 'B', ...seq('b', 21)]);
    expect(pages.flatMap((p) => texts(p.notes))).toEqual(seq('n', 9));
  });
});
