/**
 * `--encoding`, `quire.encoding` and manuscript folders through the real command: exit codes, messages and the
 * EPUBs EPUBCheck passes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quire } from '../helpers/cli';
import { corpusFile, epubcheckMany, tempDir, unzip } from '../helpers/tools';

/** A Windows-1252 story: é as 0xE9, curly quotes 0x93/0x94, an en dash 0x96. */
const CP1252 = Buffer.concat([Buffer.from('Title: Caf'), Buffer.from([0xe9]), Buffer.from(' Nights\n\nChapter 1\n\n'), Buffer.from([0x93]), Buffer.from('Wait,'), Buffer.from([0x94]), Buffer.from(' she said '), Buffer.from([0x96]), Buffer.from(' then.\n')]);

const epubs: string[] = [];
afterAll(() => {
  const results = epubcheckMany(epubs);
  for (const [file, result] of results) expect({ file, messages: result.messages }).toEqual({ file, messages: [] });
});

async function epubText(file: string): Promise<string> {
  const entries = await unzip(fs.readFileSync(file));
  return [...entries].filter(([n]) => n.endsWith('.xhtml')).map(([, b]) => b.toString('utf8')).join('\n');
}

test('--encoding windows-1252 reads a cp1252 file without a warning', async () => {
  const dir = tempDir('quire-enc-');
  const file = path.join(dir, 'story.txt');
  fs.writeFileSync(file, CP1252);
  const run = quire(['build', file, '--out', path.join(dir, 'out'), '--format', 'epub', '--encoding', 'windows-1252']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(await epubText(run.stdout.trim())).toContain('\u201cWait,\u201d she said \u2013 then.');
  epubs.push(run.stdout.trim());
  const guessed = quire(['build', file, '--out', path.join(dir, 'out2'), '--format', 'epub']);
  expect(guessed.status).toBe(0);
  expect(guessed.stderr).toContain(`${file}:1:11: warning: not UTF-8; read as Windows-1252 (first byte 0xe9)`);
});

test('quire inspect --encoding', () => {
  const dir = tempDir('quire-enc-');
  const file = path.join(dir, 'story.txt');
  fs.writeFileSync(file, CP1252);
  const run = quire(['inspect', file, '--encoding', 'cp1252']);
  expect(run.status).toBe(0);
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout).meta.title).toBe('Caf\u00e9 Nights');
});

test('an unknown --encoding is a usage error', () => {
  const run = quire(['build', 'x.txt', '--encoding', 'klingon-8']);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/^quire: error: unknown encoding klingon-8/);
});

test('an unknown quire.encoding in book.yaml is an error at its line and column', () => {
  const dir = tempDir('quire-enc-');
  fs.writeFileSync(path.join(dir, 'book.yaml'), 'title: T\nquire:\n  encoding: klingon-8\n');
  fs.writeFileSync(path.join(dir, '01.txt'), 'Text.\n');
  const run = quire(['build', dir, '--out', path.join(dir, 'out')]);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`${path.join(dir, 'book.yaml')}:3:13: error: \`quire.encoding\` is not an encoding quire knows`);
});

test('the leaves-of-grass corpus folder builds: its SOURCE.txt and LICENSE.md are skipped, not read as chapters', async () => {
  const dir = path.dirname(corpusFile('leaves-of-grass/leaves-of-grass.md'));
  const out = tempDir('quire-log-');
  const run = quire(['build', dir, '--out', out, '--format', 'epub', '--verbose']);
  expect(run.status).toBe(0);
  expect(run.stderr).toContain('SOURCE.txt:1:1: info: SOURCE.txt is not part of the manuscript');
  expect(run.stderr).toContain('LICENSE.md:1:1: info: LICENSE.md is not part of the manuscript');
  const epub = run.stdout.trim();
  const text = await epubText(epub);
  expect(text).toContain('One\u2019s-self I sing');
  expect(text).not.toContain('Stresses: poetry');
  expect(text).not.toContain('believed to be in the United States public domain');
  epubs.push(epub);
});
