/**
 * Bad input: every case ends in a good book or a message that says what is wrong and where, with the right exit
 * code. Each test writes a small manuscript, runs the real command, and checks exit code, message and position.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quire } from '../helpers/cli';
import { epubcheckMany, tempDir, unzip } from '../helpers/tools';

/** A manuscript in a fresh folder; returns the file's path. */
function manuscript(name: string, content: string | Buffer): string {
  const dir = tempDir('quire-err-');
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

function build(file: string, ...extra: string[]) {
  const out = path.join(path.dirname(file), 'dist');
  const run = quire(['build', file, '--out', out, ...extra]);
  return { ...run, out };
}

/** The first diagnostic line of stderr, parsed. */
function diagnostic(stderr: string): { file: string; line: number; column: number; severity: string; message: string } {
  const m = /^(.+?):(\d+):(\d+): (error|warning): (.*)$/m.exec(stderr);
  if (!m) throw new Error(`no positioned diagnostic in:\n${stderr}`);
  return { file: m[1], line: Number(m[2]), column: Number(m[3]), severity: m[4], message: m[5] };
}

/** EPUBs built by tests in this file, checked together at the end (one JVM). */
const built: string[] = [];
afterAll(() => {
  const results = epubcheckMany(built);
  for (const [file, result] of results) expect({ file, messages: result.messages }).toEqual({ file, messages: [] });
});

function expectNoActiveContent(xhtml: string): void {
  expect(xhtml).not.toMatch(/<script/i);
  expect(xhtml).not.toMatch(/\son[a-z]+\s*=/i);
  expect(xhtml).not.toMatch(/javascript:/i);
  expect(xhtml).not.toMatch(/<iframe|<object|<form|<embed/i);
}

async function epubText(file: string): Promise<string> {
  const entries = await unzip(fs.readFileSync(file));
  return [...entries].filter(([n]) => n.endsWith('.xhtml')).map(([, b]) => b.toString('utf8')).join('\n');
}

describe('front matter and metadata', () => {
  test('YAML that does not parse: error at its real line and column, exit 1, no output', () => {
    const file = manuscript('story.md', '---\ntitle: Fine\nsummary: "unterminated\nlang: en\n---\n\n# One\n\nText.\n');
    const run = build(file);
    expect(run.status).toBe(1);
    const d = diagnostic(run.stderr);
    expect(d).toMatchObject({ file, severity: 'error' });
    expect(d.message).toMatch(/^Front matter is not valid YAML|YAML/);
    expect(d.line).toBeGreaterThanOrEqual(3);
    expect(d.line).toBeLessThanOrEqual(5);
    expect(run.stderr).toContain('hint:');
    expect(run.stderr).toMatch(/> +\d+ \| /); // a code frame
    expect(fs.existsSync(run.out)).toBe(false);
  });

  test('a bad key line is reported on that line', () => {
    const file = manuscript('story.md', '---\ntitle: Fine\nauthor: Ann\n  bad: indent\n---\n\nText.\n');
    const run = build(file);
    expect(run.status).toBe(1);
    expect(diagnostic(run.stderr)).toMatchObject({ file, line: 4, severity: 'error' });
  });

  test('front matter that opens and never closes', () => {
    const file = manuscript('story.md', '---\ntitle: Open\n\n# One\n\nText.\n');
    const run = build(file);
    expect(run.status).toBe(1);
    expect(diagnostic(run.stderr)).toMatchObject({ file, line: 1, column: 1, severity: 'error' });
    expect(run.stderr).toMatch(/never closed/);
  });

  test('---js front matter is refused, not executed', () => {
    const marker = path.join(tempDir(), 'pwned');
    const file = manuscript('story.md', `---js\n{ title: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), 'T') }\n---\n\nText.\n`);
    const run = build(file);
    expect(run.status).toBe(1);
    expect(diagnostic(run.stderr)).toMatchObject({ file, line: 1, severity: 'error' });
    expect(fs.existsSync(marker)).toBe(false);
  });

  test.each([
    ['empty.md', ''],
    ['empty.txt', '\n\n'],
  ])('an empty file (%s) is an error at 1:1', (name, content) => {
    const file = manuscript(name, content);
    const run = build(file);
    expect(run.status).toBe(1);
    expect(diagnostic(run.stderr)).toMatchObject({ file, line: 1, column: 1, severity: 'error' });
    expect(run.stderr).toMatch(/empty/);
  });

  test.each([
    ['meta.md', '---\ntitle: Only Metadata\nauthor: Ann\n---\n'],
    ['meta.txt', 'Title: Only Metadata\nAuthor: Ann\n'],
  ])('a file with metadata and no story (%s) is an error', (name, content) => {
    const file = manuscript(name, content);
    const run = build(file);
    expect(run.status).toBe(1);
    const d = diagnostic(run.stderr);
    expect(d).toMatchObject({ file, severity: 'error' });
    expect(d.message).toMatch(/no story/);
  });

  test('unknown keys warn with a did-you-mean and the key position; the book builds', () => {
    const file = manuscript('story.txt', 'Title: Near Miss\nAuther: Ann\nBeta Reader: Bo\n\nChapter 1\n\nText here.\n');
    const run = build(file, '--format', 'epub');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`${file}:2:1: warning: unknown metadata key \`Auther\``);
    expect(run.stderr).toContain('hint: did you mean `author`?');
    expect(run.stderr).toContain(`${file}:3:1: warning: unknown metadata key \`Beta Reader\``);
    built.push(run.stdout.trim());
  });

  test('an invalid language tag warns with its position and falls back to en', async () => {
    const file = manuscript('story.md', '---\ntitle: Lang\nlang: english please\n---\n\nText.\n');
    const run = build(file, '--format', 'epub');
    expect(run.status).toBe(0);
    expect(diagnostic(run.stderr)).toMatchObject({ file, line: 3, severity: 'warning' });
    expect(await epubText(run.stdout.trim())).toContain('xml:lang="en"');
    built.push(run.stdout.trim());
  });
});

describe('encodings and characters', () => {
  test('text that is not UTF-8 is read as Windows-1252, with a warning at the first such byte', async () => {
    const file = manuscript('story.txt', Buffer.concat([Buffer.from('Title: Latin\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait.\n')]));
    const run = build(file, '--format', 'epub');
    expect(run.status).toBe(0);
    expect(diagnostic(run.stderr)).toMatchObject({ file, line: 3, column: 4, severity: 'warning' });
    expect(run.stderr).toMatch(/not UTF-8; read as Windows-1252 \(first byte 0xe9\)/);
    expect(run.stderr).toMatch(/hint: .*--encoding/);
    expect(await epubText(run.stdout.trim())).toContain('Caf\u00e9 au lait.');
    built.push(run.stdout.trim());
  });

  test('--encoding utf-8 on text that is not UTF-8: error at the first bad byte', () => {
    const file = manuscript('story.txt', Buffer.concat([Buffer.from('Title: Latin\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait.\n')]));
    const run = build(file, '--encoding', 'utf-8');
    expect(run.status).toBe(1);
    expect(diagnostic(run.stderr)).toMatchObject({ file, line: 3, column: 4, severity: 'error' });
    expect(run.stderr).toMatch(/invalid UTF-8 byte 0xe9/);
  });

  test('a binary file is refused clearly', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201b1d2ae9c0000000049454e44ae426082', 'hex');
    const file = manuscript('story.txt', png);
    const run = build(file);
    expect(run.status).toBe(1);
    expect(diagnostic(run.stderr)).toMatchObject({ file, line: 1, column: 1, severity: 'error', message: 'file is binary, not a text manuscript' });
  });

  test('NUL and other control characters are removed with a warning and never reach the output', async () => {
    const file = manuscript('story.txt', 'Title: Controls\n\nA bell\u0007 and a nul\u0000 in text.\n');
    const run = build(file, '--format', 'epub');
    expect(run.status).toBe(0);
    expect(diagnostic(run.stderr)).toMatchObject({ file, line: 3, column: 7, severity: 'warning' });
    const xhtml = await epubText(run.stdout.trim());
    expect(xhtml).toContain('A bell and a nul in text.');
    expect(xhtml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    built.push(run.stdout.trim());
  });
});

describe('hostile Markdown', () => {
  test('raw HTML, event handlers and javascript: URLs never reach the EPUB', async () => {
    const file = manuscript(
      'story.md',
      [
        '---',
        'title: Hostile',
        '---',
        '',
        '<script>alert(1)</script>',
        '',
        'Text <img src="https://example.invalid/x.png" alt="pic" onerror="alert(1)"> and <a href="javascript:alert(2)">a link</a>.',
        '',
        '[click](javascript:alert(3)) and [data](data:text/html;base64,PHNjcmlwdD4=) and <iframe src="https://evil.example"></iframe>',
        '',
        '<div onclick="alert(4)"><form action="/x"><object data="x.swf"></object></form></div>',
        '',
        '<p>unclosed <b>bold <i>both</p>',
        '',
      ].join('\n'),
    );
    const run = build(file, '--format', 'epub');
    expect(run.status).toBe(0);
    const xhtml = await epubText(run.stdout.trim());
    expectNoActiveContent(xhtml);
    expect(xhtml).not.toContain('alert(');
    expect(xhtml).toContain('a link'); // the text of a dropped link stays
    expect(xhtml).toMatch(/unclosed <strong>bold <em>both<\/em><\/strong>/); // malformed HTML cannot break the XHTML
    expect(diagnostic(run.stderr)).toMatchObject({ file, line: 5, severity: 'warning' });
    expect(run.stderr).toMatch(/removed raw HTML that quire does not keep: <script>/);
    built.push(run.stdout.trim());
  });
});

describe('images', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201b1d2ae9c0000000049454e44ae426082', 'hex');

  function bookWithImage(url: string, setup?: (dir: string) => void): string {
    const file = manuscript('story.md', `---\ntitle: Pictures\n---\n\nBefore.\n\n![A lighthouse](${url})\n\nAfter.\n`);
    setup?.(path.dirname(file));
    return file;
  }

  test('a missing image is an error at the image', () => {
    const file = bookWithImage('images/missing.png');
    const run = build(file);
    expect(run.status).toBe(1);
    expect(diagnostic(run.stderr)).toMatchObject({ file, line: 7, severity: 'error' });
    expect(run.stderr).toMatch(/images\/missing\.png does not exist/);
  });

  test('a path outside the manuscript folder is refused, through .. or a symbolic link', () => {
    const outsideDir = tempDir();
    fs.writeFileSync(path.join(outsideDir, 'secret.png'), PNG);
    const viaDots = bookWithImage(path.relative(tempDir(), path.join(outsideDir, 'secret.png')).replace(/^/, '../'));
    const dots = build(viaDots);
    expect(dots.status).toBe(1);
    expect(diagnostic(dots.stderr)).toMatchObject({ file: viaDots, line: 7, severity: 'error' });
    expect(dots.stderr).toMatch(/outside the manuscript folder|does not exist/);

    const viaLink = bookWithImage('link.png', (dir) => fs.symlinkSync(path.join(outsideDir, 'secret.png'), path.join(dir, 'link.png')));
    const link = build(viaLink);
    expect(link.status).toBe(1);
    expect(diagnostic(link.stderr)).toMatchObject({ file: viaLink, line: 7, severity: 'error' });
    expect(link.stderr).toMatch(/outside the manuscript folder/);
  });

  test('a remote URL is never fetched: a warning, and the alt text stands in', async () => {
    const file = bookWithImage('https://example.invalid/lighthouse.png');
    const run = build(file);
    expect(run.status).toBe(0);
    expect(diagnostic(run.stderr)).toMatchObject({ file, line: 7, severity: 'warning' });
    const [epub] = run.stdout.trim().split('\n');
    const xhtml = await epubText(epub);
    expect(xhtml).toContain('A lighthouse');
    expect(xhtml).not.toContain('example.invalid');
    built.push(epub);
  });

  test('an unsupported image is an error; a corrupt one too', () => {
    const bmp = bookWithImage('pic.bmp', (dir) => fs.writeFileSync(path.join(dir, 'pic.bmp'), Buffer.from('BM\x00\x00\x00\x00', 'latin1')));
    const unsupported = build(bmp);
    expect(unsupported.status).toBe(1);
    expect(diagnostic(unsupported.stderr)).toMatchObject({ file: bmp, line: 7, severity: 'error' });
    expect(unsupported.stderr).toMatch(/not a PNG, JPEG, GIF, WebP or SVG/);

    const broken = bookWithImage('pic.png', (dir) => fs.writeFileSync(path.join(dir, 'pic.png'), PNG.subarray(0, 12)));
    const corrupt = build(broken);
    expect(corrupt.status).toBe(1);
    expect(diagnostic(corrupt.stderr)).toMatchObject({ file: broken, line: 7, severity: 'error' });
    expect(corrupt.stderr).toMatch(/damaged/);
  });

  test('a PNG whose compressed data is damaged is an error at the image, before any renderer reads it', () => {
    // PNG's header is whole but its IDAT stream fails zlib's check: the PDF's PNG decoder used to crash the process.
    const file = bookWithImage('pic.png', (dir) => fs.writeFileSync(path.join(dir, 'pic.png'), PNG));
    const run = build(file, '--format', 'epub,pdf');
    expect(run.status).toBe(1);
    expect(diagnostic(run.stderr)).toMatchObject({ file, line: 7, severity: 'error' });
    expect(run.stderr).toMatch(/image pic\.png is damaged: its PNG data cannot be read/);
    expect(run.stderr).not.toMatch(/incorrect data check|\n\s+at /);
  });

  test('a whole PNG passes the check', () => {
    const whole = fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'render', 'epub', 'dot.png'));
    const file = bookWithImage('pic.png', (dir) => fs.writeFileSync(path.join(dir, 'pic.png'), whole));
    const run = build(file, '--format', 'epub,pdf');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('structure', () => {
  test('thousands of nested block quotes: a valid book and a warning, no stack overflow', () => {
    const file = manuscript('deep.md', `---\ntitle: Deep\n---\n\n${'>'.repeat(5000)} bottom\n\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n`);
    const run = build(file);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/RangeError|Maximum call stack/);
    expect(diagnostic(run.stderr)).toMatchObject({ file, severity: 'warning' });
    built.push(run.stdout.trim().split('\n')[0]);
  });

  test('footnotes referenced but undefined, defined but unused, and duplicate chapter titles: warnings, valid output', () => {
    const file = manuscript('notes.md', '---\ntitle: Notes\n---\n\n# Same\n\nA reference[^gone] here and [^1] there.\n\n[^1]: Used.\n\n[^spare]: Never used.\n\n# Same\n\nMore.\n');
    const run = build(file, '--format', 'epub');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/warning: .*\[\^spare\].*never referenced/);
    expect(run.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:13:1: warning: another chapter is already titled`));
    built.push(run.stdout.trim());
  });
});

describe('JSON diagnostics and no stack traces', () => {
  test('--json prints one JSON object per diagnostic', () => {
    const file = manuscript('story.txt', 'Title: J\nAuther: Ann\n\nText.\n');
    const run = quire(['build', file, '--out', path.join(path.dirname(file), 'dist'), '--format', 'epub', '--json']);
    expect(run.status).toBe(0);
    const messages = run.stderr.trim().split('\n').map((l) => JSON.parse(l));
    expect(messages[0]).toMatchObject({ severity: 'warning', rule: 'unknown-key', hint: 'did you mean `author`?', position: { file, start: { line: 2, column: 1 } } });
    built.push(run.stdout.trim());
  });

  test('--json errors carry the rule and position', () => {
    const file = manuscript('story.md', '---\ntitle: [oops\n---\n\nText.\n');
    const run = quire(['build', file, '--json']);
    expect(run.status).toBe(1);
    const d = JSON.parse(run.stderr.trim().split('\n')[0]);
    expect(d).toMatchObject({ severity: 'error', rule: 'yaml-invalid', position: { file } });
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
