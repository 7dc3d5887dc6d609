/**
 * End to end: real manuscripts through the real command, every EPUB through EPUBCheck and a strict XML parser,
 * every PDF through pdftotext, pdffonts, pdfinfo and qpdf.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quire, REPO } from '../helpers/cli';
import { assertEpubXmlWellFormed, corpusFile, epubcheck, pdfFonts, pdfInfo, pdfText, qpdfCheck, tempDir, unzip } from '../helpers/tools';

interface Built {
  epub: string;
  pdf: string;
  stderr: string;
}

function buildBoth(input: string, env: NodeJS.ProcessEnv = {}): Built {
  const out = tempDir('quire-e2e-');
  const run = quire(['build', input, '--out', out], { env });
  if (run.status !== 0) throw new Error(`quire build ${input} exited ${run.status}:\n${run.stderr}`);
  const [epub, pdf] = run.stdout.trim().split('\n');
  return { epub, pdf, stderr: run.stderr };
}

/** Normalises whitespace and typography so a phrase from the source can be found in extracted text. */
const flat = (s: string) =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/-\n/g, '')
    .replace(/\s+/g, ' ');

function expectValidEpub(file: string): void {
  const result = epubcheck(file);
  expect({ file: path.basename(file), errors: result.errors, warnings: result.warnings, fatals: result.fatals, messages: result.messages.slice(0, 10) }).toEqual({
    file: path.basename(file),
    errors: 0,
    warnings: 0,
    fatals: 0,
    messages: [],
  });
}

function expectGoodPdf(file: string, phrases: string[]): string {
  const text = pdfText(file);
  for (const phrase of phrases) expect(flat(text)).toContain(flat(phrase));
  expect(text).not.toContain('\u00ad');
  expect(text).not.toContain('\ufffd');
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) expect(font).toMatchObject({ embedded: true, subset: true });
  const check = qpdfCheck(file);
  expect(check.output).toContain('No syntax or stream encoding errors found');
  expect(check.status).toBe(0);
  return text;
}

describe('the seed: the book every release must build perfectly', () => {
  const seed = corpusFile('seed/000_27920b3cbfe5b9b8.txt');
  const source = fs.readFileSync(seed, 'utf8');
  const storyParagraphs = source
    .split(/\r?\n/)
    .filter((l) => l.trim() && !/^(Title|Rated|Disclaimer|Summary|Dedication):/.test(l));
  let built: Built;
  beforeAll(() => {
    built = buildBoth(seed);
  });

  test('writes a-moment-of-friendship.epub and .pdf', () => {
    expect(path.basename(built.epub)).toBe('a-moment-of-friendship.epub');
    expect(path.basename(built.pdf)).toBe('a-moment-of-friendship.pdf');
  });

  test('has 21 story paragraphs', () => {
    expect(storyParagraphs).toHaveLength(21);
  });

  test('EPUB: EPUBCheck clean, well-formed, every paragraph present, front matter on its own pages, no Chapter 1 or contents page', async () => {
    expectValidEpub(built.epub);
    await assertEpubXmlWellFormed(fs.readFileSync(built.epub));
    const files = await unzip(fs.readFileSync(built.epub));
    const xhtml = [...files].filter(([name]) => name.endsWith('.xhtml'));
    const all = flat(xhtml.map(([, b]) => b.toString('utf8').replace(/<[^>]+>/g, ' ')).join(' ').replace(/&amp;/g, '&'));
    for (const paragraph of storyParagraphs) expect(all).toContain(flat(paragraph).slice(0, 60).trim());
    const disclaimer = xhtml.filter(([, b]) => b.toString('utf8').includes('I do not now nor will I ever own Smallville'));
    const dedication = xhtml.filter(([, b]) => b.toString('utf8').includes('WayLowHalo who made me write this'));
    expect(disclaimer).toHaveLength(1);
    expect(dedication).toHaveLength(1);
    expect(disclaimer[0][0]).not.toBe(dedication[0][0]);
    const opf = [...files].find(([name]) => name.endsWith('.opf'))![1].toString('utf8');
    expect(opf).toContain('A Moment of Friendship');
    expect(opf).not.toMatch(/<dc:creator/); // the seed has no author: none is invented
    expect(opf).toMatch(/<dc:language>en<\/dc:language>/);
    // A one-shot: no invented `Chapter 1`, and the contents (navigation document) is not a page of the reading order.
    expect(all).not.toMatch(/\bChapter\b/);
    expect(opf).toContain('properties="nav"');
    expect(opf).not.toContain('<itemref idref="nav"/>');
  });

  test('PDF: title, disclaimer, dedication and the last sentence, no Chapter 1 or contents; fonts embedded; metadata', () => {
    const lastParagraph = storyParagraphs[storyParagraphs.length - 1];
    const lastSentence = lastParagraph.trim().split(/(?<=[.!?…"])\s+/).pop()!;
    const text = expectGoodPdf(built.pdf, ['A Moment of Friendship', 'I do not now nor will I ever own Smallville', 'WayLowHalo who made me write this', lastSentence]);
    expect(text).not.toMatch(/\bChapter\b/);
    expect(text).not.toContain('Contents');
    expect(pdfInfo(built.pdf).Title).toBe('A Moment of Friendship');
  });
});

describe('the sample manuscript', () => {
  test('builds a valid EPUB and a good PDF', () => {
    const built = buildBoth(path.join(REPO, 'manuscript'));
    expect(built.stderr).toBe('');
    expectValidEpub(built.epub);
    expectGoodPdf(built.pdf, ['The Keeper of Small Lights', 'Wren Halloway', 'For my grandmother', 'and went on.']);
    expect(pdfInfo(built.pdf)).toMatchObject({ Title: 'The Keeper of Small Lights', Author: 'Wren Halloway' });
  });
});

describe('reproducible builds', () => {
  test('the same manuscript gives byte-identical files in different time zones', () => {
    const input = path.join(REPO, 'manuscript');
    const a = buildBoth(input, { TZ: 'UTC' });
    const b = buildBoth(input, { TZ: 'Pacific/Kiritimati' });
    const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    expect(sha(a.epub)).toBe(sha(b.epub));
    expect(sha(a.pdf)).toBe(sha(b.pdf));
  });

  test('SOURCE_DATE_EPOCH sets the modification date', async () => {
    const built = buildBoth(path.join(REPO, 'manuscript'), { SOURCE_DATE_EPOCH: '1700000000' });
    const files = await unzip(fs.readFileSync(built.epub));
    const opf = [...files].find(([name]) => name.endsWith('.opf'))![1].toString('utf8');
    expect(opf).toContain('2023-11-14T22:13:20Z');
  });
});

describe.each(['fanfic-style/persuasion.txt', 'fanfic-style/northanger-abbey.txt', 'fanfic-style/moby-dick.txt', 'novels/moby-dick.md'])('corpus: %s', (rel) => {
  test('EPUB passes EPUBCheck with no errors or warnings; PDF fonts are all embedded', async () => {
    const input = corpusFile(rel);
    const built = buildBoth(input);
    expectValidEpub(built.epub);
    await assertEpubXmlWellFormed(fs.readFileSync(built.epub));
    const lastLine = fs
      .readFileSync(input, 'utf8')
      .trimEnd()
      .split('\n')
      .filter((l) => l.trim())
      .pop()!;
    const lastWords = lastLine.trim().split(/\s+/).slice(-3).join(' ').replace(/[*_]/g, '');
    expectGoodPdf(built.pdf, [lastWords]);
  });
});

/** A navigation document's contents as a tree: each `<a>` with the entries of the `<ol>` nested under it. */
interface Entry {
  title: string;
  href: string;
  children: Entry[];
}
function contentsOf(nav: string): Entry[] {
  const toc = nav.slice(nav.indexOf('epub:type="toc"'), nav.indexOf('</nav>'));
  const root: Entry[] = [];
  const lists: Entry[][] = [];
  let last: Entry | undefined;
  for (const [tag, href, title] of toc.matchAll(/<ol>|<\/ol>|<a href="([^"]*)">([^<]*)<\/a>/g)) {
    if (tag === '<ol>') lists.push(last ? last.children : root);
    else if (tag === '</ol>') lists.pop();
    else lists[lists.length - 1].push((last = { title, href, children: [] }));
  }
  return root;
}
const everyEntry = (entries: readonly Entry[]): Entry[] => entries.flatMap((e) => [e, ...everyEntry(e.children)]);

/** What a reader sees of a book of poems (one EPUB build, no PDF): its epigraph, clusters and poems in numbered sections. */
describe('corpus: Leaves of Grass, as readers see it', () => {
  const input = corpusFile('leaves-of-grass/leaves-of-grass.md');
  const source = fs.readFileSync(input, 'utf8').split('\n');
  /** The `##` headings under each `#` heading of the source, in order. */
  const clusters = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of source) {
    if (line.startsWith('# ')) clusters.set(line.slice(2), (current = []));
    else if (line.startsWith('## ')) current.push(line.slice(3));
  }
  let run: { epub: string; stderr: string };
  let files: Map<string, Buffer>;
  let contents: Entry[];
  beforeAll(async () => {
    const out = tempDir('quire-leaves-');
    const built = quire(['build', input, '--out', out, '--format', 'epub']);
    if (built.status !== 0) throw new Error(`quire build exited ${built.status}:\n${built.stderr}`);
    run = { epub: built.stdout.trim(), stderr: built.stderr };
    files = await unzip(fs.readFileSync(run.epub));
    contents = contentsOf([...files].find(([name]) => name.endsWith('toc.xhtml'))![1].toString('utf8'));
  });

  test('numbered sections are no chapters: the only duplicate titles reported are real poems titled alike in one cluster', () => {
    const reported = [...run.stderr.matchAll(/another chapter is already titled "([^"]*)"/g)].map((m) => m[1]);
    for (const title of reported) {
      expect(title).not.toMatch(/^\d+$/);
      const alike = [...clusters.values()].some((poems) => poems.filter((p) => p.toLowerCase() === title).length > 1);
      expect({ title, alike }).toEqual({ title, alike: true });
    }
  });

  test('the contents begin with the copyright page (the book has a licence) and the epigraph, and name no entry after the book nor Chapter N', () => {
    expect(contents.slice(0, 2).map((e) => e.title)).toEqual(['Copyright', 'Epigraph']);
    const titles = everyEntry(contents).map((e) => e.title);
    expect(titles).not.toContain('Leaves of Grass');
    expect(titles.filter((t) => /^Chapter \d/.test(t))).toEqual([]);
    const page = files.get(`OEBPS/${contents[1].href}`)!.toString('utf8');
    expect(page).toMatch(/<section[^>]* epub:type="epigraph" role="doc-epigraph"/);
    expect(page).toContain('Come, said my Soul,');
    expect(page).toContain('alt="Walt Whitman."');
  });

  test('Starting from Paumanok is one document, its numbered sections inside it and nested under it in the contents', () => {
    const numbers = clusters.get('Starting from Paumanok')!;
    expect(numbers.length).toBeGreaterThan(10);
    const poem = contents.find((e) => e.title === 'Starting from Paumanok')!;
    expect(poem.children.map((e) => e.title)).toEqual(numbers);
    for (const section of poem.children) expect(section.href.startsWith(`${poem.href}#`)).toBe(true);
    const page = files.get(`OEBPS/${poem.href}`)!.toString('utf8');
    for (const n of numbers) expect(page).toContain(`<h2>${n}</h2>`);
    // A cluster of titled poems stays a part: its poems are documents of their own.
    const inscriptions = contents.find((e) => e.title === 'Inscriptions')!;
    expect(inscriptions.children.map((e) => e.title)).toEqual(clusters.get('Inscriptions'));
    expect(new Set(inscriptions.children.map((e) => e.href.split('#')[0])).size).toBe(inscriptions.children.length);
  });
  // EPUBCheck runs on this book under every profile in epub-corpus.test.ts.
});
