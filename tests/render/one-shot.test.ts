/**
 * One-shots in every renderer: a story with no chapter lines gets no `Chapter 1` heading and no contents page (the
 * title page names it); a story whose only chapter is labelled or titled keeps its heading and its contents page.
 * Books come through the real readers; EPUBs go through EPUBCheck under every profile, PDFs through poppler and qpdf.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SaxesParser } from 'saxes';
import { read } from '../../src/build';
import { CollectingReporter } from '../../src/diagnostics/reporter';
import { emptyBook, isOneShot } from '../../src/model/build-helpers';
import type { Block, Book, Inline } from '../../src/model/types';
import { PROFILES, type EpubProfile } from '../../src/render/epub';
import { htmlRenderer } from '../../src/render/html';
import { renderText } from '../../src/render/txt';
import { assertEpubXmlWellFormed, corpusFile, epubcheckMany, pdfText, qpdfCheck, requireTool, tempDir } from '../helpers/tools';
import { entry, renderBook, spineHrefs, type Rendered } from './epub/render-helpers';
import { renderPdf } from './pdf/helpers';

const SEED = corpusFile('seed/000_27920b3cbfe5b9b8.txt');
const SEED_TITLE = 'A Moment of Friendship';
const SEED_FIRST_WORDS = 'Lex Luthor was driving.';

/** Enough paragraphs of a Markdown story with no headings to run over several pages. */
const MARKDOWN_ONE_SHOT = [
  '---',
  'title: The Night Ferry',
  'author: Wren Halloway',
  '---',
  '',
  'The ferry left at midnight, as it always had.',
  '',
  ...Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of the crossing, where the water was black and the lamps swung on their hooks, and nobody on deck said a word about the island behind them.\n`),
  '***',
  '',
  'They landed at dawn.',
  '',
].join('\n');

const TITLED = 'Title: Hayloft Nights\nAuthor: Ann Example\n\nChapter 1: The Loft\n\nThe barn was quiet.\n\nThen it was not.\n';

let dir: string;
/** Reads a manuscript written into the test folder. */
function readText(name: string, text: string): Book {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return read(file, { report: new CollectingReporter() });
}

beforeAll(() => {
  dir = tempDir('quire-one-shot-');
});

/** Every text node of an XHTML document, parsed strictly, joined by spaces. */
function xmlText(xml: string): string {
  const parser = new SaxesParser({ xmlns: true });
  const parts: string[] = [];
  parser.on('text', (t) => parts.push(t));
  parser.write(xml).close();
  return parts.join(' ').replace(/\s+/g, ' ');
}

/** The manifest's navigation document href. */
function navHref(opf: string): string {
  const m = /<item id="[^"]+" href="([^"]+)" media-type="application\/xhtml\+xml" properties="nav"\/>/.exec(opf);
  if (!m) throw new Error('no navigation document in the manifest');
  return m[1];
}

/** The hrefs of the landmarks nav. */
function landmarks(nav: string): { type: string; href: string }[] {
  const block = nav.slice(nav.indexOf('epub:type="landmarks"'));
  return [...block.matchAll(/<a epub:type="([^"]+)" href="([^"]+)"/g)].map((m) => ({ type: m[1], href: m[2] }));
}

describe('EPUB', () => {
  const books: [string, () => Book, string, string][] = [
    ['the seed', () => read(SEED, { report: new CollectingReporter() }), SEED_TITLE, SEED_FIRST_WORDS],
    ['a Markdown story with no headings', () => readText('night-ferry.md', MARKDOWN_ONE_SHOT), 'The Night Ferry', 'The ferry left at midnight'],
  ];
  const rendered = new Map<string, Rendered>();
  let titled: Rendered;
  const key = (name: string, profile: EpubProfile) => `${name} / ${profile}`;

  beforeAll(async () => {
    for (const [name, make] of books) for (const profile of PROFILES) rendered.set(key(name, profile), await renderBook(make(), undefined, { profile }));
    titled = await renderBook(readText('hayloft.txt', TITLED));
  });

  test('every one-shot under every profile, and the titled story, pass EPUBCheck with nothing to say', async () => {
    const all = [...rendered.values(), titled];
    const results = epubcheckMany(all.map((r) => r.file));
    for (const r of all) {
      const result = results.get(r.file)!;
      expect(`${r.file}: ${result.fatals}/${result.errors}/${result.warnings}\n${result.messages.join('\n')}`).toBe(`${r.file}: 0/0/0\n`);
      await assertEpubXmlWellFormed(r.data);
    }
  });

  describe.each(books)('%s', (name, _make, title, firstWords) => {
    test.each(PROFILES.map((p) => [p]))('%s: no Chapter heading or contents page in the reading order', (profile) => {
      const r = rendered.get(key(name, profile))!;
      const opf = entry(r, 'content.opf');
      const nav = navHref(opf);
      const spine = spineHrefs(opf);
      expect(spine).not.toContain(nav);
      const texts = spine.map((href) => xmlText(entry(r, href)));
      for (const text of texts) {
        expect(text).not.toMatch(/\bChapter\b/);
        expect(text).not.toContain('Contents');
      }
      // The story is one document, after the front matter, named after the book, with no heading of its own.
      const story = spine.filter((href, i) => texts[i].includes(firstWords));
      expect(story).toHaveLength(1);
      const doc = entry(r, story[0]);
      expect(doc).toContain(`<title>${title}</title>`);
      expect(doc).not.toMatch(/<h[1-6]/);
      // Without a heading, the section takes the book's title as its accessible name.
      expect(doc).toMatch(new RegExp(`<section epub:type="chapter" role="doc-chapter" id="[^"]+" class="chapter" aria-label="${title}">`));
      expect(spine[spine.length - 1]).toBe(story[0]);
    });

    test.each(PROFILES.map((p) => [p]))('%s: the navigation document and NCX stay, and point only at pages in the spine', (profile) => {
      const r = rendered.get(key(name, profile))!;
      const opf = entry(r, 'content.opf');
      const spine = spineHrefs(opf);
      const story = spine[spine.length - 1];
      const nav = entry(r, navHref(opf));
      expect(nav).toContain('<nav epub:type="toc" role="doc-toc" id="toc" class="toc">');
      expect(nav).toContain(`<li><a href="${story}">${title}</a></li>`);
      expect(entry(r, 'toc.ncx')).toContain(`<navLabel><text>${title}</text></navLabel>`);
      const marks = landmarks(nav);
      expect(marks.map((m) => m.type)).toEqual(['cover', 'titlepage', 'bodymatter']);
      for (const mark of marks) expect(spine).toContain(mark.href);
      expect(marks[2].href).toBe(story);
      const guide = [...opf.matchAll(/<reference type="([^"]+)" title="[^"]*" href="([^"]+)"\/>/g)].map((m) => ({ type: m[1], href: m[2] }));
      if (profile === 'kindle') expect(guide.map((g) => g.type)).toEqual(['cover', 'title-page', 'text']);
      else expect(guide).toEqual([]);
      for (const reference of guide) expect(spine).toContain(reference.href);
    });
  });

  test('a story whose only chapter is `Chapter 1: The Loft` keeps its heading and its contents page', () => {
    const opf = entry(titled, 'content.opf');
    const spine = spineHrefs(opf);
    // The contents page is in the reading order (the navigation document never is: see the calibre tests).
    expect(spine).not.toContain(navHref(opf));
    const marks = landmarks(entry(titled, navHref(opf)));
    const toc = marks.find((m) => m.type === 'toc');
    expect(toc && spine).toContain(toc?.href);
    expect(entry(titled, toc!.href)).toContain('role="doc-toc"');
    const chapter = spine.find((href) => entry(titled, href).includes('The barn was quiet.'))!;
    expect(entry(titled, chapter)).toContain('<h1 class="chapter-title"><span class="label">Chapter 1</span> <span class="title">The Loft</span></h1>');
    expect(entry(titled, chapter)).not.toContain('aria-label');
  });
});

/** The text of each page of a PDF, in order. */
function pdfPageTexts(file: string): string[] {
  requireTool('pdftotext', 'poppler-utils');
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

/** The PDF's outline titles, read by qpdf. */
function outline(file: string): string[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as { outlines: { title: string }[] };
  return json.outlines.map((o) => o.title);
}

async function pdfFile(book: Book, name: string): Promise<string> {
  const { data, ctx } = await renderPdf(book);
  expect(ctx.report.messages).toEqual([]);
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, data);
  const check = qpdfCheck(file);
  expect(check.output).toContain('No syntax or stream encoding errors found');
  expect(check.status).toBe(0);
  return file;
}

describe('PDF', () => {
  test('the seed: no Chapter 1, no contents; the story on the page after the dedication, under the book title', async () => {
    const file = await pdfFile(read(SEED, { report: new CollectingReporter() }), 'seed');
    const text = pdfText(file);
    expect(text).not.toMatch(/\bChapter\b/);
    expect(text).not.toContain('Contents');
    const pages = pdfPageTexts(file);
    // Title page, disclaimer, dedication, then the story from the top of its first page.
    expect(pages[1]).toContain('I do not now nor will I ever own Smallville');
    expect(pages[2]).toContain('WayLowHalo who made me write this');
    expect(pages[3].trimStart().startsWith(SEED_FIRST_WORDS)).toBe(true);
    // The story's later pages carry the book's title as their running head.
    expect(pages.length).toBeGreaterThan(4);
    for (const page of pages.slice(4)) expect(page.trimStart().startsWith(SEED_TITLE)).toBe(true);
    expect(outline(file)).toEqual([SEED_TITLE]);
  });

  test('a Markdown story with no headings starts on page 2', async () => {
    const file = await pdfFile(readText('night-ferry-pdf.md', MARKDOWN_ONE_SHOT), 'night-ferry');
    const text = pdfText(file);
    expect(text).not.toMatch(/\bChapter\b/);
    expect(text).not.toContain('Contents');
    const pages = pdfPageTexts(file);
    expect(pages[0]).toContain('The Night Ferry');
    expect(pages[1].trimStart().startsWith('The ferry left at midnight')).toBe(true);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages.slice(2)) expect(page.trimStart().startsWith('The Night Ferry')).toBe(true);
    expect(outline(file)).toEqual(['The Night Ferry']);
  });

  test('a story whose only chapter is `Chapter 1: The Loft` keeps its opening and its contents page', async () => {
    const file = await pdfFile(readText('hayloft-pdf.txt', TITLED), 'hayloft');
    const pages = pdfPageTexts(file);
    expect(pages[1]).toMatch(/Contents[\s\S]*Chapter 1: The Loft/);
    const opening = pages.findIndex((page) => page.includes('The barn was quiet.'));
    expect(pages[opening]).toMatch(/Chapter 1\s+The Loft\s+The barn was quiet\./);
    expect(outline(file)).toEqual(['Chapter 1: The Loft']);
  });
});

describe('plain text', () => {
  test('a one-shot has no chapter line and reads back as one; a titled only chapter keeps its line', () => {
    const seed = renderText(read(SEED, { report: new CollectingReporter() }));
    expect(seed).not.toMatch(/^Chapter\b/m);
    expect(seed).toContain(`\n\n${SEED_FIRST_WORDS}`);
    expect(isOneShot(readText('seed-again.txt', seed))).toBe(true);
    expect(renderText(readText('night-ferry-txt.md', MARKDOWN_ONE_SHOT))).not.toMatch(/^Chapter\b/m);
    expect(renderText(readText('hayloft-txt.txt', TITLED))).toContain('\n\nChapter 1: The Loft\n\nThe barn was quiet.\n\n');
  });
});

describe('AO3 HTML', () => {
  const t = (value: string): Inline => ({ type: 'text', value });
  const p = (value: string): Block => ({ type: 'paragraph', children: [t(value)] });

  async function ao3(book: Book): Promise<string> {
    const ctx = {
      options: htmlRenderer.defaultOptions,
      report: new CollectingReporter(),
      assets: { template: () => '', templatePath: () => '', manuscriptFile: () => Buffer.alloc(0), font: () => Buffer.alloc(0) },
      now: new Date('2024-01-01T00:00:00Z'),
    };
    return new TextDecoder().decode((await htmlRenderer.render(book, ctx)).data);
  }

  test('the seed is a work with Work text and no chapter fields', async () => {
    const html = await ao3(read(SEED, { report: new CollectingReporter() }));
    expect(html).not.toMatch(/Chapter/);
    expect(html).toMatch(/<!-- Work text: begin -->\n<p>Lex Luthor was driving\./);
    expect(html).toContain('<!-- Work notes (beginning): begin -->\n<p><strong>Disclaimer</strong></p>');
  });

  test("a one-shot's own author's notes join the work's notes, at the beginning and the end", async () => {
    const book = emptyBook('.');
    book.meta.title = 'Notes';
    book.front = [{ type: 'matter', role: 'disclaimer', id: 'disclaimer', children: [p('Not mine.')] }];
    book.back = [{ type: 'matter', role: 'afterword', id: 'afterword', children: [p('Later.')] }];
    book.body = [{
      type: 'section', role: 'chapter', depth: 1, id: 'story', title: [], sections: [],
      children: [{ type: 'authorNote', label: 'A/N', children: [p('For a prompt.')] }, p('The story.'), { type: 'authorNote', label: 'A/N', children: [p('Thanks!')] }],
    }];
    const html = await ao3(book);
    expect(html).not.toMatch(/Chapter/);
    expect(html).toContain('<!-- Work notes (beginning): begin -->\n<p><strong>Disclaimer</strong></p>\n<p>Not mine.</p>\n<p>For a prompt.</p>\n<!-- Work notes (beginning): end -->');
    expect(html).toContain('<!-- Work text: begin -->\n<p>The story.</p>\n<!-- Work text: end -->');
    expect(html).toContain('<!-- Work notes (end): begin -->\n<p>Thanks!</p>\n<p><strong>Afterword</strong></p>\n<p>Later.</p>\n<!-- Work notes (end): end -->');
  });

  test('a story whose only chapter is titled keeps its chapter fields', async () => {
    const html = await ao3(readText('hayloft-ao3.txt', TITLED));
    expect(html).toContain('<!-- Chapter 1 title: The Loft -->');
    expect(html).toContain('<!-- Chapter 1 text: begin -->');
  });
});
