/** The same manuscript gives byte-identical books wherever its folder is: nothing in a file depends on the path. */
import fs from 'node:fs';
import path from 'node:path';
import { build } from '../../../src/build';
import { tempDir } from '../../helpers/tools';

const SAMPLE = path.resolve(__dirname, '..', '..', '..', 'manuscript');

it('builds the sample to the same EPUB and PDF bytes from two different folders', async () => {
  const env = { SOURCE_DATE_EPOCH: '1700000000' };
  const bytes = async (where: string) => {
    const input = path.join(where, 'a-folder-of-its-own', 'manuscript');
    fs.cpSync(SAMPLE, input, { recursive: true });
    const result = await build({ input, outDir: path.join(where, 'dist'), formats: ['epub', 'pdf'], env, archiveKit: false });
    return result.outputs.map((file) => fs.readFileSync(file));
  };
  const [one, two] = [tempDir('quire-here-'), tempDir('quire-there-')];
  const [a, b] = [await bytes(one), await bytes(path.join(two, 'deeper', 'still'))];
  expect(a.map((data) => data.length)).toEqual(b.map((data) => data.length));
  expect(a[0].equals(b[0])).toBe(true);
  expect(a[1].equals(b[1])).toBe(true);
  for (const dir of [one, two]) fs.rmSync(dir, { recursive: true, force: true });
});
