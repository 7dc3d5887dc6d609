/** The Knuth–Plass breaker and the paragraph setter: measure, justification, last line, hyphenation, long input. */
import * as path from 'node:path';
import { FileAssets } from '../../../src/assets';
import { FontSet } from '../../../src/render/pdf/fonts';
import { toWords } from '../../../src/render/pdf/layout/collect';
import { hyphenatorFor } from '../../../src/render/pdf/layout/hyphenate';
import { spaceFactor } from '../../../src/render/pdf/layout/items';
import { breakLines, FILL, INFINITY_PENALTY, TEX_DEFAULTS, type Item } from '../../../src/render/pdf/layout/linebreak';
import { setParagraph, type ParagraphSpec } from '../../../src/render/pdf/layout/paragraph';
import type { DrawOp, FlowBox, TextStyle } from '../../../src/render/pdf/layout/types';

const fonts = new FontSet(new FileAssets({ root: path.resolve(__dirname, '..', '..', 'fixtures') }));
const regular: TextStyle = { font: 'serif-regular', size: 10.5 };
const italic: TextStyle = { font: 'serif-italic', size: 10.5 };
const TEXT =
  'Call me Ishmael. Some years ago, never mind how long precisely, having little or no money in my purse, and nothing ' +
  'particular to interest me on shore, I thought I would sail about a little and see the watery part of the world. It is ' +
  'a way I have of driving off the spleen and regulating the circulation. Whenever I find myself growing grim about the ' +
  'mouth; whenever it is a damp, drizzly November in my soul; then, I account it high time to get to sea as soon as I can.';

type TextOp = Extract<DrawOp, { type: 'text' }>;
const texts = (box: FlowBox) => box.ops.filter((op): op is TextOp => op.type === 'text');
const right = (box: FlowBox) => Math.max(...texts(box).map((op) => op.x + op.width));
const gaps = (box: FlowBox) => texts(box).slice(1).map((op, i) => op.x - (texts(box)[i].x + texts(box)[i].width));
/** Gaps after words that end without punctuation: the ones TeX's space factor leaves at their plain stretch. */
const ordinaryGaps = (box: FlowBox) => gaps(box).filter((_, i) => !/[.,;:!?][’”]?$/u.test(texts(box)[i].text));
const spec = (width: number, extra: Partial<ParagraphSpec> = {}): ParagraphSpec => ({ width, align: 'justify', leading: 14, ...extra });

describe('setParagraph (Knuth–Plass)', () => {
  const width = 300;
  const lines = setParagraph(toWords([{ text: TEXT, style: regular }]), spec(width), fonts);

  it('never sets a line wider than the measure', () => {
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(right(line)).toBeLessThanOrEqual(width + 0.01);
  });

  it('fills every line but the last exactly, with equal gaps between plain words and wider ones after punctuation', () => {
    for (const line of lines.slice(0, -1)) {
      expect(right(line)).toBeCloseTo(width, 6);
      const g = ordinaryGaps(line);
      for (const gap of g) expect(gap).toBeCloseTo(g[0], 6);
      for (const gap of gaps(line)) expect(gap).toBeGreaterThanOrEqual(Math.min(...g) - 1e-6);
    }
  });

  it('sets the last line at the natural word space', () => {
    const last = lines[lines.length - 1];
    const space = fonts.width(' ', regular);
    expect(right(last)).toBeLessThan(width - space);
    for (const gap of gaps(last)) expect(gap).toBeCloseTo(space, 6);
  });

  it('spaces a line evenly across italic and roman words', () => {
    const words = toWords([{ text: 'the ', style: regular }, { text: 'Pequod sailed on', style: italic }, { text: ` ${TEXT}`, style: regular }]);
    const first = setParagraph(words, spec(width), fonts)[0];
    const g = ordinaryGaps(first);
    expect(texts(first).some((op) => op.style.font === 'serif-italic')).toBe(true);
    for (const gap of g) expect(gap).toBeCloseTo(g[0], 6);
  });

  it('uses a hyphenation point when that avoids a loose line', () => {
    // A narrow measure with long words: without hyphens the lines would stretch far beyond tolerance.
    const text = 'Notwithstanding extraordinary circumstances, the uncharacteristically meticulous harpooneer deliberated interminably.';
    const narrow = spec(120, { hyphenate: hyphenatorFor('en') });
    const withHyphens = setParagraph(toWords([{ text, style: regular }]), narrow, fonts);
    const ends = withHyphens.map((l) => texts(l).at(-1)?.text ?? '');
    expect(ends.some((e) => /\p{L}-$/u.test(e))).toBe(true);
    const plainText = withHyphens.flatMap((l) => texts(l).map((op) => op.text)).join(' ');
    expect(plainText).not.toContain('\u00ad');
    for (const line of withHyphens) expect(right(line)).toBeLessThanOrEqual(120 + 0.01);
  });

  it('hyphenates only a paragraph that TeX\'s first pass cannot set without hyphens, to the same lines', () => {
    const en = hyphenatorFor('en')!;
    const asked: string[] = [];
    const counting = Object.assign((word: string) => (asked.push(word), en(word)), { lastResort: (word: string) => en.lastResort(word) });
    // The wide measure sets the opening of Moby-Dick with every gap under 1.5 spaces: no word is looked up.
    const wide = setParagraph(toWords([{ text: TEXT, style: regular }]), spec(width, { hyphenate: counting }), fonts);
    expect(asked).toEqual([]);
    expect(wide.map((l) => texts(l).map((op) => op.text).join(' '))).toEqual(lines.map((l) => texts(l).map((op) => op.text).join(' ')));
    // The narrow one needs hyphens: every word is hyphenated, and the lines are those the breaker picks with them.
    const text = 'Notwithstanding extraordinary circumstances, the uncharacteristically meticulous harpooneer deliberated interminably.';
    const narrow = setParagraph(toWords([{ text, style: regular }]), spec(120, { hyphenate: counting }), fonts);
    expect(asked).toContain('uncharacteristically');
    expect(narrow.map((l) => texts(l).map((op) => op.text).join(' '))).toEqual(
      setParagraph(toWords([{ text, style: regular }]), spec(120, { hyphenate: en }), fonts).map((l) => texts(l).map((op) => op.text).join(' ')),
    );
    expect(narrow.some((l) => /\p{L}-$/u.test(texts(l).at(-1)?.text ?? ''))).toBe(true);
  });

  it('widens or narrows the glyphs of a justified line by at most 2%, one scale per line, never on the last line', () => {
    const scales = lines.map((line) => new Set(texts(line).map((op) => op.scale ?? 1)));
    for (const set of scales) expect(set.size).toBe(1);
    const values = scales.map((set) => [...set][0]);
    expect(values.some((v) => v !== 1)).toBe(true);
    for (const v of values) expect(Math.abs(v - 1)).toBeLessThanOrEqual(0.02 + 1e-12);
    expect(values[values.length - 1]).toBe(1);
    // Drawn widths include the scale, so the line still ends exactly at the measure.
    for (const line of lines.slice(0, -1)) expect(right(line)).toBeCloseTo(width, 6);
  });

  it('never starts a line with an ellipsis, and never breaks a space held by word joiners', () => {
    const text = Array.from({ length: 12 }, () => 'Sergéy Kuzmích … From all sides … and then tears, Anna\u2060 \u2060Pávlovna said …').join(' ');
    const narrow = setParagraph(toWords([{ text, style: regular }]), spec(140, { hyphenate: hyphenatorFor('en') }), fonts);
    expect(narrow.length).toBeGreaterThan(10);
    for (const line of narrow) {
      expect(texts(line)[0].text.startsWith('\u2026')).toBe(false);
      expect(texts(line).at(-1)?.text).not.toBe('Anna');
    }
    expect(narrow.flatMap((l) => texts(l).map((op) => op.text)).join(' ')).not.toContain('\u2060');
  });

  it('breaks a 20,000-word paragraph', () => {
    const long = Array.from({ length: 20000 / 80 }, () => TEXT).join(' ');
    const result = setParagraph(toWords([{ text: long, style: regular }]), spec(width, { hyphenate: hyphenatorFor('en') }), fonts);
    expect(result.length).toBeGreaterThan(1000);
    for (const line of result) expect(right(line)).toBeLessThanOrEqual(width + 0.01);
  });
});

describe('breakLines', () => {
  const box = (width: number): Item<null> => ({ kind: 'box', width, data: null });
  const glue = (): Item<null> => ({ kind: 'glue', width: 3, stretch: 1.5, shrink: 1 });
  const end: Item<null>[] = [
    { kind: 'penalty', width: 0, penalty: INFINITY_PENALTY, flagged: false },
    { kind: 'glue', width: 0, stretch: FILL, shrink: 0 },
    { kind: 'penalty', width: 0, penalty: -INFINITY_PENALTY, flagged: false },
  ];
  const options = { ...TEX_DEFAULTS, widths: [44], emergencyStretch: 10 };

  it('finds total-fit breaks with ratios inside the tolerance', () => {
    const items = [box(20), glue(), box(20), glue(), box(20), glue(), box(20), glue(), box(20), ...end];
    const breaks = breakLines(items, options);
    expect(breaks.map((b) => b.position)).toEqual([3, 7, items.length - 1]);
    for (const b of breaks.slice(0, -1)) expect(Math.abs(b.ratio)).toBeLessThanOrEqual(1);
  });

  it('counts font expansion as stretch: the same break at a lower ratio', () => {
    const items = [box(20), glue(), box(20), glue(), box(20), glue(), box(20), glue(), box(20), ...end];
    const rigid = breakLines(items, options);
    const expanding = breakLines(items, { ...options, expansion: 0.02 });
    expect(expanding.map((b) => b.position)).toEqual(rigid.map((b) => b.position));
    expect(expanding[0].ratio).toBeLessThan(rigid[0].ratio);
  });

  it('breaks at a last-resort hyphen only in the final pass', () => {
    const lastResort: Item<null> = { kind: 'penalty', width: 2, penalty: 500, flagged: true, hyphen: true, lastResort: true };
    // 34 + 6 fits the measure of 44 only if the line breaks inside the second word.
    const items = [box(34), glue(), box(6), lastResort, box(30), ...end];
    const breaks = breakLines(items, { ...options, tolerances: [10000] });
    expect(breaks.map((b) => b.position)).not.toContain(3);
    const forced = breakLines([box(40), lastResort, box(40), ...end], { ...options, tolerances: [10000] });
    expect(forced.map((b) => b.position)).toContain(1);
  });

  it('falls back to an emergency pass instead of failing on an unbreakable box', () => {
    const items = [box(60), glue(), box(10), ...end];
    const breaks = breakLines(items, options);
    expect(breaks[breaks.length - 1].position).toBe(items.length - 1);
  });
});

describe('spaceFactor (plain TeX\u2019s \\sfcode for the character that ends a word)', () => {
  test.each([
    ['whale', 1],
    ['whale,', 1.25],
    ['whale;', 1.5],
    ['whale:', 2],
    ['whale.', 3],
    ['whale?', 3],
    ['whale!\u2019', 3],
    ['whale.\u201d)', 3],
    ['J.', 1],
    ['U.S.', 1],
    ['Mr.', 3],
    ['\u201c', 1],
    ['', 1],
  ])('%j: %d', (word, factor) => {
    expect(spaceFactor(word)).toBe(factor);
  });
});
