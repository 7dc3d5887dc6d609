/** A chapter's opening: its first words in small capitals (chapter-opening: small-caps), measured and drawn with smcp. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileAssets } from '../../../src/assets';
import { smallCapsLead } from '../../../src/render/pdf/layout/blocks';
import { toWords } from '../../../src/render/pdf/layout/collect';
import { FontSet } from '../../../src/render/pdf/fonts';
import type { TextStyle } from '../../../src/render/pdf/layout/types';
import { sampleBook } from '../../helpers/sample-book';
import { pdfFonts, pdfText, tempDir } from '../../helpers/tools';
import { renderPdf } from './helpers';

const regular: TextStyle = { font: 'serif-regular', size: 10 };
const caps = (text: string) => smallCapsLead(toWords([{ text, style: regular }])).map((w) => [w.pieces.map((p) => p.text).join(''), Boolean(w.pieces[0].style.smallCaps)]);

describe('small-capital chapter openings', () => {
  it('sets up to four words, or the first clause if shorter, in small capitals', () => {
    expect(caps('Call me Ishmael. Some years ago')).toEqual([['Call', true], ['me', true], ['Ishmael.', true], ['Some', false], ['years', false], ['ago', false]]);
    expect(caps('It was the best of times')).toEqual([['It', true], ['was', true], ['the', true], ['best', true], ['of', false], ['times', false]]);
    expect(caps('“Well, Prince, so Genoa”')).toEqual([['“Well,', true], ['Prince,', false], ['so', false], ['Genoa”', false]]);
  });

  it('measures small capitals with the font’s smcp glyphs, wider than lower case', () => {
    const fonts = new FontSet(new FileAssets({ root: '.' }));
    expect(fonts.width('driving', { ...regular, smallCaps: true })).toBeGreaterThan(fonts.width('driving', regular) * 1.1);
    expect(fonts.width('LEX', { ...regular, smallCaps: true })).toBeCloseTo(fonts.width('LEX', regular), 6);
  });

  it('draws them in the PDF while its text stays the words as written', async () => {
    const plain = await renderPdf(sampleBook());
    const { data, ctx } = await renderPdf(sampleBook(), { chapterOpening: 'small-caps' });
    expect(ctx.report.messages).toEqual([]);
    expect(Buffer.compare(Buffer.from(data), Buffer.from(plain.data))).not.toBe(0);
    const file = path.join(tempDir('quire-opening-'), 'book.pdf');
    fs.writeFileSync(file, data);
    expect(pdfText(file)).toContain('Mara lit the old lantern');
    for (const font of pdfFonts(file)) expect(font).toMatchObject({ embedded: true, subset: true });
  });
});
