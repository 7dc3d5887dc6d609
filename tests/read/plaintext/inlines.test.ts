/** HTML formatting tags in a plain-text paragraph, in numbers no story has: read without error, every word kept. */
import type { Block, Inline } from '../../../src/model/types';
import { MAX_INLINE_DEPTH } from '../../../src/read/markdown/inlines';
import { read } from './read-helper';

/** The words of a paragraph's inlines, and how deep its formatting nests. */
function walk(nodes: readonly Inline[], depth = 0): { text: string; depth: number } {
  let text = '';
  let deepest = depth;
  for (const node of nodes) {
    if (node.type === 'text') text += node.value;
    if ('children' in node && Array.isArray(node.children)) {
      const inner = walk(node.children as Inline[], depth + 1);
      text += inner.text;
      deepest = Math.max(deepest, inner.depth);
    }
  }
  return { text, depth: deepest };
}

function paragraphs(text: string): { text: string; depth: number }[] {
  const { book } = read(text);
  const blocks: Block[] = book.body.flatMap((section) => section.children);
  return blocks.filter((b) => b.type === 'paragraph').map((b) => walk((b as { children: Inline[] }).children));
}

describe('HTML formatting tags in bulk', () => {
  it('flattens 5,000 nested <b> past the depth cap and keeps every word', () => {
    const [p] = paragraphs(`Title: T\n\n${'<b>x '.repeat(5000)}end\n`);
    expect(p.text.split(/\s+/).filter((w) => w === 'x')).toHaveLength(5000);
    expect(p.text.trim().endsWith('end')).toBe(true);
    expect(p.depth).toBeLessThanOrEqual(MAX_INLINE_DEPTH + 3);
  });

  it('reads 5,000 nested <b> closed again in order', () => {
    const [p] = paragraphs(`Title: T\n\n${'<b>a'.repeat(5000)}${'</b>'.repeat(5000)} after\n`);
    expect(p.text).toBe(`${'a'.repeat(5000)} after`);
    expect(p.depth).toBeLessThanOrEqual(MAX_INLINE_DEPTH + 3);
  });

  it('drops 50,000 stray </i> inside 20,000 open <b> and keeps every word between them', () => {
    const [p] = paragraphs(`Title: T\n\n${'<b>x '.repeat(20000)}${'a</i> '.repeat(50000)}end\n`);
    expect(p.text.split(/\s+/).filter((w) => w === 'x')).toHaveLength(20000);
    expect(p.text.split(/\s+/).filter((w) => w === 'a')).toHaveLength(50000);
    expect(p.text.trim().endsWith('end')).toBe(true);
  });
});
