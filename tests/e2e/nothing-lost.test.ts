/**
 * Nothing is lost: the manuscript is only read; an interrupted build leaves the earlier outputs byte-identical and
 * no temporary file; two builds into the same folder at once both finish with valid files; a huge paragraph builds.
 */
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, quire, REPO } from '../helpers/cli';
import { corpusFile, epubcheckMany, pdfText, qpdfCheck, tempDir } from '../helpers/tools';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every file under a folder with its hash and modification time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    if (entry.isFile()) out[path.relative(dir, file)] = `${sha(file)} ${fs.statSync(file).mtimeMs}`;
  }
  return out;
}

test('the manuscript folder is only ever read', () => {
  const dir = tempDir();
  fs.cpSync(path.join(REPO, 'manuscript'), path.join(dir, 'manuscript'), { recursive: true });
  const before = snapshot(path.join(dir, 'manuscript'));
  const run = quire(['build'], { cwd: dir });
  expect(run.status).toBe(0);
  expect(snapshot(path.join(dir, 'manuscript'))).toEqual(before);
});

test('Ctrl-C during a build leaves the earlier files byte-identical and no temporary file behind', async () => {
  const dir = tempDir();
  const input = corpusFile('novels/moby-dick.md');
  const started = Date.now();
  const first = quire(['build', input, '--out', dir]);
  const took = Date.now() - started;
  expect(first.status).toBe(0);
  const before = Object.fromEntries(fs.readdirSync(dir).map((f) => [f, sha(path.join(dir, f))]));
  // Interrupt a second build of the same book part-way through rendering: half the first build's time, so the
  // signal lands in the build however fast the machine (a fixed 2.5 s came after the end once builds got faster).
  const child = spawn(process.execPath, [BIN, 'build', input, '--out', dir], { stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (c, signal) => resolve(signal ? 130 : c)));
  await new Promise((resolve) => setTimeout(resolve, took / 2));
  expect(child.exitCode).toBeNull();
  child.kill('SIGINT');
  const code = await exited;
  expect(code).not.toBe(0);
  expect(Object.fromEntries(fs.readdirSync(dir).map((f) => [f, sha(path.join(dir, f))]))).toEqual(before);
});

test('two builds of the same book into the same folder at once both finish and leave valid files', async () => {
  const dir = tempDir();
  const input = path.join(REPO, 'manuscript');
  const runOne = () =>
    new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'build', input, '--out', dir], { stdio: 'ignore' });
      child.on('exit', (c) => resolve(c));
    });
  expect(await Promise.all([runOne(), runOne(), runOne()])).toEqual([0, 0, 0]);
  expect(fs.readdirSync(dir).sort()).toEqual(['SHA256SUMS', 'the-keeper-of-small-lights.epub', 'the-keeper-of-small-lights.ia.csv', 'the-keeper-of-small-lights.pdf']);
  const [result] = epubcheckMany([path.join(dir, 'the-keeper-of-small-lights.epub')]).values();
  expect(result.messages).toEqual([]);
  expect(qpdfCheck(path.join(dir, 'the-keeper-of-small-lights.pdf')).status).toBe(0);
});

test('a single 300,000-word paragraph builds into both formats', () => {
  const dir = tempDir();
  const words = ['lantern', 'harbour', 'a', 'the', 'extraordinarily', 'quiet', 'of', 'gulls', 'and', 'rope,'];
  let text = '';
  for (let i = 0; i < 300_000; i++) text += `${words[(i * 7 + (i >> 3)) % words.length]} `;
  const file = path.join(dir, 'long.txt');
  fs.writeFileSync(file, `Title: One Long Breath\n\n${text.trim()} The end.\n`);
  const run = quire(['build', file, '--out', path.join(dir, 'dist')]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const [epub, pdf] = run.stdout.trim().split('\n');
  const [result] = epubcheckMany([epub]).values();
  expect(result.messages).toEqual([]);
  expect(pdfText(pdf).replace(/\s+/g, ' ')).toContain('The end.');
});
