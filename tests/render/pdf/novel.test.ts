/** A whole novel (Moby-Dick, 212k words) through the PDF renderer: it completes, and the text comes out whole. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusFile, pdfInfo, pdfText, qpdfCheck, tempDir } from '../../helpers/tools';
import { corpusBook } from './corpus-book';
import { renderPdf } from './helpers';

it('renders Moby-Dick with every chapter and its last words', async () => {
  const book = corpusBook(corpusFile('fanfic-style/moby-dick.txt'), 'Moby-Dick');
  const { data, ctx } = await renderPdf(book);
  const file = path.join(tempDir('quire-novel-'), 'moby-dick.pdf');
  fs.writeFileSync(file, data);
  expect(ctx.report.messages).toEqual([]);
  expect(Number(pdfInfo(file).Pages)).toBeGreaterThan(500);
  expect(qpdfCheck(file).status).toBe(0);
  const text = pdfText(file);
  expect(text).toContain('Loomings');
  expect(text).toMatch(/only found another\s+orphan\./);
  expect(text).not.toContain('\u00ad');
});
