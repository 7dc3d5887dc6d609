/**
 * The cover drawn in pieces (cover-raster.ts) is the cover drawn whole: for quire's own template, in every script
 * and with every line it can have, the PNG's pixels are resvg's drawing of the whole SVG, but for rounding on an
 * edge pixel here and there (a band's shapes are drawn at smaller coordinates, which float32 holds more finely); an
 * SVG it cannot plan (a user's template with text, a group, a stroked path) is drawn whole, exactly.
 */
import { renderAsync } from '@resvg/resvg-js';
import { FileAssets } from '../../../src/assets';
import { CollectingReporter } from '../../../src/diagnostics/reporter';
import { emptyBook } from '../../../src/model/build-helpers';
import { coverSvg } from '../../../src/render/epub/cover';
import { planCover, rasterizeCover } from '../../../src/render/epub/cover-raster';
import { decodePng } from '../../helpers/png';

const assets = new FileAssets({ root: 'tests/fixtures' });
const OPTIONS = { fitTo: { mode: 'original' as const }, font: { loadSystemFonts: false } };

/** The SVG quire's own template makes for a book. */
function coverSvgOf(meta: Record<string, unknown>): string {
  const book = emptyBook('tests/fixtures');
  book.meta = { ...book.meta, authors: [], ...meta };
  return coverSvg(book, { options: {}, report: new CollectingReporter(), assets, now: new Date(0) });
}

const BOOKS: [string, Record<string, unknown>][] = [
  ['a short Latin title and an author', { title: 'A Moment of Friendship', authors: [{ name: 'Wren Abernathy' }], language: 'en' }],
  [
    'a long title, subtitle, series and two authors',
    { title: 'The Extraordinarily Long and Winding Title of a Story That Goes On', subtitle: 'A Novel in Three Parts', series: { name: 'The Long Road', index: 2 }, authors: [{ name: 'Jane Doe' }, { name: 'Richard Roe' }], language: 'en' },
  ],
  ['Hebrew, right to left', { title: 'שלום עולם', authors: [{ name: 'אבי כהן' }], language: 'he' }],
  ['Japanese', { title: '夜の灯台', authors: [{ name: '山田花子' }], language: 'ja' }],
  ['Arabic with Latin', { title: 'ليلة في Paris', authors: [{ name: 'سارة' }], language: 'ar' }],
];

/** How far two drawings differ: bytes that differ, and the largest difference. */
function difference(a: Uint8Array, b: Uint8Array): { bytes: number; largest: number } {
  expect(a.length).toBe(b.length);
  const [x, y] = [Buffer.from(a.buffer, a.byteOffset, a.length), Buffer.from(b.buffer, b.byteOffset, b.length)];
  const stride = 1600 * 4;
  let bytes = 0;
  let largest = 0;
  for (let row = 0; row < x.length; row += stride) {
    if (x.compare(y, row, row + stride, row, row + stride) === 0) continue; // most rows: compared natively
    for (let i = row; i < row + stride; i++) {
      const d = Math.abs(x[i] - y[i]);
      if (d) {
        bytes++;
        largest = Math.max(largest, d);
      }
    }
  }
  return { bytes, largest };
}

/** At most a few edge pixels, each off by less than a tenth of the range: nothing an eye can find. */
function expectSameDrawing(a: Uint8Array, b: Uint8Array): void {
  const { bytes, largest } = difference(a, b);
  expect(bytes).toBeLessThanOrEqual(64);
  expect(largest).toBeLessThanOrEqual(24);
}

test.each(BOOKS)('%s: drawn in bands, as resvg draws the whole cover', async (_, meta) => {
  const svg = coverSvgOf(meta);
  const plan = planCover(svg)!;
  expect(plan).toBeDefined();
  // Only the lettering's rows are drawn for the cover: well under half of them.
  const drawn = plan.bands.reduce((n, b) => n + b.to - b.from, 0);
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(plan.height / 2);
  const ours = decodePng(await rasterizeCover(svg, OPTIONS));
  const whole = (await renderAsync(svg, OPTIONS)).pixels;
  expect([ours.width, ours.height]).toEqual([1600, 2560]);
  expectSameDrawing(ours.data, whole);
});

test('two covers in a row share the kept background, and each is the same drawing', async () => {
  const first = coverSvgOf(BOOKS[0][1]);
  const second = coverSvgOf({ ...BOOKS[0][1], title: 'Another Title Entirely' });
  for (const svg of [first, second, first]) expectSameDrawing(decodePng(await rasterizeCover(svg, OPTIONS)).data, (await renderAsync(svg, OPTIONS)).pixels);
});

test('an SVG it cannot plan is drawn whole, and comes out the same', async () => {
  const svg = coverSvgOf(BOOKS[0][1]);
  const variants = [
    svg.replace('</svg>', '<text x="10" y="50">hi</text></svg>'),
    svg.replace('<path ', '<path stroke="#fff" '),
    svg.replace(/(<path[^>]*?)transform="translate\(([^)]*)\)"/, '$1transform="rotate(5) translate($2)"'),
    svg.replace(/d="M/, 'd="m'),
    svg.replace('<rect', '<g><rect').replace('</svg>', '</g></svg>'),
    svg.replace('<rect ', '<rect filter="url(#blur)" '),
    svg.replace('<line ', '<line stroke-linecap="round" '),
  ];
  for (const variant of variants) {
    expect(planCover(variant)).toBeUndefined();
    expect(Buffer.from(decodePng(await rasterizeCover(variant, OPTIONS)).data).equals((await renderAsync(variant, OPTIONS)).pixels)).toBe(true);
  }
});
