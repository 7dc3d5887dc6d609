/**
 * The README's test command, `npm test`, is `node scripts/test.js`: it installs the Debian tools the tests need when
 * they are missing (as root or with sudo), or says what to install, before it runs jest.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/tools';

const script = path.resolve(__dirname, '..', '..', 'scripts', 'test.js');

describe('npm test', () => {
  it('names each missing tool and the command that installs it when it cannot install them itself', () => {
    // A PATH with no tools on it, no apt-get and no sudo: what a machine without Debian's packages looks like.
    const empty = tempDir('quire-no-tools-');
    const run = spawnSync(process.execPath, [script], { env: { PATH: empty }, encoding: 'utf8' });
    fs.rmSync(empty, { recursive: true, force: true });
    expect(run.status).toBe(1);
    for (const pkg of ['poppler-utils', 'qpdf', 'default-jdk-headless', 'calibre', 'chromium']) expect(run.stderr).toContain(`  ${pkg}: `);
    expect(run.stderr).toContain('then run npm test again');
  });

  it('runs jest with the arguments it is given once the tools are there', () => {
    const run = spawnSync(process.execPath, [script, '--listTests', 'tests/cli/test-command'], { encoding: 'utf8', cwd: path.dirname(path.dirname(script)) });
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([__filename]);
  });
});
