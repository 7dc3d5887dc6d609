/**
 * Reads and checks the `quire:` section of a book's `book.yaml`. Every mistake is a `config-invalid` error at the
 * YAML line and column of the offending key or value, with a "did you mean" for near misses. Positions come from the
 * `yaml` package's node ranges (js-yaml, which reads the metadata, keeps none).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node as YamlNode, Pair } from 'yaml';
import { pointPosition } from '../diagnostics/reporter';
import { whenUsed } from '../files/packages';
import type { Reporter } from '../diagnostics/types';
import type { Position } from '../model/types';
import { decodeText, type DecodeOptions } from '../read/decode';
import { nearMiss, normaliseKey } from '../text/keys';

export { nearMiss };
import type { QuireConfig } from './schema';

// The YAML parsers and the zod schema load only for a book that has a book.yaml: most builds never need them.
const Y = whenUsed(() => require('yaml') as typeof import('yaml'));
const jsyaml = whenUsed(() => require('js-yaml') as typeof import('js-yaml'));
const S = whenUsed(() => require('./schema') as typeof import('./schema'));

/** A checked configuration, with where it came from. */
export interface LoadedConfig {
  config: QuireConfig;
  /** The `book.yaml` it was read from, if any. */
  file?: string;
  /** Position of each option by key (for later messages, e.g. a missing cover). */
  positions: Partial<Record<keyof QuireConfig, Position>>;
}

const BOOK_YAML = ['book.yaml', 'book.yml'];

/** The `book.yaml` that holds a book's options: inside a folder input. A single-file input has none. */
export function configFile(input: string): string | undefined {
  let dir: string;
  try {
    if (!fs.statSync(input).isDirectory()) return undefined;
    dir = input;
  } catch {
    return undefined;
  }
  return BOOK_YAML.map((name) => path.join(dir, name)).find((file) => fs.existsSync(file));
}

/** The key/value pair of a YAML map whose key is `key`. */
function pairOf(map: unknown, key: string | number): Pair<YamlNode, YamlNode> | undefined {
  const { isMap, isPair, isScalar } = Y();
  if (!isMap(map)) return undefined;
  return map.items.find((item): item is Pair<YamlNode, YamlNode> => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
}

/**
 * Reads the options of `book.yaml` at `file` (its `quire:` mapping); an absent section gives `{}`. The file is decoded
 * as the manuscript is (`decoding.encoding` when the command line gives one).
 */
export function loadConfigFile(file: string, report: Reporter, decoding: DecodeOptions = {}): LoadedConfig {
  const { isMap, isPair, isScalar, LineCounter, parseDocument } = Y();
  const { configSchema, CONFIG_KEYS } = S();
  // The metadata reader decodes the same file and reports its warnings; here only a fatal error may be reported.
  const failOnly: Reporter = { messages: [], warn: () => {}, info: () => {}, fail: (rule, message, extra) => report.fail(rule, message, extra) };
  const text = decodeText(fs.readFileSync(file), file, failOnly, decoding);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined): Position => {
    if (offset === undefined) return pointPosition(file, 1);
    const { line, col } = lineCounter.linePos(offset);
    return pointPosition(file, line, col);
  };
  if (doc.errors.length) {
    // The metadata reader reports YAML syntax errors when it reads the same file, as it always has; only where the
    // two parsers disagree is the error reported here.
    try {
      jsyaml().load(text, { schema: jsyaml().CORE_SCHEMA });
    } catch {
      return { config: {}, file, positions: {} };
    }
    const error = doc.errors[0];
    report.fail('yaml-invalid', `book.yaml is not valid YAML: ${error.message.split('\n')[0]}`, { position: at(error.pos[0]) });
  }
  const root = doc.contents;
  const sectionPair = isMap(root) ? root.items.find((item) => isPair(item) && isScalar(item.key) && normaliseKey(String(item.key.value)) === 'quire') : undefined;
  if (!sectionPair || !isPair(sectionPair)) return { config: {}, file, positions: {} };
  const section = sectionPair.value as YamlNode | null;
  const sectionKey = sectionPair.key as YamlNode;
  if (section === null || (isScalar(section) && (section.value === null || section.value === ''))) return { config: {}, file, positions: {} };
  if (!isMap(section)) {
    report.fail('config-invalid', '`quire:` should hold `option: value` lines', { position: at((section.range ?? sectionKey.range)?.[0]) });
  }
  const data = section.toJSON() as Record<string, unknown>;
  const positions: LoadedConfig['positions'] = {};
  for (const item of section.items) {
    if (isPair(item) && isScalar(item.key)) positions[String(item.key.value) as keyof QuireConfig] = at((item.value as YamlNode | null)?.range?.[0] ?? (item.key as YamlNode).range?.[0]);
  }
  const result = configSchema.safeParse(data);
  if (result.success) return { config: result.data, file, positions };

  const issue = result.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const pair = pairOf(section, key);
    const suggestion = nearMiss(key, CONFIG_KEYS);
    report.fail('config-invalid', `unknown option \`quire.${key}\``, {
      position: at((pair?.key as YamlNode | undefined)?.range?.[0]),
      hint: suggestion ? `did you mean \`${suggestion}\`?` : `Known options: ${CONFIG_KEYS.join(', ')}.`,
    });
  }
  // The deepest node the issue's path reaches, for its position.
  let node: unknown = section;
  for (const step of issue.path) {
    const next = isMap(node) ? pairOf(node, step as string)?.value : (node as { items?: unknown[] } | null)?.items?.[step as number];
    if (!next) break;
    node = next;
  }
  const name = `quire${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
  let value: unknown = data;
  for (const step of issue.path) value = (value as Record<string | number, unknown> | undefined)?.[step as string];
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  let message: string;
  let hint: string | undefined;
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const allowed = (issue.values as unknown[]).map(String);
    message = `\`${name}\` must be one of ${allowed.join(', ')} (got ${shown})`;
    const suggestion = typeof value === 'string' ? nearMiss(value, allowed) : undefined;
    if (suggestion) hint = `did you mean \`${suggestion}\`?`;
  } else if (issue.code === 'invalid_type') {
    const expected = { boolean: 'true or false', array: 'a list', int: 'a whole number' }[issue.expected as string] ?? `a ${issue.expected}`;
    message = `\`${name}\` should be ${expected} (got ${shown})`;
  } else if (issue.code === 'too_small' && issue.origin === 'number') {
    message = `\`${name}\` should be ${String(issue.minimum)} or more (got ${shown})`;
  } else if (issue.code === 'too_small') {
    message = `\`${name}\` may not be empty`;
  } else {
    message = `\`${name}\` ${issue.message}`;
  }
  return report.fail('config-invalid', message, { position: at((node as YamlNode).range?.[0]), hint });
}

/** Reads the options for an input: `book.yaml` in a folder input, else none. */
export function loadConfig(input: string, report: Reporter, decoding: DecodeOptions = {}): LoadedConfig {
  const file = configFile(input);
  return file ? loadConfigFile(file, report, decoding) : { config: {}, positions: {} };
}
