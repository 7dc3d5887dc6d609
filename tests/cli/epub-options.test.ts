/** The EPUB options on the command line: --profile, --notes, --check, `quire check`, and builds that do not vary. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { quire } from '../helpers/cli';
import { tempDir } from '../helpers/tools';

const MANUSCRIPT = `---
title: Night Ferry
author: Wren Halloway
date: March 5, 2024
series: Crossings
tags: [sea, night]
---

# Chapter 1: Departure

The ferry left at nine.[^1] Nobody waved.

# Chapter 2: Arrival

It arrived at dawn.[^2]

[^1]: Nine by the harbour clock.
[^2]: Or near enough.
`;

function manuscript(): string {
  const dir = tempDir('quire-cli-epub-');
  fs.writeFileSync(path.join(dir, 'night-ferry.md'), MANUSCRIPT);
  return dir;
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test('--help documents the profiles, note placement, --check and the check command', () => {
  const run = quire(['--help']);
  expect(run.status).toBe(0);
  for (const text of ['--profile NAME', 'kindle, kobo', '--notes WHERE', '--check', 'quire check FILE.epub']) expect(run.stdout).toContain(text);
});

test.each([
  [['build', '--profile', 'nook'], '--profile must be one of generic, kindle, kobo, apple (got nook)'],
  [['build', '--notes', 'margin'], '--notes must be one of chapter, book (got margin)'],
  [['check'], 'check takes at least one FILE.epub'],
])('%j is a usage error', (args, message) => {
  const run = quire(args);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(`quire: error: ${message}`);
});

test('--profile kobo writes a .kepub.epub with koboSpans', async () => {
  const dir = manuscript();
  const run = quire(['build', 'night-ferry.md', '--format', 'epub', '--profile', 'kobo', '--out', 'out'], { cwd: dir });
  expect(run).toMatchObject({ status: 0, stdout: 'out/night-ferry.kepub.epub\n' });
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'out/night-ferry.kepub.epub')));
  expect(await zip.file('OEBPS/chapter-1.xhtml')?.async('string')).toContain('<span class="koboSpan" id="kobo.2.1">The ferry left at nine.</span>');
});

test('--notes book --check builds a Notes section and reports a clean EPUBCheck', async () => {
  const dir = manuscript();
  const run = quire(['build', 'night-ferry.md', '--format', 'epub', '--notes', 'book', '--check', '--out', 'out'], { cwd: dir });
  expect(run.stdout).toBe('out/night-ferry.epub\n');
  expect(run.stderr).toContain('out/night-ferry.epub: EPUBCheck 4.2.6: 0 errors, 0 warnings');
  expect(run.status).toBe(0);
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'out/night-ferry.epub')));
  expect(await zip.file('OEBPS/notes.xhtml')?.async('string')).toContain('Nine by the harbour clock.');
});

test('quire check: exit 0 for a valid EPUB, 1 with positioned messages for a broken one', async () => {
  const dir = manuscript();
  expect(quire(['build', 'night-ferry.md', '--format', 'epub', '--out', 'out'], { cwd: dir }).status).toBe(0);
  const good = path.join(dir, 'out/night-ferry.epub');
  const zip = await JSZip.loadAsync(fs.readFileSync(good));
  const doc = 'OEBPS/chapter-2.xhtml';
  zip.file(doc, ((await zip.file(doc)?.async('string')) ?? '').replace('<p>It arrived', '<p><blink>It</blink> arrived'));
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE' });
  const broken = path.join(dir, 'broken.epub');
  fs.writeFileSync(broken, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

  const ok = quire(['check', good]);
  expect(ok).toMatchObject({ status: 0, stdout: `${good}: EPUBCheck 4.2.6: 0 errors, 0 warnings\n` });
  const bad = quire(['check', broken]);
  expect(bad.status).toBe(1);
  expect(bad.stdout).toBe(`${broken}: EPUBCheck 4.2.6: 1 errors, 0 warnings\n`);
  expect(bad.stderr).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/${doc}:\\d+:\\d+: error: .*"blink" not allowed here.*\\(EPUBCheck RSC-005\\)`, 'm'));
});

test('two builds a second apart in different time zones give the same SHA-256', async () => {
  const dir = manuscript();
  const a = quire(['build', 'night-ferry.md', '--out', 'a'], { cwd: dir, env: { TZ: 'Pacific/Kiritimati' } });
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const b = quire(['build', 'night-ferry.md', '--out', 'b'], { cwd: dir, env: { TZ: 'America/Los_Angeles' } });
  expect([a.status, b.status]).toEqual([0, 0]);
  for (const name of ['night-ferry.epub', 'night-ferry.pdf']) expect(sha256(path.join(dir, 'b', name))).toBe(sha256(path.join(dir, 'a', name)));
  // The date written is the manuscript's, not the clock's.
  const opf = await (await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'a/night-ferry.epub')))).file('OEBPS/content.opf')?.async('string');
  expect(opf).toContain('<dc:date>2024-03-05</dc:date>');
  expect(opf).toContain('<meta property="dcterms:modified">2000-01-01T00:00:00Z</meta>');
});
