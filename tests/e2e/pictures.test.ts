/**
 * scripts/pictures.sh, which draws the README's pictures, makes four PNGs: the sample book's cover, a Hebrew book's
 * cover, the title page and a body page.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requireTool, tempDir } from '../helpers/tools';

const REPO = path.resolve(__dirname, '..', '..');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const data = fs.readFileSync(file);
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

test('scripts/pictures.sh draws the covers, the title page and the first page of the story', () => {
  requireTool('pdftoppm', 'poppler-utils');
  const out = tempDir('quire-pictures-');
  execFileSync('bash', [path.join(REPO, 'scripts', 'pictures.sh'), out], { cwd: REPO, encoding: 'utf8', stdio: 'pipe' });
  for (const cover of ['cover.png', 'cover-he.png']) expect(pngSize(path.join(out, cover))).toEqual([240, 384]);
  expect(fs.readFileSync(path.join(out, 'cover-he.png')).equals(fs.readFileSync(path.join(out, 'cover.png')))).toBe(false);
  // A5 (419.53 × 595.28 pt) at 60 dpi is 349.6 × 496.1 pixels; pdftoppm rounds to whole pixels.
  for (const page of ['title-page.png', 'body-page.png']) {
    const [width, height] = pngSize(path.join(out, page));
    expect(Math.abs(width - (419.53 * 60) / 72)).toBeLessThan(1);
    expect(Math.abs(height - (595.28 * 60) / 72)).toBeLessThan(1);
  }
  expect(fs.readFileSync(path.join(out, 'body-page.png')).equals(fs.readFileSync(path.join(out, 'title-page.png')))).toBe(false);
});
