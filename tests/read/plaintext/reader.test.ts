/** Behaviour of the plain-text reader beyond its cases (tests/fixtures/cases/txt): diagnostics, fatal errors, header edge cases. */
import { QuireError } from '../../../src/diagnostics/types';
import { chapters, plainText } from '../../../src/model/build-helpers';
import type { Block, Book } from '../../../src/model/types';
import { plaintextReader } from '../../../src/read/plaintext';
import { read } from './read-helper';

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

  it('treats a file without a header as all story', () => {
    const { book } = read('Lex: "Hello."\nClark: Hi.\n');
    expect(book.meta.title).toBe('');
    expect(texts(book)).toEqual(['Lex: "Hello."', 'Clark: Hi.']);
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
