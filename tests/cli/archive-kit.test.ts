/** The archive kit a build writes beside the books: SHA256SUMS (checked by the real sha256sum), the Internet Archive CSV, the upload sheet. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quire, REPO } from '../helpers/cli';
import { requireTool, tempDir } from '../helpers/tools';

const SAMPLE = path.join(REPO, 'manuscript');
const SLUG = 'the-keeper-of-small-lights';

test('every build writes SHA256SUMS for its outputs, which `sha256sum -c` verifies', () => {
  requireTool('sha256sum', 'coreutils');
  const out = tempDir();
  const run = quire(['build', SAMPLE, '--out', out, '--format', 'epub,txt']);
  expect(run.status).toBe(0);
  const sums = fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8');
  const names = sums.trim().split('\n').map((line) => line.split('  ')[1]);
  expect(names).toEqual([`${SLUG}.epub`, `${SLUG}.ia.csv`, `${SLUG}.txt`]);
  const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
  expect(check.stdout).toBe(`${SLUG}.epub: OK\n${SLUG}.ia.csv: OK\n${SLUG}.txt: OK\n`);
  expect(check.status).toBe(0);
  // A changed output fails the check.
  fs.appendFileSync(path.join(out, `${SLUG}.txt`), 'tampered');
  expect(spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' }).status).toBe(1);
});

test('two inputs built into one folder share one SHA256SUMS listing both books', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'a.md'), '---\ntitle: Alpha\n---\n\nOne.\n');
  fs.writeFileSync(path.join(dir, 'b.md'), '---\ntitle: Beta\n---\n\nTwo.\n');
  const run = quire(['build', 'a.md', 'b.md', '--out', 'out', '--format', 'txt'], { cwd: dir });
  expect(run.status).toBe(0);
  const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: path.join(dir, 'out'), encoding: 'utf8' });
  expect(check.stdout.split('\n').filter(Boolean).sort()).toEqual(['alpha.ia.csv: OK', 'alpha.txt: OK', 'beta.ia.csv: OK', 'beta.txt: OK']);
});

test('SHA256SUMS covers every book quire wrote into the folder: separate builds, a renamed book; lines of deleted files go', () => {
  requireTool('sha256sum', 'coreutils');
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'a.md'), '---\ntitle: Alpha\n---\n\nOne.\n');
  fs.writeFileSync(path.join(dir, 'b.md'), '---\ntitle: Beta\n---\n\nTwo.\n');
  const out = path.join(dir, 'out');
  const sums = () => fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8').trim().split('\n').map((line) => line.split('  ')[1]);
  expect(quire(['build', 'a.md', '--out', 'out', '--format', 'txt'], { cwd: dir }).status).toBe(0);
  expect(quire(['build', 'b.md', '--out', 'out', '--format', 'txt'], { cwd: dir }).status).toBe(0);
  expect(sums()).toEqual(['alpha.ia.csv', 'alpha.txt', 'beta.ia.csv', 'beta.txt']);
  // The same book under a new name: the old files are still there, and still covered.
  expect(quire(['build', 'b.md', '--out', 'out', '--format', 'txt', '--file-name', 'beta-2'], { cwd: dir }).status).toBe(0);
  expect(sums()).toEqual(['alpha.ia.csv', 'alpha.txt', 'beta-2.ia.csv', 'beta-2.txt', 'beta.ia.csv', 'beta.txt']);
  // A book deleted by hand loses its lines at the next build; what is left verifies.
  fs.rmSync(path.join(out, 'alpha.txt'));
  fs.rmSync(path.join(out, 'alpha.ia.csv'));
  fs.appendFileSync(path.join(dir, 'b.md'), '\nThree.\n');
  expect(quire(['build', 'b.md', '--out', 'out', '--format', 'txt'], { cwd: dir }).status).toBe(0);
  expect(sums()).toEqual(['beta-2.ia.csv', 'beta-2.txt', 'beta.ia.csv', 'beta.txt']);
  const check = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
  expect(check.status).toBe(0);
});

test('the Internet Archive CSV names the books and the metadata, and builds are byte-reproducible', () => {
  const a = tempDir();
  const b = tempDir();
  expect(quire(['build', SAMPLE, '--out', a, '--format', 'epub,pdf']).status).toBe(0);
  expect(quire(['build', SAMPLE, '--out', b, '--format', 'epub,pdf']).status).toBe(0);
  const csv = fs.readFileSync(path.join(a, `${SLUG}.ia.csv`), 'utf8');
  const [header, first, second] = csv.split('\r\n');
  expect(header.split(',').slice(0, 7)).toEqual(['identifier', 'file', 'mediatype', 'collection', 'title', 'creator', 'date']);
  expect(first).toContain(`,${SLUG}.epub,texts,opensource,The Keeper of Small Lights,Wren Halloway,`);
  expect(header).toContain('language');
  expect(second.startsWith(`,${SLUG}.pdf,`)).toBe(true);
  for (const name of fs.readdirSync(a)) expect(fs.readFileSync(path.join(b, name)).equals(fs.readFileSync(path.join(a, name)))).toBe(true);
});

test('--format html also writes the upload sheet with both archives\' fields, in their own rating vocabularies', () => {
  const out = tempDir();
  const run = quire(['build', SAMPLE, '--out', out, '--format', 'html', '--verbose']);
  expect(run.status).toBe(0);
  expect(run.stderr).toContain(`quire: wrote ${path.join(out, `${SLUG}.upload.md`)}`);
  const sheet = fs.readFileSync(path.join(out, `${SLUG}.upload.md`), 'utf8');
  expect(sheet).toContain('## AO3 (Archive of Our Own): Post New Work');
  expect(sheet).toContain('## FanFiction.net: Publish');
  expect(sheet).toMatch(/^- \*\*Rating:\*\* General Audiences$/m); // the sample is rated K+
  expect(sheet).toMatch(/^- \*\*Rating:\*\* K\+/m);
  expect(sheet).toMatch(/^- \*\*Chapters:\*\* 2\/2/m);
  expect(fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8')).toContain(`  ${SLUG}.upload.md\n`);
  // Without html there is no sheet.
  const plain = tempDir();
  expect(quire(['build', SAMPLE, '--out', plain, '--format', 'txt']).status).toBe(0);
  expect(fs.existsSync(path.join(plain, `${SLUG}.upload.md`))).toBe(false);
});
