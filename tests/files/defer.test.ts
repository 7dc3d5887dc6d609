/**
 * Modules put off with `defer` (files/packages.ts): building a Markdown book with front matter, EPUB and PDF, does
 * not load them, and each stand-in, once called, does what the real module does. The same for the module replaced
 * with `substitute` (tiny-inflate, by zlib). All run in a fresh node process on lib/: jest keeps its own module
 * registry, not require's cache.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../helpers/cli';
import { tempDir } from '../helpers/tools';

/** What each put-off module's file is called (node_modules/…) when it is really loaded. */
const REAL = [/\/brotli\/decompress\.js$/, /\/@noble\/ciphers\/(esm\/)?aes\.js$/, /\/esprima\/dist\/esprima\.js$/, /\/tiny-inflate\/index\.js$/];

test('a build with front matter compiles none of the put-off modules', () => {
  const dir = tempDir('quire-defer-');
  fs.writeFileSync(path.join(dir, 'story.md'), '---\ntitle: A Short Story\nauthor: A. Writer\nlang: en\n---\n\n# One\n\nIt began with a word.\n');
  // Every file node compiles, written out when the process ends.
  const hook = path.join(dir, 'hook.js');
  fs.writeFileSync(hook, `const M = require('module'); const seen = [];
    const compile = M.prototype._compile; M.prototype._compile = function (c, f) { seen.push(f); return compile.call(this, c, f); };
    process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(path.join(dir, 'compiled.json'))}, JSON.stringify(seen)));`);
  execFileSync(process.execPath, ['-r', hook, path.join(REPO, 'lib/cli/main.js'), 'build', path.join(dir, 'story.md'), '-o', path.join(dir, 'out')], { encoding: 'utf8' });
  expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(expect.arrayContaining(['a-short-story.epub', 'a-short-story.pdf']));
  const compiled = JSON.parse(fs.readFileSync(path.join(dir, 'compiled.json'), 'utf8')) as string[];
  // The hook saw the book's modules (so a missing entry below means something)…
  expect(compiled.some((f) => f.endsWith('/fontkit/dist/main.cjs'))).toBe(true);
  expect(compiled.some((f) => f.endsWith('/js-yaml/lib/js-yaml/type/js/function.js'))).toBe(true);
  // …and none of the real put-off modules.
  expect(compiled.filter((f) => REAL.some((re) => re.test(f)))).toEqual([]);
});

test('the stand-ins load the real modules when called: brotli decompresses, AES encrypts, esprima parses', () => {
  const out = execFileSync(
    process.execPath,
    [
      '-e',
      `
      const path = require('path'), zlib = require('zlib'), crypto = require('crypto');
      require('./lib/render/pdf/fontkit.js');
      require('./lib/read/markdown/front-matter.js');
      const from = (...chain) => { let dir = process.cwd(); for (const n of chain) dir = path.dirname(require.resolve(n, { paths: [dir] })); return dir; };
      const brotli = require(require.resolve('brotli/decompress.js', { paths: [from('fontkit')] }));
      const aes = require(require.resolve('@noble/ciphers/aes', { paths: [from('pdfkit')] }));
      const esprima = require(require.resolve('esprima', { paths: [from('gray-matter', 'js-yaml')] }));
      const text = Buffer.from('Call me Ishmael. '.repeat(50));
      const key = Buffer.alloc(16, 7), iv = Buffer.alloc(16, 3);
      const ours = Buffer.from(aes.cbc(key, iv).encrypt(text));
      const nodeFull = (() => { const c = crypto.createCipheriv('aes-128-cbc', key, iv); return Buffer.concat([c.update(text), c.final()]); })();
      console.log(JSON.stringify({
        brotli: Buffer.from(brotli(zlib.brotliCompressSync(text))).equals(text),
        aes: ours.equals(nodeFull),
        esprima: esprima.parse('function f(a) { return a + 1; }').body[0].type,
      }));
      `,
    ],
    { cwd: REPO, encoding: 'utf8' },
  );
  expect(JSON.parse(out)).toEqual({ brotli: true, aes: true, esprima: 'FunctionDeclaration' });
});

test('zlib stands in for tiny-inflate: the Unicode tables fontkit, unicode-properties and linebreak read are the same', () => {
  const out = execFileSync(
    process.execPath,
    [
      '-e',
      `
      const path = require('path'), zlib = require('zlib');
      // What zlib decodes while fontkit and pdfkit load (fontkit.ts's substitute calls it).
      const decoded = [];
      const inflateRawSync = zlib.inflateRawSync;
      zlib.inflateRawSync = (source) => { const out = inflateRawSync(source); decoded.push([Buffer.from(source), Buffer.from(out)]); return out; };
      const { inflate } = require('./lib/render/pdf/fontkit.js');
      const from = (...chain) => { let dir = process.cwd(); for (const n of chain) dir = path.dirname(require.resolve(n, { paths: [dir] })); return dir; };
      const files = [from('fontkit'), from('fontkit', 'unicode-properties', 'unicode-trie'), from('pdfkit', 'linebreak', 'unicode-trie')].map((dir) => require.resolve('tiny-inflate', { paths: [dir] }));
      const given = files.map((file) => require(file) === inflate);
      // The real decoder, on the same data.
      delete require.cache[files[0]];
      const real = require(files[0]);
      const same = decoded.map(([source, out]) => Buffer.from(real(source, new Uint8Array(out.length))).equals(out));
      console.log(JSON.stringify({ given, tables: decoded.length, same }));
      `,
    ],
    { cwd: REPO, encoding: 'utf8' },
  );
  const result = JSON.parse(out) as { given: boolean[]; tables: number; same: boolean[] };
  expect(result.given).toEqual([true, true, true]);
  // unicode-properties' table, linebreak's, and fontkit's own for its shapers.
  expect(result.tables).toBeGreaterThanOrEqual(3);
  expect(result.same.every(Boolean)).toBe(true);
});
