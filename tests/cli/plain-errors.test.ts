/**
 * Failures outside the manuscript are plain errors too: an output folder quire cannot write to, a usage error or an
 * internal error under `--json`, and `quire check` of a file that is not there. None is an "internal error … report
 * it", and each has its exit code.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quire } from '../helpers/cli';
import { tempDir } from '../helpers/tools';

/** A folder with a one-paragraph book in it (`a.md`). */
function bookDir(): string {
  const dir = tempDir('quire-plain-');
  fs.writeFileSync(path.join(dir, 'a.md'), '---\ntitle: Alpha\n---\n\nOne.\n');
  return dir;
}

describe('an output folder quire cannot write to: `error: cannot write to DIR: <reason>`, exit 1', () => {
  test('--out naming a file', () => {
    const dir = bookDir();
    fs.writeFileSync(path.join(dir, 'taken'), '');
    const run = quire(['build', 'a.md', '--out', 'taken', '--format', 'txt'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: cannot write to taken: taken is a file, not a folder$/m);
    expect(run.stderr).not.toContain('internal error');
  });

  test('--out under a file', () => {
    const dir = bookDir();
    fs.writeFileSync(path.join(dir, 'taken'), '');
    const run = quire(['build', 'a.md', '--out', 'taken/books', '--format', 'txt'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: cannot write to taken\/books: taken is a file, not a folder$/m);
  });

  test('a folder where the book would go', () => {
    const dir = bookDir();
    fs.mkdirSync(path.join(dir, 'out', 'alpha.txt'), { recursive: true });
    const run = quire(['build', 'a.md', '--out', 'out', '--format', 'txt'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: cannot write to out: out\/alpha\.txt is a folder$/m);
  });

  test('a folder without write permission (made immutable with chattr, since the tests run as root)', () => {
    const dir = bookDir();
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked);
    if (spawnSync('chattr', ['+i', locked]).status !== 0) {
      // chattr needs a file system and a capability not every machine gives; say so rather than pass in silence.
      console.warn('chattr +i is not available here: the permission case is not tested');
      return;
    }
    try {
      const run = quire(['build', 'a.md', '--out', 'locked', '--format', 'txt', '--json'], { cwd: dir });
      expect(run.status).toBe(1);
      expect(JSON.parse(run.stderr.trim())).toMatchObject({ severity: 'error', rule: 'write-failed', message: 'cannot write to locked: permission denied' });
      expect(fs.readdirSync(locked)).toEqual([]);
    } finally {
      spawnSync('chattr', ['-i', locked]);
    }
  });
});
