/** Golden trees: each `tests/fixtures/read/markdown/<case>.md` read into the `<case>.json` beside it. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, readFixture } from './helpers';

const cases = fs
  .readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.md'))
  .sort();

describe('markdown reader goldens', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });

  it.each(cases)('%s', (name) => {
    const { book } = readFixture(name);
    const golden = path.join(FIXTURES, name.replace(/\.md$/, '.json'));
    if (process.env.UPDATE_GOLDENS) fs.writeFileSync(golden, `${JSON.stringify(book, null, 2)}\n`);
    expect(book).toEqual(JSON.parse(fs.readFileSync(golden, 'utf8')));
  });
});
