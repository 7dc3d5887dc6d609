import { CollectingReporter } from '../../src/diagnostics/reporter';
import { markdownReader } from '../../src/read/markdown';
import { checks } from '../../src/transform/checks';
import { sampleBook } from '../helpers/sample-book';

test('a reference to an undefined footnote becomes text, with a positioned warning', () => {
  const book = sampleBook();
  const pos = { file: 'sample.md', start: { line: 12, column: 30 }, end: { line: 12, column: 34 } };
  book.body[0].children[0] = { type: 'paragraph', children: [{ type: 'text', value: 'See' }, { type: 'footnoteReference', identifier: 'nope', label: 'nope', position: pos }] };
  const report = new CollectingReporter();
  checks.run(book, { report });
  expect(book.body[0].children[0]).toEqual({ type: 'paragraph', children: [{ type: 'text', value: 'See' }, { type: 'text', value: '[^nope]', position: pos }] });
  expect(report.messages.map((m) => m.rule)).toEqual(['footnote-undefined', 'footnote-unused']);
  expect(report.messages[0].position).toEqual(pos);
});

test('duplicate chapter titles are reported', () => {
  const book = sampleBook();
  book.body[1].label = book.body[0].label;
  book.body[1].title = book.body[0].title;
  const report = new CollectingReporter();
  checks.run(book, { report });
  expect(report.messages).toEqual([expect.objectContaining({ rule: 'duplicate-chapter-title', position: book.body[1].position })]);
});

test('a consistent book passes without messages', () => {
  const report = new CollectingReporter();
  checks.run(sampleBook(), { report });
  expect(report.messages).toEqual([]);
});

test('text that reads like a script URL is defused with a word joiner', () => {
  const book = sampleBook();
  book.body[0].children = [{ type: 'paragraph', children: [{ type: 'text', value: '<javascript:alert(1)> and JavaScript : x and javascripts' }] }];
  checks.run(book, { report: new CollectingReporter() });
  const [para] = book.body[0].children;
  expect(para).toEqual({ type: 'paragraph', children: [{ type: 'text', value: '<java\u2060script:alert(1)> and Java\u2060Script : x and javascripts' }] });
});

test('links with unparseable web addresses keep their text and lose the link, with a warning', () => {
  const book = sampleBook();
  const link = (url: string) => ({ type: 'link' as const, url, children: [{ type: 'text' as const, value: url }] });
  book.body[0].children = [{ type: 'paragraph', children: [link('https://../'), link('https://foo.bar.%60baz'), link('https://example.org/ok'), link('chapter-2.xhtml')] }];
  const report = new CollectingReporter();
  checks.run(book, { report });
  expect(book.body[0].children[0]).toEqual({
    type: 'paragraph',
    children: [{ type: 'text', value: 'https://../' }, { type: 'text', value: 'https://foo.bar.%60baz' }, link('https://example.org/ok'), link('chapter-2.xhtml')],
  });
  expect(report.messages.filter((m) => m.rule === 'link-invalid')).toHaveLength(2);
});

describe('duplicate chapter titles, on books read from Markdown', () => {
  const FRONT = '---\ntitle: T\n---\n\n';
  /** The duplicate-title warnings for a Markdown book (given a title in front matter): `[line, title]` of each. */
  function duplicates(markdown: string): [number | undefined, string][] {
    const report = new CollectingReporter();
    const book = markdownReader.read(FRONT + markdown, { file: 'story.md', report });
    checks.run(book, { report });
    return report.messages.filter((m) => m.rule === 'duplicate-chapter-title').map((m) => [m.position?.start.line, m.message.replace(/^.*"(.*)"$/, '$1')]);
  }
  /** The line, in the book read by `duplicates`, of the last line of `markdown` that is `line`. */
  const lastLine = (markdown: string, line: string) => (FRONT + markdown).split('\n').lastIndexOf(line) + 1;

  test('two real chapters with the same title are reported, at the second', () => {
    const book = '# Thought\n\nOf obedience.\n\n# Gliding O’er All\n\nGliding o’er all.\n\n# Thought\n\nOf justice.\n';
    expect(duplicates(book)).toEqual([[lastLine(book, '# Thought'), 'thought']]);
  });

  test('two chapters with the same title in the same part are reported', () => {
    const book = '# By the Roadside\n\n## Thought\n\nOf obedience.\n\n## Thought\n\nOf justice.\n';
    expect(duplicates(book)).toEqual([[lastLine(book, '## Thought'), 'thought']]);
  });

  test('the numbered sections of two poems are sections, not chapters: nothing is reported', () => {
    const poem = (title: string) => `# ${title}\n\n## 1\n\nFirst.\n\n## 2\n\nSecond.\n\n`;
    expect(duplicates(poem('Starting from Paumanok') + poem('Song of Myself'))).toEqual([]);
  });

  test('chapters of different parts may share a title (Part II starts again at I)', () => {
    const part = (n: string) => `# Part ${n}\n\n## I\n\nFirst.\n\n## II\n\nSecond.\n\n`;
    expect(duplicates(part('One') + part('Two'))).toEqual([]);
  });
});
