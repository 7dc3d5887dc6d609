import { emptyBook, isOneShot } from '../../src/model/build-helpers';
import type { Book, Section } from '../../src/model/types';

const chapter = (fields: Partial<Section> = {}): Section => ({
  type: 'section', role: 'chapter', depth: 1, id: 'chapter-1', title: [], children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Text.' }] }], sections: [],
  ...fields,
});

function bookOf(...body: Section[]): Book {
  const book = emptyBook('.');
  book.meta.title = 'T';
  book.body = body;
  return book;
}

test.each<[string, boolean, Section[]]>([
  ['one chapter with neither label nor title', true, [chapter()]],
  ['one chapter whose title and label are blank', true, [chapter({ title: [{ type: 'text', value: '  ' }], label: ' ' })]],
  ['one untitled chapter with titled sub-sections', true, [chapter({ sections: [chapter({ role: 'section', depth: 2, title: [{ type: 'text', value: 'Later' }] })] })]],
  ['one labelled chapter (`Chapter 1`)', false, [chapter({ label: 'Chapter 1' })]],
  ['one titled chapter (`The Loft`)', false, [chapter({ title: [{ type: 'text', value: 'The Loft' }] })]],
  ['two untitled chapters', false, [chapter(), chapter({ id: 'chapter-2' })]],
  ['a part holding one untitled chapter', false, [chapter({ role: 'part', children: [], sections: [chapter({ depth: 2 })] })]],
  ['an untitled top-level section that is not a chapter', false, [chapter({ role: 'section' })]],
  ['no body at all', false, []],
])('%s: one-shot %s', (_, expected, body) => {
  expect(isOneShot(bookOf(...body))).toBe(expected);
});
