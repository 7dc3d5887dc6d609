/** Drawing groups the words of a line into runs drawn as one string each (and, for pdfkit's path, runs of one gap). */
import { equalGapRuns, wordRuns, type TextOp } from '../../../src/render/pdf/word-runs';
import type { DrawOp, TextStyle } from '../../../src/render/pdf/layout/types';

const roman: TextStyle = { font: 'serif-regular', size: 10 };
const italic: TextStyle = { font: 'serif-italic', size: 10 };

/** Words laid out left to right with the given gaps after each. */
function line(words: [string, TextStyle?][], gaps: number[]): DrawOp[] {
  let x = 0;
  return words.map(([text, style = roman], i) => {
    const op: DrawOp = { type: 'text', text, style, x, baseline: 8, width: text.length * 5 };
    x += op.width + (gaps[i] ?? 0);
    return op;
  });
}

const texts = (runs: ReturnType<typeof wordRuns>) => runs.map((r) => (Array.isArray(r) ? r.map((op) => op.text) : r.type === 'text' ? r.text : r.type));

describe('wordRuns', () => {
  it('gathers a line of words into one run, whatever its gaps', () => {
    expect(texts(wordRuns(line([['Call'], ['me'], ['Ishmael.']], [3.1, 3.1])))).toEqual([['Call', 'me', 'Ishmael.']]);
    expect(texts(wordRuns(line([['grim,'], ['about'], ['the'], ['mouth.'], ['Then']], [3.9, 3.1, 3.1, 5.6])))).toEqual([['grim,', 'about', 'the', 'mouth.', 'Then']]);
  });

  it('starts a new run where the style, the glyph scale or the baseline changes', () => {
    const ops = line([['a'], ['b'], ['c', italic], ['d', italic], ['e'], ['f'], ['g']], [3, 3, 3, 3, 3, 4.5]);
    expect(texts(wordRuns(ops))).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f', 'g']]);
    const raised = line([['x'], ['y'], ['z']], [3, 3]);
    (raised[2] as { baseline: number }).baseline = 5;
    expect(texts(wordRuns(raised))).toEqual([['x', 'y'], 'z']);
    const scaled = line([['p'], ['q'], ['r']], [3, 3]);
    (scaled[2] as { scale?: number }).scale = 1.01;
    expect(texts(wordRuns(scaled))).toEqual([['p', 'q'], 'r']);
  });

  it('cuts a run where its gap changes, for pdfkit\'s word spacing', () => {
    const run = wordRuns(line([['a'], ['b'], ['c'], ['d'], ['e'], ['f'], ['g']], [3, 3, 4.5, 3, 5, 5]))[0];
    expect(Array.isArray(run)).toBe(true);
    const parts = equalGapRuns(run as TextOp[]);
    expect(parts.map((p) => (Array.isArray(p) ? p.map((op) => op.text) : p.text))).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f', 'g']]);
    const lone = equalGapRuns(wordRuns(line([['x'], ['y'], ['z']], [3, 4]))[0] as TextOp[]);
    expect(lone.map((p) => (Array.isArray(p) ? p.map((op) => op.text) : p.text))).toEqual([['x', 'y'], 'z']);
  });

  it('leaves alone text with spaces, links, struck text, rules and touching pieces', () => {
    const ops: DrawOp[] = [
      ...line([['one'], ['Mr.\u00a0Hyde'], ['two'], ['three']], [3, 3, 3]),
      { type: 'rule', x1: 0, y1: 0, x2: 10, y2: 0, width: 0.5 },
      ...line([['four'], ['five']], [0]),
    ];
    (ops[3] as { style: TextStyle }).style = { ...roman, link: 'https://example.org/' };
    expect(texts(wordRuns(ops))).toEqual(['one', 'Mr.\u00a0Hyde', 'two', 'three', 'rule', 'four', 'five']);
  });

  it('leaves alone text drawn in more than one face, and right-to-left text', () => {
    const ops = line([['a'], ['b'], ['שלום'], ['c'], ['d'], ['e']], [3, 3, 3, 3, 3]);
    (ops[4] as { rtl?: boolean }).rtl = true;
    const oneFace = (op: { text: string }) => !/[\u0590-\u05ff]/.test(op.text);
    expect(texts(wordRuns(ops, oneFace))).toEqual([['a', 'b'], 'שלום', 'c', 'd', 'e']);
  });
});
