/**
 * YAML front matter → positioned metadata entries. gray-matter does the parsing, locked down: always called with
 * options (without them it caches by text, and after an error hands back empty data for the same text), and
 * with its JavaScript and CoffeeScript engines replaced (by default `---js` front matter is `eval`ed).
 */
import { defer } from '../../files/packages';
import { pointPosition } from '../../diagnostics/reporter';
import type { Reporter } from '../../diagnostics/types';
import type { Position } from '../../model/types';
import type { MetaEntry } from '../metadata';

// js-yaml (under gray-matter) loads esprima, for a tag the safe schema gray-matter reads with does not have.
defer('esprima', ['gray-matter', 'js-yaml'], (load) => ({ parse: (...args: unknown[]) => (load() as { parse(...a: unknown[]): unknown }).parse(...args) }));
const matter = require('gray-matter') as typeof import('gray-matter');

/** A Markdown file split at its front matter. */
export interface FrontMatter {
  entries: MetaEntry[];
  /** The Markdown after the closing `---`. */
  body: string;
  /** 0-based index, in `lines`, of the body's first line. */
  bodyLine: number;
  /** The whole file's lines, for positions. */
  lines: string[];
}

/** gray-matter's front-matter languages that would run code; refused even if the check before were bypassed. */
const CODE_LANGUAGES = ['js', 'javascript', 'coffee', 'coffeescript', 'cson'];

function refuseCode(): never {
  throw new Error('front matter that runs code is refused');
}

const MATTER_OPTIONS = {
  language: 'yaml',
  engines: Object.fromEntries(CODE_LANGUAGES.map((name) => [name, refuseCode])),
};

/** js-yaml's error (gray-matter bundles js-yaml 3): `mark` is 0-based, in the text after the opening `---`. */
interface YamlError extends Error {
  reason?: string;
  mark?: { line: number; column: number };
}

const isYamlError = (error: unknown): error is YamlError => error instanceof Error && error.name === 'YAMLException';

const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);

/** A top-level `key:` at the start of a line (plain, or quoted), as YAML writes a mapping key. */
const KEY_LINE = /^(?:"([^"]*)"|'([^']*)'|([^\s#'"\-?][^:]*?))\s*:(?:\s|$)/;

/** Where each top-level key of the front matter is written: the whole `key: value` line. */
function keyPositions(file: string, lines: readonly string[], close: number): Map<string, Position> {
  const positions = new Map<string, Position>();
  for (let i = 1; i < close; i++) {
    const match = KEY_LINE.exec(lines[i]);
    const key = match && (match[1] ?? match[2] ?? match[3]);
    if (!key || positions.has(key)) continue;
    const end = { line: i + 1, column: lines[i].trimEnd().length + 1 };
    positions.set(key, { file, start: { line: i + 1, column: 1 }, end });
  }
  return positions;
}

/**
 * Splits off and parses a file's front matter. A first line `---` followed by a blank line is a thematic break,
 * not front matter (pandoc's rule). Fails with `yaml-unclosed`, `front-matter-language`, `yaml-invalid` or
 * `yaml-not-mapping`, positioned in the file.
 */
export function readFrontMatter(text: string, file: string, report: Reporter): FrontMatter {
  const lines = text.split(/\r?\n/);
  // gray-matter's opening rule: `---`, not `----`, optionally followed by a language name.
  const opening = /^---(?!-)(.*)$/.exec(lines[0]);
  if (!opening || lines.length < 2 || lines[1].trim() === '') return { entries: [], body: text, bodyLine: 0, lines };

  const language = opening[1].trim();
  if (language && !/^ya?ml$/i.test(language)) {
    report.fail('front-matter-language', `front matter in \`${language}\` is not read: quire reads YAML front matter only`, {
      position: pointPosition(file, 1, 4),
      hint: 'Remove the language name after the opening `---` and write the front matter as YAML `key: value` lines.',
    });
  }
  // gray-matter's closing rule: the first later line that starts with `---`.
  const close = lines.findIndex((line, i) => i > 0 && line.startsWith('---'));
  if (close < 0) {
    report.fail('yaml-unclosed', 'the front matter opened on line 1 is never closed', { position: pointPosition(file, 1) });
  }

  let data: unknown;
  try {
    data = matter(text, MATTER_OPTIONS).data;
  } catch (error) {
    if (!isYamlError(error)) throw error;
    // The parsed text starts with the rest of the opening line, so its line 0 is the file's line 1.
    const position = error.mark ? pointPosition(file, error.mark.line + 1, error.mark.column + 1) : pointPosition(file, 1);
    report.fail('yaml-invalid', `front matter is not valid YAML: ${error.reason ?? error.message}`, { position });
  }
  if (!isMapping(data)) {
    report.fail('yaml-not-mapping', 'front matter must be `key: value` lines, not a list or a single value', {
      position: pointPosition(file, 2),
    });
  }
  const positions = keyPositions(file, lines, close);
  const entries = Object.entries(data).map(([key, value]): MetaEntry => {
    const position = positions.get(key);
    return position ? { key, value, position } : { key, value };
  });
  return { entries, body: lines.slice(close + 1).join('\n'), bodyLine: close + 1, lines };
}
