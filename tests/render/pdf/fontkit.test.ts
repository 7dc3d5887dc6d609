/**
 * fontkit.ts puts off fontkit's WOFF2 decoder (brotli) until a WOFF2 font is read. Run in a plain Node process on
 * the compiled lib/, since jest's module registry is not require's cache.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO } from '../../helpers/cli';

const SCRIPT = `
const path = require('node:path');
const { fontkit } = require(${JSON.stringify(path.join(REPO, 'lib', 'render', 'pdf', 'fontkit.js'))});
const fs = require('node:fs');
const brotli = require.resolve('brotli/decompress.js', { paths: [path.dirname(require.resolve('fontkit'))] });
const loaded = () => Object.keys(require.cache).some((f) => f.includes('/brotli/dec/'));
const out = { loadedAtStart: loaded() };
const files = path.join(path.dirname(require.resolve('@fontsource/noto-serif/package.json')), 'files');
const woff = fontkit.create(fs.readFileSync(path.join(files, 'noto-serif-latin-400-normal.woff')));
out.loadedAfterWoff = loaded();
const woff2 = fontkit.create(fs.readFileSync(path.join(files, 'noto-serif-latin-400-normal.woff2')));
const text = 'Office affluence, «fjord» — 1234';
const ids = (font) => font.layout(text).glyphs.map((g) => g.id);
out.same = JSON.stringify(ids(woff2)) === JSON.stringify(ids(woff)) && ids(woff).length > 20;
out.loadedAfterWoff2 = loaded();
out.standInKept = typeof require.cache[brotli].exports === 'function';
console.log(JSON.stringify(out));
`;

test('brotli loads only when a WOFF2 font is read, and the WOFF2 font shapes as its WOFF twin does', () => {
  const out = JSON.parse(execFileSync(process.execPath, ['-e', SCRIPT], { cwd: REPO, encoding: 'utf8' }));
  expect(out).toEqual({ loadedAtStart: false, loadedAfterWoff: false, same: true, loadedAfterWoff2: true, standInKept: true });
});
