/** End-to-end: the sample book through the PDF renderer, checked with poppler and qpdf. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pdfFonts, pdfInfo, pdfText, qpdfCheck, requireTool, tempDir } from '../../helpers/tools';
import { sampleBook } from '../../helpers/sample-book';
import { renderPdf } from './helpers';

describe('pdfRenderer on the sample book', () => {
  let file: string;
  let text: string;
  let data: Uint8Array;
  let warnings: string[];

  beforeAll(async () => {
    const result = await renderPdf(sampleBook());
    data = result.data;
    warnings = result.ctx.report.messages.map((m) => m.message);
    file = path.join(tempDir('quire-pdf-'), 'sample.pdf');
    fs.writeFileSync(file, data);
    text = pdfText(file);
  });

  it('holds the title, front matter and story text', () => {
    expect(text).toContain('The Lantern & the Loft');
    expect(text).toContain('A Story in Two Chapters');
    expect(text).toContain('Ada Quill and B. Marsh');
    expect(text).toContain('All characters are my own. <Not> yours & not theirs.');
    expect(text).toContain('For everyone who keeps a light on.');
    expect(text).toContain('Two friends, one lantern, a long night.');
    expect(text).toContain('The last sentence is here.');
    expect(text).toContain('Words: 120');
    expect(text).toContain('Contents');
    expect(warnings).toEqual([]);
  });

  it('keeps Greek and Cyrillic intact and never emits soft hyphens', () => {
    expect(text).toContain('Θεός and Жизнь');
    expect(text).toContain('Δελφοί and Москва');
    expect(text).not.toContain('\u00ad');
  });

  it('renders every block type', () => {
    expect(text).toContain('A storm lantern, brass and glass.');
    expect(text).toMatch(/keep it burning through the damp/);
    expect(text).toContain('A/N:');
    expect(text).toContain('light();');
    expect(text).toContain('A Smaller Heading');
    expect(text).toMatch(/Item\s+Lanterns/);
    expect(text).toMatch(/Count\s+2/);
    expect(text).toMatch(/3\.\s+third/);
  });

  it('embeds and subsets every font', () => {
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) {
      expect(font).toMatchObject({ embedded: true, subset: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+SourceSerif4/);
    }
  });

  it('sets document metadata from the book and the build date', () => {
    const info = pdfInfo(file);
    expect(info.Title).toBe('The Lantern & the Loft');
    expect(info.Author).toBe('Ada Quill, B. Marsh');
    expect(info.Subject).toBe('Two friends, one lantern, a long night.');
    expect(info.Keywords).toBe('Original Work, friendship, winter, Mara, Tobiah'); // the book's subjects, as in the EPUB
    expect(info.CreationDate).toMatch(/2024/);
    expect(info['Page size']).toMatch(/419\.5\d* x 595\.2\d* pts/);
  });

  it('is a tagged PDF with escaped XMP metadata (title, creators, language)', () => {
    expect(pdfInfo(file).Tagged).toBe('yes');
    const raw = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 64 << 20 }).toString('utf8');
    expect(raw).toContain('<rdf:li xml:lang="x-default">The Lantern &amp; the Loft</rdf:li>');
    expect(raw).toContain('<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>');
    expect(raw).toContain('<rdf:li>friendship</rdf:li>');
    expect(raw).toMatch(/\/S \/H1/);
    expect(raw).toMatch(/\/Artifact/);
  });

  it('sets each footnote at the foot of the page that refers to it', () => {
    requireTool('pdftotext', 'poppler-utils');
    const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f');
    const notePage = pages.findIndex((p) => p.includes('A storm lantern, brass and glass.'));
    expect(notePage).toBeGreaterThan(0);
    // The reference's line ("old lantern¹ and said") is on the same page, above the note.
    expect(pages[notePage]).toMatch(/lantern\s*1\s*and said/);
    expect(pages[notePage].indexOf('A storm lantern, brass and glass.')).toBeGreaterThan(pages[notePage].indexOf('and said'));
  });

  it('passes qpdf --check', () => {
    const check = qpdfCheck(file);
    expect(check.output).toContain('No syntax or stream encoding errors');
    expect(check.status).toBe(0);
  });

  it('has an outline entry per chapter, a link annotation and the language', () => {
    requireTool('qpdf', 'qpdf');
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as { outlines: { title: string }[] };
    expect(json.outlines.map((o) => o.title)).toEqual(['Chapter 1: The Lantern', 'Chapter 2: Θεός and Жизнь']);
    const raw = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 64 << 20 }).toString('latin1');
    expect(raw).toContain('(https://example.org/lanterns)');
    expect(raw).toMatch(/\/Lang \(en\)/);
  });

  it('gives identical bytes for identical input', async () => {
    const again = await renderPdf(sampleBook());
    expect(Buffer.from(again.data).equals(Buffer.from(data))).toBe(true);
  });
});
