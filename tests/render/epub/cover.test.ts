/**
 * The generated cover's lettering in every script quire has a face for (cover.ts, cover-type.ts): drawn, not boxes,
 * in the book's direction, with characters no face has reported and left out. Pixels are read from the PNG itself.
 */
import { Resvg } from '@resvg/resvg-js';
import { FileAssets } from '../../../src/assets';
import { fontPath } from '../../../src/render/font-files';
import { CollectingReporter } from '../../../src/diagnostics/reporter';
import { emptyBook } from '../../../src/model/build-helpers';
import type { Position } from '../../../src/model/types';
import { CoverType } from '../../../src/render/epub/cover-type';
import { COVER_HEIGHT, COVER_WIDTH, generatedCover } from '../../../src/render/epub/cover';
import { FontSet } from '../../../src/render/pdf/fonts';
import { decodePng, type Pixels } from '../../helpers/png';
import { decideLanguage } from '../../../src/locale';

const assets = new FileAssets({ root: 'tests/fixtures' });
const TITLE_AT: Position = { file: 'book.md', start: { line: 2, column: 1 }, end: { line: 2, column: 20 } };

/** The generated cover of a book with this title and language (no author, so only the title is lettered). */
async function drawCover(title: string, language: string): Promise<{ png: Buffer; report: CollectingReporter }> {
  const book = emptyBook('tests/fixtures');
  book.meta = { ...book.meta, title, language, authors: [] };
  book.metaPositions = { title: TITLE_AT };
  const report = new CollectingReporter();
  const png = await generatedCover(book, { options: {}, report, assets, now: new Date(0) });
  return { png, report };
}

/** The title's area: below the top of the frame, above the author lines, inside the inner frame. */
const AREA = { top: 300, bottom: 1600, left: 120, right: COVER_WIDTH - 120 };

/** Whether a pixel is the lettering's cream (#f4ecd8), not the background, the frame's gold or their blend. */
function isInk(p: Pixels, x: number, y: number): boolean {
  const i = (y * p.width + x) * 4;
  return p.data[i] > 200 && p.data[i + 1] > 190 && p.data[i + 2] > 170;
}

/** The title area's ink, as a string of 0/1 per pixel, its count, and the ink's column centroid and extent. */
function titleInk(png: Buffer): { mask: string; count: number; centroid: number; minX: number; maxX: number } {
  const p = decodePng(png);
  expect([p.width, p.height]).toEqual([COVER_WIDTH, COVER_HEIGHT]);
  let mask = '';
  let count = 0;
  let sum = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  for (let y = AREA.top; y < AREA.bottom; y++) {
    for (let x = AREA.left; x < AREA.right; x++) {
      const ink = isInk(p, x, y);
      mask += ink ? '1' : '0';
      if (!ink) continue;
      count++;
      sum += x;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
    }
  }
  return { mask, count, centroid: sum / count, minX, maxX };
}

/** Each word's letters in reverse: the same letters, so boxes would draw the same picture. */
const reversedWords = (title: string) => title.split(' ').map((w) => [...w].reverse().join('')).join(' ');

test('the PNG reader reads back what resvg drew', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="10"><rect width="20" height="10" fill="#ff0000"/><rect x="20" width="20" height="10" fill="#0000ff"/></svg>';
  const p = decodePng(new Resvg(svg).render().asPng());
  expect([p.width, p.height]).toEqual([40, 10]);
  expect([...p.data.subarray((5 * 40 + 3) * 4, (5 * 40 + 3) * 4 + 4)]).toEqual([255, 0, 0, 255]);
  expect([...p.data.subarray((9 * 40 + 30) * 4, (9 * 40 + 30) * 4 + 4)]).toEqual([0, 0, 255, 255]);
});

const SCRIPTS: [script: string, language: string, title: string][] = [
  ['Latin', 'en', 'The Lantern Loft'],
  ['Hebrew', 'he', 'שיר השירים הקטן'],
  ['Arabic', 'ar', 'كتاب الحديقة الصغيرة'],
  ['Japanese', 'ja', '月の庭'],
  ['Korean', 'ko', '달의 정원'],
  ['polytonic Greek', 'grc', 'Ἡ Ὀδύσσεια τοῦ Ὁμήρου'],
];

describe.each(SCRIPTS)('a %s title', (_script, language, title) => {
  let ink: ReturnType<typeof titleInk>;
  let messages: string[];
  beforeAll(async () => {
    const { png, report } = await drawCover(title, language);
    ink = titleInk(png);
    messages = report.messages.map((m) => m.rule);
  });

  test('is drawn without a missing-glyph warning, and the title area has ink', () => {
    expect(messages).toEqual([]);
    expect(ink.count).toBeGreaterThan((AREA.right - AREA.left) * (AREA.bottom - AREA.top) * 0.003);
  });

  test('draws other pixels when its letters are in another order', async () => {
    const other = reversedWords(title);
    expect(other).not.toBe(title);
    const { png, report } = await drawCover(other, language);
    expect(report.messages).toEqual([]);
    expect(titleInk(png).mask === ink.mask).toBe(false);
  });

  test('draws each of its letters unlike the others and unlike the serif-only cover’s missing-glyph box', () => {
    const type = new CoverType(new FontSet(assets, decideLanguage({ language: language })), 'ltr');
    const letter = (svgBody: string) => {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><rect width="300" height="300" fill="#000"/>${svgBody}</svg>`;
      const fontFiles = ['serif-bold'].map(fontPath);
      return Buffer.from(new Resvg(svg, { font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'Source Serif 4' } }).render().pixels);
    };
    // What the cover drew before it had the fallback faces: resvg's <text> in Source Serif 4 alone.
    const box = letter('<text x="150" y="220" font-family="Source Serif 4" font-weight="bold" font-size="200" fill="#fff" text-anchor="middle">\u05e9</text>');
    const blank = letter('');
    const letters = [...new Set([...title.replace(/\s/g, '')])];
    const drawn = letters.map((c) => letter(`<path transform="translate(150 220)" fill="#fff" d="${type.outline(c, { font: 'serif-bold', size: 200 }).path}"/>`));
    expect(box.equals(blank)).toBe(false); // the serif does draw a box for a letter it lacks
    drawn.forEach((pixels, i) => {
      expect([letters[i], pixels.equals(blank)]).toEqual([letters[i], false]);
      expect([letters[i], pixels.equals(box)]).toEqual([letters[i], false]);
      for (let j = 0; j < i; j++) expect([letters[j], letters[i], pixels.equals(drawn[j])]).toEqual([letters[j], letters[i], false]);
    });
  });
});

describe('direction', () => {
  /**
   * Where the widest ink-free stretch of columns (the space between the two words) lies within the ink's extent:
   * 0 at its left edge, 1 at its right.
   */
  const spaceAt = async (title: string, language: string) => {
    const { png, report } = await drawCover(title, language);
    expect(report.messages).toEqual([]);
    const p = decodePng(png);
    const inked: boolean[] = [];
    for (let x = AREA.left; x < AREA.right; x++) {
      let any = false;
      for (let y = AREA.top; y < AREA.bottom && !any; y++) any = isInk(p, x, y);
      inked.push(any);
    }
    const first = inked.indexOf(true);
    const last = inked.lastIndexOf(true);
    let best = { from: 0, length: 0 };
    for (let x = first, from = -1; x <= last; x++) {
      if (!inked[x] && from < 0) from = x;
      if (inked[x] && from >= 0) {
        if (x - from > best.length) best = { from, length: x - from };
        from = -1;
      }
    }
    return (best.from + best.length / 2 - first) / (last - first);
  };

  // A long word first and a one-letter word last: the space sits near the end of the line, which is its left end
  // when the line runs right to left.
  test('a Hebrew title runs right to left: its first word is drawn right of its last', async () => {
    expect(await spaceAt('שששששש ו', 'he')).toBeLessThan(0.3);
  });

  test('so does an Arabic one', async () => {
    expect(await spaceAt('سسسسس و', 'ar')).toBeLessThan(0.3);
  });

  test('a Hebrew title in an English book still runs right to left', async () => {
    expect(await spaceAt('שששששש ו', 'en')).toBeLessThan(0.3);
  });

  test('a Latin title runs left to right', async () => {
    expect(await spaceAt('MMMMMM l', 'en')).toBeGreaterThan(0.7);
  });
});

test('a character no face has is reported at the title and left out, not drawn as a box', async () => {
  const withEmoji = await drawCover('Moon 🦄 Garden', 'en');
  expect(withEmoji.report.messages.map((m) => [m.rule, m.position])).toEqual([['cover-glyphs-missing', TITLE_AT]]);
  expect(withEmoji.report.messages[0].message).toContain('🦄');
  const without = await drawCover('Moon Garden', 'en');
  expect(without.report.messages).toEqual([]);
  expect(withEmoji.png.equals(without.png)).toBe(true);
});

test('a Hebrew cover is drawn the same twice, byte for byte', async () => {
  const a = await drawCover('שיר השירים הקטן', 'he');
  const b = await drawCover('שיר השירים הקטן', 'he');
  expect(a.png.equals(b.png)).toBe(true);
});

describe('fitting lines', () => {
  const type = new CoverType(new FontSet(assets, decideLanguage({ language: 'ja' })), 'ltr');

  test('a Japanese title with no spaces breaks between characters, each line within the width', () => {
    const title = '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ';
    const { size, lines } = type.fit(title, { font: 'serif-bold' }, [180, 150, 124], 5, 1240);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(title);
    for (const line of lines) expect(type.width(line, { font: 'serif-bold', size })).toBeLessThanOrEqual(1240);
    // Punctuation stays with the character before it.
    for (const line of lines) expect(line).not.toMatch(/^[。、]/);
  });

  test('a word longer than the line is narrowed to fit instead of running off the cover', () => {
    const word = 'Donaudampfschifffahrtsgesellschaftskapitän';
    const style = { font: 'serif-bold' as const, size: 180 };
    expect(type.width(word, style)).toBeGreaterThan(1240);
    const narrowed = type.outline(word, style, 1240);
    expect(narrowed.width).toBeCloseTo(1240, 6);
    // The outlines' x coordinates (every other number of the path data) stay within the centred line.
    const xs = [...narrowed.path.matchAll(/[MLQCZ]([^MLQCZ]*)/g)].flatMap((m) => m[1].trim().split(' ').filter(Boolean).map(Number).filter((_, i) => i % 2 === 0));
    expect(Math.max(...xs.map(Math.abs))).toBeLessThanOrEqual(620);
    expect(Math.max(...xs.map(Math.abs))).toBeGreaterThan(560);
    expect(type.outline('Moon', style, 1240).width).toBeCloseTo(type.width('Moon', style), 6);
  });
});
