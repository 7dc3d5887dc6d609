/**
 * `quire build --watch` end to end: the real command in a copy of the sample book; each step waits (at most 30 s)
 * for the line it expects, never for a time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, REPO } from '../helpers/cli';
import { tempDir } from '../helpers/tools';

const WAIT_MS = 30_000;

/** Collects a stream's text and resolves when a pattern appears after `from` (an index into the text). */
class Transcript {
  text = '';
  private waiters: (() => void)[] = [];
  constructor(stream: NodeJS.ReadableStream) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      this.text += chunk;
      for (const w of this.waiters) w();
    });
  }
  waitFor(pattern: RegExp, from = 0): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const m = pattern.exec(this.text.slice(from));
        if (m) {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== check);
          resolve(m);
        }
      };
      const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${WAIT_MS} ms; output so far:\n${this.text}`)), WAIT_MS);
      this.waiters.push(check);
      check();
    });
  }
}

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

test('build --watch rebuilds on changes, keeps running through a manuscript error, and stops cleanly on SIGINT', async () => {
  const dir = tempDir('quire-watch-');
  fs.cpSync(path.join(REPO, 'manuscript'), path.join(dir, 'manuscript'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'templates', 'epub'), { recursive: true });
  const story = path.join(dir, 'manuscript', 'the-keeper-of-small-lights.txt');
  const yaml = path.join(dir, 'manuscript', 'book.yaml');

  child = spawn(process.execPath, [BIN, 'build', '--watch', '--format', 'txt'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = new Transcript(child.stdout!);
  const err = new Transcript(child.stderr!);
  const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));

  await err.waitFor(/quire: watching manuscript, templates \(Ctrl-C to stop\)/);
  expect(out.text).toBe(`${path.join('dist', 'the-keeper-of-small-lights.txt')}\n`);

  // 1. A manuscript edit rebuilds.
  let mark = err.text.length;
  fs.appendFileSync(story, '\nOne more line, added while watching.\n');
  await err.waitFor(/quire: rebuilt dist\/the-keeper-of-small-lights\.txt in \d+ ms \(manuscript\/the-keeper-of-small-lights\.txt changed\)/, mark);
  expect(fs.readFileSync(path.join(dir, 'dist', 'the-keeper-of-small-lights.txt'), 'utf8')).toContain('One more line, added while watching.');

  // 2. An error in book.yaml is shown, and the watch goes on.
  mark = err.text.length;
  fs.writeFileSync(yaml, 'title: [unclosed\n');
  await err.waitFor(/manuscript\/book\.yaml:\d+:\d+: error: /, mark);
  await err.waitFor(/quire: build failed \(manuscript\/book\.yaml changed\); fix the error and save to rebuild/, mark);
  expect(child.exitCode).toBeNull();

  // 3. Fixing it rebuilds, under the new title.
  mark = err.text.length;
  fs.writeFileSync(yaml, 'title: Small Lights Again\n');
  await err.waitFor(/quire: rebuilt dist\/small-lights-again\.txt in \d+ ms/, mark);
  expect(fs.existsSync(path.join(dir, 'dist', 'small-lights-again.txt'))).toBe(true);

  // 4. A template change rebuilds too.
  mark = err.text.length;
  fs.writeFileSync(path.join(dir, 'templates', 'epub', 'style.css'), 'p { margin: 0; }\n');
  await err.waitFor(/quire: rebuilt .* \(templates\/epub\/style\.css changed\)/, mark);

  // Nothing of the progress line: stderr is a pipe, not a terminal.
  expect(err.text).not.toMatch(/\r|\x1b\[/);

  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(err.text).toContain('quire: stopped watching');
});
