/** `quire init`: a new book that builds to a valid EPUB as it stands, user templates that override the built-in ones, and template errors at their line. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quire, REPO } from '../helpers/cli';
import { epubcheckMany, pdfText, tempDir, unzip } from '../helpers/tools';

const built: string[] = [];
afterAll(() => {
  for (const [file, result] of epubcheckMany(built)) expect({ file, messages: result.messages }).toEqual({ file, messages: [] });
});

test('init scaffolds a book whose package.json builds it with quire, and the book builds to a valid EPUB', () => {
  const dir = path.join(tempDir(), 'night-ferry');
  const run = quire(['init', dir]);
  expect(run.status).toBe(0);
  const files = run.stdout.trim().split('\n').map((f) => path.relative(dir, f)).sort();
  expect(files).toEqual(['.gitignore', 'manuscript/1-beginning.md', 'manuscript/book.yaml', 'package.json']);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  expect(pkg.scripts.build).toBe('quire build');
  expect(pkg.scripts.preview).toBe('quire preview');
  expect(pkg.name).toBe('night-ferry');
  // The dependency is this copy of quire, by path: `npm install` links it and `npm run build` finds `quire`.
  expect(path.resolve(dir, pkg.devDependencies.quire.replace(/^file:/, ''))).toBe(REPO);
  expect(fs.readFileSync(path.join(dir, 'manuscript', 'book.yaml'), 'utf8')).toMatch(/^title: "Night Ferry"$/m);

  const build = quire(['build'], { cwd: dir });
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
  expect(build.stdout).toBe(`${path.join('dist', 'night-ferry.epub')}\n${path.join('dist', 'night-ferry.pdf')}\n`);
  built.push(path.join(dir, 'dist', 'night-ferry.epub'));
});

test('a newcomer\'s `npm install && npm run build` in the new book works (offline: quire is linked by path)', () => {
  const dir = path.join(tempDir(), 'first-book');
  expect(quire(['init', dir]).status).toBe(0);
  const npm = (args: string[]) => spawnSync('npm', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  const install = npm(['install', '--offline']);
  expect({ status: install.status, stderr: install.stderr }).toMatchObject({ status: 0 });
  expect(fs.realpathSync(path.join(dir, 'node_modules', 'quire'))).toBe(fs.realpathSync(REPO));
  const build = npm(['run', 'build']);
  expect(build.status).toBe(0);
  expect(build.stdout).toContain(path.join('dist', 'first-book.epub'));
  expect(fs.existsSync(path.join(dir, 'dist', 'first-book.pdf'))).toBe(true);
});

test('init refuses to overwrite anything and writes nothing then', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name": "mine"}\n');
  const run = quire(['init'], { cwd: dir });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/^error: package\.json already exists; nothing was written$/m);
  expect(run.stderr).toContain('hint: Run `quire init` in an empty folder');
  expect(fs.readdirSync(dir)).toEqual(['package.json']);
  expect(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe('{"name": "mine"}\n');
});

test('init takes at most one folder', () => {
  expect(quire(['init', 'a', 'b'])).toMatchObject({ status: 2, stderr: expect.stringContaining('init takes at most one DIR') });
});

test('init --templates copies every built-in template, and edited copies override the EPUB and the PDF', async () => {
  const dir = path.join(tempDir(), 'lamp');
  expect(quire(['init', dir, '--templates']).status).toBe(0);
  // All but the preview's page (templates/preview/), which is quire's own and not overridable.
  const builtin = fs.readdirSync(path.join(REPO, 'templates'), { recursive: true }).map(String).filter((rel) => rel !== 'preview' && !rel.startsWith(`preview${path.sep}`)).sort();
  expect(builtin).toContain(path.join('epub', 'style.css'));
  expect(fs.readdirSync(path.join(dir, 'templates'), { recursive: true }).map(String).sort()).toEqual(builtin);

  const opening = path.join(dir, 'templates', 'epub', 'chapter-opening.ejs');
  fs.writeFileSync(opening, fs.readFileSync(opening, 'utf8').replace('<h1 class="chapter-title">', '<h1 class="chapter-title" title="<%= label %>">'));
  const titlePage = path.join(dir, 'templates', 'pdf', 'title-page.ejs');
  fs.writeFileSync(titlePage, fs.readFileSync(titlePage, 'utf8').replace("{ content: 'title', font: 'bold', size: t.title }", "{ content: 'title', font: 'bold', size: t.title }, { text: 'Table of Lamps' }"));
  const run = quire(['build'], { cwd: dir });
  expect(run.status).toBe(0);
  const epub = path.join(dir, 'dist', 'lamp.epub');
  const chapter = (await unzip(fs.readFileSync(epub))).get('OEBPS/chapter-1.xhtml')!.toString('utf8');
  expect(chapter).toContain('<h1 class="chapter-title" title="Chapter 1">');
  built.push(epub);
  expect(pdfText(path.join(dir, 'dist', 'lamp.pdf'))).toContain('Table of Lamps');
});

test.each([
  ['an undefined variable', 'dedication.ejs', '<section>\n<p>For <%= dedicatee %></p>\n</section>\n', 2, 8, 'dedicatee is not defined'],
  ['a syntax error', 'title-page.ejs', '<section>\n<h1><%= title %></h1>\n<% if (subtitle) { %>\n<p><%= subtitle.toUpperCase( %></p>\n<% } %>\n</section>\n', 4, 4, 'missing ) after argument list'],
  ['an unclosed tag', 'chapter-opening.ejs', '<h1>\n  <%- heading \n</h1>\n', 2, 3, 'Could not find matching close tag'],
  // A package document, rendered like every page through render/template.ts.
  ['a runtime error in a package template', 'content.opf.ejs', '<?xml version="1.0"?>\n<package>\n  <%= quire.pkg.nope.x %>\n</package>\n', 3, 3, "Cannot read properties of undefined (reading 'x')"],
])('a template with %s is an error at its line, exit 1', (_name, template, text, line, column, message) => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'manuscript'));
  fs.mkdirSync(path.join(dir, 'templates', 'epub'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'manuscript', 'story.md'), '---\ntitle: Templated\nsubtitle: A Test\ndedication: For you.\n---\n\n# One\n\nText.\n');
  fs.writeFileSync(path.join(dir, 'templates', 'epub', template), text);
  const run = quire(['build', '--format', 'epub'], { cwd: dir });
  expect(run.status).toBe(1);
  const file = path.join(dir, 'templates', 'epub', template);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expect(run.stderr).toMatch(new RegExp(`^${escape(file)}:${line}:${column}: error: template epub/${escape(template)} failed: ${escape(message)}`, 'm'));
  expect(run.stderr).not.toMatch(/internal error/);
});

test('a mistyped value in a user theme.json is an error at its line and column', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'manuscript'));
  fs.mkdirSync(path.join(dir, 'templates', 'pdf'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'manuscript', 'story.md'), '---\ntitle: Themed\n---\n\nText.\n');
  const theme = fs.readFileSync(path.join(REPO, 'templates', 'pdf', 'theme.json'), 'utf8').replace('"size": 10,', '"size": "ten",');
  fs.writeFileSync(path.join(dir, 'templates', 'pdf', 'theme.json'), theme);
  const run = quire(['build', '--format', 'pdf'], { cwd: dir });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`${path.join(dir, 'templates', 'pdf', 'theme.json')}:3:21: error: \`theme.body.size\` should be a non-negative number`);
});
