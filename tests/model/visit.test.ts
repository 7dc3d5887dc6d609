/** The one visitor: reading order, the actions a visitor returns, and no stack overflow on a very long or deep book. */
import { emptyBook } from '../../src/model/build-helpers';
import type { AnyNode, Block, Book, Inline, Section } from '../../src/model/types';
import { EXIT, SKIP, visit } from '../../src/model/visit';

const t = (value: string): Inline => ({ type: 'text', value });
const p = (...children: Inline[]): Block => ({ type: 'paragraph', children });
const chapter = (title: string, children: Block[], sections: Section[] = []): Section => ({ type: 'section', role: 'chapter', depth: 1, id: '', title: [t(title)], children, sections });

function sampleBook(): Book {
  const book = emptyBook('.');
  book.front = [{ type: 'matter', role: 'foreword', id: '', children: [p(t('front'))] }];
  book.body = [chapter('One', [p(t('a'), { type: 'emphasis', children: [t('b')] }), { type: 'blockquote', children: [p(t('c'))] }], [chapter('One.1', [p(t('d'))])])];
  book.back = [{ type: 'matter', role: 'afterword', id: '', children: [p(t('back'))] }];
  book.footnotes = [{ type: 'footnote', identifier: 'n', children: [p(t('note'))] }];
  return book;
}

const texts = (root: AnyNode | AnyNode[], visitor?: Parameters<typeof visit>[1]): string[] => {
  const out: string[] = [];
  visit(root, (node, at) => {
    if (node.type === 'text') out.push(node.value);
    return typeof visitor === 'function' ? visitor(node, at) : undefined;
  });
  return out;
};

test('nodes come in reading order: front matter, titles before text, sub-sections after, back matter, then notes', () => {
  expect(texts(sampleBook())).toEqual(['front', 'One', 'a', 'b', 'c', 'One.1', 'd', 'back', 'note']);
});

test('a handler table is called by node type, with the parent and the ancestors', () => {
  const seen: string[] = [];
  visit(sampleBook(), {
    emphasis: (node, at) => void seen.push(`${node.type} in ${at.parent?.type} under ${at.ancestors.map((a) => a.type).join('/')}`),
  });
  expect(seen).toEqual(['emphasis in paragraph under book/section/paragraph']);
});

test('SKIP leaves the children out; EXIT stops the walk', () => {
  expect(texts(sampleBook(), (node) => (node.type === 'blockquote' || node.type === 'matter' ? SKIP : undefined))).toEqual(['One', 'a', 'b', 'One.1', 'd', 'note']);
  expect(texts(sampleBook(), (node) => (node.type === 'text' && node.value === 'b' ? EXIT : undefined))).toEqual(['front', 'One', 'a', 'b']);
});

test('a visitor that splices a node\'s children in its place returns its index, and the walk visits them next', () => {
  const inlines: Inline[] = [t('x'), { type: 'link', url: 'u', children: [t('y'), { type: 'link', url: 'v', children: [t('z')] }] }, t('w')];
  visit(inlines, {
    link: (node, at) => {
      at.siblings.splice(at.index, 1, ...node.children);
      return at.index;
    },
  });
  expect(inlines).toEqual([t('x'), t('y'), t('z'), t('w')]);
});

test('neither a million paragraphs nor quotes nested ten thousand deep overflow the stack', () => {
  const wide = emptyBook('.');
  wide.body = [chapter('Long', Array.from({ length: 1_000_000 }, () => p(t('w'))))];
  let count = 0;
  visit(wide, { text: () => void count++ });
  expect(count).toBe(1_000_001);

  let deep: Block = p(t('bottom'));
  for (let i = 0; i < 10_000; i++) deep = { type: 'blockquote', children: [deep] };
  expect(texts([deep])).toEqual(['bottom']);
});
