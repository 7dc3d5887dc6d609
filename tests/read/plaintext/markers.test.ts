/** The line shapes of the plain-text format, one table per shape, with near misses that must stay text. */
import { chapterLines } from '../../../src/read/plaintext/chapters';
import { isSceneBreak, matchChapter, matchNoteLabel, matchNumbered } from '../../../src/text/markers';

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
    ['Chap. 5', 'Chap. 5', undefined],
    ['Chapter One Hundred and Five: Late', 'Chapter One Hundred and Five', 'Late'],
    ['Chapter ninety-nine', 'Chapter ninety-nine', undefined],
    ['~ Chapter 4 ~', 'Chapter 4', undefined],
    ['-- Chapter 4: The Road --', 'Chapter 4', 'The Road'],
    ['*** Chapter 4 ***', 'Chapter 4', undefined],
    ['<<Chapter 4>>', 'Chapter 4', undefined],
    ['Chapter 4 ~*~', 'Chapter 4', undefined],
    ['-- Chapter 4: The Road', 'Chapter 4', 'The Road'],
    ['Chapter 4: *The Road*', 'Chapter 4', '*The Road*'],
    ['Chapter 4: The Road (Part 2)', 'Chapter 4', 'The Road (Part 2)'],
    ['Interlude', 'Interlude', undefined],
    ['Afterword: Thanks', 'Afterword', 'Thanks'],
    ['CHAPTER 57. Of Whales in Paint; in Teeth; in Wood; in Sheet-Iron; in Stone; in Mountains; in Stars.', 'CHAPTER 57.', 'Of Whales in Paint; in Teeth; in Wood; in Sheet-Iron; in Stone; in Mountains; in Stars.'],
  ])('%s is a chapter line', (text, label, title) => {
    const found = matchChapter(text);
    expect(found?.label).toBe(label);
    expect(found?.role).toBe('chapter');
    expect(found?.titleStart === undefined ? undefined : text.slice(found.titleStart, found.titleEnd)).toBe(title);
  });

  it.each([
    ['Part One', 'Part One', undefined, 1],
    ['Part 2', 'Part 2', undefined, 2],
    ['Part Two: Summer', 'Part Two', 'Summer', 2],
    ['Book I', 'Book I', undefined, 1],
    ['BOOK XII.', 'BOOK XII.', undefined, 12],
  ])('%s is a part line', (text, label, title, number) => {
    const found = matchChapter(text);
    expect(found).toMatchObject({ label, role: 'part', rule: 'part-label', number });
    expect(found?.titleStart === undefined ? undefined : text.slice(found.titleStart, found.titleEnd)).toBe(title);
  });

  it.each([
    ['Chapter 7', 7],
    ['CHAPTER XLII', 42],
    ['Chapter MCMXCIX', 1999],
    ['Chapter Twenty-One', 21],
    ['Chapter twenty one', 21],
    ['Chapter One Hundred', 100],
    ['Chapter One Hundred and Five', 105],
    ['Chapter Hundred and Twelve', 112],
  ])('%s is numbered %d', (text, number) => {
    expect(matchChapter(text)?.number).toBe(number);
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
    'BOOK I. (FOLIO) CHAPTER IV. (HUMP-BACK).--This whale is often seen on',
    'Chapter twenty-one text.',
    'Epilogue: nobody came.',
    'Epilogue: Nobody came to the funeral that day.',
    'Chapter 3: she said nothing',
    'Chapter mix',
    'Part of me wanted to stay.',
    'Part one of the plan was simple.',
    'Book I read last summer.',
    `Chapter 9: ${'A Very Long Title '.repeat(7)}`,
    '1.',
  ])('%s is not a chapter line', (text) => {
    expect(matchChapter(text)).toBeUndefined();
  });
});

describe('matchNumbered', () => {
  it.each([
    ['1.', '1.', undefined, 1],
    ['12', '12', undefined, 12],
    ['IV.', 'IV.', undefined, 4],
    ['1. The Letter', '1.', 'The Letter', 1],
    ['=== 4 ===', '4', undefined, 4],
    ['~ 5. The Road ~', '5.', 'The Road', 5],
  ])('%s is a numbered line', (text, label, title, number) => {
    const found = matchNumbered(text);
    expect(found).toMatchObject({ label, role: 'chapter', rule: 'chapter-number', number });
    expect(found?.titleStart === undefined ? undefined : text.slice(found.titleStart, found.titleEnd)).toBe(title);
  });

  it.each(['1. we went home.', '1. Nobody leaves the house before dawn, ever.', '3 - 2', '4: no', '1.5', 'iv.', '1st', '1234'])('%s is not a numbered line', (text) => {
    expect(matchNumbered(text)).toBeUndefined();
  });
});

describe('chapterLines', () => {
  const labels = (texts: (string | undefined)[]): (string | undefined)[] => chapterLines(texts).lines.map((line) => line?.label);

  it('takes numbered lines that count up, with text between them', () => {
    expect(labels(['1.', 'Text.', '2.', 'Text.', '3.', 'Text.'])).toEqual(['1.', undefined, '2.', undefined, '3.', undefined]);
  });

  it('lets numbering start again at 1 after a part line', () => {
    expect(labels(['Part One', '1.', 'Text.', '2.', 'Text.', 'Part Two', '1.', 'Text.'])).toEqual(['Part One', '1.', undefined, '2.', undefined, 'Part Two', '1.', undefined]);
  });

  it.each([
    ['numbers out of order', ['2.', 'Text.', '1.', 'Text.'], 'they do not count 1, 2, 3… in order'],
    ['a single numbered line', ['Text.', '1. The Rule', 'Text.'], 'there is only one'],
    ['numbered lines in a story with Chapter lines', ['Chapter 1', '1.', 'Text.', '2.', 'Text.'], 'the story has `Chapter` lines'],
  ])('keeps %s as text, with a note saying why', (_name, texts, why) => {
    const found = chapterLines(texts);
    expect(found.lines.filter((line) => line?.rule === 'chapter-number')).toEqual([]);
    expect(found.notes.find((n) => n.rule === 'chapter-number-ignored')?.message).toContain(why);
  });

  it('never takes numbered lines next to each other (a list)', () => {
    expect(labels(['Text.', '1. Milk', '2. Eggs', 'Text.', '3.', 'Text.'])).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('names each rule that fired once, at its first line', () => {
    const { notes } = chapterLines(['Prologue', 'Text.', 'Chapter 1', 'Text.', 'Chapter 2', 'Text.', undefined]);
    expect(notes.map((n) => [n.rule, n.index])).toEqual([['chapter-label', 2], ['chapter-named', 0]]);
    expect(notes[0].message).toBe('chapters: 2 lines like `Chapter 1` (chapter-label rule)');
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
