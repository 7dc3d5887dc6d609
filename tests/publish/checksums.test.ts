import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatSha256sums, parseSha256sums, sha256sums } from '../../src/publish/checksums';
import { requireTool } from '../helpers/tools';

const files = [
  { name: 'book.pdf', data: new TextEncoder().encode('%PDF-1.7 pretend') },
  { name: 'Book.epub', data: new Uint8Array([0x50, 0x4b, 3, 4]) },
  { name: 'book.upload.md', data: new TextEncoder().encode('# Upload sheet\n') },
  { name: 'odd\\name.txt', data: new TextEncoder().encode('backslash') },
];

test('the format is sha256sum\'s: hex, two spaces, name, sorted by name in byte order', () => {
  expect(sha256sums([{ name: 'abc.txt', data: new TextEncoder().encode('abc') }])).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  abc.txt\n');
  const sums = sha256sums(files.slice(0, 3));
  const lines = sums.split('\n');
  expect(lines.pop()).toBe('');
  expect(lines.map((l) => l.slice(66))).toEqual(['Book.epub', 'book.pdf', 'book.upload.md']);
  for (const line of lines) expect(line).toMatch(/^[0-9a-f]{64}  \S/);
});

test('sha256sum -c accepts the file, and rejects it when an output changes', () => {
  requireTool('sha256sum', 'coreutils');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-sums-'));
  try {
    for (const file of files) fs.writeFileSync(path.join(dir, file.name), file.data);
    fs.writeFileSync(path.join(dir, 'SHA256SUMS'), sha256sums(files));
    const ok = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(files.length);
    // Our bytes equal what sha256sum itself writes for the same files.
    const own = spawnSync('sha256sum', files.map((f) => f.name).sort(), { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    expect(sha256sums(files)).toBe(own.stdout.split('\n').filter(Boolean).sort((a, b) => Buffer.compare(Buffer.from(a.slice(a.indexOf('  ') + 2)), Buffer.from(b.slice(b.indexOf('  ') + 2)))).join('\n') + '\n');
    fs.writeFileSync(path.join(dir, 'book.pdf'), 'tampered');
    const bad = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('book.pdf: FAILED');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('parseSha256sums reads back what sha256sums writes, escaped names too, and skips lines of no such form', () => {
  const text = sha256sums(files);
  const lines = parseSha256sums(`${text}not a checksum line\n`);
  expect(lines.map((l) => l.name).sort()).toEqual(files.map((f) => f.name).sort());
  expect(formatSha256sums(lines)).toBe(text);
  // Binary mode (`*name`), as `sha256sum -b` writes it.
  expect(parseSha256sums(`${'a'.repeat(64)} *book.epub\n`)).toEqual([{ name: 'book.epub', hex: 'a'.repeat(64) }]);
});
