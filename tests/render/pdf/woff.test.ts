/** woff.ts: a WOFF fallback face unwrapped to plain OpenType reads as the same font. */
import { FileAssets } from '../../../src/assets';
import { isWoff, woffToSfnt } from '../../../src/render/pdf/woff';

interface Font {
  numGlyphs: number;
  postscriptName: string;
  layout(text: string): { glyphs: { id: number; path: { toSVG(): string } }[]; positions: { xAdvance: number }[] };
}
const fontkit = require('fontkit') as { create(data: Buffer): Font };
const assets = new FileAssets({ root: 'tests/fixtures' });

test.each([
  ['hebrew-bold', 'שיר השירים הקטן'],
  ['arabic-regular', 'كتاب الحديقة'],
  ['greek-italic', 'Ἡ Ὀδύσσεια'],
])('%s: the same glyphs, shaping and outlines from the unwrapped font as from the WOFF', (key, text) => {
  const woff = assets.font(key);
  expect(isWoff(woff)).toBe(true);
  const sfnt = woffToSfnt(woff);
  expect(isWoff(sfnt)).toBe(false);
  expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4)); // the flavour becomes the SFNT version
  const [a, b] = [fontkit.create(woff), fontkit.create(sfnt)];
  expect(b.numGlyphs).toBe(a.numGlyphs);
  expect(b.postscriptName).toBe(a.postscriptName);
  const [ra, rb] = [a.layout(text), b.layout(text)];
  expect(rb.glyphs.map((g) => g.id)).toEqual(ra.glyphs.map((g) => g.id));
  expect(rb.positions.map((p) => p.xAdvance)).toEqual(ra.positions.map((p) => p.xAdvance));
  const outlines = rb.glyphs.map((g) => g.path.toSVG());
  expect(outlines).toEqual(ra.glyphs.map((g) => g.path.toSVG()));
  expect(outlines.join('').length).toBeGreaterThan(100);
});

test('a TrueType file is not taken for WOFF', () => {
  expect(isWoff(assets.font('serif-regular'))).toBe(false);
});
