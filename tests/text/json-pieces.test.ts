/** jsonPieces writes JSON.stringify's text in pieces, so a book too large for one string can still be hashed. */
import { jsonPieces, type Replacer } from '../../src/text/json-pieces';

const placeless: Replacer = (key, value) => (key === 'file' || key === 'root' ? undefined : value);

const cases: [string, unknown][] = [
  ['nested objects and arrays', { a: [1, 'two', { three: 3, file: 'x.md' }], b: { c: { d: [[], {}], root: '/tmp' } }, e: 'é “quoted” \n' }],
  ['undefined, functions and symbols', { a: undefined, b: () => 1, c: Symbol('s'), d: [undefined, () => 2, Symbol('t'), null] }],
  ['dates and other toJSON values', { when: new Date(0), list: [new Date(86_400_000)], big: { toJSON: () => 'custom' } }],
  ['scalars at the top', 'just a string'],
  ['an empty array at the top', []],
];

describe('jsonPieces', () => {
  test.each(cases)('%s: the pieces join to JSON.stringify’s text, at every depth', (_, value) => {
    for (const depth of [0, 1, 2, 3, 6]) expect([...jsonPieces(value, placeless, depth)].join('')).toBe(JSON.stringify(value, placeless));
  });

  test.each(cases)('%s: with a replacer that changes values, each value is replaced once, after its toJSON', (_, value) => {
    // JSON.stringify calls `toJSON` and then the replacer, once per key; a second call would show as `key=key=…`.
    const marking: Replacer = (key, v) => (typeof v === 'string' ? `${key}=${v}` : v);
    for (const depth of [0, 1, 2, 3, 6]) expect([...jsonPieces(value, marking, depth)].join('')).toBe(JSON.stringify(value, marking));
  });

  it('keeps each piece small for a long array of large items', () => {
    const book = { body: Array.from({ length: 50 }, (_, i) => ({ title: `Chapter ${i}`, text: 'word '.repeat(10_000) })) };
    const pieces = [...jsonPieces(book, placeless, 2)];
    expect(pieces.join('')).toBe(JSON.stringify(book, placeless));
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(JSON.stringify(book).length / 40);
  });
});
