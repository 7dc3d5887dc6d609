/**
 * `quire init [DIR]`: starts a book. Writes `manuscript/` with a sample chapter and `book.yaml` (metadata, and a
 * `quire:` section listing every option at its default, from the option specs), a `package.json` whose `build`, `watch` and `preview` scripts run quire, a
 * `.gitignore`, and with `--templates` a copy of the built-in templates to edit. Refuses to overwrite anything.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILTIN_TEMPLATES } from '../assets';
import { initOptions } from '../config/docs';
import { fail } from '../diagnostics/reporter';
import { asciiSlug } from '../text/slug';

/** quire's own package folder (where `package.json` and `templates/` are). */
const PACKAGE_DIR = path.resolve(__dirname, '..', '..');

export interface InitOptions {
  /** Copy the built-in templates into `templates/`. */
  templates?: boolean;
}

/** `night-ferry` → `Night Ferry`. */
function titleFrom(dir: string): string {
  const name = path.basename(path.resolve(dir)).replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return name ? name.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, c: string) => space + c.toUpperCase()) : 'My Book';
}

const yamlString = (s: string) => JSON.stringify(s);

function bookYaml(title: string): string {
  return `# The book's metadata (the README's "Writing a manuscript" lists every key).
title: ${yamlString(title)}
author: Your Name
lang: en
rating: General Audiences
fandom: [Original Work]
summary: One or two sentences that make a reader want the book.
# rights: © 2026 Your Name. All rights reserved.   # with publisher:, identifier: or date:, adds a copyright page
# labels:                        # your own wording for words quire prints (the README lists every label)
#   contents: What's Inside
#   chapter: "Chapter {n}"

# Build options. Flags on the command line win over these; each line shows the default.
${initOptions()}
`;
}

const CHAPTER = `# Chapter 1: The Beginning

This is where the story starts. Write it in Markdown: *italics*, **bold**, and footnotes.[^1]

Each chapter can be its own file (\`1-beginning.md\`, \`2-middle.md\`, …); quire reads them in order.

* * *

A line of three asterisks is a scene break.

[^1]: Footnotes go after the chapter in the EPUB and at the foot of the page in the PDF.
`;

function packageJson(dir: string, title: string): string {
  const own = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string };
  // quire is not on the npm registry: the book depends on this copy of it, by path (npm links it on `npm install`).
  const relative = path.relative(path.resolve(dir), PACKAGE_DIR).split(path.sep).join('/') || '.';
  const pkg = {
    // npm package names are URL-safe ASCII.
    name: asciiSlug(title) || 'my-book',
    version: '1.0.0',
    private: true,
    description: `${title}, built with quire ${own.version}`,
    scripts: { build: 'quire build', watch: 'quire build --watch', preview: 'quire preview' },
    devDependencies: { quire: `file:${relative}` },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)))
    .sort();
}

/** Writes the new book's files into `dir` (created if missing); returns their paths. Fails before writing anything if one exists. */
export function initBook(dir: string, options: InitOptions = {}): string[] {
  const title = titleFrom(dir);
  const files = new Map<string, string | Buffer>([
    ['manuscript/book.yaml', bookYaml(title)],
    ['manuscript/1-beginning.md', CHAPTER],
    ['package.json', packageJson(dir, title)],
    ['.gitignore', 'node_modules/\ndist/\n'],
  ]);
  // templates/preview/ is the preview's page, quire's own, not a template a book overrides.
  const templates = filesUnder(BUILTIN_TEMPLATES).filter((rel) => !rel.startsWith(`preview${path.sep}`));
  if (options.templates) for (const rel of templates) files.set(path.join('templates', rel), fs.readFileSync(path.join(BUILTIN_TEMPLATES, rel)));
  const targets = [...files.keys()].map((rel) => path.join(dir, rel));
  const existing = targets.find((file) => fs.existsSync(file));
  if (existing) fail('init-exists', `${existing} already exists; nothing was written`);
  const written: string[] = [];
  for (const [rel, content] of files) {
    const target = path.join(dir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content, { flag: 'wx' }); // never overwrites, even a file made since the check
    written.push(target);
  }
  return written;
}
