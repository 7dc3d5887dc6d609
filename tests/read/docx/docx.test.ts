/**
 * The Word reader, on .docx files a test writes part by part (tests/helpers/docx.ts): read through `readInput` and
 * checked as an outline, then built by the CLI into an EPUB that EPUBCheck passes and a PDF that pdftotext reads.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CollectingReporter } from '../../../src/diagnostics/reporter';
import { QuireError } from '../../../src/diagnostics/types';
import { readInput } from '../../../src/read';
import { quire } from '../../helpers/cli';
import { makeDocx, type DocxSpec } from '../../helpers/docx';
import { outline } from '../../helpers/outline';
import { epubcheck, pdfText, qpdfCheck, requireTool, tempDir } from '../../helpers/tools';

/** A manuscript in Word's styles: title, subtitle, a part heading over chapter headings, formatting, a note, a picture. */
const STYLED: DocxSpec = {
  core: { title: 'Draft 3', creator: 'Wren Halloway' },
  paragraphs: [
    { style: 'Title', runs: ['The Night Ferry'] },
    { style: 'Subtitle', runs: ['A Harbour Story'] },
    { style: 'Heading1', runs: ['Part One'] },
    { style: 'Heading2', runs: ['Chapter 1: The Dock'] },
    { runs: ['She was ', { text: 'very', italic: true }, ' sure, and ', { text: 'loud', bold: true }, '.', { note: 'Harbour law says so.' }] },
    { runs: [{ image: 'A red lantern' }] },
    { style: 'Heading2', runs: ['Chapter 2'] },
    { runs: ['The ferry left at nine.'] },
  ],
};

/** A manuscript without heading styles, its chapters marked by `Chapter N` paragraphs as in a plain-text file. */
const PLAIN: DocxSpec = {
  core: { creator: 'Jay Ortiz' },
  paragraphs: [
    { runs: ['Chapter 1'] },
    { runs: ['Chapter 1 was written on a train, and this sentence says so at some length.'] },
    { runs: ['Chapter 2: The Storm'] },
    { runs: ['Rain.'] },
  ],
};

async function write(spec: DocxSpec, name = 'story.docx'): Promise<string> {
  const dir = tempDir('quire-docx-');
  const file = path.join(dir, name);
  fs.writeFileSync(file, await makeDocx(spec));
  return file;
}

/** The outline of a read, with `data:` URLs shortened to their media type. */
function read(file: string): string {
  const report = new CollectingReporter();
  const book = readInput(file, report);
  return outline(book, report.messages.filter((m) => m.severity !== 'info'))
    .split(file)
    .join('story.docx')
    .replace(/\(data:(image\/\w+);base64,[^)]+\)/g, '(data:$1)');
}

describe('the .docx reader', () => {
  test('Word styles give the metadata, parts, chapters, formatting, a footnote and an embedded image', async () => {
    expect(read(await write(STYLED))).toBe(
      [
        'title: The Night Ferry',
        'subtitle: A Harbour Story',
        'authors: Wren Halloway',
        'part[3-8] "Part One"',
        '  chapter[4-6] "Chapter 1" The Dock',
        '    p[5]: She was _very_ sure, and **loud**.[^footnote-1 "1"]',
        '    image[6]: ![A red lantern](data:image/png)',
        '  chapter[7-8] "Chapter 2"',
        '    p[8]: The ferry left at nine.',
        'footnote[9] footnote-1:',
        '  p[9]: Harbour law says so.',
      ].join('\n'),
    );
  });

  test('styles are known by name, whatever their id and case: a Dutch Word\'s Kop1, LibreOffice\'s Heading 1', async () => {
    const spec: DocxSpec = {
      styles: { Titel: 'Title', Kop1: 'heading 1', LOHeading: 'Heading 1' },
      paragraphs: [
        { style: 'Titel', runs: ['De Veerboot'] },
        { style: 'Kop1', runs: ['Hoofdstuk een'] },
        { runs: ['Water.'] },
        { style: 'LOHeading', runs: ['Hoofdstuk twee'] },
        { runs: ['Wind.'] },
      ],
    };
    expect(read(await write(spec))).toBe(
      ['title: De Veerboot', 'chapter[2-3] Hoofdstuk een', '  p[3]: Water.', 'chapter[4-5] Hoofdstuk twee', '  p[5]: Wind.'].join('\n'),
    );
  });

  test('without a Title paragraph, a lone Heading 1 above Heading 2 chapters is the title', async () => {
    const spec: DocxSpec = {
      paragraphs: [
        { style: 'Heading1', runs: ['The Night Ferry'] },
        { style: 'Heading2', runs: ['Chapter 1'] },
        { runs: ['Fog.'] },
        { style: 'Heading2', runs: ['Chapter 2'] },
        { runs: ['Rain.'] },
      ],
    };
    expect(read(await write(spec))).toBe(
      ['title: The Night Ferry', 'chapter[2-3] "Chapter 1"', '  p[3]: Fog.', 'chapter[4-5] "Chapter 2"', '  p[5]: Rain.'].join('\n'),
    );
  });

  test('a picture no e-reader shows (a Windows metafile) gives way to its alt text with a warning', async () => {
    const emf = Buffer.concat([Buffer.from([1, 0, 0, 0]), Buffer.alloc(84)]);
    const file = await write({ picture: { bytes: emf, extension: 'emf', contentType: 'image/x-emf' }, paragraphs: [{ runs: ['Before.'] }, { runs: [{ image: 'A chart' }] }] });
    expect(read(file)).toBe(
      [
        'chapter[1-2]',
        '  p[1]: Before.',
        '  p[2]: A chart',
        'warning 1:1 docx-content: Image of type image/x-emf is unlikely to display in web browsers',
        '  hint: Check this part of the document in the book; Word features quire does not know are left out.',
        'warning 2:1 image-unsupported: a picture of type image/x-emf cannot be shown in an EPUB or PDF; its alt text is kept instead',
        '  hint: In Word, save the picture as PNG or JPEG (right-click → Save as Picture) and insert that instead.',
      ].join('\n'),
    );
  });

  test('without heading styles, chapter-line paragraphs are chapters and a long sentence stays prose', async () => {
    expect(read(await write(PLAIN))).toBe(
      [
        'authors: Jay Ortiz',
        'chapter[1-2] "Chapter 1"',
        '  p[2]: Chapter 1 was written on a train, and this sentence says so at some length.',
        'chapter[3-4] "Chapter 2" The Storm',
        '  p[4]: Rain.',
      ].join('\n'),
    );
  });

  test('without heading styles, parts and numbered chapter lines follow the plain-text rules (used consistently, nested)', async () => {
    const spec: DocxSpec = {
      paragraphs: [
        { runs: ['Part One'] },
        { runs: ['1. The Letter'] },
        { runs: ['It came on Monday.'] },
        { runs: ['2. The Answer'] },
        { runs: ['~ It went on Friday. ~'] },
      ],
    };
    expect(read(await write(spec))).toBe(
      [
        'part[1-5] "Part One"',
        '  chapter[2-3] "1." The Letter',
        '    p[3]: It came on Monday.',
        '  chapter[4-5] "2." The Answer',
        '    p[5]: ~ It went on Friday. ~',
      ].join('\n'),
    );
  });

  test('a file named .docx that is not a Word document is refused with a named error; a ZIP named .txt is still not text', async () => {
    const fail = (file: string) => {
      try {
        readInput(file, new CollectingReporter());
      } catch (e) {
        if (e instanceof QuireError) return `${e.diagnostic.rule}: ${e.message}`;
        throw e;
      }
      throw new Error('read did not fail');
    };
    const dir = tempDir('quire-docx-');
    fs.writeFileSync(path.join(dir, 'text.docx'), 'Just some text.\n');
    fs.writeFileSync(path.join(dir, 'old.docx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    fs.writeFileSync(path.join(dir, 'zip.txt'), await makeDocx(PLAIN));
    expect(fail(path.join(dir, 'text.docx'))).toBe('docx-invalid: text.docx is not a Word document: it is not a ZIP archive');
    expect(fail(path.join(dir, 'old.docx'))).toBe('docx-invalid: old.docx is not a Word document: it is an old Word (.doc) file');
    expect(fail(path.join(dir, 'zip.txt'))).toMatch(/^input-not-text: /);
  });

  test('a folder reads its .docx and .html files in order with the others', async () => {
    const file = await write(STYLED, '1 opening.docx');
    const dir = path.dirname(file);
    fs.writeFileSync(path.join(dir, '2 closing.html'), '<h1>Chapter 3</h1><p>The end.</p>');
    const book = readInput(dir, new CollectingReporter());
    expect(book.sources.map((s) => path.basename(s))).toEqual(['1 opening.docx', '2 closing.html']);
    expect(book.body.map((s) => s.label)).toEqual(['Part One', 'Chapter 3']);
  });

  test('the CLI builds a .docx into an EPUB that EPUBCheck passes, with its image, and a PDF that pdftotext reads', async () => {
    requireTool('pdfimages', 'poppler-utils');
    const file = await write(STYLED);
    const out = path.join(path.dirname(file), 'out');
    const run = quire(['build', file, '--out', out, '--format', 'epub,pdf']);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.status).toBe(0);
    const epub = path.join(out, 'the-night-ferry.epub');
    const check = epubcheck(epub);
    expect(check.messages).toEqual([]);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(epub));
    expect(Object.keys(zip.files).filter((n) => /images\/image-\d+\.png$/.test(n))).toEqual(['OEBPS/images/image-1.png']);
    const pdf = path.join(out, 'the-night-ferry.pdf');
    expect(qpdfCheck(pdf).status).toBe(0);
    // The picture is drawn: one image in the PDF (its alpha channel is a soft mask beside it), 1 × 1 pixels as embedded.
    const rows = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2).map((line) => line.trim().split(/\s+/));
    expect(rows.filter((row) => row[2] === 'image').map((row) => row.slice(3, 5))).toEqual([['1', '1']]);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('The Night Ferry');
    expect(text).toContain('She was very sure, and loud.');
    expect(text).toContain('Harbour law says so.');
  });
});
