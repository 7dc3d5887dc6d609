/**
 * Benchmark: a book (Moby-Dick by default) through quire's PDF renderer against pdfkit's own greedy `align: 'justify'`
 * layout of the same paragraphs, font and measure, in one process. `npm run bench` runs it; alone, after
 * `npm run compile && npx tsc -p bench/tsconfig.json`: `node .bench/pdf-greedy.js [book.md]`. Prints JSON
 * `{paragraphs, greedyMs, quireMs}` on stdout.
 */
import * as path from 'node:path';
import PDFDocument from 'pdfkit';
import { fontPath } from '../lib/render/font-files';
import { read, render } from '../lib/build';
import { CollectingReporter } from '../lib/diagnostics/reporter';
import { plainText } from '../lib/model/build-helpers';
import type { Block, Section } from '../lib/model/types';

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
  process.stdout.write(`${JSON.stringify({ paragraphs: texts.length, greedyMs, quireMs })}\n`);
}

void main();
