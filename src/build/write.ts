/**
 * Writing the output folder: every file through a temporary file beside its target and an atomic rename, so a failed
 * or interrupted build leaves the previous files as they were; every file-system failure is one plain error,
 * `cannot write to DIR: <reason>`, never an internal error.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fail } from '../diagnostics/reporter';

/** Temporary files this process has open, removed if it is interrupted. */
const pending = new Set<string>();
let cleanupInstalled = false;
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const cleanup = () => {
    for (const file of pending) fs.rmSync(file, { force: true });
  };
  process.on('exit', cleanup);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      cleanup();
      // Die of the signal as if unhandled, unless the program handles it itself (`quire worker` finishes its jobs).
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

/** The nearest path at or above `dir` that exists but is not a folder (the file in the way), if any. */
function fileInTheWay(dir: string): string | undefined {
  for (let at = dir; path.dirname(at) !== at; at = path.dirname(at)) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(at);
    } catch {
      continue; // missing, or under the file in the way
    }
    return stat.isDirectory() ? undefined : at;
  }
  return undefined;
}

/** Why a file-system call failed, in words: `out/book.epub is a file`, `permission denied`. */
function reasonOf(error: NodeJS.ErrnoException, dir: string): string {
  switch (error.code) {
    case 'EEXIST':
    case 'ENOTDIR': {
      const file = fileInTheWay(dir);
      return file ? `${file} is a file, not a folder` : 'a file is in the way';
    }
    case 'EISDIR':
      return `${(error as { dest?: string }).dest ?? error.path ?? 'the target'} is a folder`;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is used up';
    default:
      // `ENAMETOOLONG: name too long, open '…'` → `name too long`
      return error.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/s, '');
  }
}

const isErrno = (e: unknown): e is NodeJS.ErrnoException => e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';

/** Runs `work`, which writes into `dir`; a file-system failure becomes the catalogued `write-failed` error naming `dir`. */
export function writingTo<T>(dir: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (!isErrno(e)) throw e;
    return fail('write-failed', `cannot write to ${dir}: ${reasonOf(e, dir)}`);
  }
}

/**
 * Writes `data` (bytes, or pieces of them in order) to `target` through a temporary file in the same folder and an
 * atomic rename.
 */
export function writeAtomic(target: string, data: Uint8Array | readonly Uint8Array[]): void {
  installCleanup();
  const dir = path.dirname(target);
  writingTo(dir, () => {
    fs.mkdirSync(dir, { recursive: true });
    const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
    pending.add(temp);
    try {
      if (data instanceof Uint8Array) fs.writeFileSync(temp, data);
      else writePieces(temp, data);
      fs.renameSync(temp, target);
    } finally {
      fs.rmSync(temp, { force: true });
      pending.delete(temp);
    }
  });
}

function writePieces(file: string, pieces: readonly Uint8Array[]): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const piece of pieces) for (let done = 0; done < piece.length; ) done += fs.writeSync(fd, piece, done);
  } finally {
    fs.closeSync(fd);
  }
}
