/** A hand-built book that uses every node type, for renderer tests that must not depend on a reader. */
import { emptyBook } from '../../src/model/build-helpers';
import type { Book, Inline, Position } from '../../src/model/types';

const at = (line: number, column = 1): Position => ({ file: 'sample.md', start: { line, column }, end: { line, column } });
const t = (value: string): Inline => ({ type: 'text', value });

/** Returns a fresh copy each call, so tests may mutate it. */
export function sampleBook(): Book {
  const book = emptyBook('tests/fixtures');
  book.sources = ['sample.md'];
  book.meta = {
    ...book.meta,
    title: 'The Lantern & the Loft',
    subtitle: 'A Story in Two Chapters',
    authors: [{ name: 'Ada Quill', fileAs: 'Quill, Ada' }, { name: 'B. Marsh' }],
    language: 'en',
    date: '2024-03-01',
    rating: 'T',
    fandoms: ['Original Work'],
    characters: ['Mara', 'Tobiah'],
    tags: ['friendship', 'winter'],
    summary: 'Two friends, one lantern, a long night.',
    disclaimer: 'All characters are my own. <Not> yours & not theirs.',
    dedication: 'For everyone who keeps a light on.',
  };
  book.front = [
    { type: 'matter', role: 'summary', id: 'summary', children: [{ type: 'paragraph', children: [t('Two friends, one lantern, a long night.')], position: at(4) }], position: at(4) },
    { type: 'matter', role: 'disclaimer', id: 'disclaimer', children: [{ type: 'paragraph', children: [t('All characters are my own. <Not> yours & not theirs.')], position: at(5) }], position: at(5) },
    { type: 'matter', role: 'dedication', id: 'dedication', children: [{ type: 'paragraph', children: [t('For everyone who keeps a light on.')], position: at(6) }], position: at(6) },
  ];
  book.footnotes = [
    { type: 'footnote', identifier: 'lamp', label: '1', children: [{ type: 'paragraph', children: [t('A storm lantern, brass and glass.')] }], position: at(60) },
  ];
  book.body = [
    {
      type: 'section', role: 'chapter', depth: 1, id: 'chapter-1', label: 'Chapter 1', title: [t('The Lantern')], position: at(10),
      children: [
        { type: 'paragraph', position: at(12), children: [t('Mara lit the '), { type: 'emphasis', children: [t('old')] }, t(' lantern'), { type: 'footnoteReference', identifier: 'lamp', label: '1' }, t(' and said, \u201cWe wait.\u201d She meant it, ') , { type: 'strong', children: [t('truly')] }, t('.')] },
        { type: 'paragraph', position: at(14), children: [t('See '), { type: 'link', url: 'https://example.org/lanterns', children: [t('the lantern guild')] }, t(' or type '), { type: 'code', value: 'light()' }, t('.'), { type: 'break' }, t('A new line.')] },
        { type: 'sceneBreak', marker: '~*~*~', position: at(16) },
        { type: 'blockquote', position: at(18), children: [{ type: 'paragraph', children: [t('Light is a promise.')] }] },
        { type: 'verse', position: at(20), stanzas: [[{ type: 'verseLine', indent: 0, children: [t('Keep the lamp, keep the lamp,')] }, { type: 'verseLine', indent: 1, children: [t('keep it burning through the damp.')] }]] },
        { type: 'authorNote', label: 'A/N', position: at(24), children: [{ type: 'paragraph', children: [t('Thanks for reading!')] }] },
      ],
      sections: [],
    },
    {
      type: 'section', role: 'chapter', depth: 1, id: 'chapter-2', label: 'Chapter 2', title: [t('\u0398\u03b5\u03cc\u03c2 and \u0416\u0438\u0437\u043d\u044c')], position: at(30),
      children: [
        { type: 'list', ordered: false, position: at(32), items: [{ type: 'listItem', children: [{ type: 'paragraph', children: [t('oil')] }] }, { type: 'listItem', children: [{ type: 'paragraph', children: [t('wick')] }] }] },
        { type: 'list', ordered: true, start: 3, position: at(35), items: [{ type: 'listItem', children: [{ type: 'paragraph', children: [t('third')] }] }] },
        { type: 'table', position: at(38), align: ['left', 'right'], head: [{ type: 'tableRow', cells: [{ type: 'tableCell', children: [t('Item')] }, { type: 'tableCell', children: [t('Count')] }] }], rows: [{ type: 'tableRow', cells: [{ type: 'tableCell', children: [t('Lanterns')] }, { type: 'tableCell', children: [t('2')] }] }] },
        { type: 'codeBlock', value: 'if (dark) {\n  light();\n}', lang: 'js', position: at(42) },
        { type: 'heading', depth: 3, children: [t('A Smaller Heading')], position: at(46) },
        { type: 'paragraph', position: at(48), children: [t('The end of the story, \u0394\u03b5\u03bb\u03c6\u03bf\u03af and \u041c\u043e\u0441\u043a\u0432\u0430. The last sentence is here.')] },
      ],
      sections: [],
    },
  ];
  book.stats = { words: 120, chapters: 2, footnotes: 1, images: 0 };
  return book;
}
