/** CLI transcripts: command, input, expected stdout, stderr and exit code. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quire, REPO } from '../helpers/cli';
import { tempDir } from '../helpers/tools';

const version = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;

describe('usage', () => {
  test('--help prints the commands and exits 0', () => {
    const run = quire(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('quire build [INPUT...] [--out DIR] [--format epub,pdf]');
    expect(run.stdout).toContain('quire inspect INPUT');
  });

  test('--version prints the package version', () => {
    expect(quire(['--version'])).toEqual({ status: 0, stdout: `quire ${version}\n`, stderr: '' });
  });

  test.each([
    [['frobnicate'], 'unknown command frobnicate'],
    [['build', '--colour'], 'unknown option --colour'],
    [['build', '--format', 'docx'], 'unknown format docx'],
    [['build', '--out'], '--out needs a value'],
    [['inspect'], 'inspect takes exactly one INPUT'],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const run = quire(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`quire: error: ${message}`);
  });
});

describe('manuscript errors', () => {
  test('a missing input exits 1 with a message', () => {
    const run = quire(['build', 'no/such/file.md', '--out', tempDir()]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: no\/such\/file\.md does not exist/m);
  });

  test('invalid YAML front matter is reported at its line and column in the file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.md');
    fs.writeFileSync(file, '---\ntitle: Fine\nauthor: [unclosed\nlang: en\n---\n\n# One\n\nText.\n');
    const run = quire(['build', file, '--out', path.join(dir, 'out')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:[34]:\\d+: error: `, 'm'));
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test('an unsupported file type exits 1', () => {
    const dir = tempDir();
    const file = path.join(dir, 'story.rtf');
    fs.writeFileSync(file, 'x');
    const run = quire(['build', file, '--out', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error: cannot read story.rtf: not a .md, .markdown, .txt, .html, .htm, .xhtml, .docx file');
  });

  test('a failed build leaves the earlier outputs byte-identical and no temporary file', () => {
    const dir = tempDir();
    const out = path.join(dir, 'dist');
    const file = path.join(dir, 'story.md');
    fs.writeFileSync(file, '---\ntitle: Kept\n---\n\n# One\n\nThe first version.\n');
    const first = quire(['build', file, '--out', out, '--format', 'epub']);
    expect(first.status).toBe(0);
    const epub = path.join(out, 'kept.epub');
    const before = fs.readFileSync(epub);
    fs.writeFileSync(file, '---\ntitle: Kept\nauthor: [broken\n---\n\n# One\n\nThe second version.\n');
    const second = quire(['build', file, '--out', out, '--format', 'epub']);
    expect(second.status).toBe(1);
    expect(fs.readFileSync(epub).equals(before)).toBe(true);
    // The book and its archive kit from the first build; no temporary file.
    expect(fs.readdirSync(out).sort()).toEqual(['SHA256SUMS', 'kept.epub', 'kept.ia.csv']);
  });
});

describe('build and inspect', () => {
  test('build prints each written path on its own line, named after the title', () => {
    const dir = tempDir();
    const file = path.join(dir, 'story.txt');
    fs.writeFileSync(file, 'Title: A Small Test\n\nAuthor: Ann Example\n\nChapter 1: Start\n\nIt began.\n\nChapter 2: End\n\nIt ended.\n');
    const run = quire(['build', file, '--out', path.join(dir, 'dist')]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${path.join(dir, 'dist', 'a-small-test.epub')}\n${path.join(dir, 'dist', 'a-small-test.pdf')}\n`);
  });

  test('a book without a title takes the file name, with a warning', () => {
    const dir = tempDir();
    const file = path.join(dir, 'night-ferry.md');
    fs.writeFileSync(file, 'Just a paragraph of story.\n');
    const run = quire(['build', file, '--out', dir, '--format', 'epub']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(path.join(dir, 'night-ferry.epub'));
    expect(run.stderr).toContain(`${file}:1:1: warning: the manuscript has no title; using "Night ferry"`);
  });

  test('inspect prints the document model as JSON with a version and positions', () => {
    const run = quire(['inspect', 'manuscript']);
    expect(run.status).toBe(0);
    const book = JSON.parse(run.stdout);
    expect(book.type).toBe('book');
    expect(book.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(book.meta.title).toBe('The Keeper of Small Lights');
    expect(book.body[0].position.start.line).toBeGreaterThan(1);
    expect(book.stats.chapters).toBe(2);
  });

  /** `quire inspect` on a Markdown story titled Pictures whose body (from line 5) is `body`. */
  function inspectPictures(body: string): { file: string; run: ReturnType<typeof quire> } {
    const file = path.join(tempDir(), 'story.md');
    fs.writeFileSync(file, `---\ntitle: Pictures\n---\n\n${body}`);
    return { file, run: quire(['inspect', file]) };
  }

  test('inspect checks images as it reads: a missing image is an error at its line, and no model is printed', () => {
    const { file, run } = inspectPictures('Before.\n\n![A lighthouse](images/missing.png)\n\nAfter.\n');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7:1: error: image images/missing\\.png does not exist`, 'm'));
  });

  test('inspect shows a remote image as its alt text, with a warning at its line', () => {
    const { file, run } = inspectPictures('![A lighthouse](https://example.invalid/lighthouse.png)\n');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`${file}:5:1: warning: image \`https://example.invalid/lighthouse.png\` is not a local file`);
    const book = JSON.parse(run.stdout);
    expect(book.body[0].children[0]).toMatchObject({ type: 'paragraph', children: [{ type: 'text', value: 'A lighthouse' }] });
  });

  test('the default input is manuscript/ and the default output dist/', () => {
    const dir = tempDir();
    fs.cpSync(path.join(REPO, 'manuscript'), path.join(dir, 'manuscript'), { recursive: true });
    const run = quire(['build', '--format', 'epub'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${path.join('dist', 'the-keeper-of-small-lights.epub')}\n`);
    expect(fs.existsSync(path.join(dir, 'dist', 'the-keeper-of-small-lights.epub'))).toBe(true);
  });
});
