/**
 * Renderer goldens: the small book in tests/fixtures/books/small-hours (a title, an author, a summary, two chapters
 * with emphasis, a footnote, a list and a scene break), built by the `quire` command with SOURCE_DATE_EPOCH fixed,
 * and every output compared byte for byte with tests/fixtures/render/small-hours/:
 *
 * - `epub/`: the EPUB unzipped, its text entries as files (XHTML content documents, OPF, nav, NCX, CSS), and
 *   `epub/entries.txt` listing every entry in archive order, a binary one (the cover PNG) with its size and SHA-256,
 *   and the style sheet as `= templates/epub/style.css` while it is that template's copy;
 * - `txt/the-small-hours.txt`, the text output;
 * - `html/the-small-hours.ao3.html`, the AO3 HTML.
 *
 * A failure names each file that differs and shows a unified diff of the first. `UPDATE_GOLDENS=1` rewrites the
 * folder (tests/helpers/golden.ts); read `git diff tests/fixtures/render/small-hours` before committing it.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quire, REPO } from '../helpers/cli';
import { expectGoldenTree } from '../helpers/golden';
import { tempDir, unzip } from '../helpers/tools';
import { expectCleanEpubcheck } from './epub/render-helpers';

const BOOK = path.resolve(__dirname, '..', 'fixtures', 'books', 'small-hours');
const GOLDEN = path.resolve(__dirname, '..', 'fixtures', 'render', 'small-hours');
/** 2024-01-01T00:00:00Z. */
const EPOCH = '1704067200';
const TEXT = /\.(xhtml|opf|ncx|xml|css)$|^mimetype$/;
/** Entries copied from a built-in template: listed as the template's copy while they are one, not stored twice. */
const TEMPLATES: Record<string, string> = { 'OEBPS/style.css': 'templates/epub/style.css' };

let out: string;
beforeAll(() => {
  out = tempDir('quire-golden-');
  const run = quire(['build', BOOK, '--format', 'epub,html,txt', '--out', out], { env: { SOURCE_DATE_EPOCH: EPOCH } });
  if (run.status !== 0) throw new Error(`quire build failed (${run.status}):\n${run.stderr}`);
});

it('the EPUB: content documents, OPF and nav as text, every entry listed in archive order, binary ones by hash', async () => {
  const entries = await unzip(fs.readFileSync(path.join(out, 'the-small-hours.epub')));
  const files = new Map<string, string | Buffer>();
  const listing: string[] = [];
  for (const [name, bytes] of entries) {
    const template = TEMPLATES[name];
    if (template && bytes.equals(fs.readFileSync(path.join(REPO, template)))) listing.push(`${name} = ${template}`);
    else if (TEXT.test(name)) {
      files.set(name, bytes);
      listing.push(name);
    } else listing.push(`${name} ${bytes.length} bytes, sha256 ${createHash('sha256').update(bytes).digest('hex')}`);
  }
  files.set('entries.txt', `${listing.join('\n')}\n`);
  expectGoldenTree(path.join(GOLDEN, 'epub'), files);
});

it('the text output', () => {
  expectGoldenTree(path.join(GOLDEN, 'txt'), new Map([['the-small-hours.txt', fs.readFileSync(path.join(out, 'the-small-hours.txt'))]]));
});

it('the AO3 HTML output', () => {
  expectGoldenTree(path.join(GOLDEN, 'html'), new Map([['the-small-hours.ao3.html', fs.readFileSync(path.join(out, 'the-small-hours.ao3.html'))]]));
});

it('the EPUB the goldens hold passes EPUBCheck', () => {
  expectCleanEpubcheck(path.join(out, 'the-small-hours.epub'));
});
