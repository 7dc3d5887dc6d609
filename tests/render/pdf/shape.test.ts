/**
 * The shaping shortcut (src/render/pdf/shape.ts) sets most words from advances and pair kerning instead of fontkit's
 * whole shaper. It must give fontkit's own answer, glyph for glyph and unit for unit: checked here on every distinct
 * word of the corpus's novels and manuals, on whole lines, and on strings chosen to need the shaper (ligatures,
 * marks, the fraction slash, ignorables), in every face quire ships.
 */
import * as fs from 'node:fs';
import { fontkit } from '../../../src/render/pdf/fontkit';
import { fontPath } from '../../../src/render/font-files';
import type { ShortcutTables } from '../../../src/render/pdf/lookups';
import { Shaper, type ShapedFont } from '../../../src/render/pdf/shape';
import { isWoff, woffToSfnt } from '../../../src/render/pdf/woff';
import { corpusFile } from '../../helpers/tools';

interface Glyph {
  id: number;
  codePoints: number[];
}
type Font = Omit<ShapedFont, 'layout'> & { layout(text: string, features?: string[], script?: string): { glyphs: Glyph[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] } };

function load(key: string): Font {
  const data = fs.readFileSync(fontPath(key));
  return (fontkit as { create(data: Buffer): Font }).create(isWoff(data) ? woffToSfnt(data) : data);
}

const TEXTS = ['novels/moby-dick.md', 'war-and-peace/war-and-peace.md', 'leaves-of-grass/leaves-of-grass.md', 'pandoc/MANUAL.txt', 'pandoc/test/testsuite.txt', 'seed/000_27920b3cbfe5b9b8.txt'];

/** Strings beside the corpus's: other scripts and languages, and characters the shortcut must leave to fontkit. */
const CHOSEN = [
  'λόγος', 'Ἀθῆναι', 'ΑΘΗΝΑ', 'Москва́', 'Толстой', 'Ещё', 'Tiếng Việt', 'Ștefan', 'ıi', 'İstanbul', 'Æsop', 'œuvre',
  'office', 'ﬁne', 'affluent', 'fjord', 'e\u0301', 'co\u00adoperate', 'a\u200db', '1\u20442', '½', '“Yes,” she said—',
  '…', 'H₂O', 'x²', '№ 5', '€10', '1,234.56', 'AVATAR', 'WAVE', 'To', 'Ty', 'LT', "L'Orient", 'd’Artagnan', 'ǅ',
];

function corpusStrings(): { words: string[]; lines: string[] } {
  const words = new Set<string>(CHOSEN);
  const lines = new Set<string>();
  for (const rel of TEXTS) {
    const text = fs.readFileSync(corpusFile(rel), 'utf8');
    for (const word of text.split(/\s+/)) if (word) words.add(word);
    text.split('\n').forEach((line, i) => {
      if (i % 40 === 0 && line.trim()) lines.add(line.trim().slice(0, 120));
    });
  }
  return { words: [...words], lines: [...lines] };
}

const FACES = ['serif-regular', 'serif-italic', 'serif-bold', 'serif-bold-italic', 'greek-regular', 'greek-italic', 'hebrew-regular', 'arabic-regular', 'jp-regular'];

describe('the shaping shortcut gives fontkit’s result', () => {
  const { words, lines } = corpusStrings();

  test.each(FACES)('%s: every corpus word and sampled line, glyph for glyph', (key) => {
    const shaper = new Shaper(load(key) as unknown as ShapedFont);
    const reference = load(key);
    let shortcut = 0;
    const wrong: string[] = [];
    for (const text of [...words, ...lines]) {
      const mine = shaper.simple(text);
      if (!mine) continue;
      shortcut++;
      const theirs = reference.layout(text);
      const same =
        theirs.glyphs.length === mine.glyphs.length &&
        theirs.glyphs.every((g, i) => g.id === mine.glyphs[i].id) &&
        theirs.positions.every((p, i) => {
          const q = mine.positions[i];
          return p.xAdvance === q.xAdvance && p.yAdvance === q.yAdvance && p.xOffset === q.xOffset && p.yOffset === q.yOffset;
        });
      if (!same) wrong.push(text);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    // The serif sets nearly every word by the shortcut; a face whose lookups rule it out sets none by it.
    if (key.startsWith('serif-')) expect(shortcut / (words.length + lines.length)).toBeGreaterThan(0.85);
  });

  test('strings that need the shaper are left to it', () => {
    const shaper = new Shaper(load('serif-regular') as unknown as ShapedFont);
    // (The presentation form U+FB01 "ﬁ" is outside the shortcut's characters; "fi" forms the same glyph within it.)
    for (const text of ['ﬁne', 'e\u0301', 'co\u00adoperate', 'a\u200db', '1\u20442', 'Ἀθῆναι']) expect([text, shaper.simple(text)]).toEqual([text, undefined]);
    for (const text of ['Moby-Dick', 'λόγος', 'Толстой', '“Yes,” she said—', 'AVATAR', 'office', 'fjord']) expect([text, shaper.simple(text)]).not.toEqual([text, undefined]);
  });

  test.each(['serif-regular', 'serif-italic', 'serif-bold', 'serif-bold-italic'])(
    '%s: the shortcut forms the f-ligatures, kerned, standing for the letters they replace',
    (key) => {
      const shaper = new Shaper(load(key) as unknown as ShapedFont);
      const reference = load(key);
      for (const text of ['office', 'affluent', 'flick', 'fjord', 'Official', 'baffle,', 'off-hand', '“fly”', 'fffi', 'ff', 'f']) {
        const mine = shaper.simple(text);
        const theirs = reference.layout(text);
        expect([text, mine?.glyphs.map((g) => g.id)]).toEqual([text, theirs.glyphs.map((g) => g.id)]);
        expect([text, mine?.positions]).toEqual([text, theirs.positions]);
        // Each glyph stands for its characters in the PDF's text layer, a ligature for all of them.
        expect([text, mine?.glyphs.flatMap((g) => g.codePoints)]).toEqual([text, [...text].map((c) => c.codePointAt(0))]);
      }
      // Ligatures did form: "office" is four glyphs in each of these faces.
      expect(shaper.simple('office')?.glyphs).toHaveLength(4);
    },
  );

  test('a glyph shared by two characters still names the character the text used (the PDF’s text layer)', () => {
    // U+2018 and U+02BB share a glyph in Source Serif; fontkit keeps the characters of the first lookup of a glyph.
    const font = load('serif-regular');
    const shaper = new Shaper(font as unknown as ShapedFont);
    const [quote] = shaper.layout('\u2018').glyphs as Glyph[];
    expect(quote.codePoints).toEqual([0x2018]);
  });

  test('a cached run can be scaled in place by pdfkit without changing the cache', () => {
    const shaper = new Shaper(load('serif-regular') as unknown as ShapedFont);
    const first = shaper.layout('Ahab');
    const width = first.advanceWidth;
    for (const p of first.positions) p.xAdvance *= 0.01;
    expect(shaper.layout('Ahab').advanceWidth).toBe(width);
  });
});

test('a glyph whose characters fontkit lost (a composite’s component, read for the cover) is drawn with them again', () => {
  // Reading `;`'s outline makes fontkit create its components `.` and `,` with no characters (see Shaper.named).
  const font = load('serif-bold');
  (font as unknown as { glyphForCodePoint(cp: number): { path: unknown } }).glyphForCodePoint(0x3b).path;
  const dot = font._cmapProcessor?.lookup(0x2e) ?? -1;
  expect((font as unknown as { getGlyph(id: number): Glyph }).getGlyph(dot).codePoints).toEqual([]);
  const shaper = new Shaper(font as unknown as ShapedFont);
  for (const text of ['Whale.', 'office.', 'Yes, sir']) {
    const glyphs = shaper.layout(text).glyphs as Glyph[];
    expect(glyphs.every((g) => g.codePoints.length > 0)).toBe(true);
  }
  expect((shaper.layout('Whale.').glyphs as Glyph[]).at(-1)?.codePoints).toEqual([0x2e]);
  // The shortcut (which a face takes once it has shaped a few strings) repairs them too.
  expect(shaper.simple('Ahab.')?.glyphs.at(-1)?.codePoints).toEqual([0x2e]);
});

test.each(['serif-regular', 'serif-italic', 'serif-bold', 'serif-bold-italic'])(
  '%s: the kerning of every pair of letters and punctuation, read from GPOS, is what fontkit lays out',
  (key) => {
    // lookups.ts applies the font's pair positioning itself; fontkit laying out the two characters is the reference.
    const font = load(key);
    const shaper = new Shaper(font as unknown as ShapedFont);
    const { pairs, reachable } = (shaper as unknown as { tables: ShortcutTables }).tables;
    const chars = [...'AVWTYLPFKOQRDJafjkrtvwyoe.,;:!?\'’‘“”-—()1470'].filter((c) => reachable[font._cmapProcessor?.lookup(c.codePointAt(0)!) ?? 0]);
    let kerned = 0;
    let checked = 0;
    const wrong: string[] = [];
    for (const [script, tag] of ['zzzz', 'latn', 'grek'].entries()) {
      for (const a of chars) {
        for (const b of chars) {
          // Pairs that hold a glyph another lookup acts on are not the shortcut's; those that form a ligature are
          // checked above.
          if ((shaper.simple(a + b)?.glyphs.length ?? 0) !== 2) continue;
          const run = font.layout(a + b, [], tag);
          const [ga, gb] = run.glyphs;
          const [pa, pb] = run.positions;
          const expected = [pa.xAdvance - (ga as unknown as { advanceWidth: number }).advanceWidth, pa.yAdvance, pa.xOffset, pa.yOffset, pb.xAdvance - (gb as unknown as { advanceWidth: number }).advanceWidth, pb.yAdvance, pb.xOffset, pb.yOffset];
          const delta = pairs.delta(script, ga.id, gb.id) ?? [0, 0, 0, 0, 0, 0, 0, 0];
          checked++;
          if (delta.some((v) => v !== 0)) kerned++;
          if (delta.some((v, i) => v !== expected[i])) wrong.push(`${tag} ${a}${b}: ${delta} against ${expected}`);
        }
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    // Some pairs are kerned (To, AV, “A): there was something to get right.
    expect(kerned).toBeGreaterThan(50);
    expect(checked).toBeGreaterThan(chars.length ** 2);
  },
);
