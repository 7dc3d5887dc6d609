/**
 * Built EPUBs opened in a real reading engine: foliate-js (the engine of the Foliate reader) in Debian's Chromium.
 * Each test asserts what a reader sees on screen: the cover's title, centred title and dedication lines under a
 * reading app's own paragraph style, the contents page's links, a footnote and its way back, and right-to-left pages.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../helpers/cli';
import { BookInReader, ReadingEngine, type Box, type ReaderState } from '../helpers/reader/engine';
import { tempDir } from '../helpers/tools';

const BOOKS = path.join(REPO, 'tests', 'fixtures', 'books');

/** Builds one manuscript (file or folder) into its own folder with the compiled library (lib/, as the command). */
async function buildEpub(input: string): Promise<string> {
  const marker = path.join(REPO, 'lib', '.compile-failed');
  if (fs.existsSync(marker)) throw new Error(`lib/ is stale: compiling src/ failed:\n${fs.readFileSync(marker, 'utf8')}`);
  const quire = require(path.join(REPO, 'lib', 'index.js'));
  const report = new quire.CollectingReporter(() => undefined);
  const result = await quire.build({ input, outDir: tempDir('quire-engine-'), formats: ['epub'], report });
  const epub = (result.outputs as string[]).find((f) => f.endsWith('.epub'));
  if (!epub || !fs.existsSync(epub)) throw new Error(`building ${input} wrote no EPUB: ${result.outputs}`);
  return epub;
}

/** A one-chapter Markdown book with this title (and the same author and text as its twin). */
function titledBook(dir: string, name: string, title: string, lang: string): Promise<string> {
  const file = path.join(dir, `${name}.md`);
  fs.writeFileSync(file, `---\ntitle: "${title}"\nauthor: Maren Ashdown\nlang: ${lang}\n---\n\nThe tide came in and went out again.\n`);
  return buildEpub(file);
}

/**
 * Cover twins: per script, two titles of the same shape that differ only in their letters. A cover that leaves the
 * letters out (blank) or draws them as boxes (.notdef) gives the same pixels for both.
 */
const TWINS: { script: string; lang: string; titles: [string, string] }[] = [
  { script: 'Latin', lang: 'en', titles: ['Salt & Silver', 'Malt & Ginger'] },
  { script: 'Hebrew', lang: 'he', titles: ['שיר השירים הקטן', 'ספר הזמנים הרחב'] },
  { script: 'Arabic', lang: 'ar', titles: ['حديقة القمر', 'مدينة الشمس'] },
  { script: 'Japanese', lang: 'ja', titles: ['月の庭', '星の海'] },
];

/** The cover's title area in image pixels (1600×2560): inside the frame, above the author's name. */
const TITLE_AREA = { x: 120, y: 120, width: 1360, height: 1780 };
const GRID = { width: 136, height: 178 };

let engine: ReadingEngine;
const epubs: Record<string, string> = {};
const twins: Record<string, [string, string]> = {};

beforeAll(async () => {
  engine = await ReadingEngine.start();
  const dir = tempDir('quire-engine-twins-');
  [epubs.salt, epubs.hebrew, epubs.japanese] = await Promise.all(['salt-and-silver', 'hebrew', 'japanese'].map((b) => buildEpub(path.join(BOOKS, b))));
  await Promise.all(
    TWINS.map(async ({ script, lang, titles }) => {
      twins[script] = [await titledBook(dir, `${script}-a`, titles[0], lang), await titledBook(dir, `${script}-b`, titles[1], lang)];
    }),
  );
}, 120_000);

afterAll(async () => {
  await engine?.close();
});

/** Opens a book, runs `fn` on it, expects no script or loading error in the page, and closes it. */
async function reading<T>(epub: string, options: Parameters<ReadingEngine['open']>[1], fn: (r: BookInReader) => Promise<T>): Promise<T> {
  const reader = await engine.open(epub, options);
  try {
    const result = await fn(reader);
    // The engine read the book without a script error or a failed load (console errors included).
    expect(reader.errors).toEqual([]);
    return result;
  } finally {
    await reader.close();
  }
}

interface BookInfo {
  dir: string | null;
  sections: string[];
  toc: { label: string; href: string; subitems: BookInfo['toc'] }[];
  landmarks: { type: string[]; href: string; label: string }[];
}

describe('the cover a reader sees', () => {
  interface Picture {
    element: string;
    natural: { width: number; height: number };
    onScreen: boolean;
    grey: number[];
  }
  async function coverTitleArea(epub: string): Promise<Picture> {
    return reading(epub, { width: 600, height: 900 }, async (r) => {
      const state = await r.state();
      expect(state.section).toMatch(/cover\.xhtml$/); // a book opens at its cover
      return r.call<Picture>('picture', TITLE_AREA, GRID);
    });
  }
  /** Cells of the title area lit by letters: the text is light on the dark cover. */
  const ink = (p: Picture) => p.grey.filter((g) => g > 128).length;
  const differing = (a: Picture, b: Picture) => a.grey.filter((g, i) => Math.abs(g - b.grey[i]) > 64).length;

  test.each(TWINS.map((t) => [t.script, t.titles[0], t.titles[1]]))('%s titles (%s, %s) are drawn in their own letters', async (script) => {
    const [a, b] = await Promise.all(twins[script].map(coverTitleArea));
    for (const p of [a, b]) {
      expect(p.onScreen).toBe(true);
      expect(p.natural).toEqual({ width: 1600, height: 2560 });
    }
    // Letters light up a good share of the title area (the ornament line alone lights about 20 cells of 24,208),
    // and different letters light different cells: boxes or blanks would not (Latin twins differ in about 600).
    const lit = [ink(a), ink(b)];
    const differ = differing(a, b);
    const report = (ok: boolean) => `${script} cover title area: ${ok ? 'letters drawn' : `lit cells ${lit.join(' and ')} (need > 150 each), cells that differ between the twins ${differ} (need > 100)`}`;
    expect(report(lit.every((n) => n > 150) && differ > 100)).toBe(report(true));
  });
});

/** The index of the first section whose path ends with `file`. */
async function sectionOf(r: BookInReader, file: RegExp): Promise<number> {
  const { sections } = await r.call<BookInfo>('book');
  const index = sections.findIndex((s) => file.test(s));
  if (index < 0) throw new Error(`no section matches ${file} in ${sections.join(', ')}`);
  return index;
}

describe('the title page and dedication stay centred under a reading app’s own paragraph style', () => {
  /** What KOReader and Kobo inject after a book's style sheet: a plain author-level rule. */
  const READER_CSS = 'p { text-align: justify }';
  interface Lines {
    text: string;
    block: Box;
    lines: Box[];
    textAlign: string;
  }
  /** Each line's gap to the left and right of its block (the page column), in CSS pixels. */
  async function gaps(r: BookInReader, selector: string, text?: string) {
    const m = await r.call<Lines>('lines', selector, text);
    return { text: m.text, lines: m.lines.map((l) => ({ left: Math.round(l.left - m.block.left), right: Math.round(m.block.right - l.right) })) };
  }
  /** Centred: on every line, the space left of the text equals the space right of it (within 3 px). */
  async function expectCentred(r: BookInReader, selectors: [string, string?][], when: string) {
    for (const [selector, text] of selectors) {
      const seen = await gaps(r, selector, text);
      expect(seen.lines.length).toBeGreaterThan(0);
      const offCentre = seen.lines.filter((l) => Math.abs(l.left - l.right) > 3);
      const report = (lines: unknown) => `${when}, “${seen.text}” (${selector}), lines off centre (gap left, gap right): ${JSON.stringify(lines)}`;
      expect(report(offCentre)).toBe(report([]));
    }
  }
  const CASES: [string, string, RegExp, [string, string?][]][] = [
    ['Salt & Silver', 'title page (title, subtitle, author)', /title-page\.xhtml$/, [['.book-title'], ['.book-subtitle'], ['.book-authors']]],
    ['Salt & Silver', 'dedication', /dedication\.xhtml$/, [['.dedication p']]],
    ['the Hebrew book', 'title page (title, author)', /title-page\.xhtml$/, [['.book-title'], ['.book-authors']]],
    ['the Hebrew book', 'dedication', /dedication\.xhtml$/, [['.dedication p']]],
  ];
  test.each(CASES)('%s: the %s', async (name, _what, page, selectors) => {
    const book = name === 'Salt & Silver' ? 'salt' : 'hebrew';
    await reading(epubs[book], { width: 600, height: 800 }, async (r) => {
      await r.call('goTo', await sectionOf(r, page));
      expect((await r.state()).section).toMatch(page);
      await expectCentred(r, selectors, 'with the book’s own style sheet');
      await r.call('setStyles', READER_CSS);
      // The reader's rule comes after the book's style sheet, as the apps add it.
      const head = await r.call<string[]>('headStyles');
      expect(head[head.length - 1]).toBe(`style:${READER_CSS}`);
      expect(head.some((h) => h.startsWith('link:'))).toBe(true);
      await expectCentred(r, selectors, `under ${READER_CSS}`);
    });
  });
});

describe('the contents page leads to the chapters', () => {
  test.each([
    ['Salt & Silver', 'salt', 'The Lighthouse Cat', /the-lighthouse-cat\.xhtml$/],
    ['the Hebrew book', 'hebrew', 'השיר', /chapter-2\.xhtml$/],
    ['the Japanese book', 'japanese', '第二章　朝の庭', /chapter-2\.xhtml$/],
  ])('%s: clicking the second chapter on the contents page opens it', async (_name, book, chapter, file) => {
    await reading(epubs[book], { width: 600, height: 800 }, async (r) => {
      // The reader's "Contents" goes where the book's landmarks say the contents page is.
      const { landmarks } = await r.call<BookInfo>('book');
      const toc = landmarks.find((l) => l.type.includes('toc'));
      if (!toc) throw new Error(`the book's landmarks name no contents page: ${JSON.stringify(landmarks)}`);
      await r.call('goTo', toc.href);
      expect((await r.state()).section).toBe(toc.href.split('#')[0]);
      // The contents page's list (role doc-toc: the navigation document's nav, or a contents page of its own).
      const link = '[role~="doc-toc"] a';
      expect(await r.call('onScreen', link, chapter)).toBe(true);
      const state = await r.clickLink(chapter, link);
      expect(state.section).toMatch(file);
      expect(await r.call('onScreen', 'h1', chapter)).toBe(true);
      expect(await r.call('lastRelocation')).toMatchObject({ index: state.index, toc: chapter });
    });
  });
});

describe('a footnote', () => {
  const NOTE = 'Halling had a market every Thursday';
  // A small screen, so that the note is pages after its reference, as on a phone.
  const SMALL = { width: 360, height: 480 };

  test('its reference leads to the note, and the note’s back link returns to the reference', async () => {
    await reading(epubs.salt, SMALL, async (r) => {
      const chapter = await sectionOf(r, /the-brine-wife\.xhtml$/);
      await r.call('goTo', chapter);
      expect(await r.call('onScreen', 'a.noteref')).toBe(true);
      expect(await r.call('onScreen', 'aside', NOTE)).toBe(false);
      let state = await r.clickLink('1', 'a.noteref');
      expect(state.index).toBe(chapter);
      expect(await r.call('onScreen', 'aside', NOTE)).toBe(true);
      expect(await r.call('onScreen', 'a.noteref')).toBe(false);
      state = await r.clickLink('1', 'a[role="doc-backlink"]');
      expect(state.index).toBe(chapter);
      expect(await r.call('onScreen', 'a.noteref')).toBe(true);
      expect(await r.call('onScreen', 'aside', NOTE)).toBe(false);
    });
  });

  test('Foliate’s note popup (footnotes.js) shows the note’s text without leaving the page', async () => {
    await reading(epubs.salt, { ...SMALL, popups: true }, async (r) => {
      const chapter = await sectionOf(r, /the-brine-wife\.xhtml$/);
      await r.call('goTo', chapter);
      const frame = await r.sectionFrame();
      await frame.locator('a.noteref').click();
      await r.page.waitForFunction(() => (globalThis as any).reader.notes().length > 0, undefined, { timeout: 10_000 });
      const [note] = await r.call<{ type: string; text: string }[]>('notes');
      expect(note.type).toBe('footnote');
      expect(note.text).toContain(NOTE);
      expect(await r.page.locator('#popup').isVisible()).toBe(true);
      expect((await r.state()).index).toBe(chapter);
      expect(await r.call('onScreen', 'a.noteref')).toBe(true);
    });
  });
});

describe('page direction', () => {
  const SMALL = { width: 360, height: 480 };
  /** Turns one page in the chapter and reports where its heading went. */
  async function turn(epub: string, file: RegExp) {
    return reading(epub, SMALL, async (r) => {
      const chapter = await sectionOf(r, file);
      const book = await r.call<BookInfo>('book');
      const before = await r.call<ReaderState>('goTo', chapter);
      const view = await r.call<Box>('view');
      expect(await r.call('onScreen', 'h1')).toBe(true);
      const coming = await r.call<{ text: string; box: Box } | null>('firstUnseen', 'section > p');
      if (!coming) throw new Error(`the whole chapter fits on one page of ${SMALL.width}×${SMALL.height}: nothing to turn to`);
      const after = await r.call<ReaderState>('next');
      const moved = await r.call<Box>('firstBox', 'h1');
      const arrived = await r.call<boolean>('onScreen', 'section > p', coming.text.slice(0, 30));
      return { dir: book.dir, before, after, view, coming: coming.box, moved, arrived };
    });
  }

  test('a Hebrew book pages right to left', async () => {
    const seen = await turn(epubs.hebrew, /chapter-1\.xhtml$/);
    expect(seen.dir).toBe('rtl'); // foliate read the spine's page-progression-direction
    expect(seen.before).toMatchObject({ rendererDir: 'rtl', documentDir: 'rtl' });
    expect(seen.after.index).toBe(seen.before.index); // a page of the same chapter
    // The next page waits to the left of the screen and comes in from there; the heading just read leaves to the right.
    expect(seen.coming.right).toBeLessThanOrEqual(seen.view.left);
    expect(seen.arrived).toBe(true);
    expect(seen.moved.left).toBeGreaterThanOrEqual(seen.view.right);
  });

  test('an English book pages left to right (the same observation, the other way)', async () => {
    const seen = await turn(epubs.salt, /the-brine-wife\.xhtml$/);
    expect(seen.dir).not.toBe('rtl');
    expect(seen.before).toMatchObject({ rendererDir: 'ltr', documentDir: 'ltr' });
    expect(seen.after.index).toBe(seen.before.index);
    expect(seen.coming.left).toBeGreaterThanOrEqual(seen.view.right);
    expect(seen.arrived).toBe(true);
    expect(seen.moved.right).toBeLessThanOrEqual(seen.view.left);
  });
});
