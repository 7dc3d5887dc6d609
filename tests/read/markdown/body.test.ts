/** Body edge cases: hostile nesting, raw HTML, footnotes, section roles, and JSON round trips. */
import type { Book } from '../../../src/model/types';
import { allBlocks } from '../../../src/model/build-helpers';
import { MAX_INLINE_DEPTH } from '../../../src/read/markdown/inlines';
import { readFixture, readText } from './helpers';

const roundTrips = (book: Book): void => expect(JSON.parse(JSON.stringify(book))).toEqual(book);

describe('markdown body', () => {
  it('survives thousands of nested block quotes with a warning and a valid book', () => {
    const { book, messages } = readText(`${'>'.repeat(5000)} lost\n\nAfter the quotes.\n`);
    expect(messages.map((m) => m.rule)).toContain('markdown-too-deep');
    const texts = JSON.stringify(book);
    expect(texts).toContain('After the quotes.');
    roundTrips(book);
  });

  it('does not warn about nesting markdown-it keeps', () => {
    const { book, messages } = readText(`${'>'.repeat(50)} kept\n`);
    expect(messages).toEqual([]);
    expect(JSON.stringify(book)).toContain('kept');
  });

  it('survives thousands of nested emphasis markers and list levels', () => {
    const emphasis = `${'*'.repeat(3000)}deep${'*'.repeat(3000)}`;
    const lists = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i * 2)}- item ${i}`).join('\n');
    const { book } = readText(`${emphasis}\n\n${lists}\n`);
    expect(JSON.stringify(book)).toContain('deep');
    let depth = 0;
    for (let node: unknown = book.body[0].children[0]; node && typeof node === 'object' && 'children' in node; depth++) {
      node = (node as { children: unknown[] }).children[0];
    }
    expect(depth).toBeLessThanOrEqual(MAX_INLINE_DEPTH + 2);
    roundTrips(book);
  });

  it('keeps raw HTML as text, warns once with the count, and drops HTML comments', () => {
    const { book, messages } = readFixture('blocks.md');
    const html = messages.filter((m) => m.rule === 'raw-html');
    expect(html).toHaveLength(1);
    expect(html[0].message).toMatch(/2 more places/);
    expect(html[0].position?.start.line).toBe(33);
    const text = JSON.stringify(book);
    expect(text).toContain('<div class=\\"note\\">');
    expect(text).not.toContain('note to self');
  });

  it('links every footnote reference to a definition and warns about unused ones', () => {
    const { book, messages } = readFixture('footnotes.md');
    expect(book.footnotes.map((f) => f.identifier)).toEqual(['1', 'note', 'inline 3']);
    expect(messages.map((m) => m.rule)).toEqual(['footnote-unused']);
    expect(messages[0].message).toContain('[^unused]');
  });

  it('makes headings in quotes heading blocks, not sections', () => {
    const { book } = readFixture('blocks.md');
    expect(book.body).toHaveLength(1);
    const headings = [...allBlocks(book.body[0].children)].filter((b) => b.type === 'heading');
    expect(headings).toHaveLength(1);
  });

  it('does not take a line starting with a table-like pipe for a line block', () => {
    const { book } = readText('| a | b |\n| c | d |\n');
    expect(book.body[0].children[0].type).toBe('paragraph');
  });

  it('keeps a single-line hard-broken paragraph as prose and a link around an image as a paragraph', () => {
    const { book } = readText('Only one line\\\n\n[![alt](a.png)](https://example.com)\n');
    expect(book.body[0].children.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('round-trips every fixture through JSON', () => {
    for (const name of ['blocks.md', 'footnotes.md', 'front-matter.md', 'sections.md', 'verse.md']) roundTrips(readFixture(name).book);
  });

  it('reads an empty file as an empty book', () => {
    const { book, messages } = readText('');
    expect(book.body).toEqual([]);
    expect(messages).toEqual([]);
  });
});
