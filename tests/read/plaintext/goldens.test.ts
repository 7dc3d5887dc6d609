/**
 * Reader goldens: each tests/fixtures/read/plaintext/<case>.txt beside <case>.json, the book with positions.
 * `UPDATE_GOLDENS=1 npx jest tests/read/plaintext` rewrites the goldens; review the diff before committing it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PLAINTEXT_FIXTURES, readFixture } from './read-helper';

const cases = fs
  .readdirSync(PLAINTEXT_FIXTURES)
  .filter((name) => name.endsWith('.txt'))
  .sort();

describe('plain-text reader goldens', () => {
  it('has the fixtures it is meant to have', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'author-notes.txt',
        'chapters.txt',
        'compact-header.txt',
        'crlf-bom.txt',
        'emphasis.txt',
        'hard-wrapped.txt',
        'name-colon-spaced.txt',
        'name-colon-story.txt',
        'scene-breaks.txt',
        'spaced-header.txt',
        'unknown-key.txt',
      ]),
    );
  });

  it.each(cases)('%s matches its golden', (name) => {
    const { book } = readFixture(name);
    const golden = path.join(PLAINTEXT_FIXTURES, name.replace(/\.txt$/, '.json'));
    if (process.env.UPDATE_GOLDENS === '1') fs.writeFileSync(golden, `${JSON.stringify(book, null, 2)}\n`);
    expect(fs.existsSync(golden)).toBe(true);
    expect(book).toEqual(JSON.parse(fs.readFileSync(golden, 'utf8')));
  });

  it.each(cases)('%s survives a JSON round trip', (name) => {
    const { book } = readFixture(name);
    expect(JSON.parse(JSON.stringify(book))).toEqual(book);
  });
});
