/**
 * The PDF prints the same labels as the EPUB (src/locale, with the book's own `labels:` over them), and sets a
 * copyright page on the title page's verso when the book has rights, a publisher, an identifier or a date.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { read } from '../../../src/build';
import type { Book } from '../../../src/model/types';
import { pdfPages, pdfText, tempDir } from '../../helpers/tools';
import { renderPdf } from './helpers';

function manuscript(front: string): Book {
  const dir = tempDir('quire-pdf-labels-');
  const file = path.join(dir, 'story.md');
  fs.writeFileSync(file, `---\n${front.trim()}\n---\n\n# Départ\n\nLe bac partit à neuf heures.\n\n#\n\nBrouillard.\n`);
  const book = read(file);
  // The PDF helper resolves the book's root from the repository; a temp dir is absolute, which path.resolve keeps.
  return book;
}

async function pdfOf(book: Book): Promise<string> {
  const { data } = await renderPdf(book);
  const file = path.join(tempDir('quire-pdf-labels-'), 'book.pdf');
  fs.writeFileSync(file, data);
  return file;
}

const FRENCH = `
title: Le Bac de nuit
author: [Wren Halloway, Ada Lune]
lang: fr
rating: T
fandom: [Œuvre originale]
summary: Le bac partit à neuf heures.
rights: © 2024 Wren Halloway. Tous droits réservés.
publisher: Éditions du Quai
date: 2024-03-05
`;

/** The text of each page, from pdftotext (pages are separated by form feeds). */
const pages = (file: string) => pdfText(file).split('\f');
/** `Classement : T` with whatever space pdftotext makes of the narrow no-break space. */
const fact = (label: string, value: string) => new RegExp(`${label}[\\s\\u202f\\u00a0]*:\\s*${value}`);

let french: string;
beforeAll(async () => {
  french = await pdfOf(manuscript(FRENCH));
});

test('a French book’s PDF prints French labels: by, rating, fandom, words, summary, contents, an untitled chapter', () => {
  const [title] = pages(french);
  expect(title).toMatch(/^par\s*$/m);
  expect(title).toContain('Wren Halloway et Ada Lune');
  expect(title).toMatch(fact('Classement', 'T'));
  expect(title).toMatch(fact('Fandom', 'Œuvre originale'));
  expect(title).toMatch(fact('Mots', '\\d+'));
  expect(title).toMatch(/^Résumé\s*$/m);
  const text = pdfText(french);
  expect(text).toContain('Table des matières');
  expect(text).toMatch(/(?:^|\f)Chapitre 2\s*$/m);
  expect(text).not.toMatch(/\b(?:Contents|Rating|Words|Summary|Chapter|by)\b/);
});

test('the copyright page is the title page’s verso, low on the page, with the rights as written and the date in French', () => {
  const verso = pages(french)[1];
  expect(verso).toContain('© 2024 Wren Halloway. Tous droits réservés.');
  expect(verso).toMatch(fact('Éditeur', 'Éditions du Quai'));
  expect(verso).toMatch(fact('Date de publication', '5 mars 2024'));
  expect(verso).toContain('Le Bac de nuit');
  // Set at the foot: every word in the lower half of the page, and no folio under it.
  const page = pdfPages(french)[1];
  expect(Math.min(...page.words.map((w) => w.yMin))).toBeGreaterThan(page.height / 2);
  expect(page.words.some((w) => /^[ivx]+$/.test(w.text))).toBe(false);
});

test('a book with none of rights, publisher, identifier or date has no copyright page', async () => {
  const file = await pdfOf(manuscript('title: Le Bac\nlang: fr'));
  // The contents page follows the title page.
  expect(pages(file)[1]).toMatch(/^Table des matières/);
  expect(pdfText(file)).not.toMatch(/Éditeur|Droits/);
});

test('the book’s labels override the PDF’s contents heading and chapter fallback', async () => {
  const file = await pdfOf(manuscript('title: T\nlang: fr\nlabels:\n  contents: What’s Inside\n  chapter: "Stage {n}"'));
  const text = pdfText(file);
  expect(text).toContain('What’s Inside');
  expect(text).not.toContain('Table des matières');
  expect(text).toMatch(/(?:^|\f)Stage 2\s*$/m);
});

test('a Hebrew title page prints its Hebrew word-count label to the right of the number, in one logical order', async () => {
  const file = await pdfOf(manuscript('title: המעבורת\nauthor: רות כהן\nlang: he'));
  const [title] = pdfPages(file);
  // pdftotext -bbox gives a right-to-left word's letters in visual order: `:םילימ` is `מילים:` drawn from the right.
  const label = title.words.find((w) => w.text === ':םילימ');
  const count = title.words.find((w) => /^\d+$/.test(w.text) && label && Math.abs(w.yMin - label.yMin) < 1);
  expect(label).toBeDefined();
  expect(count!.xMax).toBeLessThan(label!.xMin);
  expect(pdfText(file)).not.toMatch(/Words|Contents/);
});
