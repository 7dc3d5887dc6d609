/**
 * Every corpus book under every device profile passes EPUBCheck with no message at all. Each book is read once and
 * rendered four times; EPUBCheck runs two at a time. (About 32 checks: the slowest file of the suite.)
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parseEpubcheckJson } from '../../src/check/epubcheck';
import { CollectingReporter } from '../../src/diagnostics/reporter';
import { read, render } from '../../src/build';
import { PROFILES } from '../../src/render/epub';
import { corpusFile, EPUBCHECK_JAR, requireTool, tempDir } from '../helpers/tools';

const run = promisify(execFile);

/** pandoc's test suite is Markdown named `.txt`; it is read as `.md` beside the two images it shows. */
function pandocTestsuite(): string {
  const dir = tempDir('quire-pandoc-');
  fs.copyFileSync(corpusFile('pandoc/test/testsuite.txt'), path.join(dir, 'testsuite.md'));
  for (const image of ['lalune.jpg', 'movie.jpg']) fs.copyFileSync(corpusFile(`pandoc/test/${image}`), path.join(dir, image));
  return path.join(dir, 'testsuite.md');
}

const BOOKS: [name: string, input: () => string][] = [
  ['seed', () => corpusFile('seed/000_27920b3cbfe5b9b8.txt')],
  ['fanfic moby-dick', () => corpusFile('fanfic-style/moby-dick.txt')],
  ['fanfic northanger-abbey', () => corpusFile('fanfic-style/northanger-abbey.txt')],
  ['fanfic persuasion', () => corpusFile('fanfic-style/persuasion.txt')],
  ['novels moby-dick', () => corpusFile('novels/moby-dick.md')],
  ['war-and-peace', () => corpusFile('war-and-peace/war-and-peace.md')],
  ['leaves-of-grass', () => corpusFile('leaves-of-grass/leaves-of-grass.md')],
  ['pandoc testsuite', pandocTestsuite],
];

/** Runs `tasks` with at most `limit` running at once. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < tasks.length; i = next++) results[i] = await tasks[i]();
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

test('every corpus book builds under every profile with 0 EPUBCheck errors and 0 warnings', async () => {
  requireTool('java', 'default-jre-headless');
  if (!fs.existsSync(EPUBCHECK_JAR)) throw new Error(`EPUBCheck missing at ${EPUBCHECK_JAR}: apt-get install -y epubcheck`);
  const out = tempDir('quire-corpus-');
  const started = Date.now();
  const checks: (() => Promise<string>)[] = [];
  for (const [name, input] of BOOKS) {
    const report = new CollectingReporter();
    const file = input();
    const book = read(file, { report });
    for (const profile of PROFILES) {
      const [artifact] = await render(book, { input: file, formats: ['epub'], report, rendererOptions: { epub: { profile } } });
      const target = path.join(out, `${name.replace(/\W+/g, '-')}-${profile}${artifact.extension}`);
      fs.writeFileSync(target, artifact.data);
      checks.push(async () => {
        const t0 = Date.now();
        const { stdout } = await run('java', ['-jar', EPUBCHECK_JAR, '--json', '-', target], { maxBuffer: 256 << 20 }).catch((e: { stdout: string }) => e);
        const result = parseEpubcheckJson(stdout);
        const messages = result.messages.filter((m) => m.severity !== 'INFO' && m.severity !== 'USAGE');
        const seconds = ((Date.now() - t0) / 1000).toFixed(1);
        return `${name} / ${profile}: ${result.fatals + result.errors} errors, ${result.warnings} warnings (${seconds} s)${messages.map((m) => `\n  ${m.severity} ${m.id} ${m.path ?? ''}:${m.line ?? ''} ${m.message}`).join('')}`;
      });
    }
  }
  const lines = await pool(checks, 2);
  // Printed for the record (timings); the assertion is on the messages alone.
  console.log(`${lines.join('\n')}\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s`);
  expect(lines.map((l) => l.replace(/ \(\d+\.\d s\)/, ''))).toEqual(BOOKS.flatMap(([name]) => PROFILES.map((p) => `${name} / ${p}: 0 errors, 0 warnings`)));
}, 20 * 60_000);
