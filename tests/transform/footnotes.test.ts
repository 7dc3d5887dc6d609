/** Footnote numbers, decided once by the model and stored by the `footnotes` transform for every renderer. */
import { emptyBook } from '../../src/model/build-helpers';
import { footnoteNumbers, numberFootnotes } from '../../src/model/footnotes';
import type { Block, Book, Inline } from '../../src/model/types';
import { footnotes } from '../../src/transform/footnotes';
import { CollectingReporter } from '../../src/diagnostics/reporter';

const t = (value: string): Inline => ({ type: 'text', value });
const ref = (identifier: string): Inline => ({ type: 'footnoteReference', identifier });
const p = (...children: Inline[]): Block => ({ type: 'paragraph', children });
const note = (identifier: string, ...children: Inline[]) => ({ type: 'footnote' as const, identifier, children: [p(t(identifier), ...children)] });

function book(): Book {
  const b = emptyBook('.');
  b.front = [{ type: 'matter', role: 'foreword', id: '', children: [p(t('Foreword'), ref('f'))] }];
  b.body = [
    { type: 'section', role: 'chapter', depth: 1, id: '', title: [t('One')], children: [p(t('a'), ref('b'), ref('a'), ref('b'))], sections: [] },
    { type: 'section', role: 'chapter', depth: 1, id: '', title: [t('Two')], children: [p(ref('a'), { type: 'emphasis', children: [ref('c')] })], sections: [] },
  ];
  b.back = [{ type: 'matter', role: 'afterword', id: '', children: [p(ref('z'))] }];
  // `c` cites `d`, cited nowhere else; `u` is cited by nobody; the second `a` is a duplicate definition.
  b.footnotes = [note('u'), note('a'), note('b'), note('c', ref('d')), note('d'), note('f'), note('z'), note('a')];
  return b;
}

test('notes are numbered in the order first cited through front matter, body and back matter; notes cited from notes next; uncited last', () => {
  expect(Object.fromEntries(numberFootnotes(book()))).toEqual({ f: 1, b: 2, a: 3, c: 4, z: 5, d: 6, u: 7 });
});

test('the transform stores each number on its note (a later duplicate gets none), and renderers read the stored numbers', () => {
  const b = book();
  footnotes.run(b, { report: new CollectingReporter() });
  expect(b.footnotes.map((n) => n.number)).toEqual([7, 3, 2, 4, 6, 1, 5, undefined]);
  b.footnotes[1].number = 42;
  expect(footnoteNumbers(b).get('a')).toBe(42);
  expect(JSON.parse(JSON.stringify(b))).toEqual(b);
});

test('a book the transform has not seen is numbered on demand, without being changed', () => {
  const b = book();
  const before = JSON.stringify(b);
  expect(footnoteNumbers(b).get('f')).toBe(1);
  expect(JSON.stringify(b)).toBe(before);
});
