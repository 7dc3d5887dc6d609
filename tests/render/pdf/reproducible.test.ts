/** The same manuscript gives byte-identical books wherever its folder is: nothing in a file depends on the path. */
import fs from 'node:fs';
import path from 'node:path';
import { build } from '../../../src/build';
import { quire } from '../../helpers/cli';
import { pdfText, tempDir } from '../../helpers/tools';

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

it('gives the same PDF whether or not the EPUB is built beside it (its cover shares the PDF’s fonts)', () => {
  // The cover sets the title in the serif's bold; `;` is drawn from components (`.` and `,`), which once cost the
  // PDF the text of every bold full stop and comma set after it. Each build runs in a fresh process (quire's CLI),
  // since a process that has already drawn those glyphs with their characters is not affected.
  const dir = tempDir('quire-formats-');
  const input = path.join(dir, 'book.md');
  fs.writeFileSync(input, '---\ntitle: "Moby-Dick; or, The Whale"\nauthor: Herman Melville\n---\n\n# ETYMOLOGY.\n\nThe pale Usher, threadbare.\n\n# Loomings.\n\nCall me Ishmael.\n');
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
  const pdfOf = (formats: string, out: string) => {
    expect(quire(['build', input, '--out', path.join(dir, out), '--format', formats, '--quiet'], { env }).status).toBe(0);
    return path.join(dir, out, 'moby-dick-or-the-whale.pdf');
  };
  const both = pdfOf('epub,pdf', 'both');
  const alone = pdfOf('pdf', 'alone');
  expect(fs.readFileSync(both).equals(fs.readFileSync(alone))).toBe(true);
  // The chapter headings (bold, after the contents, which are not) keep their full stops.
  expect(pdfText(both).split(/[\n\f]/).filter((l) => /^(ETYMOLOGY|Loomings)/.test(l) && !l.includes('. .'))).toEqual(['ETYMOLOGY.', 'Loomings.']);
  fs.rmSync(dir, { recursive: true, force: true });
});
