/**
 * Trim sizes: each page size gives pages of that size whose text stays inside margins from theme.json's `sizes`,
 * with the binding margin on the inside; `chapter-start: right` opens chapters on rectos. Checked with poppler.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileAssets } from '../../../src/assets';
import { CollectingReporter } from '../../../src/diagnostics/reporter';
import { PAGE_SIZES, type PageSize } from '../../../src/render/pdf/options';
import { loadTheme } from '../../../src/render/pdf/theme';
import { sampleBook } from '../../helpers/sample-book';
import { pdfInfo, pdfPages, qpdfCheck, tempDir } from '../../helpers/tools';
import { renderPdf } from './helpers';

/** Per page: its size, the extent of its words and the words themselves. */
function pageBoxes(file: string): { width: number; height: number; xMin: number; xMax: number; words: string[] }[] {
  return pdfPages(file).map((page) => ({
    width: page.width,
    height: page.height,
    xMin: Math.min(...page.words.map((w) => w.xMin)),
    xMax: Math.max(...page.words.map((w) => w.xMax)),
    words: page.words.map((w) => w.text),
  }));
}

const ctx = { options: {}, report: new CollectingReporter(), assets: new FileAssets({ root: '.' }), now: new Date(0) };

describe('page sizes', () => {
  const sizes = Object.keys(PAGE_SIZES) as PageSize[];

  it('offers A5, the trade sizes, Letter, A4 and a 6-inch e-reader screen', () => {
    expect(sizes).toEqual(['a5', '5.5x8.5', '6x9', 'letter', 'a4', 'ereader']);
  });

  it.each(sizes)('%s: pages of that size, text inside its margins, a line of about 65 characters', async (size) => {
    const { data, ctx: run } = await renderPdf(sampleBook(), { pageSize: size });
    expect(run.report.messages).toEqual([]);
    const file = path.join(tempDir('quire-size-'), `${size}.pdf`);
    fs.writeFileSync(file, data);
    expect(qpdfCheck(file).status).toBe(0);
    const [width, height] = PAGE_SIZES[size];
    expect(pdfInfo(file)['Page size']).toMatch(new RegExp(`^${width} x ${height} pts`));
    const theme = loadTheme(ctx, size);
    const measure = width - theme.margins.inner - theme.margins.outer;
    // A book's line: 25 to 36 ems of its body type.
    expect(measure / theme.body.size).toBeGreaterThan(25);
    expect(measure / theme.body.size).toBeLessThan(36);
    const pages = pageBoxes(file);
    pages.forEach((page, i) => {
      if (!Number.isFinite(page.xMin)) return; // a blank page
      expect(page.width).toBeCloseTo(width, 1);
      expect(page.height).toBeCloseTo(height, 1);
      // Rectos (odd pages) have the inner margin on the left, versos on the right; a little room for protrusion.
      const left = i % 2 === 0 ? theme.margins.inner : theme.margins.outer;
      expect(page.xMin).toBeGreaterThanOrEqual(left - 1.5);
      expect(page.xMax).toBeLessThanOrEqual(left + measure + 1.5);
    });
  });

  it('gives wider pages larger type and wider margins, and the e-reader screen narrow margins and no binding', () => {
    const a5 = loadTheme(ctx, 'a5');
    const letter = loadTheme(ctx, 'letter');
    const ereader = loadTheme(ctx, 'ereader');
    expect(letter.body.size).toBeGreaterThan(a5.body.size);
    expect(letter.margins.inner).toBeGreaterThan(a5.margins.inner);
    expect(ereader.margins.inner).toBe(ereader.margins.outer);
    expect(ereader.margins.inner).toBeLessThan(a5.margins.outer);
    // What a size does not set comes from the base theme.
    expect(letter.body.indent).toBe(a5.body.indent);
    expect(loadTheme(ctx)).toEqual(a5);
  });

  it('refuses a size theme.json does not know, or a value that is not a number, naming it', () => {
    const base = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'templates', 'pdf', 'theme.json'), 'utf8'));
    const withSizes = (sizes: unknown) => {
      const dir = tempDir('quire-theme-');
      fs.mkdirSync(path.join(dir, 'pdf'));
      fs.writeFileSync(path.join(dir, 'pdf', 'theme.json'), JSON.stringify({ ...base, sizes }, null, 2));
      const assets = new FileAssets({ root: dir, userTemplates: dir });
      return () => loadTheme({ ...ctx, report: new CollectingReporter(), assets }, 'a5');
    };
    expect(withSizes({ a3: { body: { size: 12 } } })).toThrow(/`theme\.sizes\.a3` should be named by a page size/);
    expect(withSizes({ letter: { body: { size: 'big' } } })).toThrow(/`theme\.sizes\.letter\.body\.size` should be a non-negative number/);
    expect(withSizes({ letter: { body: { colour: 1 } } })).toThrow(/`theme\.sizes\.letter\.body\.colour` should be one of size, leading/);
    expect(withSizes({ letter: { strings: {} } })).toThrow(/`theme\.sizes\.letter\.strings` should be one of margins/);
    expect(withSizes({ letter: { body: { size: 12 } } })()).toEqual(loadTheme(ctx, 'a5'));
  });

  it('opens every chapter on a right-hand page with chapter-start: right', async () => {
    const openings = async (options: { chapterStart?: 'any' | 'right' }) => {
      const { data } = await renderPdf(sampleBook(), options);
      const file = path.join(tempDir('quire-recto-'), 'book.pdf');
      fs.writeFileSync(file, data);
      const pages = pageBoxes(file);
      return { pages, at: pages.flatMap((page, i) => (page.words[0] === 'Chapter' && /^\d+$/.test(page.words[1] ?? '') ? [i] : [])) };
    };
    const any = await openings({});
    expect(any.at).toHaveLength(2);
    // By default a chapter may open on a verso (an odd index: the first page is a recto)…
    expect(any.at.some((i) => i % 2 === 1)).toBe(true);
    // …with the option, every chapter opens on a recto, after a blank page where need be.
    const right = await openings({ chapterStart: 'right' });
    expect(right.at).toHaveLength(2);
    for (const i of right.at) expect(i % 2).toBe(0);
    expect(right.pages.some((page) => page.words.length === 0)).toBe(true);
  });
});
