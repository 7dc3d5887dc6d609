/**
 * `quire batch` as an archive runs it: 240 generated works (one-shots from the seed, chapters of the corpus novels,
 * book folders) and two broken ones, built by the compiled command in two threads; then run again, unchanged and
 * with one work changed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { quire, type CliRun } from '../helpers/cli';
import { epubcheckMany } from '../helpers/tools';
import { generateWorks, type GeneratedWorks } from '../helpers/works';

interface Result {
  input: string;
  status: 'built' | 'skipped' | 'failed';
  outputs: { path: string; sha256: string }[];
  warnings: { rule: string }[];
  errors: { rule: string; message: string; position?: { file: string; start: { line: number; column: number } } }[];
  ms: number;
}

const COUNT = 240;
let dir: string;
let works: GeneratedWorks;
let first: CliRun;
let results: Map<string, Result>;

const run = (...extra: string[]) => quire(['batch', 'works', '--out', 'out', '--format', 'epub', '--json', '--jobs', '2', ...extra], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1700000000' } });
/** The results by work, every path made absolute (the command prints them as given, relative to its folder). */
const parse = (r: CliRun) =>
  new Map(
    r.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Result)
      .map((res) => [path.resolve(dir, res.input), { ...res, outputs: res.outputs.map((o) => ({ ...o, path: path.resolve(dir, o.path) })) }]),
  );
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-batch-'));
  works = generateWorks(path.join(dir, 'works'), COUNT, { broken: true });
  first = run();
  results = parse(first);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('every good work is built, each under a name of its own; the broken ones fail with their positions; exit 1', () => {
  expect(first.status).toBe(1);
  expect(results.size).toBe(COUNT + works.broken.length);
  for (const work of works.good) {
    const result = results.get(work)!;
    expect({ work, status: result.status, errors: result.errors }).toEqual({ work, status: 'built', errors: [] });
    expect(result.outputs.map((o) => path.extname(o.path))).toEqual(['.epub', '.csv']);
    for (const output of result.outputs) expect(sha(output.path)).toBe(output.sha256);
  }
  const books = works.good.map((work) => results.get(work)!.outputs[0].path);
  expect(new Set(books).size).toBe(COUNT);
  expect(fs.readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.epub'))).toHaveLength(COUNT);
  for (const { work, at } of works.broken) {
    const result = results.get(work)!;
    expect(result.status).toBe('failed');
    expect(result.outputs).toEqual([]);
    const error = result.errors[0];
    expect(path.resolve(dir, error.position!.file)).toBe(work);
    expect(`${error.position!.start.line}:${error.position!.start.column}`).toMatch(new RegExp(`^${at}`));
  }
});

test('a sample of the books passes EPUBCheck with no error and no warning', () => {
  const sample = works.good.filter((_, i) => i % 20 === 0 || i % 20 === 6 || i % 20 === 9).map((work) => results.get(work)!.outputs[0].path);
  expect(sample.length).toBeGreaterThanOrEqual(30);
  for (const [file, check] of epubcheckMany(sample)) expect({ file, messages: check.messages }).toEqual({ file, messages: [] });
});

test('SHA256SUMS covers every file written, and the manifest names each work’s books', () => {
  const sums = fs.readFileSync(path.join(dir, 'out', 'SHA256SUMS'), 'utf8');
  const lines = new Map(sums.trim().split('\n').map((line) => [line.slice(66), line.slice(0, 64)]));
  for (const work of works.good) for (const output of results.get(work)!.outputs) expect(lines.get(path.basename(output.path))).toBe(output.sha256);
  const manifest = fs.readFileSync(path.join(dir, 'out', '.quire-batch.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { work: string; stem: string });
  expect(manifest).toHaveLength(COUNT);
  expect(new Set(manifest.map((e) => e.stem)).size).toBe(COUNT);
});

test('a second run builds nothing: every good work is unchanged, and the broken ones are tried again', () => {
  const again = run();
  const second = parse(again);
  expect(again.status).toBe(1);
  for (const work of works.good) expect([work, second.get(work)!.status]).toEqual([work, 'skipped']);
  for (const { work } of works.broken) expect(second.get(work)!.status).toBe('failed');
  for (const work of works.good) expect(second.get(work)!.outputs).toEqual(results.get(work)!.outputs);
});

test('a changed work is the only one built again, under the name it had; fixing a broken one builds it', () => {
  const changed = works.good[3];
  fs.appendFileSync(changed, '\nAnd then, at last, Lex went home.\n');
  const [broken] = works.broken;
  fs.writeFileSync(broken.work, '---\ntitle: Mended\n---\n\nThe story, mended.\n');
  const before = results.get(changed)!.outputs[0];
  const third = parse(run());
  const built = [...third.values()].filter((r) => r.status === 'built').map((r) => path.resolve(dir, r.input));
  expect(built.sort()).toEqual([changed, broken.work].sort());
  const after = third.get(changed)!.outputs[0];
  expect(path.basename(after.path)).toBe(path.basename(before.path));
  expect(after.sha256).not.toBe(before.sha256);
  expect(path.basename(third.get(broken.work)!.outputs[0].path)).toBe('mended.epub');
});

test('on the terminal: the books on stdout, each error with its position, a line per failed work and a summary', () => {
  const small = path.join(dir, 'small');
  fs.mkdirSync(small);
  fs.copyFileSync(works.good[0], path.join(small, 'a.txt'));
  fs.copyFileSync(works.good[0], path.join(small, 'b.txt'));
  fs.writeFileSync(path.join(small, 'c.md'), '---\ntitle: [unclosed\n---\n\nThe story.\n');
  const r = quire(['batch', 'small', '--out', 'small-out', '--format', 'epub', '--jobs', '2'], { cwd: dir });
  expect(r.status).toBe(1);
  // Two works with one title: the first in the folder's order keeps the plain name, whichever thread finished first.
  expect(r.stdout.split('\n').filter((l) => l.endsWith('.epub')).sort()).toEqual(['small-out/a-moment-of-friendship-take-1-2.epub', 'small-out/a-moment-of-friendship-take-1.epub']);
  const manifest = fs.readFileSync(path.join(dir, 'small-out', '.quire-batch.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { work: string; stem: string });
  expect(manifest.map((e) => [e.work, e.stem]).sort()).toEqual([['../small/a.txt', 'a-moment-of-friendship-take-1'], ['../small/b.txt', 'a-moment-of-friendship-take-1-2']]);
  expect(r.stderr).toContain('small/c.md:3:1: error: front matter is not valid YAML');
  expect(r.stderr).toContain('quire: small/c.md: not built\n');
  expect(r.stderr).toMatch(/quire: batch: 3 works: 2 built, 0 unchanged, 1 failed in [\d.]+ s/);
});
