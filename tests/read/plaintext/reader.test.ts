/** Behaviour of the plain-text reader beyond the goldens: diagnostics, fatal errors, header edge cases. */
import { QuireError } from '../../../src/diagnostics/types';
import { chapters, plainText } from '../../../src/model/build-helpers';
import type { Block, Book } from '../../../src/model/types';
import { plaintextReader } from '../../../src/read/plaintext';
import { read, readFixture } from './read-helper';

const texts = (book: Book, section = 0): string[] =>
  book.body[section].children.map((b: Block) => (b.type === 'paragraph' ? plainText(b.children) : `<${b.type}>`));

function failure(text: string): QuireError {
  try {
    read(text);
  } catch (e) {
    if (e instanceof QuireError) return e;
    throw e;
  }
  throw new Error('expected the reader to fail');
}

describe('plaintextReader', () => {
  it("puts an author's note above the first chapter line into that chapter, not a chapter of its own", () => {
    const { book } = read('Title: T\n\nA/N: Hello there.\n\nChapter 1: One\n\nText.\n');
    expect(book.body).toHaveLength(1);
    expect(book.body[0]).toMatchObject({ role: 'chapter', label: 'Chapter 1' });
    expect(texts(book)).toEqual(['<authorNote>', 'Text.']);
    expect(book.body[0].position?.start.line).toBe(3);
  });

  it('declares its name and extension', () => {
    expect(plaintextReader.name).toBe('plaintext');
    expect(plaintextReader.extensions).toEqual(['.txt']);
  });

  it('fails on an empty file and on a header without a story', () => {
    expect(failure('').diagnostic.rule).toBe('input-empty');
    expect(failure(' \n\t\n').diagnostic.rule).toBe('input-empty');
    const noStory = failure('Title: Alone\nAuthor: Ada Quill\n\n');
    expect(noStory.diagnostic.rule).toBe('input-no-story');
    expect(noStory.diagnostic.position?.start.line).toBe(3);
    expect(noStory.diagnostic.hint).toBeTruthy();
  });

  it('keeps an unknown key as extra metadata and suggests the key it resembles', () => {
    const { book, messages } = readFixture('unknown-key.txt');
    expect(book.meta.extra).toEqual({ 'beta reader': 'Sam Quill', ratng: 'T' });
    expect(book.meta.authors).toEqual([{ name: 'Ada Quill' }]);
    expect(messages.map((m) => [m.rule, m.position?.start.line, m.hint])).toEqual([
      ['unknown-key', 2, undefined],
      ['unknown-key', 3, 'did you mean `rating`?'],
    ]);
  });

  it('gives every header entry the position of its key', () => {
    const { book } = readFixture('spaced-header.txt');
    expect(book.metaPositions.title.start).toMatchObject({ line: 1, column: 1 });
    // The summary is hard-wrapped over two lines: it is joined and its position spans both.
    expect(book.metaPositions.summary.start).toMatchObject({ line: 9, column: 1 });
    expect(book.metaPositions.summary.end).toMatchObject({ line: 10, column: 40 });
    expect(book.meta.summary).toMatch(/keeping a lantern lit for someone who never came\.$/);
    expect(book.meta.disclaimer).toBe('The characters are mine: all of them, even the cat.');
    const summary = book.front.find((m) => m.role === 'summary');
    expect(summary?.children[0].position).toEqual(book.metaPositions.summary);
  });

  it('does not swallow story lines that look like `Name: text`', () => {
    expect(texts(readFixture('name-colon-story.txt').book)).toEqual([
      'Lex: "Hello."',
      'Note: the lantern had gone out, and nobody had noticed.',
      'Clark: I know.',
    ]);
    const spaced = readFixture('name-colon-spaced.txt');
    expect(spaced.book.meta.rating).toBe('K');
    expect(spaced.book.meta.extra).toEqual({});
    expect(texts(spaced.book)).toEqual(['Clark: I know you came for the lantern.', 'Lex: "And for you."']);
    expect(spaced.messages).toEqual([]);
  });

  it('treats a file without a header as all story', () => {
    const { book } = read('Lex: "Hello."\nClark: Hi.\n');
    expect(book.meta.title).toBe('');
    expect(texts(book)).toEqual(['Lex: "Hello."', 'Clark: Hi.']);
  });

  it('reads one paragraph per line when paragraphs are not separated by blank lines', () => {
    const { book } = readFixture('compact-header.txt');
    expect(chapters(book).map((s) => [s.label, plainText(s.title)])).toEqual([
      ['Chapter 1', 'The First Winter'],
      ['Chapter 2', 'The Second Winter'],
    ]);
    expect(texts(book, 0)).toEqual(['The snow came early that year.', '"We should have gone south," Tobiah said, and Mara did not disagree.']);
  });

  it('unwraps hard-wrapped paragraphs and keeps indented passages as verse', () => {
    const { book } = readFixture('hard-wrapped.txt');
    const [first, second] = chapters(book);
    expect(first.label).toBe('CHAPTER I.');
    expect(second.label).toBe('CHAPTER II.');
    expect(texts(book, 0)).toEqual([
      'The lantern had burned all night in the loft, and by morning its glass was black with soot. Mara wiped it with her sleeve and held it up to the window, where the first grey light came through the cracks.',
      'Her brother had written a verse on the back of the door:',
      '<verse>',
      '"TOBIAH OF THE LOFT.',
      'She read it twice and laughed, and the laugh carried down into the yard, where the dog looked up.',
      '<sceneBreak>',
      'The next morning the snow had stopped.',
    ]);
    const verse = first.children[2];
    expect(verse.type === 'verse' && verse.stanzas[0].map((l) => [l.indent, plainText(l.children)])).toEqual([
      [0, 'The snow is deep, the road is long,'],
      [1, 'The lantern burns till day;'],
      [0, 'And who comes up the ladder, comes'],
      [1, 'To find me on the hay.'],
    ]);
  });

  it('reads CRLF, lone CR and a BOM', () => {
    const { book } = readFixture('crlf-bom.txt');
    expect(book.meta.title).toBe('Carriage Returns');
    expect(chapters(book).map((s) => plainText(s.title))).toEqual(['Old Macs']);
    expect(texts(book, 1)).toEqual(['The second uses a bare CR.']);
    expect(book.body[1].children[0].position?.start).toEqual({ line: 7, column: 1, offset: 102 });
  });

  it('makes author’s notes of every label form', () => {
    const { book } = readFixture('author-notes.txt');
    const notes = book.body.flatMap((s) => s.children).filter((b) => b.type === 'authorNote');
    expect(notes.map((n) => [n.label, n.children.map((p) => (p.type === 'paragraph' ? plainText(p.children) : p.type))])).toEqual([
      ['A/N', ['Thank you for reading! This is my first story.']],
      ['A/N', ['The dash form.']],
      ['AN', ['The short form.']],
      ["Author's Note", ['The long form.']],
      ['author’s notes', ['Lower case with a curly apostrophe.']],
      ['A/N', ['A bare label takes the paragraph after it.']],
      ['A/N', ['A note at the top of a chapter.']],
    ]);
  });

  it('removes control characters with a positioned warning', () => {
    const { book, messages } = read('Title: Bell\n\nThe bell\u0007 rang.\u0000\nAnd again\u000c.\n');
    expect(texts(book)).toEqual(['The bell rang.', 'And again.']);
    expect(messages.map((m) => [m.rule, m.position?.start.line, m.position?.start.column])).toEqual([
      ['control-character', 3, 9],
      ['control-character', 4, 10],
    ]);
  });

  it('leaves the title empty when the header has none', () => {
    const { book } = read('Author: Ada Quill\n\nA story without a title.\n');
    expect(book.meta.title).toBe('');
    expect(book.meta.authors).toEqual([{ name: 'Ada Quill' }]);
  });

  it('gives inline nodes the source position of their text across joined lines', () => {
    const { book } = read('Title: T\n\nShe said *no* at\nfirst, then _yes_.\n\nThe end.\n', 'story.txt');
    const [paragraph] = book.body[0].children;
    expect(paragraph.type).toBe('paragraph');
    if (paragraph.type !== 'paragraph') return;
    const [, em, , underscored] = paragraph.children;
    expect(em).toMatchObject({ type: 'emphasis', position: { start: { line: 3, column: 10 }, end: { line: 3, column: 14 } } });
    expect(underscored).toMatchObject({ type: 'emphasis', position: { start: { line: 4, column: 13 }, end: { line: 4, column: 18 } } });
    expect(plainText(paragraph.children)).toBe('She said no at first, then yes.');
  });
});
