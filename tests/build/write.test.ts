/** Output writes: every file-system failure becomes `cannot write to DIR: <reason>` (rule write-failed), nothing else does. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeAtomic, writingTo } from '../../src/build/write';
import { QuireError } from '../../src/diagnostics/types';
import { tempDir } from '../helpers/tools';

/** The message `writingTo('out', …)` gives when the work fails with this errno code. */
function messageFor(code: string, message = `${code}: something, write 'out/x'`): string {
  try {
    writingTo('out', () => {
      throw Object.assign(new Error(message), { code });
    });
  } catch (e) {
    if (e instanceof QuireError && e.diagnostic.rule === 'write-failed') return e.message;
    throw e;
  }
  throw new Error('no error');
}

test.each([
  ['EACCES', 'cannot write to out: permission denied'],
  ['EPERM', 'cannot write to out: permission denied'],
  ['EROFS', 'cannot write to out: the file system is read-only'],
  ['ENOSPC', 'cannot write to out: no space left on the device'],
])('%s: %s', (code, expected) => {
  expect(messageFor(code)).toBe(expected);
});

test('another errno keeps Node\'s words, without the code and the path', () => {
  expect(messageFor('ENAMETOOLONG', "ENAMETOOLONG: name too long, open 'out/xxxx'")).toBe('cannot write to out: name too long');
});

test('an error that is not the file system\'s passes through as it is', () => {
  expect(() => writingTo('out', () => {
    throw new TypeError('a bug');
  })).toThrow(TypeError);
});

test('writeAtomic leaves no temporary file behind, and replaces the target whole', () => {
  const dir = tempDir('quire-write-');
  const target = path.join(dir, 'deep', 'book.txt');
  writeAtomic(target, Buffer.from('one'));
  writeAtomic(target, Buffer.from('two'));
  expect(fs.readFileSync(target, 'utf8')).toBe('two');
  expect(fs.readdirSync(path.dirname(target))).toEqual(['book.txt']);
});
