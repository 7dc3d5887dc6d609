/**
 * DAISY Ace, the accessibility checker publishers use, on quire's EPUBs: no violations. `../shared/tools/ace.sh`
 * runs Ace headless in Debian's Chromium (installing Ace once into ~/.cache/quire-ace from npm) and prints
 * "ace: N violations"; it exits 0 with none, 1 with some, 2 when the tool itself failed. A missing script or a tool
 * failure fails the test, never skips it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quire, REPO } from '../helpers/cli';
import { corpusFile, requireTool, tempDir } from '../helpers/tools';

const ACE = path.resolve(REPO, '..', 'shared', 'tools', 'ace.sh');
const BOOKS = path.join(REPO, 'tests', 'fixtures', 'books');

function buildEpub(input: string): string {
  const out = tempDir('quire-ace-');
  const run = quire(['build', input, '--out', out, '--format', 'epub']);
  if (run.status !== 0) throw new Error(`quire build ${input} exited ${run.status}:\n${run.stderr}`);
  const epub = run.stdout.trim().split('\n').find((l) => l.endsWith('.epub'));
  if (!epub || !fs.existsSync(epub)) throw new Error(`quire build ${input} wrote no EPUB:\n${run.stdout}`);
  return epub;
}

/** Runs ace.sh; a tool failure (exit 2, or no summary line) throws. */
function ace(epub: string): { violations: number; lines: string[] } {
  if (!fs.existsSync(ACE)) throw new Error(`DAISY Ace's runner is missing at ${ACE} (../shared must sit beside the repository)`);
  requireTool('chromium', 'chromium');
  requireTool('npm', 'npm');
  const run = spawnSync('bash', [ACE, epub], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 15 * 60_000 });
  const output = `${run.stdout}\n${run.stderr}`;
  const summary = /^ace: (\d+) violations/m.exec(run.stdout);
  if (run.status === 2 || run.status === null || !summary) throw new Error(`ace.sh failed (exit ${run.status ?? run.signal}) on ${epub}:\n${output.trim()}`);
  const violations = Number(summary[1]);
  if ((violations === 0) !== (run.status === 0)) throw new Error(`ace.sh exited ${run.status} with ${violations} violations:\n${output.trim()}`);
  return { violations, lines: run.stdout.split('\n').filter((l) => l.trim() && !l.startsWith('ace: ')) };
}

const INPUTS: [string, () => string][] = [
  ['the seed (fan-fiction plain text)', () => corpusFile('seed/000_27920b3cbfe5b9b8.txt')],
  ['the sample book (manuscript/)', () => path.join(REPO, 'manuscript')],
  ['Salt & Silver (a Markdown collection with parts, a dedication and a footnote)', () => path.join(BOOKS, 'salt-and-silver')],
  ['the Hebrew book (right to left)', () => path.join(BOOKS, 'hebrew')],
  ['the Japanese book', () => path.join(BOOKS, 'japanese')],
];

// One at a time: each run starts Chromium and takes 5 to 15 seconds.
test.each(INPUTS)('DAISY Ace finds no violations in %s', (_name, input) => {
  const result = ace(buildEpub(input()));
  expect(result).toEqual({ violations: 0, lines: [] });
}, 16 * 60_000);
