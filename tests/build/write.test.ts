/** Output writes: every file-system failure becomes `cannot write to DIR: <reason>` (rule write-failed), nothing else does. */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sha256File } from '../../src/build/checksums';
import { writeAtomic, writingTo } from '../../src/build/write';
import { sha256 } from '../../src/publish/checksums';
import { partsOf, piecedArtifact } from '../../src/render/types';
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

test('writeAtomic takes a file in pieces (a PDF in blocks) and writes them in order; sha256File reads it back in blocks', () => {
  const dir = tempDir('quire-write-');
  const target = path.join(dir, 'book.pdf');
  const pieces = [Buffer.alloc((1 << 20) + 5, 1), Buffer.from('middle'), Buffer.alloc(1 << 20, 2), Buffer.alloc(0), Buffer.from('%%EOF')];
  const whole = Buffer.concat(pieces);
  writeAtomic(target, pieces);
  expect(fs.readFileSync(target).equals(whole)).toBe(true);
  const hex = crypto.createHash('sha256').update(whole).digest('hex');
  expect(sha256File(target)).toBe(hex);
  expect(sha256(pieces)).toBe(hex);
  expect(sha256(whole)).toBe(hex);
  expect(fs.readdirSync(dir)).toEqual(['book.pdf']);
});

test('an artifact made in pieces joins them for `data` only when asked, once', () => {
  const parts = [Buffer.from('%PDF'), Buffer.from('-1.7')];
  const artifact = piecedArtifact(parts, '.pdf', 'application/pdf');
  expect(partsOf(artifact)).toBe(parts);
  expect(Buffer.from(artifact.data).toString()).toBe('%PDF-1.7');
  expect(artifact.data).toBe(artifact.data);
  const plain = { data: Buffer.from('x'), extension: '.txt' as const, mediaType: 'text/plain' };
  expect(partsOf(plain)).toEqual([plain.data]);
});
