/** The PDF's designed pages come from templates/pdf/*.ejs; a user's copies redesign them, and mistakes are positioned. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileAssets } from '../../../src/assets';
import { CollectingReporter } from '../../../src/diagnostics/reporter';
import { QuireError } from '../../../src/diagnostics/types';
import type { Book } from '../../../src/model/types';
import { DEFAULT_PDF_OPTIONS, pdfRenderer } from '../../../src/render/pdf';
import { pdfText, tempDir } from '../../helpers/tools';
import { sampleBook } from '../../helpers/sample-book';
import { NOW } from './helpers';

/** Renders the sample book with a user templates folder holding `files` (paths under templates/). */
async function renderWith(files: Record<string, string>, book: Book = sampleBook()) {
  const dir = tempDir('quire-pdf-templates-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const report = new CollectingReporter();
  const assets = new FileAssets({ root: path.resolve(__dirname, '..', '..', '..', book.root), userTemplates: dir });
  const artifact = await pdfRenderer.render(book, { options: DEFAULT_PDF_OPTIONS, report, assets, now: NOW });
  const file = path.join(dir, 'book.pdf');
  fs.writeFileSync(file, artifact.data);
  return { text: pdfText(file), report, dir };
}

/** The error a render with these templates fails with. */
async function failure(files: Record<string, string>): Promise<{ error: QuireError; dir: string }> {
  let dir = '';
  try {
    ({ dir } = await renderWith(files));
  } catch (e) {
    if (e instanceof QuireError) return { error: e, dir: '' };
    throw e;
  }
  throw new Error(`rendered without an error (${dir})`);
}

describe('PDF page templates', () => {
  it('a user title page and chapter opening replace the built-in ones', async () => {
    const { text } = await renderWith({
      'pdf/title-page.ejs': '<%- JSON.stringify([{ space: "10%" }, { text: "A Quire Edition", font: "italic" }, { content: "title", font: "bold-italic", size: 30 }, { text: meta.authors.join(" & ") }]) %>',
      'pdf/chapter-opening.ejs': '<%- JSON.stringify([{ space: 20 }, { text: `~ Part the ${number} ~`, scale: 0.9 }, { content: "heading", font: "bold", size: 16 }, { space: 20 }]) %>',
    });
    const front = text.split('\f')[0];
    expect(front).toContain('A Quire Edition');
    expect(front).toContain('The Lantern & the Loft');
    expect(front).toContain('Ada Quill & B. Marsh');
    // The built-in title page's facts and summary are gone from the first page.
    expect(front).not.toContain('Words: 120');
    expect(text).toContain('~ Part the 1 ~');
    expect(text).toContain('~ Part the 2 ~');
  });

  it('an old theme.json with `strings` is warned about at the key and its words are not printed: labels are', async () => {
    const builtIn = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'templates', 'pdf', 'theme.json'), 'utf8'));
    const theme = JSON.stringify({ ...builtIn, strings: { contents: 'Table of Lamps', untitled: 'Lamp' } }, null, 2);
    const { text, report } = await renderWith({ 'pdf/theme.json': theme });
    expect(text).not.toContain('Table of Lamps');
    expect(text).toContain('Contents');
    const warning = report.messages.find((m) => m.message.includes('theme.strings'));
    expect(warning).toMatchObject({ severity: 'warning', hint: expect.stringContaining('`labels: {contents: "Table of Lamps", chapter: "Lamp {n}"}`') });
    expect(warning?.position?.start.line).toBe(theme.split('\n').findIndex((l) => l.includes('"strings"')) + 1);
  });

  it('a page that prints no JSON is an error at the template', async () => {
    const { error } = await failure({ 'pdf/dedication.ejs': 'For <%= "you" %>' });
    expect(error.diagnostic).toMatchObject({ rule: 'template-invalid', severity: 'error' });
    expect(error.diagnostic.position?.file).toMatch(/pdf[\\/]dedication\.ejs$/);
    expect(error.diagnostic.message).toMatch(/did not print JSON/);
  });

  it('an unknown content or a bad option names the element and what the page offers', async () => {
    const unknown = await failure({ 'pdf/title-page.ejs': '[{"content": "blurb"}]' });
    expect(unknown.error.diagnostic.message).toBe('template pdf/title-page.ejs element 1: this page has no content "blurb" (it has title, subtitle, summary)');
    const font = await failure({ 'pdf/title-page.ejs': '[{"space": 10}, {"text": "x", "font": "heavy"}]' });
    expect(font.error.diagnostic.message).toMatch(/element 2: "font" must be one of regular, italic, bold, bold-italic/);
    const space = await failure({ 'pdf/part-opening.ejs': '[{"space": "lots"}]', 'pdf/title-page.ejs': '[{"space": "lots"}]' });
    expect(space.error.diagnostic.message).toMatch(/"space" must be a number of points or a percentage/);
  });

  it('an EJS error points at the template line', async () => {
    const { error } = await failure({ 'pdf/title-page.ejs': '<%# a comment %>\n<%- JSON.stringify([{ text: meta.nothing.here }]) %>\n' });
    expect(error.diagnostic.rule).toBe('template-invalid');
    expect(error.diagnostic.position?.start.line).toBe(2);
  });
});
