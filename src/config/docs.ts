/**
 * The option specs written out for people: the `--help` lines, the README's configuration table and the `quire:`
 * section of `quire init`'s book.yaml. Each is derived from the specs, so a new option appears in all three.
 */
import type { OptionSpec } from '../render/option-spec';
import { OPTIONS } from './options';

type Spec = OptionSpec & { readonly owner?: string };

const plain = (markdown: string) => markdown.replace(/`/g, '');

/** A value as book.yaml writes it: `[epub, pdf]`, `"{slug}"`, `a5`. */
function yamlValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return typeof value === 'string' && /[{}:#,[\]]/.test(value) ? JSON.stringify(value) : String(value);
}

/** The allowed values, a choice's default marked: `a5 (default), 5.5x8.5, …`. */
function valuesText(spec: Spec): string {
  return (spec.values ?? []).map((v) => (spec.kind === 'choice' && v === spec.default ? `${v} (default)` : v)).join(', ');
}

const negated = (flag: `--${string}`): `--${string}` => `--no-${flag.slice(2)}`;

/** `--page-size SIZE`, `--no-hyphenate`, `-o, --out DIR`. */
function flagText(spec: Spec): string {
  if (!spec.flag) return '';
  // A boolean shows the flag that changes its default: `--check`, `--no-hyphenate`.
  const flag = spec.kind === 'boolean' && spec.default ? negated(spec.flag) : spec.flag;
  return `${spec.short ? `${spec.short}, ` : '    '}${flag}${spec.metavar ? ` ${spec.metavar}` : ''}`;
}

/** Words wrapped to `width` columns, continued lines indented by `indent`. */
function wrap(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

const HELP_WIDTH = 110;

/** A default as `--help` says it. */
function helpDefault(spec: Spec): string {
  if (spec.default === undefined) return spec.defaultText ? ` Default: ${plain(spec.defaultText)}.` : '';
  if (spec.kind === 'boolean') return spec.default ? ` On by default (${spec.flag}).` : ` Off by default (${negated(spec.flag!)}).`;
  if (spec.kind === 'choice') return '';
  return ` Default: ${Array.isArray(spec.default) ? spec.default.join(',') : String(spec.default)}.`;
}

/** `--help` lines for the options with a flag: the flag, its argument and what it does, grouped by owner. */
export function optionHelp(column: number, specs: readonly Spec[] = OPTIONS): string {
  const flagged = specs.filter((s) => s.flag);
  const groups = new Map<string, Spec[]>();
  for (const spec of flagged) groups.set(spec.owner ?? '', [...(groups.get(spec.owner ?? '') ?? []), spec]);
  const renamed = flagged.filter((s) => s.flag!.slice(2) !== s.key).map((s) => `${s.key} for ${s.flag}`);
  const intro = `Each option below can also be set in book.yaml's quire: section, by the flag's name without --${renamed.length ? ` (${renamed.join(', ')})` : ''}.`;
  const sections = [...groups].map(([owner, group]) => {
    const lines = group.map((spec) => {
      const values = spec.values ? ` ${spec.kind === 'list' ? 'Any' : 'One'} of: ${valuesText(spec)}.` : '';
      return `${`  ${flagText(spec)}`.padEnd(column)}${wrap(`${plain(spec.help)}${values}${helpDefault(spec)}`, HELP_WIDTH - column, column)}`;
    });
    return `${owner ? `${owner.toUpperCase()} options` : 'Build options'}:\n${lines.join('\n')}`;
  });
  return [wrap(intro, HELP_WIDTH, 0), ...sections].join('\n\n');
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The README's configuration table: key, flag, default, what it does. */
export function configurationTable(specs: readonly Spec[] = OPTIONS): string {
  const rows = specs.map((spec) => {
    const flags = [spec.short, spec.flag, spec.kind === 'boolean' && spec.flag ? negated(spec.flag) : undefined].filter(Boolean);
    const flag = flags.length ? flags.map((f) => `\`${f}\``).join(', ') : '—';
    const fallback = spec.default === undefined ? (spec.defaultText ?? 'none') : `\`${Array.isArray(spec.default) ? yamlValue(spec.default) : String(spec.default)}\``;
    const values = spec.values ? ` ${spec.kind === 'list' ? 'Any' : 'One'} of ${spec.values.map((v) => `\`${v}\``).join(', ')}.` : '';
    const owner = spec.owner ? `${spec.owner}` : 'all';
    return `| \`${spec.key}\` | ${flag} | ${cell(fallback)} | ${owner} | ${cell(`${spec.help}${values}${spec.details ? ` ${spec.details}` : ''}`)} |`;
  });
  return ['| Option | Flag | Default | Format | What it does |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The `quire:` section of a new book.yaml: every option commented out at its default (or an example), with its help. */
export function initOptions(specs: readonly Spec[] = OPTIONS): string {
  const lines = specs.map((spec) => [`  # ${spec.key}: ${yamlValue(spec.default ?? spec.example ?? '')}`, plain(spec.help)] as const);
  const column = Math.max(...lines.map(([setting]) => setting.length)) + 2;
  return ['quire:', ...lines.map(([setting, help]) => `${setting.padEnd(column)}# ${help}`)].join('\n');
}

const START = '<!-- options:start -->';
const END = '<!-- options:end -->';

/** The README's text with the configuration table between its marker comments made anew (`npm run readme` writes it). */
export function withConfigurationTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} markers around the configuration table`);
  return `${readme.slice(0, start + START.length)}\n${configurationTable()}\n${readme.slice(end)}`;
}
