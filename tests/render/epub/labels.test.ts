/**
 * The words quire prints in an EPUB come from the book's language (src/locale) and its own `labels:`: the contents
 * heading, untitled chapters, the title page's facts, landmarks; and the copyright page appears when the book has
 * something to put on it. Books are read from Markdown manuscripts, as a user writes them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { read } from '../../../src/build';
import type { Book } from '../../../src/model/types';
import { epubcheckMany, tempDir } from '../../helpers/tools';
import { entry, renderBook, spineHrefs, type Rendered } from './render-helpers';

/** A Markdown manuscript with this front matter (YAML lines) and two chapters, the second without a title. */
function manuscript(front: string, chapters = '# Departure\n\nThe ferry left at nine.[^1]\n\n[^1]: At nine sharp.\n\n#\n\nFog all the way.\n'): Book {
  const file = path.join(tempDir('quire-labels-'), 'story.md');
  fs.writeFileSync(file, `---\n${front.trim()}\n---\n\n${chapters}`);
  return read(file);
}

/** Every front-matter page quire makes: summary (on the title page), disclaimer, dedication, copyright. */
const FRONT = (lang: string, title: string, author: string) => `
title: ${title}
author: ${author}
lang: ${lang}
rating: T
fandom: [A, B]
summary: S.
disclaimer: D.
dedication: For M.
rights: © 2024 ${author}
publisher: P
date: 2024-03-05
identifier: urn:isbn:9780306406157
`;

const NAV_HEADING = /<nav epub:type="toc"[^>]*>\n<h1>([^<]*)<\/h1>/;
const navEntries = (r: Rendered) => [...entry(r, 'toc.xhtml').matchAll(/<li><a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);

let hebrew: Rendered;
let japanese: Rendered;
let french: Rendered;
beforeAll(async () => {
  hebrew = await renderBook(manuscript(FRONT('he', 'המעבורת', 'רות כהן')));
  japanese = await renderBook(manuscript(FRONT('ja', '夜の渡し', '山田花子')));
  french = await renderBook(manuscript(FRONT('fr', 'Le Bac', 'Wren Halloway')));
});

test('a Hebrew book’s contents heading and landmarks are Hebrew', () => {
  expect(NAV_HEADING.exec(entry(hebrew, 'toc.xhtml'))?.[1]).toBe('תוכן העניינים');
  const landmarks = entry(hebrew, 'toc.xhtml').split('epub:type="landmarks"')[1];
  expect(landmarks).toContain('<h2>ציוני דרך</h2>');
  expect(landmarks).toContain('<a epub:type="bodymatter" href="departure.xhtml">תחילת הטקסט</a>');
  expect(entry(hebrew, 'toc.xhtml')).not.toMatch(/Contents|Landmarks|Start of Content|Title Page/);
});

test('a Hebrew title page writes each fact as label, colon, value in one logical order, all in the markup', () => {
  const page = entry(hebrew, 'title-page.xhtml');
  expect(page).toMatch(/<html [^>]*dir="rtl"/);
  // The label leads and carries the colon; the number follows it: a right-to-left reader sees `מילים: 12` read from the right.
  const words = /<p class="book-fact"><span class="fact-label">([^<]*)<\/span>(\s*)([^<]*)<\/p>/g;
  const facts = [...page.matchAll(words)].map((m) => [m[1], m[2], m[3]]);
  expect(facts.map(([label]) => label)).toEqual(['דירוג:', 'פנדומים:', 'מילים:']);
  const [, space, count] = facts[2];
  expect(space).toBe(' ');
  expect(count).toMatch(/^\d[\d,]*$/);
  expect(page).not.toMatch(/Words|Rating|Summary/);
  expect(page).toContain('<h2>תקציר</h2>');
});

test('a Japanese book’s untitled chapter is 第2章 in the contents and its heading', () => {
  expect(navEntries(japanese)).toContainEqual(['chapter-2.xhtml', '第2章']);
  expect(entry(japanese, 'chapter-2.xhtml')).toContain('第2章</h1>');
  expect(NAV_HEADING.exec(entry(japanese, 'toc.xhtml'))?.[1]).toBe('目次');
  // The accessibility summary is Japanese, its sentences run on without spaces.
  expect(entry(japanese, 'content.opf')).toContain('読み順があり、文字の拡大やスタイルの変更ができます。注は本文からリンクされ');
  // Japanese writes a full-width colon with no space after it.
  expect(entry(japanese, 'title-page.xhtml')).toMatch(/<span class="fact-label">語数：<\/span>\d+<\/p>/);
});

test('a French title page has French labels with a narrow no-break space before the colon', () => {
  expect(entry(french, 'title-page.xhtml')).toContain('<span class="fact-label">Classement\u202f:</span> T</p>');
  expect(navEntries(french)).toContainEqual(['chapter-2.xhtml', 'Chapitre 2']);
  expect(entry(french, 'cover.xhtml')).toContain('aria-label="Couverture\u202f: Le Bac, par Wren Halloway"');
  expect(entry(french, 'content.opf')).toContain('Cette publication comporte une table des matières');
});

test('the book’s labels override its language’s, and an explicit toc-title wins over both', async () => {
  const own = await renderBook(manuscript('title: T\nlang: fr\nlabels:\n  contents: What’s Inside\n  chapter: "Stage {n}"'));
  expect(NAV_HEADING.exec(entry(own, 'toc.xhtml'))?.[1]).toBe('What’s Inside');
  expect(entry(own, 'toc.xhtml')).toContain('<a epub:type="toc" href="contents.xhtml">What’s Inside</a>');
  expect(entry(own, 'contents.xhtml')).toContain('<h1 id="contents-title">What’s Inside</h1>');
  expect(navEntries(own)).toContainEqual(['chapter-2.xhtml', 'Stage 2']);
  const explicit = await renderBook(manuscript('title: T\nlang: fr\nlabels:\n  contents: What’s Inside'), undefined, { tocTitle: 'Sommaire' });
  expect(NAV_HEADING.exec(entry(explicit, 'toc.xhtml'))?.[1]).toBe('Sommaire');
});

test('the stylesheet generates no text: the title page’s colons and line breaks are in the markup (Kindle drops ::after)', () => {
  const css = entry(french, 'style.css');
  expect(css).not.toMatch(/::?(?:after|before)\b/);
  expect(css).not.toMatch(/\bcontent\s*:/);
  // Centred by rules on the elements themselves.
  expect(css).toMatch(/\.title-page h1, \.title-page h2, \.title-page p \{[^}]*text-align: center/);
});

test('a right-to-left contents list is flush right, with nested lists indented from the right', () => {
  const css = entry(hebrew, 'style.css');
  expect(css).not.toMatch(/nav\.toc li \{[^}]*text-align: left/);
  expect(css).toMatch(/\[dir="rtl"\] nav\.toc li \{ text-align: right; \}/);
  expect(css).toMatch(/\[dir="rtl"\] nav\.toc ol ol \{ margin: 0 1\.5em 0 0; \}/);
  // The same for the contents page in the reading order, which is what a reader turns to.
  expect(css).toMatch(/\[dir="rtl"\] \.contents li \{ text-align: right; \}/);
  expect(css).toMatch(/\[dir="rtl"\] \.contents ol ol \{ margin: 0 1\.5em 0 0; \}/);
});

test('a scene break is named for assistive technology in the book’s language', async () => {
  const book = await renderBook(manuscript('title: ת\nlang: he', '# א\n\nטקסט.\n\n* * *\n\nעוד טקסט.\n'));
  expect(entry(book, 'chapter-1.xhtml')).toContain('<div class="scene-break" role="separator" aria-label="מעבר סצנה">* * *</div>');
});

test('the copyright page follows the title page in the spine, is listed, and has the rights, publisher, date and identifier', () => {
  const spine = spineHrefs(entry(french, 'content.opf'));
  expect(spine.indexOf('copyright.xhtml')).toBe(spine.indexOf('title-page.xhtml') + 1);
  expect(navEntries(french)[0]).toEqual(['copyright.xhtml', 'Mentions légales']);
  const page = entry(french, 'copyright.xhtml');
  expect(page).toContain('<section epub:type="copyright-page" class="copyright-page">');
  expect(page).toContain('<p class="copyright-rights">© 2024 Wren Halloway</p>');
  expect(page).toContain('<span class="fact-label">Éditeur\u202f:</span> P</p>');
  expect(page).toContain('<span class="fact-label">Date de publication\u202f:</span> 5 mars 2024</p>');
  expect(page).toContain('urn:isbn:9780306406157</p>');
  expect(entry(japanese, 'copyright.xhtml')).toContain('2024年3月5日');
  // The fan-fiction disclaimer keeps its own page, also a copyright-page in EPUB's vocabulary.
  expect(spine).toContain('disclaimer.xhtml');
});

test('a bare year is printed as it is; a book with no rights, publisher, identifier or date has no copyright page', async () => {
  const year = await renderBook(manuscript('title: T\nlang: de\ndate: "2019"'));
  expect(entry(year, 'copyright.xhtml')).toContain('<span class="fact-label">Erschienen:</span> 2019</p>');
  const none = await renderBook(manuscript('title: T\nlang: de'));
  expect(none.files.has('OEBPS/copyright.xhtml')).toBe(false);
  expect(entry(none, 'content.opf')).not.toContain('copyright');
  expect(navEntries(none).map(([href]) => href)).not.toContain('copyright.xhtml');
});

test('EPUBCheck finds nothing in Hebrew, Japanese and French books with every front-matter page', () => {
  const results = epubcheckMany([hebrew.file, japanese.file, french.file]);
  for (const r of [hebrew, japanese, french]) {
    const result = results.get(r.file)!;
    expect(`${r.file}: ${result.fatals} fatals / ${result.errors} errors / ${result.warnings} warnings\n${result.messages.join('\n')}`).toBe(`${r.file}: 0 fatals / 0 errors / 0 warnings\n`);
  }
});
