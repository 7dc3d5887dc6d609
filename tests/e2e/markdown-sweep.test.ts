/**
 * The wide net: every CommonMark spec example (npm commonmark-spec), every case of markdown-it's fixtures
 * (../shared/corpus/markdown-it) and every Markdown file of pandoc's tests (../shared/corpus/pandoc) is built into
 * an EPUB. Each must build (or stop with a clear quire error), every XHTML file must be well-formed and free of
 * scripts, event handlers and `javascript:` URLs, and EPUBCheck (one JVM for all) must accept every EPUB.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { read, render } from '../../src/build';
import { CollectingReporter } from '../../src/diagnostics/reporter';
import { QuireError } from '../../src/diagnostics/types';
import { readInput } from '../../src/read';
import { allBlocks, allSections } from '../../src/model/build-helpers';
import type { Book, Inline } from '../../src/model/types';
import { assertWellFormedXml, CORPUS, corpusFile, epubcheckMany, tempDir, unzip } from '../helpers/tools';

interface Case {
  name: string;
  markdown: string;
}

/** markdown-it's fixture format: a description, then `.`, the Markdown, `.`, the expected HTML, `.`. */
function fixtureCases(file: string): Case[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const cases: Case[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '.') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end] !== '.') end++;
    cases.push({ name: `${path.relative(CORPUS, file)}:${start}`, markdown: lines.slice(start, end).join('\n').replace(/→/g, '\t') });
    i = end + 1;
    while (i < lines.length && lines[i] !== '.') i++; // skip the expected HTML
  }
  return cases;
}

function allCases(): Case[] {
  const spec = require('commonmark-spec') as { tests: { markdown: string; number: number }[] };
  const cases: Case[] = spec.tests.map((t) => ({ name: `commonmark-spec example ${t.number}`, markdown: t.markdown }));
  const fixtures = path.join(CORPUS, 'markdown-it', 'test', 'fixtures');
  corpusFile('markdown-it/test/fixtures');
  for (const dir of fs.readdirSync(fixtures)) {
    for (const file of fs.readdirSync(path.join(fixtures, dir))) cases.push(...fixtureCases(path.join(fixtures, dir, file)));
  }
  const pandoc = corpusFile('pandoc/test');
  for (const file of ['testsuite.txt', 'markdown-reader-more.txt', 'pipe-tables.txt', 'tables.txt', 'tables.markdown', 'writer.markdown']) {
    cases.push({ name: `pandoc/test/${file}`, markdown: fs.readFileSync(path.join(pandoc, file), 'utf8') });
  }
  for (const file of fs.readdirSync(path.join(pandoc, 'command-markdown-to-html'))) {
    cases.push({ name: `pandoc/test/command-markdown-to-html/${file}`, markdown: fs.readFileSync(path.join(pandoc, 'command-markdown-to-html', file), 'utf8') });
  }
  // The spec exists three times over (npm, spec.txt, good.txt): each distinct input is built once.
  const seen = new Set<string>();
  return cases.filter((c) => {
    const key = crypto.createHash('sha1').update(c.markdown).digest('hex');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Tiny valid images, so that an example naming `train.jpg` builds: a missing image is rightly an error. */
const IMAGES: Record<string, Buffer> = {
  png: fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'render', 'epub', 'dot.png')),
  gif: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'),
};

function imageUrls(book: Book): string[] {
  const urls: string[] = [];
  const inlines = (nodes: readonly Inline[]) => {
    for (const n of nodes) {
      if (n.type === 'image') urls.push(n.url);
      else if ('children' in n) inlines(n.children as Inline[]);
    }
  };
  const blocks = [...[...allSections(book.body)].flatMap((s) => s.children), ...book.footnotes.flatMap((f) => f.children)];
  for (const block of allBlocks(blocks)) {
    if (block.type === 'imageBlock') urls.push(block.url);
    else if (block.type === 'paragraph' || block.type === 'heading') inlines(block.children);
    else if (block.type === 'table') for (const row of [...block.head, ...block.rows]) for (const cell of row.cells) inlines(cell.children);
    else if (block.type === 'verse') for (const stanza of block.stanzas) for (const line of stanza) inlines(line.children);
  }
  return urls;
}

/** Writes a placeholder for each local image an example names (inside its folder only). */
function provideImages(book: Book, dir: string): void {
  for (const url of imageUrls(book)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) continue;
    let name = url.split(/[?#]/)[0].replace(/^\/+/, '');
    try {
      name = decodeURIComponent(name);
    } catch {
      // literal %
    }
    const target = path.resolve(dir, name);
    if (!target.startsWith(dir + path.sep)) continue;
    const ext = path.extname(target).toLowerCase();
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (!fs.existsSync(target)) fs.writeFileSync(target, ext === '.gif' ? IMAGES.gif : ext === '.svg' ? IMAGES.svg : IMAGES.png);
  }
}

const ACTIVE = [/<script/i, /\son[a-z]+\s*=/i, /javascript:/i, /<iframe/i, /<object/i, /<embed/i, /<form/i];

test('every CommonMark, markdown-it and pandoc case builds into a clean EPUB', async () => {
  const cases = allCases();
  expect(cases.length).toBeGreaterThan(900);
  const root = tempDir('quire-sweep-');
  const files: string[] = [];
  const byFile = new Map<string, string>();
  const clearErrors: string[] = [];
  for (const [i, c] of cases.entries()) {
    const dir = path.join(root, String(i));
    fs.mkdirSync(dir);
    const file = path.join(dir, 'example.md');
    // A title and a closing paragraph make each example a book (some examples alone hold no story).
    fs.writeFileSync(file, `---\ntitle: Case ${i}\n---\n\n${c.markdown}\n\nEnd of case ${i}.\n`);
    const report = new CollectingReporter();
    let data: Uint8Array;
    try {
      // The images an example names are written before it is read, since reading checks them.
      provideImages(readInput(file, new CollectingReporter()), dir);
      const book = read(file, { report });
      [{ data }] = await render(book, { formats: ['epub'], report, input: file });
    } catch (e) {
      if (!(e instanceof QuireError)) throw new Error(`${c.name}: internal error ${(e as Error).stack}`);
      // An unclosed <script>, <style> or comment block runs to the end of the file, taking the whole story with it
      // (as in a browser): then "no story" is the right answer.
      if (e.diagnostic.rule === 'input-no-story' && /<(script|style|textarea|!--|\?|![A-Z]|!\[CDATA\[)/i.test(c.markdown)) continue;
      clearErrors.push(`${c.name}: ${e.diagnostic.rule}: ${e.diagnostic.message}`);
      continue;
    }
    const epub = path.join(dir, 'example.epub');
    fs.writeFileSync(epub, data);
    for (const [name, bytes] of await unzip(data)) {
      if (!/\.(xhtml|opf|ncx)$/.test(name)) continue;
      const xml = bytes.toString('utf8');
      assertWellFormedXml(xml, `${c.name} ${name}`);
      for (const pattern of ACTIVE) if (pattern.test(xml)) throw new Error(`${c.name}: ${name} matches ${pattern}`);
    }
    files.push(epub);
    byFile.set(epub, c.name);
  }
  // Every example builds; none needs to fail (images outside the folder are the only expected refusals).
  expect(clearErrors.filter((e) => !/asset-outside/.test(e))).toEqual([]);
  const failures: string[] = [];
  for (const [file, result] of epubcheckMany(files)) {
    if (result.errors || result.warnings || result.fatals) failures.push(`${byFile.get(file)}: ${result.messages.slice(0, 3).join(' | ')}`);
  }
  expect(failures).toEqual([]);
}, 1_800_000);
