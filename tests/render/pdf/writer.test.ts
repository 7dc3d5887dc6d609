/**
 * PdfWriter draws a book's pages as pagination hands them over and writes each out at once, so a novel is never all
 * in memory; a page that shows page numbers (the contents) stays open until every label is known.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PdfWriter } from '../../../src/render/pdf/draw';
import { inflateSync } from 'node:zlib';
import { CONTENT_LEVEL, deflateContent, Output } from '../../../src/render/pdf/output';
import { FontSet } from '../../../src/render/pdf/fonts';
import type { Page, TextStyle } from '../../../src/render/pdf/layout/types';
import { loadTheme } from '../../../src/render/pdf/theme';
import { sampleBook } from '../../helpers/sample-book';
import { pdfInfo, pdfText, qpdfCheck, tempDir } from '../../helpers/tools';
import { NOW, pdfContext } from './helpers';

const style: TextStyle = { font: 'serif-regular', size: 10 };
const text = (value: string, baseline: number) => ({ type: 'text' as const, text: value, style, x: 0, baseline, width: value.length * 5 });

it('writes each page out as it is drawn and fills in the contents’ page numbers at the end', async () => {
  const ctx = pdfContext(sampleBook());
  const theme = loadTheme(ctx, 'a5');
  const writer = new PdfWriter({
    size: [420, 595],
    theme,
    fonts: new FontSet(ctx.assets),
    info: { title: 'Streamed', authors: ['Ada Quill'], keywords: [], language: 'en', date: NOW, fileId: new Uint8Array(16) },
  });
  const contents: Page = {
    label: 'i',
    marks: [],
    placed: [{ y: 0, box: { height: 12, tag: { type: 'TOCI' }, ops: [text('The Last Chapter', 10), { type: 'pageRef', target: 'last', style, right: 300, baseline: 10 }] } }],
  };
  writer.page(contents);
  const afterContents = writer.written;
  const written: number[] = [];
  for (let n = 1; n <= 30; n++) {
    const lines = Array.from({ length: 30 }, (_, i) => ({ y: i * 13, box: { height: 13, tag: { type: 'P' as const }, ops: [text(`Page ${n}, line ${i + 1} of the story, told at length.`, 10)] } }));
    writer.page({ label: String(n), folio: String(n), marks: n === 27 ? [{ id: 'last', title: 'The Last Chapter', level: 0 }] : [], placed: lines });
    written.push(writer.written);
  }
  // Every story page went out as it was drawn; the contents page, still waiting for its number, did not.
  for (let i = 1; i < written.length; i++) expect(written[i]).toBeGreaterThan(written[i - 1]);
  expect(written[0]).toBeGreaterThan(afterContents);
  const data = Buffer.concat(await writer.end(new Map([['last', '27']])));

  const dir = tempDir('quire-writer-');
  const file = path.join(dir, 'streamed.pdf');
  fs.writeFileSync(file, data);
  expect(qpdfCheck(file).status).toBe(0);
  expect(pdfInfo(file).Pages).toBe('31');
  const first = pdfText(file).split('\f')[0];
  expect(first).toMatch(/The Last Chapter[\s\S]*27/);
  fs.rmSync(dir, { recursive: true, force: true });
});

it('collects the PDF in whole blocks, whatever the size of the pieces pdfkit writes', () => {
  const output = new Output();
  const pieces = [Buffer.from('%PDF-1.7\n'), Buffer.alloc(3 << 20, 7), Buffer.from('tail'), Buffer.alloc(1 << 20, 9), Buffer.from('%%EOF')];
  for (const piece of pieces) output.add(piece);
  const parts = output.parts();
  expect(Buffer.concat(parts).equals(Buffer.concat(pieces))).toBe(true);
  expect(parts.map((part) => part.length)).toEqual([1 << 20, 1 << 20, 1 << 20, 1 << 20, 9 + 4 + 5]);
});

it('writes a string as pdfkit does: a line, each character’s low byte, across blocks too', () => {
  const output = new Output();
  const long = 'x'.repeat((1 << 20) - 3);
  const written = [output.write('%PDF-1.7'), output.write(long), output.write('\u00e9\u2019'), output.write(Buffer.from([1, 2, 3]))];
  expect(written).toEqual([9, long.length + 1, 3, 3]);
  expect(Buffer.concat(output.parts()).equals(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(`${long}\n`), Buffer.from([0xe9, 0x19, 0x0a]), Buffer.from([1, 2, 3])]))).toBe(true);
});

test('a page\'s content is deflated once, at the content level, and inflates to what was drawn', () => {
  const drawn = ['q', '1 0 0 -1 0 595.28 cm', 'BT', '[<004e> 10 <0032> -369.404781] TJ', 'ET', 'Q'].map((line) => Buffer.from(`${line}\n`));
  const stream = { buffer: [...drawn], compress: true };
  deflateContent(stream);
  expect(stream.compress).toBe(false);
  expect(stream.buffer).toHaveLength(1);
  expect(inflateSync(stream.buffer[0])).toEqual(Buffer.concat(drawn));
  expect(CONTENT_LEVEL).toBeLessThan(6);
  // A stream pdfkit would not compress is left as it is.
  const plain = { buffer: [...drawn], compress: false };
  deflateContent(plain);
  expect(plain.buffer).toEqual(drawn);
});
