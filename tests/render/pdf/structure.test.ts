/**
 * The tagged PDF's structure tree is as deep as the book's nesting and no deeper, however long the book is. A
 * contents page once nested its TOC under a chain of one stray P per entry (141 deep for Moby-Dick; about 20,000 for
 * a ten-million-word book, where pdfkit's recursive `end()` overflowed the stack). Read back with poppler's
 * `pdfinfo -struct`, which prints the tree indented two spaces a level.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import PDFDocument from 'pdfkit';
import { read } from '../../../src/build';
import type { DrawOp, Placed, StructTag } from '../../../src/render/pdf/layout/types';
import { markedRuns, StructureTree } from '../../../src/render/pdf/structure';
import { qpdfCheck, requireTool, tempDir } from '../../helpers/tools';
import { renderPdf } from './helpers';

/** The structure tree as `pdfinfo -struct` prints it: each element's type and depth (Document is 0). */
function structure(data: Uint8Array): { type: string; depth: number }[] {
  requireTool('pdfinfo', 'poppler-utils');
  const file = path.join(tempDir('quire-struct-'), 'book.pdf');
  fs.writeFileSync(file, data);
  expect(qpdfCheck(file).status).toBe(0);
  return execFileSync('pdfinfo', ['-struct', file], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => ({ type: line.trim().split(' ')[0], depth: (line.length - line.trimStart().length) / 2 }));
}

/** Ends `doc` and resolves to the whole file as text, once pdfkit has handed over its last chunk. */
function ended(doc: PDFKit.PDFDocument, chunks: Buffer[]): Promise<string> {
  return new Promise((resolve) => {
    doc.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    doc.end();
  });
}

async function pdfOf(markdown: string) {
  const dir = tempDir('quire-struct-');
  fs.writeFileSync(path.join(dir, 'book.md'), markdown);
  return (await renderPdf(read(path.join(dir, 'book.md')))).data;
}

test('wide: 600 chapters and their contents page hang from Document, one level down', async () => {
  const chapters = Array.from({ length: 600 }, (_, i) => `# Chapter ${i + 1}\n\nThe ${i + 1}th chapter has one short paragraph.\n`);
  const tree = structure(await pdfOf(`---\ntitle: A Long Book\nauthor: Ann Example\n---\n\n${chapters.join('\n')}`));
  expect(tree[0]).toEqual({ type: 'Document', depth: 0 });
  expect(tree.find((e) => e.type === 'TOC')).toEqual({ type: 'TOC', depth: 1 });
  expect(tree.filter((e) => e.type === 'TOCI')).toHaveLength(600);
  expect(tree.filter((e) => e.type === 'TOCI').every((e) => e.depth === 2)).toBe(true);
  expect(Math.max(...tree.map((e) => e.depth))).toBe(2);
  expect(tree.filter((e) => e.type === 'P' && e.depth === 1).length).toBeGreaterThanOrEqual(600);
}, 120_000);

test('deep: block quotes 40 deep are 40 nested BlockQuote elements around one P', async () => {
  const nested = `${'> '.repeat(40)}The innermost words.\n`;
  const tree = structure(await pdfOf(`---\ntitle: Deep\n---\n\n# One\n\nBefore.\n\n${nested}\nAfter.\n`));
  const quotes = tree.filter((e) => e.type === 'BlockQuote');
  expect(quotes.map((e) => e.depth)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  expect(tree.find((e) => e.type === 'P' && e.depth === 41)).toBeDefined();
  expect(Math.max(...tree.map((e) => e.depth))).toBe(41);
});

test('StructureTree closes 20,000 nested elements and 50,000 siblings without recursing', async () => {
  const doc = new PDFDocument({ tagged: true, compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const tree = new StructureTree(doc, 'en');
  let deep: StructTag = { type: 'Div' };
  for (let i = 1; i < 20_000; i++) deep = { type: 'Div', parent: deep };
  tree.mark({ type: 'P', parent: deep }, () => doc.text('deep'));
  for (let i = 0; i < 50_000; i++) {
    if (i % 5_000 === 4_999) doc.addPage();
    tree.mark({ type: 'P' }, () => doc.moveTo(0, 0).lineTo(1, 1));
  }
  expect(() => tree.end()).not.toThrow();
  const pdf = await ended(doc, chunks);
  expect(pdf.match(/\/S \/Div\b/g)).toHaveLength(20_000);
  expect(pdf.match(/\/S \/P\b/g)).toHaveLength(50_001);
}, 120_000);

test('StructureTree closes an element once its pages are behind, keeps a pinned one open, and never throws on a late box', async () => {
  const doc = new PDFDocument({ tagged: true, compress: false, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  // What pdfkit has written so far, seen as it writes (its 'data' events come later).
  const out: string[] = [];
  const write = (doc as unknown as { _write(data: Buffer | string): void })._write.bind(doc);
  (doc as unknown as { _write(data: Buffer | string): void })._write = (data) => {
    out.push(Buffer.isBuffer(data) ? data.toString('latin1') : data);
    write(data);
  };
  const written = () => (out.join('').match(/\/S \/P\b/g) ?? []).length;
  const tree = new StructureTree(doc, 'en');
  const toc: StructTag = { type: 'TOCI' };
  const spanning: StructTag = { type: 'P' };
  const late: StructTag = { type: 'P' };
  for (let page = 0; page < 10; page++) {
    doc.addPage();
    if (page === 0) tree.mark(toc, () => doc.text('Contents line'));
    if (page === 0) tree.pin(toc);
    if (page <= 1) tree.mark(spanning, () => doc.text(`part ${page} of a paragraph across two pages`));
    if (page === 2) tree.mark(late, () => doc.text('a paragraph'));
    tree.mark({ type: 'P' }, () => doc.text(`page ${page}`));
    tree.endPage();
  }
  // Pages 0 to 7's paragraphs (and the spanning one, and `late`) are written; the last two pages' are not yet.
  expect(written()).toBe(8 + 1 + 1);
  // A box of a closed element's tag gets an element of its own rather than an error.
  doc.addPage();
  expect(() => tree.mark(late, () => doc.text('more of it'))).not.toThrow();
  tree.mark(toc, () => doc.text('12'));
  tree.end();
  const pdf = await ended(doc, chunks);
  expect(pdf.match(/\/S \/P\b/g)).toHaveLength(13);
  expect(pdf.match(/\/S \/TOCI\b/g)).toHaveLength(1);
});

test("a paragraph's lines on one page are one marked-content sequence; a paragraph over a page break is two", async () => {
  requireTool('pdfinfo', 'poppler-utils');
  const sentence = 'The lantern swung on its hook while the ferry crossed the dark water, and nobody on deck said a word. ';
  const short = sentence.repeat(4).trim();
  const long = `Again: ${sentence.repeat(60).trim()}`;
  const file = path.join(tempDir('quire-struct-'), 'book.pdf');
  fs.writeFileSync(file, await pdfOf(`---\ntitle: Lines\n---\n\n# One\n\n${short}\n\n${long}\n`));
  // `pdfinfo -struct-text` prints each element's marked-content sequences as quoted lines beneath it (no spaces).
  const lines = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' }).split('\n');
  const sequences = (start: string) => {
    const at = lines.findIndex((l) => l.trim().startsWith(`"${start}`));
    const out = [];
    for (let i = at; i < lines.length && lines[i].trim().startsWith('"'); i++) out.push(lines[i].trim().slice(1, -1));
    return out;
  };
  const squeeze = (text: string) => text.replace(/\s/g, '');
  // Four sentences make several lines, all on the chapter's first page: one sequence holds them all.
  expect(sequences(squeeze(short).slice(0, 20))).toEqual([squeeze(short)]);
  // Sixty run over at least one page break: a sequence per page, in order, together the whole paragraph.
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  const parts = sequences(squeeze(long).slice(0, 20));
  expect(parts.length).toBeGreaterThanOrEqual(2);
  expect(parts.length).toBeLessThanOrEqual(pages);
  expect(parts.join('')).toBe(squeeze(long));
});

test('markedRuns: the boxes of one element, one after another and without rules, are one run; any other box is alone', () => {
  const p1: StructTag = { type: 'P' };
  const p2: StructTag = { type: 'P' };
  const text: DrawOp = { type: 'text', text: 'x', style: { font: 'serif-regular', size: 10 }, x: 0, baseline: 0, width: 5 };
  const rule: DrawOp = { type: 'rule', x1: 0, y1: 0, x2: 5, y2: 0, width: 1 };
  const box = (tag: StructTag | undefined, ...ops: DrawOp[]): Placed => ({ y: 0, box: { height: 10, ops, tag } });
  const placed = [box(p1, text), box(p1, text), box(p1, text), box(p2, text, rule), box(p2, text), box(p2, text), box(undefined, text), box(undefined, text), box(p1, text)];
  expect(markedRuns(placed).map((run) => run.map((p) => placed.indexOf(p)))).toEqual([[0, 1, 2], [3], [4, 5], [6], [7], [8]]);
});
