/** quire's linear footnote_tail makes exactly the tokens markdown-it-footnote's own rule makes. */
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { parseMarkdown } from '../../../src/read/markdown/parser';

const plugin = new MarkdownIt('default', { html: true }).enable(['table', 'strikethrough']).use(footnote);
plugin.validateLink = () => true;

const strip = (tokens: MarkdownIt.Token[]): unknown => JSON.parse(JSON.stringify(tokens));

const CASES: Record<string, string> = {
  'one note': 'Text[^1].\n\n[^1]: The note.\n',
  'notes out of order, one used twice, one unused': [
    'First[^b] and second[^a] and again[^b].',
    '',
    '[^a]: Note a, with *emphasis*.',
    '',
    '[^b]: Note b.',
    '',
    '    Its second paragraph.',
    '',
    '[^unused]: Never referred to.',
    '',
  ].join('\n'),
  'inline notes and a note ending in a list': 'An inline^[note *here*] and a defined[^l].\n\n[^l]: A list:\n\n    - one\n    - two\n',
  'a reference to a missing note': 'Nothing[^missing] here.\n',
  'no notes at all': '# Title\n\nJust text.\n',
};

describe('footnote_tail', () => {
  it.each(Object.entries(CASES))('%s', (_name, text) => {
    const expected = plugin.parse(text, {});
    expect(strip(parseMarkdown(text).tokens)).toEqual(strip(expected));
  });

  it('keeps every note of a book with many', () => {
    const count = 500;
    const text = Array.from({ length: count }, (_, i) => `Paragraph ${i}[^n${i}].\n\n[^n${i}]: Note ${i}.\n`).join('\n');
    const tokens = parseMarkdown(text).tokens;
    expect(tokens.filter((t) => t.type === 'footnote_open')).toHaveLength(count);
    expect(strip(tokens)).toEqual(strip(plugin.parse(text, {})));
  });
});
