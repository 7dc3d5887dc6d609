/**
 * Inputs → one Book: picks a reader by extension from the table, reads a single file or a whole folder (files in
 * natural order, metadata from `book.yaml` or the first file), and merges the pieces.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { YAMLException } from 'js-yaml';
import { fail, pointPosition } from '../diagnostics/reporter';
import { whenUsed } from '../files/packages';
import type { Reporter } from '../diagnostics/types';
import { emptyBook } from '../model/build-helpers';
import type { Block, Book, Position } from '../model/types';
import { decodeText, type DecodeOptions } from './decode';
import { addFrontMatterFromMeta, applyMetadata, canonicalKey, type MetaEntry } from './metadata';
import type { ReadContext, Reader } from './types';

// Only a folder with a book.yaml needs a YAML parser (a Markdown file's front matter is gray-matter's).
const jsYaml = whenUsed(() => require('js-yaml') as typeof import('js-yaml'));

/**
 * A table entry that loads its reader module on first use: a plain-text book never loads markdown-it, and only a
 * `.docx` loads mammoth. A `binary` reader is handed the file's bytes (`readBytes`) instead of its decoded text.
 */
function lazy(name: string, extensions: readonly string[], load: () => Reader, binary = false): Reader {
  const read: Reader['read'] = (text, ctx) => load().read(text, ctx);
  if (!binary) return { name, extensions, read };
  return { name, extensions, read, readBytes: (bytes, ctx) => load().readBytes!(bytes, ctx) };
}

/** The reader table, like pandoc's `readers`. The first reader listing an extension handles it. */
export const readers: readonly Reader[] = [
  lazy('markdown', ['.md', '.markdown'], () => (require('./markdown') as typeof import('./markdown')).markdownReader),
  lazy('plaintext', ['.txt'], () => (require('./plaintext') as typeof import('./plaintext')).plaintextReader),
  lazy('html', ['.html', '.htm', '.xhtml'], () => (require('./html') as typeof import('./html')).htmlReader),
  lazy('docx', ['.docx'], () => (require('./docx') as typeof import('./docx')).docxReader, true),
];

/** Every extension some reader handles, for messages: `.md, .markdown, .txt, …`. */
export const readableExtensions = (): string => readers.flatMap((r) => r.extensions).join(', ');

/** The reader for a file name, by extension. */
export function readerFor(file: string): Reader | undefined {
  const ext = path.extname(file).toLowerCase();
  return readers.find((r) => r.extensions.includes(ext));
}

/** `2-x` before `10-x`: numbers inside names compare by value. */
export const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

export const BOOK_YAML = ['book.yaml', 'book.yml'];

/** How to read an input. */
export interface ReadInputOptions {
  /** The encoding of every file read (an encoding label); found from each file's bytes when absent (see decode.ts). */
  encoding?: string;
}

/** How to read one file of an input. */
interface ReadFileOptions extends ReadInputOptions {
  /** The file is one of several merged into the book (see `ReadContext.oneOfSeveral`). */
  oneOfSeveral?: boolean;
}

/** Reads one manuscript file into a book whose root is the file's folder. */
export function readFile(file: string, report: Reporter, options: ReadFileOptions = {}): Book {
  const reader = readerFor(file);
  if (!reader) {
    fail('input-unsupported', `cannot read ${path.basename(file)}: not a ${readableExtensions()} file`, { position: pointPosition(file, 1) });
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    fail('input-not-found', `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const ctx = { file, report, ...(options.oneOfSeveral ? { oneOfSeveral: true } : {}) };
  const book = reader.readBytes ? reader.readBytes(bytes, ctx) : readText(reader, bytes, ctx, options.encoding);
  book.sources = [file];
  book.root = path.dirname(file);
  return book;
}

/** Decodes a text manuscript and reads it; an empty one is refused. */
function readText(reader: Reader, bytes: Buffer, ctx: ReadContext, encoding: string | undefined): Book {
  const text = decodeText(bytes, ctx.file, ctx.report, { encoding });
  if (!text.trim()) ctx.report.fail('input-empty', 'the manuscript is empty', { position: pointPosition(ctx.file, 1) });
  return reader.read(text, ctx);
}

/** A metadata text as paragraphs, one per blank-line-separated block (for `book.yaml` values). */
function plainParagraphs(text: string, position?: Position): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }], ...(position ? { position } : {}) }));
}

/** Reads `book.yaml`'s keys with the line of each, failing with the YAML's own position on a syntax error. */
function readBookYaml(file: string, report: Reporter, options: DecodeOptions): MetaEntry[] {
  const text = decodeText(fs.readFileSync(file), file, report, options);
  let data: unknown;
  try {
    const yaml = jsYaml();
    data = yaml.load(text, { filename: file, schema: yaml.CORE_SCHEMA });
  } catch (e) {
    const err = e as YAMLException;
    const mark = err.mark;
    report.fail('yaml-invalid', `book.yaml is not valid YAML: ${err.reason ?? err.message}`, {
      position: mark ? pointPosition(file, mark.line + 1, mark.column + 1) : pointPosition(file, 1),
    });
  }
  if (data === undefined || data === null) return [];
  if (typeof data !== 'object' || Array.isArray(data)) report.fail('yaml-not-mapping', 'book.yaml must hold `key: value` lines', { position: pointPosition(file, 1) });
  const lines = text.split(/\r?\n/);
  return Object.entries(data as Record<string, unknown>).map(([key, value]) => {
    const line = lines.findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`"${key}":`) || l.startsWith(`'${key}':`));
    const position: Position | undefined = line >= 0 ? pointPosition(file, line + 1, 1) : undefined;
    return { key, value, position };
  });
}

/**
 * Merges books read from the files of one folder: metadata and front matter from the first, sections, footnotes and
 * back matter from all. Footnote identifiers are prefixed per file so that `[^1]` in two files stays two notes.
 */
function merge(parts: Book[], root: string): Book {
  const book = emptyBook(root);
  book.meta = parts[0].meta;
  book.metaPositions = parts[0].metaPositions;
  book.front = parts[0].front;
  parts.forEach((part, i) => {
    if (parts.length > 1 && part.footnotes.length) prefixFootnotes(part, `f${i + 1}-`);
    book.body.push(...part.body);
    book.back.push(...part.back);
    book.footnotes.push(...part.footnotes);
    book.sources.push(...part.sources);
  });
  return book;
}

function prefixFootnotes(book: Book, prefix: string): void {
  for (const note of book.footnotes) note.identifier = prefix + note.identifier;
  const visit = (node: unknown): void => {
    const stack: unknown[] = [node];
    while (stack.length) {
      const current = stack.pop();
      if (Array.isArray(current)) stack.push(...current);
      else if (current && typeof current === 'object') {
        const record = current as Record<string, unknown>;
        if (record.type === 'footnoteReference') record.identifier = prefix + String(record.identifier);
        for (const key of ['children', 'sections', 'items', 'stanzas', 'cells', 'head', 'rows']) if (key in record) stack.push(record[key]);
      }
    }
  };
  visit(book.body);
  visit(book.footnotes);
}

/**
 * Files that sit beside a manuscript without being part of it, by name without extension: a README, a licence
 * (`LICENSE`, `LICENCE`, `COPYING`), a change log, a note on where the text came from (`SOURCE`). A suffix after
 * `.`, `-` or `_` (`README-fr`, `LICENSE_old`) is the same file; `License to Kill` is a chapter.
 */
const NOT_MANUSCRIPT = /^(?:readme|licen[cs]e|copying|changelog|sources?)(?:[._-][\w.-]*)?$/i;

/** Whether a file in a manuscript folder is one of the files `NOT_MANUSCRIPT` names. */
export function isBesideManuscript(name: string): boolean {
  return NOT_MANUSCRIPT.test(path.basename(name, path.extname(name)));
}

/** A file name a reader reads and that is not hidden (`.draft.md`) or set aside (`_notes.md`). */
export function isManuscriptName(name: string): boolean {
  return !name.startsWith('.') && !name.startsWith('_') && readerFor(name) !== undefined;
}

/**
 * Reads a folder: every manuscript file directly inside it, in natural order, as one book. Files beside the
 * manuscript (`isBesideManuscript`) are skipped, each named in a `file-skipped` note (`--verbose` shows it).
 */
export function readFolder(dir: string, report: Reporter, options: ReadInputOptions = {}): Book {
  const candidates = fs
    .readdirSync(dir)
    .filter((name) => isManuscriptName(name) && fs.statSync(path.join(dir, name)).isFile())
    .sort(naturalOrder);
  const names = candidates.filter((name) => !isBesideManuscript(name));
  for (const name of candidates.filter(isBesideManuscript)) {
    report.info('file-skipped', `${name} is not part of the manuscript (a README, licence, change log or source note); skipped`, { position: pointPosition(path.join(dir, name), 1) });
  }
  if (names.length === 0) {
    fail('input-not-found', `${dir} holds no manuscript file (${readableExtensions()})`, { hint: `Put the story in a ${readableExtensions()} file in that folder.` });
  }
  const parts = names.map((name) => readFile(path.join(dir, name), report, { ...options, oneOfSeveral: names.length > 1 }));
  const book = merge(parts, dir);
  const yamlFile = BOOK_YAML.map((n) => path.join(dir, n)).find((f) => fs.existsSync(f));
  if (yamlFile) {
    // book.yaml wins over the first file's own metadata, front-matter pages included.
    const entries = readBookYaml(yamlFile, report, options);
    applyMetadata(book, entries, report);
    const given = new Set(entries.map((e) => canonicalKey(e.key)));
    book.front = book.front.filter((m) => !given.has(m.role));
    addFrontMatterFromMeta(book, plainParagraphs);
    book.sources.unshift(yamlFile);
  }
  return book;
}

/** Whether any section holds a block: a book of headings or metadata alone has no story. */
function hasStory(book: Book): boolean {
  const stack = [...book.body];
  while (stack.length) {
    const section = stack.pop()!;
    if (section.children.length) return true;
    stack.push(...section.sections);
  }
  return false;
}

/** Reads one input (a file or a folder) into a book. Fails when the input holds metadata but no story. */
export function readInput(input: string, report: Reporter, options: ReadInputOptions = {}): Book {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch {
    fail('input-not-found', `${input} does not exist`);
  }
  const book = stat.isDirectory() ? readFolder(input, report, options) : readFile(input, report, options);
  if (!hasStory(book)) {
    const file = book.sources[book.sources.length - 1] ?? input;
    // A binary file (a Word document) has no lines to point at the end of.
    const lines = readerFor(file)?.readBytes ? 1 : fs.readFileSync(file, 'utf8').trimEnd().split('\n').length;
    report.fail('input-no-story', 'the manuscript has metadata but no story', { position: pointPosition(file, lines) });
  }
  return book;
}
