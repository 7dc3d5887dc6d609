/** Front-matter errors and edge cases: positions in the file, unclosed blocks, code engines refused, no stale cache. */
import { readError, readText } from './helpers';

declare global {
  // Set by the payloads below only if front matter were ever evaluated as code.
  var __quireFrontMatterRan: unknown;
}

describe('markdown front matter', () => {
  afterEach(() => {
    delete globalThis.__quireFrontMatterRan;
  });

  it('reports invalid YAML at its line and column in the file', () => {
    const error = readError('---\ntitle: The Loft\nauthor: Ada\n  bad: indentation\n---\n\nStory.\n', 'story.md');
    expect(error.rule).toBe('yaml-invalid');
    expect(error.severity).toBe('error');
    expect(error.position).toEqual({ file: 'story.md', start: { line: 4, column: 6 }, end: { line: 4, column: 6 } });
    expect(error.message).toMatch(/indentation/);
  });

  it('counts lines the same with Windows line endings', () => {
    const error = readError('---\r\ntitle: The Loft\r\nauthor: Ada\r\n  bad: indentation\r\n---\r\n\r\nStory.\r\n');
    expect(error.position?.start.line).toBe(4);
  });

  it('gives the same error when the same bad text is read twice (no gray-matter cache)', () => {
    const text = '---\ntitle: [unclosed\n---\nStory.\n';
    const first = readError(text);
    const second = readError(text);
    expect(first.rule).toBe('yaml-invalid');
    expect(second).toEqual(first);
  });

  it('fails on front matter that is never closed', () => {
    const error = readError('---\ntitle: The Loft\n\nThe story starts here.\n');
    expect(error.rule).toBe('yaml-unclosed');
    expect(error.position?.start.line).toBe(1);
  });

  it('fails on front matter that is a list, not a mapping', () => {
    const error = readError('---\n- one\n- two\n---\nStory.\n');
    expect(error.rule).toBe('yaml-not-mapping');
  });

  it.each(['js', 'javascript', ' js ', 'coffee', 'json'])('refuses `---%s` front matter without running it', (language) => {
    const payload = '{ title: (globalThis.__quireFrontMatterRan = true, "pwned") }';
    const error = readError(`---${language}\n${payload}\n---\nStory.\n`);
    expect(error.rule).toBe('front-matter-language');
    expect(globalThis.__quireFrontMatterRan).toBeUndefined();
  });

  it('accepts an explicit `---yaml` opening', () => {
    const { book } = readText('---yaml\ntitle: The Loft\n---\nStory.\n');
    expect(book.meta.title).toBe('The Loft');
  });

  it('reads empty front matter as no metadata', () => {
    const { book } = readText('---\n# only a comment\n---\nStory.\n');
    expect(book.meta.title).toBe('');
    expect(book.body[0].children).toHaveLength(1);
  });

  it('places the body after the front matter (positions are file lines)', () => {
    const { book } = readText('---\ntitle: T\n---\n\n# One\n\nText.\n', 'a.md');
    expect(book.body[0].position?.start.line).toBe(5);
    expect(book.body[0].children[0].position).toEqual({ file: 'a.md', start: { line: 7, column: 1 }, end: { line: 7, column: 6 } });
  });

  it('positions each key and warns about unknown ones there', () => {
    const { book, messages } = readText('---\ntitle: T\nautor: Ada\n---\nStory.\n');
    expect(book.metaPositions.title?.start.line).toBe(2);
    const unknown = messages.find((m) => m.rule === 'unknown-key');
    expect(unknown?.position?.start.line).toBe(3);
    expect(unknown?.hint).toMatch(/author/);
  });
});
