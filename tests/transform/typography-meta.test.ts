/**
 * Smart typography reaches the metadata: a title or author typed with straight quotes shows curled on the EPUB's
 * title page, in the OPF and on the PDF's title page, from a plain-text and a Markdown manuscript alike; the file
 * name and the book's identifier do not change because of it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bookIdentifier } from '../../src/render/epub/identifier';
import { slugify } from '../../src/text/slug';
import { typography } from '../../src/transform/typography';
import { sampleBook } from '../helpers/sample-book';
import { requireTool, tempDir, unzip } from '../helpers/tools';

const CLI = path.resolve(__dirname, '..', '..', 'lib', 'cli', 'main.js');
const TITLE = 'O\'Neill\'s "Quiet" Hour';
const AUTHOR = "Maeve O'Neill";
const CURLED_TITLE = 'O\u2019Neill\u2019s \u201cQuiet\u201d Hour';
const CURLED_AUTHOR = 'Maeve O\u2019Neill';

const STORY = 'The harbour was "still" that night.\n\nNobody came.\n';
const INPUTS: [string, string][] = [
  ['story.txt', `Title: ${TITLE}\nAuthor: ${AUTHOR}\nSeries: Dan's Nights\nFandom: Original Work\n\n${STORY}`],
  ['story.md', `---\ntitle: ${TITLE}\nauthor: ${AUTHOR}\n---\n\n${STORY}`],
];

/** XML text with entities read back. */
const text = (xml: string) => xml.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');

describe.each(INPUTS)('%s', (name, source) => {
  let dir: string;
  let files: string[];
  beforeAll(() => {
    dir = tempDir('quire-meta-typography-');
    fs.writeFileSync(path.join(dir, name), source);
    execFileSync('node', [CLI, 'build', path.join(dir, name), '--out', path.join(dir, 'out'), '--format', 'epub,pdf'], { stdio: 'pipe' });
    files = fs.readdirSync(path.join(dir, 'out'));
  }, 120_000);

  test('the file name is the slug of the title as typed', () => {
    expect(files).toContain(`${slugify(TITLE)}.epub`);
    expect(files).toContain(`${slugify(TITLE)}.pdf`);
  });

  test('the EPUB title page and OPF show the curled title and author, and no straight quote', async () => {
    const zip = await unzip(fs.readFileSync(path.join(dir, 'out', `${slugify(TITLE)}.epub`)));
    const page = text(zip.get('OEBPS/title-page.xhtml')!.toString('utf8'));
    expect(page).toContain(CURLED_TITLE);
    expect(page).toContain(CURLED_AUTHOR);
    expect(page).not.toMatch(/O'Neill|"Quiet"/);
    const opf = zip.get('OEBPS/content.opf')!.toString('utf8');
    expect(text(opf)).toContain(CURLED_TITLE);
    expect(opf).toMatch(new RegExp(`<dc:creator id="[^"]+">${CURLED_AUTHOR}</dc:creator>`));
    // The identifier is the one quire gave this book before author names were curled.
    const id = /<dc:identifier id="book-id">([^<]+)</.exec(opf)![1];
    expect(id).toBe(bookIdentifier({ ...sampleBook().meta, identifier: undefined, title: CURLED_TITLE, authors: [{ name: AUTHOR }] }));
    if (name.endsWith('.txt')) expect(text(opf)).toContain('Dan\u2019s Nights');
  });

  test('the PDF title page shows the curled title and author', () => {
    requireTool('pdftotext', 'poppler-utils');
    const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'out', `${slugify(TITLE)}.pdf`), '-'], { encoding: 'utf8' }).split('\f');
    const titlePage = pages.find((p) => p.includes('Quiet'))!;
    expect(titlePage).toBeDefined();
    // pdftotext may break the line between words: compare with whitespace collapsed.
    const flat = titlePage.replace(/\s+/g, ' ');
    expect(flat).toContain(CURLED_TITLE);
    expect(flat).toContain(CURLED_AUTHOR);
    expect(flat).not.toMatch(/O'Neill|"Quiet"/);
  });
});

test('metadata lists are curled once, and a second run changes nothing', () => {
  const book = sampleBook();
  book.meta.authors = [{ name: AUTHOR, fileAs: "O'Neill, Maeve" }];
  book.meta.series = { name: "Dan's Nights", index: 1 };
  book.meta.fandoms = ["Tolkien's Legendarium"];
  book.meta.characters = ['"Strider"'];
  typography.run(book, { report: { warn() {}, error() {}, info() {} } as never });
  const once = JSON.stringify(book.meta);
  expect(book.meta.authors[0]).toEqual({ name: CURLED_AUTHOR, fileAs: 'O\u2019Neill, Maeve' });
  expect(book.meta.series?.name).toBe('Dan\u2019s Nights');
  expect(book.meta.fandoms).toEqual(['Tolkien\u2019s Legendarium']);
  expect(book.meta.characters).toEqual(['\u201cStrider\u201d']);
  typography.run(book, { report: { warn() {}, error() {}, info() {} } as never });
  expect(JSON.stringify(book.meta)).toBe(once);
});
