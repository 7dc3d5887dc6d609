import { decideLanguage } from '../../src/locale';
import { smarten, typography } from '../../src/transform/typography';

const quoteStyle = (language: string) => decideLanguage({ language }).quotes;
import { CollectingReporter } from '../../src/diagnostics/reporter';
import { sampleBook } from '../helpers/sample-book';
import type { Paragraph } from '../../src/model/types';

describe('smarten (English)', () => {
  const cases: [string, string][] = [
    [`"Hello," she said.`, '\u201cHello,\u201d she said.'],
    [`It's Lex's car.`, 'It\u2019s Lex\u2019s car.'],
    [`'Twas brillig.`, '\u2019Twas brillig.'],
    [`in the '90s`, 'in the \u201990s'],
    [`rock 'n' roll`, 'rock \u2019n\u2019 roll'],
    [`a headline like 'Boy arrested for peeping next door'. Not`, 'a headline like \u2018Boy arrested for peeping next door\u2019. Not'],
    [`His 'father' had`, 'His \u2018father\u2019 had'],
    // The seed's unbalanced quote: a paragraph that continues speech without reopening it.
    [`It's ok," Clark said quickly, "I'll always be here."`, 'It\u2019s ok,\u201d Clark said quickly, \u201cI\u2019ll always be here.\u201d'],
    [`"EVERYTHING" Lex yelled`, '\u201cEVERYTHING\u201d Lex yelled'],
    [`the Joneses' house`, 'the Joneses\u2019 house'],
    [`Wait...`, 'Wait\u2026'],
    [`pages 10--20`, 'pages 10\u201320'],
    [`a pause --- then`, 'a pause \u2014 then'],
    [`Usher--threadbare`, 'Usher\u2014threadbare'],
    [`"'Tis true," he said.`, '\u201c\u2019Tis true,\u201d he said.'],
    [`She said, "He told me 'no.'"`, 'She said, \u201cHe told me \u2018no.\u2019\u201d'],
  ];
  test.each(cases)('%s', (input, expected) => {
    expect(smarten(input)).toBe(expected);
  });

  test('leaves text without quotes, dashes or dots unchanged', () => {
    expect(smarten('Plain words, nothing else')).toBe('Plain words, nothing else');
  });
});

describe('quote styles by language', () => {
  test('German uses low-high quotes', () => {
    expect(smarten('"Ja," sagte er.', quoteStyle('de-DE'))).toBe('\u201eJa,\u201c sagte er.');
  });
  test('French uses guillemets with no-break spaces', () => {
    expect(smarten('"Oui"', quoteStyle('fr'))).toBe('\u00ab\u00a0Oui\u00a0\u00bb');
  });
  test('unknown languages fall back to English', () => {
    expect(quoteStyle('xx')).toEqual(quoteStyle('en'));
  });
});

describe('typography transform', () => {
  test('sees quotes across inline boundaries and never touches code', () => {
    const book = sampleBook();
    const para: Paragraph = {
      type: 'paragraph',
      children: [
        { type: 'text', value: 'He said, ' },
        { type: 'emphasis', children: [{ type: 'text', value: '"Stop."' }] },
        { type: 'text', value: " Then: " },
        { type: 'code', value: `"raw" -- 'x'` },
      ],
    };
    book.body[0].children = [para];
    typography.run(book, { report: new CollectingReporter() });
    expect(para.children[1]).toEqual({ type: 'emphasis', children: [{ type: 'text', value: '\u201cStop.\u201d' }] });
    expect(para.children[3]).toEqual({ type: 'code', value: `"raw" -- 'x'` });
  });

  test('smartens metadata texts and section titles', () => {
    const book = sampleBook();
    book.meta.summary = `Lex's "moment"...`;
    book.body[0].title = [{ type: 'text', value: "Clark's Loft" }];
    typography.run(book, { report: new CollectingReporter() });
    expect(book.meta.summary).toBe('Lex\u2019s \u201cmoment\u201d\u2026');
    expect(book.body[0].title).toEqual([{ type: 'text', value: 'Clark\u2019s Loft' }]);
  });
});
