/** The real books in ../shared/corpus: metadata, structure, notes, verse and images come through whole. */
import * as fs from 'node:fs';
import { allBlocks, allSections, chapters, plainText, sectionTitle } from '../../../src/model/build-helpers';
import type { Block, Book, Footnote, Inline, Section } from '../../../src/model/types';
import { corpusFile } from '../../helpers/tools';
import { readText } from './helpers';

function readCorpus(rel: string): ReturnType<typeof readText> {
  return readText(fs.readFileSync(corpusFile(rel), 'utf8'), rel);
}

/** Every inline of a block list, depth first (paragraphs, headings, verse, tables). */
function* inlinesOf(blocks: readonly Block[]): Generator<Inline> {
  const walk = function* (inlines: readonly Inline[]): Generator<Inline> {
    for (const node of inlines) {
      yield node;
      if ('children' in node) yield* walk(node.children);
    }
  };
  for (const block of allBlocks(blocks)) {
    if (block.type === 'paragraph' || block.type === 'heading') yield* walk(block.children);
    if (block.type === 'verse') for (const stanza of block.stanzas) for (const line of stanza) yield* walk(line.children);
    if (block.type === 'table') for (const row of [...block.head, ...block.rows]) for (const cell of row.cells) yield* walk(cell.children);
  }
}

function allBodyBlocks(book: Book): Block[] {
  return [...allSections(book.body)].flatMap((s: Section) => [...allBlocks(s.children)]);
}

function referencedIdentifiers(book: Book): Set<string> {
  const ids = new Set<string>();
  const blocks = [...allBodyBlocks(book), ...book.footnotes.flatMap((f: Footnote) => f.children)];
  for (const node of inlinesOf(blocks)) if (node.type === 'footnoteReference') ids.add(node.identifier);
  return ids;
}

describe('corpus: Moby-Dick', () => {
  const { book, messages } = readCorpus('novels/moby-dick.md');

  it('reads the metadata', () => {
    expect(book.meta.title).toBe('Moby Dick; or The Whale');
    expect(book.meta.authors).toEqual([{ name: 'Herman Melville' }]);
    expect(book.meta.language).toBe('en');
    expect(book.meta.rights).toBe('Public domain');
    expect(messages).toEqual([]);
  });

  it('makes each of the 139 top-level headings a chapter, with CHAPTER labels split off', () => {
    const list = chapters(book);
    expect(list).toHaveLength(139);
    expect(book.body).toHaveLength(139);
    expect(sectionTitle(list[0], '')).toBe('ETYMOLOGY.');
    expect(list[3].label).toBe('CHAPTER 1.');
    expect(plainText(list[3].title)).toBe('Loomings.');
    expect(list.filter((s) => s.label?.startsWith('CHAPTER'))).toHaveLength(135);
    expect(plainText(list[138].title)).toBe('Epilogue');
  });

  it('keeps the 21 footnotes, each referenced', () => {
    expect(book.footnotes).toHaveLength(21);
    const referenced = referencedIdentifiers(book);
    for (const note of book.footnotes) expect(referenced.has(note.identifier)).toBe(true);
  });

  it('keeps the etymology table, headerless', () => {
    const tables = allBodyBlocks(book).filter((b) => b.type === 'table');
    expect(tables).toHaveLength(1);
    const [table] = tables;
    if (table.type !== 'table') throw new Error('not a table');
    expect(table.head).toEqual([]);
    expect(table.rows).toHaveLength(12);
    expect(plainText(table.rows[0].cells[0].children)).toBe('KETOS,');
    expect(table.position?.start.line).toBe(22);
  });

  it('reads the quoted verse in the extracts as verse, with indentation', () => {
    const verses = allBodyBlocks(book).filter((b) => b.type === 'verse');
    expect(verses.length).toBeGreaterThan(3);
    const lines = verses.flatMap((v) => (v.type === 'verse' ? v.stanzas.flat() : []));
    expect(lines.some((l) => l.indent === 1 && plainText(l.children).startsWith('"Like Spencer'))).toBe(true);
  });

  it('ends with the last words', () => {
    const last = book.body[book.body.length - 1];
    const text = last.children.map((b) => (b.type === 'paragraph' ? plainText(b.children) : '')).join(' ');
    expect(text).toContain('only found another orphan.');
    expect(text).toContain("End of Project Gutenberg's Moby Dick");
  });

  it('round-trips through JSON', () => {
    expect(JSON.parse(JSON.stringify(book))).toEqual(book);
  });
});

describe('corpus: War and Peace', () => {
  const { book, messages } = readCorpus('war-and-peace/war-and-peace.md');

  it('nests Book → Part → chapter', () => {
    expect(messages).toEqual([]);
    expect(book.meta.language).toBe('en-US');
    const [personae, bookOne] = book.body;
    expect(plainText(personae.title)).toBe('Dramatis Personae');
    expect(personae.role).toBe('chapter');
    expect(bookOne).toMatchObject({ role: 'part', depth: 1, label: 'Book I', title: [] });
    const partOne = bookOne.sections[0];
    expect(partOne).toMatchObject({ role: 'part', depth: 2, label: 'Part I' });
    expect(plainText(partOne.title)).toBe('1805');
    expect(partOne.sections[0]).toMatchObject({ role: 'chapter', depth: 3, title: [{ type: 'text', value: 'I' }] });
    expect(book.body.map((s) => sectionTitle(s, ''))).toEqual(['Dramatis Personae', 'Book I', 'Book II', 'Book III', 'Book IV', 'Epilogue']);
  });

  it('has 365 chapters (364 numbered ones and the dramatis personae) in 22 parts', () => {
    const sections = [...allSections(book.body)];
    expect(chapters(book)).toHaveLength(365);
    expect(sections.filter((s) => s.role === 'part')).toHaveLength(22);
    expect(sections.filter((s) => s.role === 'section')).toHaveLength(0);
  });

  it('keeps the 137 footnotes, each referenced', () => {
    expect(book.footnotes).toHaveLength(137);
    const referenced = referencedIdentifiers(book);
    expect(book.footnotes.every((n) => referenced.has(n.identifier))).toBe(true);
    expect(plainText((book.footnotes[0].children[0] as { children: Inline[] }).children)).toBe('The most fascinating woman in Petersburg.');
    expect(book.footnotes[0].position?.start.line).toBe(181);
  });

  it('round-trips through JSON', () => {
    expect(JSON.parse(JSON.stringify(book))).toEqual(book);
  });
});

describe('corpus: Leaves of Grass', () => {
  const { book, messages } = readCorpus('leaves-of-grass/leaves-of-grass.md');
  const blocks = allBodyBlocks(book);

  it('reads the cover and metadata', () => {
    expect(messages.filter((m) => m.severity !== 'info')).toEqual([]);
    expect(book.meta.title).toBe('Leaves of Grass');
    expect(book.meta.authors).toEqual([{ name: 'Walt Whitman' }]);
    expect(book.meta.cover).toBe('images/cover.jpg');
    expect(book.metaPositions.cover?.start.line).toBe(5);
  });

  it('reads the poems as verse, with four indentation levels', () => {
    const verses = blocks.filter((b) => b.type === 'verse');
    expect(verses.length).toBeGreaterThan(300);
    const indents = new Set(verses.flatMap((v) => (v.type === 'verse' ? v.stanzas.flat().map((l) => l.indent) : [])));
    expect([...indents].sort()).toEqual([0, 1, 2, 3, 4]);
    const first = book.body[0].sections[0].children[0];
    expect(first.type).toBe('verse');
    if (first.type !== 'verse') return;
    expect(first.stanzas).toHaveLength(3);
    expect(plainText(first.stanzas[0][1].children)).toBe('Yet utter the word Democratic, the word En-Masse.');
  });

  it('makes the quotation before the first heading the epigraph, with the signature SVG as an image block', () => {
    expect(book.front.map((m) => m.role)).toEqual(['epigraph']);
    const [epigraph] = book.front;
    expect(plainText(book.body[0].title)).toBe('Inscriptions');
    expect(epigraph.children.map((b) => b.type)).toEqual(['blockquote']);
    const images = [...allBlocks(epigraph.children)].filter((b) => b.type === 'imageBlock');
    expect(images).toEqual([expect.objectContaining({ url: 'images/signature.svg', alt: 'Walt Whitman.' })]);
    expect(messages).toContainEqual(expect.objectContaining({ severity: 'info', rule: 'epigraph' }));
  });

  it('reads a poem in numbered sections as one chapter, and a cluster of titled poems as a part', () => {
    const source = fs.readFileSync(corpusFile('leaves-of-grass/leaves-of-grass.md'), 'utf8').split('\n');
    const top = source.indexOf('# Starting from Paumanok');
    const next = source.findIndex((line, i) => i > top && line.startsWith('# '));
    const numbers = source.slice(top, next).filter((line) => line.startsWith('## ')).map((line) => line.slice(3));
    expect(numbers.length).toBeGreaterThan(10);
    const paumanok = book.body.find((s) => plainText(s.title) === 'Starting from Paumanok');
    expect(paumanok?.role).toBe('chapter');
    expect(paumanok?.sections.map((s) => [s.role, plainText(s.title)])).toEqual(numbers.map((n) => ['section', n]));
    expect(book.body.find((s) => plainText(s.title) === 'Inscriptions')?.role).toBe('part');
    // No heading that is only a number is a chapter or a part anywhere in the book.
    const numbered = [...allSections(book.body)].filter((s) => /^\d+$/.test(plainText(s.title)));
    expect(numbered.length).toBeGreaterThan(200);
    expect(new Set(numbered.map((s) => s.role))).toEqual(new Set(['section']));
  });

  it('round-trips through JSON', () => {
    expect(JSON.parse(JSON.stringify(book))).toEqual(book);
  });
});
