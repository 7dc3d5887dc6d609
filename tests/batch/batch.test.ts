/**
 * `batch()` in this thread (one job): which files and folders are works, how names are made unique in the works'
 * order, and what makes a work be built again.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { batch, type WorkEvent } from '../../src/batch';
import { findWorks } from '../../src/batch/works';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-batch-unit-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

const story = (title: string, line = 'The tide came in.') => `Title: ${title}\nAuthor: A. Writer\n\n${line}\n`;

async function run(extra: { force?: boolean; overrides?: object } = {}): Promise<Map<string, WorkEvent>> {
  const events = new Map<string, WorkEvent>();
  await batch({ inputs: [path.join(dir, 'works')], outDir: path.join(dir, 'out'), jobs: 1, version: 'test', overrides: { formats: ['txt'] }, onWork: (e) => events.set(path.relative(path.join(dir, 'works'), e.work), e), ...extra });
  return events;
}

test('a work is a manuscript file, or a folder that is a book; READMEs, templates, hidden folders and the output folder are not works', () => {
  write({
    'works/README.md': '# About this archive\n',
    'works/2-second.txt': story('Second'),
    'works/10-tenth.md': '# Tenth\n\nText.\n',
    'works/notes.json': '{}',
    'works/.hidden/story.txt': story('Hidden'),
    'works/templates/epub/style.css': 'p {}',
    'works/node_modules/x/story.md': '# X\n',
    'works/folder/book.yaml': 'title: Folder\n',
    'works/folder/01.md': '# One\n\nText.\n',
    'works/folder/images/01.md': '# Not a work of its own\n',
    'works/fandoms/hp/one.txt': story('One'),
    'works/fandoms/hp/two.txt': story('Two'),
    'works/fandoms/sw/three/ch1.md': '# Three\n\nText.\n',
    'works/out/old.txt': story('Old'),
  });
  const works = findWorks([path.join(dir, 'works')], path.join(dir, 'works', 'out')).map((w) => path.relative(dir, w));
  expect(works).toEqual(['works/2-second.txt', 'works/10-tenth.md', 'works/fandoms/hp', 'works/fandoms/sw/three', 'works/folder']);
  // A folder given directly is one work when it has book.yaml; a file given is a work whatever its name.
  expect(findWorks([path.join(dir, 'works', 'folder'), path.join(dir, 'works', 'README.md')], path.join(dir, 'out')).map((w) => path.relative(dir, w))).toEqual(['works/folder', 'works/README.md']);
});

test('two works with one title: the first in the works’ order keeps the plain name, the next gets -2, and a later run keeps them', async () => {
  write({ 'works/a.txt': story('Same'), 'works/b.txt': story('Same'), 'works/c.txt': story('Other') });
  const first = await run();
  expect([...first].map(([w, e]) => [w, e.entry?.stem])).toEqual(
    expect.arrayContaining([
      ['a.txt', 'same'],
      ['b.txt', 'same-2'],
      ['c.txt', 'other'],
    ]),
  );
  // a.txt gets a new title: its old book goes, and b.txt keeps same-2.
  write({ 'works/a.txt': story('Renamed') });
  const second = await run();
  expect(second.get('a.txt')!.entry!.stem).toBe('renamed');
  expect(fs.readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.txt')).sort()).toEqual(['other.txt', 'renamed.txt', 'same-2.txt']);
  expect(second.get('b.txt')!.status).toBe('skipped');
  expect(second.get('b.txt')!.entry!.stem).toBe('same-2');
  // The plain name is free again for a new work; `same-2` stays b.txt's.
  write({ 'works/d.txt': story('Same'), 'works/e.txt': story('Same') });
  const third = await run();
  expect(third.get('d.txt')!.entry!.stem).toBe('same');
  expect(third.get('e.txt')!.entry!.stem).toBe('same-3');
});

test('a work is built again when its text, a file it reads, the options or a template change, or with force', async () => {
  const dot = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'render', 'epub', 'dot.png'));
  write({ 'works/a.txt': story('A'), 'works/b/book.yaml': 'title: B\n', 'works/b/01.md': '# One\n\nText.\n', 'works/pic.md': '# Pic\n\n![a dot](img/dot.png)\n' });
  fs.mkdirSync(path.join(dir, 'works', 'img'));
  fs.writeFileSync(path.join(dir, 'works', 'img', 'dot.png'), dot);
  await run();
  const status = async (extra = {}) => Object.fromEntries([...(await run(extra))].map(([w, e]) => [w, e.status]));
  expect(await status()).toEqual({ 'a.txt': 'skipped', b: 'skipped', 'pic.md': 'skipped' });
  write({ 'works/b/02.md': '# Two\n\nMore.\n' });
  expect(await status()).toEqual({ 'a.txt': 'skipped', b: 'built', 'pic.md': 'skipped' });
  // The image a one-file work shows sits outside the work; the manifest remembers it was read.
  fs.writeFileSync(path.join(dir, 'works', 'img', 'dot.png'), dot); // written again, the same bytes
  expect(await status()).toEqual({ 'a.txt': 'skipped', b: 'skipped', 'pic.md': 'skipped' });
  fs.writeFileSync(path.join(dir, 'works', 'img', 'dot.png'), Buffer.concat([dot, Buffer.from('trailing bytes')]));
  expect(await status()).toEqual({ 'a.txt': 'skipped', b: 'skipped', 'pic.md': 'built' });
  write({ 'works/templates/txt/unused.txt': 'x' });
  expect(await status()).toEqual({ 'a.txt': 'built', b: 'built', 'pic.md': 'built' });
  expect(await status({ overrides: { formats: ['txt'], rendererOptions: { txt: { lineWidth: 60 } } } })).toEqual({ 'a.txt': 'built', b: 'built', 'pic.md': 'built' });
  expect(await status({ force: true })).toEqual({ 'a.txt': 'built', b: 'built', 'pic.md': 'built' });
  // A deleted book is written again.
  fs.rmSync(path.join(dir, 'out', 'a.txt'));
  expect(await status()).toEqual({ 'a.txt': 'built', b: 'skipped', 'pic.md': 'skipped' });
});

test('a line cut short by a killed run is ignored: that work is built again, the others are not', async () => {
  write({ 'works/a.txt': story('A'), 'works/b.txt': story('B') });
  await run();
  const manifest = path.join(dir, 'out', '.quire-batch.jsonl');
  const lines = fs.readFileSync(manifest, 'utf8').trim().split('\n');
  const b = lines.findIndex((l) => l.includes('"b.txt"') || l.includes('/b.txt"'));
  lines[b] = lines[b].slice(0, 40);
  fs.writeFileSync(manifest, lines.join('\n'));
  const events = await run();
  expect(events.get('a.txt')!.status).toBe('skipped');
  expect(events.get('b.txt')!.status).toBe('built');
  expect(events.get('b.txt')!.entry!.stem).toBe('b');
});

test('a bad work fails with its diagnostics and the others are built', async () => {
  write({ 'works/a.txt': story('A'), 'works/bad.md': '---\ntitle: [\n---\n\nText.\n' });
  const events = await run();
  expect(events.get('a.txt')!.status).toBe('built');
  const bad = events.get('bad.md')!;
  expect(bad.status).toBe('failed');
  expect(bad.result!.diagnostics.map((d) => [d.rule, d.position?.start.line])).toEqual([['yaml-invalid', 3]]);
});
