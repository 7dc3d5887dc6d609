/** The line shapes of the plain-text format, one table per shape, with near misses that must stay text. */
import { isSceneBreak, matchChapter, matchNoteLabel } from '../../../src/read/plaintext/markers';

describe('matchChapter', () => {
  it.each([
    ['Chapter 3', 'Chapter 3', undefined],
    ['Chapter 3: The Loft', 'Chapter 3', 'The Loft'],
    ['Chapter Three - Title', 'Chapter Three', 'Title'],
    ['Chapter Twenty-One: Late', 'Chapter Twenty-One', 'Late'],
    ['CHAPTER I.', 'CHAPTER I.', undefined],
    ['CHAPTER XLII', 'CHAPTER XLII', undefined],
    ['CHAPTER 1. Loomings.', 'CHAPTER 1.', 'Loomings.'],
    ['Chapter 12 \u2013 Title', 'Chapter 12', 'Title'],
    ['Chapter 12 \u2014 Title', 'Chapter 12', 'Title'],
    ['chapter 7:', 'chapter 7', undefined],
    ['Ch. 4: Short', 'Ch. 4', 'Short'],
    ['Prologue', 'Prologue', undefined],
    ['Epilogue: After', 'Epilogue', 'After'],
    ['EPILOGUE.', 'EPILOGUE', undefined],
  ])('%s is a chapter line', (text, label, title) => {
    const found = matchChapter(text);
    expect(found?.label).toBe(label);
    expect(found?.titleStart === undefined ? undefined : text.slice(found.titleStart)).toBe(title);
  });

  it.each([
    'Chapter 3 was the best one.',
    'chapter. His frontispiece, boats attacking Sperm Whales',
    'Chapter',
    'Chapters 3 and 4',
    'Chi',
    'Chapter did',
    'The prologue was long.',
    'Prologues are dull',
    'BOOK I. (FOLIO), CHAPTER I. (SPERM WHALE).--This whale',
  ])('%s is not a chapter line', (text) => {
    expect(matchChapter(text)).toBeUndefined();
  });
});

describe('isSceneBreak', () => {
  it.each([
    '***', '* * *', '~*~*~', 'xXxXx', '-x-x-', 'oOo', '###', '---', '___', '+++', 'o0o', '~~~', '= = =', 'XxXxX',
    '-oOo-', '~*~*~ Scene Break ~*~*~', '-- scene change --', '*       *       *       *       *', '\u2666\u2666\u2666',
  ])('%s is a scene break', (text) => {
    expect(isSceneBreak(text)).toBe(true);
  });

  it.each(['xxx', 'XOXO', 'xoxo', 'ooo', 'OOO', '...', '. . .', '--', '**', 'Ox', 'Box', '~*~ Flashback ~*~', '*'.repeat(41), 'The End'])(
    '%s is not a scene break',
    (text) => {
      expect(isSceneBreak(text)).toBe(false);
    },
  );
});

describe('matchNoteLabel', () => {
  it.each([
    ['A/N: Thanks.', 'A/N'],
    ['A/N - Thanks.', 'A/N'],
    ['a/n: Thanks.', 'a/n'],
    ['AN: Thanks.', 'AN'],
    ["Author's Note: Thanks.", "Author's Note"],
    ["Author's Notes: Thanks.", "Author's Notes"],
    ['Author\u2019s note - Thanks.', 'Author\u2019s note'],
  ])('%s has the label %s', (text, label) => {
    const found = matchNoteLabel(text);
    expect(found?.label).toBe(label);
    expect(text.slice(found?.textStart)).toBe('Thanks.');
  });

  it.each(['Anna: hello', 'AN - apple', 'A/Nice day', 'Authors are people: yes', 'And A/N: later'])('%s is not a note', (text) => {
    expect(matchNoteLabel(text)).toBeUndefined();
  });
});
