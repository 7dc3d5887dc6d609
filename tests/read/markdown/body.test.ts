/** Body edge cases: hostile nesting, hostile raw HTML, line blocks that are tables. Ordinary blocks are in tests/fixtures/cases/md. */
import type { Book } from '../../../src/model/types';
import { allBlocks } from '../../../src/model/build-helpers';
import { isSafeUrl } from '../../../src/read/markdown/html';
import { MAX_INLINE_DEPTH } from '../../../src/read/markdown/inlines';
import { readText } from './helpers';

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

  it('removes active content with one warning that names it, and keeps only safe link URLs', () => {
    const { book, messages } = readText(
      [
        '<script>alert(1)</script>',
        '',
        'A <i>quiet</i> word<br>and <SCRIPT>alert(2)</SCRIPT>more <a href="javascript:alert(3)" onclick="x()">text</a>.',
        '',
        '[click](javascript:alert(4)) [ok](https://example.org) [data](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(7)>',
        '',
        '<div onclick="alert(6)"><iframe src="https://evil.example">inner</iframe><p>Kept <b>bold</b></p></div>',
        '',
      ].join('\n'),
    );
    const json = JSON.stringify(book);
    expect(json).not.toMatch(/alert|javascript|onclick|iframe|evil|data:/i);
    expect(json).toContain('{"type":"emphasis","children":[{"type":"text","value":"quiet"}]}');
    expect(json).toContain('{"type":"break"}');
    expect(json).toContain('{"type":"link","url":"https://example.org","children":[{"type":"text","value":"ok"}]}');
    expect(json).toContain('"value":"click ');
    expect(json).toContain('Kept ');
    expect(isSafeUrl('java\tscript:alert(1)')).toBe(false);
    expect(isSafeUrl(' JAVASCRIPT:alert(1)')).toBe(false);
    expect(isSafeUrl('vbscript:x')).toBe(false);
    expect(isSafeUrl('chapter-2.md#top')).toBe(true);
    expect(isSafeUrl('mailto:a@example.org')).toBe(true);
    const html = messages.filter((m) => m.rule === 'raw-html');
    expect(html).toHaveLength(1);
    expect(html[0].message).toMatch(/<script>/);
    expect(html[0].message).toMatch(/<iframe>/);
    expect(html[0].message).toMatch(/link to javascript:/);
    expect(html[0].position?.start.line).toBe(1);
  });

  it('does not take a line starting with a table-like pipe for a line block', () => {
    const { book } = readText('| a | b |\n| c | d |\n');
    expect(book.body[0].children[0].type).toBe('paragraph');
  });

  it('keeps a single-line hard-broken paragraph as prose and a link around an image as a paragraph', () => {
    const { book } = readText('Only one line\\\n\n[![alt](a.png)](https://example.com)\n');
    expect(book.body[0].children.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('reads an empty file as an empty book', () => {
    const { book, messages } = readText('');
    expect(book.body).toEqual([]);
    expect(messages).toEqual([]);
  });
});
