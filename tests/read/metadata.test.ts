import { CollectingReporter } from '../../src/diagnostics/reporter';
import { emptyBook } from '../../src/model/build-helpers';
import { addFrontMatterFromMeta, applyMetadata, suggestKey } from '../../src/read/metadata';

const pos = (line: number) => ({ file: 'h.txt', start: { line, column: 1 }, end: { line, column: 1 } });

describe('applyMetadata', () => {
  test('maps aliases case-insensitively and splits lists', () => {
    const book = emptyBook('.');
    const report = new CollectingReporter();
    applyMetadata(
      book,
      [
        { key: 'TITLE', value: 'A: Story With Colons' },
        { key: 'Rated', value: 'T' },
        { key: 'Pairings', value: 'Lex/Clark, Chloe/Lois' },
        { key: 'Fandom', value: 'Smallville' },
        { key: 'Author', value: 'Ann Lee & Bo Chen' },
        { key: 'Language', value: 'pt_BR' },
        { key: 'Words', value: '3,200' },
        { key: 'Published', value: '2004-05-01' },
        { key: 'Series', value: 'Small Lights #2' },
      ],
      report,
    );
    expect(book.meta).toMatchObject({
      title: 'A: Story With Colons',
      rating: 'T',
      relationships: ['Lex/Clark', 'Chloe/Lois'],
      fandoms: ['Smallville'],
      authors: [{ name: 'Ann Lee' }, { name: 'Bo Chen' }],
      language: 'pt-BR',
      declared: { words: '3,200', published: '2004-05-01' },
      date: '2004-05-01',
      series: { name: 'Small Lights', index: 2 },
    });
    expect(report.messages).toEqual([]);
  });

  test('keeps unknown keys as extra metadata with a did-you-mean warning', () => {
    const book = emptyBook('.');
    const report = new CollectingReporter();
    applyMetadata(book, [{ key: 'Auther', value: 'X', position: pos(3) }, { key: 'Beta', value: 'Someone', position: pos(4) }], report);
    expect(book.meta.extra).toEqual({ auther: 'X', beta: 'Someone' });
    expect(report.messages[0]).toMatchObject({ rule: 'unknown-key', hint: 'did you mean `author`?', position: pos(3) });
    expect(report.messages[1].hint).toBeUndefined();
  });

  test('warns on an invalid language tag and keeps the default', () => {
    const book = emptyBook('.');
    const report = new CollectingReporter();
    applyMetadata(book, [{ key: 'lang', value: 'english please', position: pos(2) }], report);
    expect(book.meta.language).toBe('en');
    expect(report.messages[0]).toMatchObject({ rule: 'language-invalid', position: pos(2) });
  });

  test('records the language as a canonical tag and leaves the direction to the language step', () => {
    const book = emptyBook('.');
    applyMetadata(book, [{ key: 'language', value: 'HE' }], new CollectingReporter());
    expect(book.meta.language).toBe('he');
    expect(book.meta.direction).toBeUndefined();
    applyMetadata(book, [{ key: 'language', value: 'Português brasileiro' }], new CollectingReporter());
    expect(book.meta.language).toBe('pt-BR');
  });

  test('YAML authors with file-as', () => {
    const book = emptyBook('.');
    applyMetadata(book, [{ key: 'authors', value: [{ name: 'Herman Melville', 'file-as': 'Melville, Herman' }, 'Ishmael'] }], new CollectingReporter());
    expect(book.meta.authors).toEqual([{ name: 'Herman Melville', fileAs: 'Melville, Herman' }, { name: 'Ishmael' }]);
  });

  test('a YAML string names several authors by the byline rule; a YAML list is taken item by item', () => {
    const names = (value: unknown) => {
      const book = emptyBook('.');
      applyMetadata(book, [{ key: 'author', value }], new CollectingReporter());
      return book.meta.authors.map((a) => a.name);
    };
    expect(names('Wren Halloway and Jay Ortiz')).toEqual(['Wren Halloway', 'Jay Ortiz']);
    expect(names('Wren Halloway, Jr.')).toEqual(['Wren Halloway, Jr.']);
    expect(names(['Halloway, Wren', 'Ortiz and Sons'])).toEqual(['Halloway, Wren', 'Ortiz and Sons']);
  });

  test('a language given by name, in English or in itself, is its tag', () => {
    const language = (value: string) => {
      const book = emptyBook('.');
      const report = new CollectingReporter();
      applyMetadata(book, [{ key: 'language', value }], report);
      return [book.meta.language, report.messages.length];
    };
    expect(language('English')).toEqual(['en', 0]);
    expect(language('Français')).toEqual(['fr', 0]);
    expect(language('Hebrew')).toEqual(['he', 0]);
    expect(language('Farsi')).toEqual(['fa', 0]);
    expect(language('pt-BR')).toEqual(['pt-BR', 0]);
    // AO3's language menu's own names.
    expect(language('Bahasa Indonesia')).toEqual(['id', 0]);
    expect(language('Português brasileiro')).toEqual(['pt-BR', 0]);
    expect(language('中文-普通话 國語')).toEqual(['zh', 0]);
    expect(language('Deutsch')).toEqual(['de', 0]);
    expect(language('Klingonese')).toEqual(['en', 1]);
  });

  test('suggestKey only suggests near misses', () => {
    expect(suggestKey('dedicaton')).toBe('dedication');
    expect(suggestKey('zzzzzz')).toBeUndefined();
  });

  test('front matter pages come in a fixed order', () => {
    const book = emptyBook('.');
    applyMetadata(book, [{ key: 'Dedication', value: 'For A' }, { key: 'Disclaimer', value: 'Not mine' }, { key: 'Summary', value: 'S' }], new CollectingReporter());
    addFrontMatterFromMeta(book, (text) => [{ type: 'paragraph', children: [{ type: 'text', value: text }] }]);
    expect(book.front.map((m) => m.role)).toEqual(['summary', 'disclaimer', 'dedication']);
  });
});
