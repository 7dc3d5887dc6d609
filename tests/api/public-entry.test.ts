/**
 * The library through its public entry point, as a user's project gets it: `require('quire')` resolves through
 * package.json (`main`, `types`) of this repository, linked into a fresh project's node_modules. The code is the
 * README's own example, type-checked with tsc and run with node, so the README stays true.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../helpers/cli';
import { tempDir } from '../helpers/tools';

/** The first ```ts block under the README's "Library API" heading. */
function readmeExample(): string {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Library API'));
  const m = /```ts\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('README has no ```ts example under "### Library API"');
  return m[1];
}

test('the README example is ten lines or so, type-checks against lib/index.d.ts and builds the sample book', () => {
  const code = readmeExample();
  expect(code.trim().split('\n').length).toBeLessThanOrEqual(12);
  expect(code).toMatch(/import \{[^}]*\bread\b[^}]*\bbuild\b[^}]*\brenderers\b[^}]*\} from 'quire'/);

  const dir = tempDir('quire-api-');
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(REPO, path.join(dir, 'node_modules', 'quire'), 'dir');
  fs.cpSync(path.join(REPO, 'manuscript'), path.join(dir, 'manuscript'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'example.ts'), code);
  const tsc = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
  // Strict type-checking of the example against the published declarations (types: lib/index.d.ts).
  execFileSync(process.execPath, [tsc, '--strict', '--module', 'commonjs', '--target', 'es2022', '--esModuleInterop', '--skipLibCheck', '--typeRoots', path.join(REPO, 'node_modules', '@types'), '--types', 'node', 'example.ts'], { cwd: dir, encoding: 'utf8' });
  const stdout = execFileSync(process.execPath, ['example.js'], { cwd: dir, encoding: 'utf8' });
  expect(stdout).toContain('The Keeper of Small Lights');
  expect(stdout).toMatch(/^formats: epub, pdf, html, txt$/m);
  expect(stdout).toContain(path.join('dist', 'the-keeper-of-small-lights.epub'));
  expect(fs.existsSync(path.join(dir, 'dist', 'the-keeper-of-small-lights.epub'))).toBe(true);
  expect(fs.existsSync(path.join(dir, 'dist', 'SHA256SUMS'))).toBe(true);
});

test('the entry point exports the pipeline the CLI uses', () => {
  const api = require(REPO) as Record<string, unknown>;
  for (const name of ['read', 'build', 'render', 'renderers', 'CollectingReporter', 'loadConfig', 'uploadSheet', 'sha256sums', 'archiveMetadataCsv']) expect(typeof api[name]).not.toBe('undefined');
  expect(Object.keys(api.renderers as object)).toEqual(['epub', 'pdf', 'html', 'txt']);
});
