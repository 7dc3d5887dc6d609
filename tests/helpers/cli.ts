/** Runs the compiled `quire` command (bin.quire) as a user would, capturing stdout, stderr and the exit code. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..');
export const BIN = path.join(REPO, require(path.join(REPO, 'package.json')).bin.quire as string);

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** `node <bin.quire> ...args` in `cwd` (default: the repository). */
export function quire(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const marker = path.join(REPO, 'lib', '.compile-failed');
  if (fs.existsSync(marker)) throw new Error(`lib/ is stale: compiling src/ failed:\n${fs.readFileSync(marker, 'utf8')}`);
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  if (run.error) throw run.error;
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}
