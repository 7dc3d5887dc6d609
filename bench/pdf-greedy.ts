/**
 * Benchmark: a book (Moby-Dick by default) through quire's PDF renderer against pdfkit's own greedy `align: 'justify'`
 * layout of the same paragraphs, font and measure. Compile with `npx tsc -p tsconfig.json --outDir OUT`, link `templates`
 * and `node_modules` into OUT, then run `node OUT/bench/pdf-greedy.js [book.md]`.
 */
import * as path from 'node:path';
import PDFDocument from 'pdfkit';
import { fontPath } from '../src/assets';
import { read, render } from '../src/build';
import { CollectingReporter } from '../src/diagnostics/reporter';
import { plainText } from '../src/model/build-helpers';
import type { Block, Section } from '../src/model/types';

/** The book to time: the first argument, else Moby-Dick from the corpus beside the repository. */
const INPUT = process.argv[2] ?? path.resolve(__dirname, '..', '..', 'shared', 'corpus', 'novels', 'moby-dick.md');
const [WIDTH, HEIGHT] = [419.53, 595.28];
const MARGINS = { top: 50, bottom: 58, inner: 54, outer: 42 };

function paragraphs(sections: readonly Section[]): string[] {
  const out: string[] = [];
  const blocks = (list: readonly Block[]) => {
    for (const b of list) if (b.type === 'paragraph') out.push(plainText(b.children));
  };
  for (const s of sections) {
    blocks(s.children);
    out.push(...paragraphs(s.sections));
  }
  return out;
}

/** pdfkit's greedy justification of every paragraph, page breaks by pdfkit, bytes discarded. */
function greedy(texts: readonly string[]): Promise<void> {
  const doc = new PDFDocument({ size: [WIDTH, HEIGHT], margins: { top: MARGINS.top, bottom: MARGINS.bottom, left: MARGINS.inner, right: MARGINS.outer } });
  doc.registerFont('body', fontPath('serif-regular'));
  doc.font('body').fontSize(10).lineGap(13.5 - 10 * 1.2);
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.on('data', () => undefined);
  for (const text of texts) doc.text(text, { align: 'justify', indent: 14 });
  doc.end();
  return done;
}

async function main(): Promise<void> {
  const report = new CollectingReporter();
  const book = read(INPUT, { report });
  const texts = paragraphs(book.body);
  let start = performance.now();
  await greedy(texts);
  const greedyMs = performance.now() - start;
  start = performance.now();
  await render(book, { formats: ['pdf'], report, input: INPUT });
  const quireMs = performance.now() - start;
  console.log(`paragraphs: ${texts.length}`);
  console.log(`pdfkit greedy justify: ${(greedyMs / 1000).toFixed(1)} s`);
  console.log(`quire (Knuth–Plass, pagination, tagging): ${(quireMs / 1000).toFixed(1)} s (${(quireMs / greedyMs).toFixed(2)}×)`);
}

void main();
