/**
 * Verse from Markdown paragraphs: a paragraph whose lines all end in hard breaks (`\` or two trailing spaces), and
 * pandoc's line blocks (`| line`). Leading non-breaking or em spaces become indentation levels.
 */
import type MarkdownIt from 'markdown-it';
import type { Inline, Verse, VerseLine } from '../../model/types';
import type { LineMap, Locate } from './source';
import { toInlines, type InlineOptions } from './inlines';

type Token = MarkdownIt.Token;

/** Width of the characters authors indent verse with, in spaces. ASCII spaces survive only in line blocks. */
const INDENT_WIDTH: Record<string, number> = { ' ': 1, '\u00a0': 1, '\t': 4, '\u2002': 2, '\u2003': 4 };
/** One indentation level per this many spaces' width (four `&nbsp;`, or one em space), rounded up. */
const SPACES_PER_LEVEL = 4;

/** Whether a paragraph's lines are all joined by hard breaks at its top level (≥ 2 lines, no soft breaks). */
function isHardBrokenVerse(children: readonly Token[]): boolean {
  let depth = 0;
  let breaks = 0;
  for (const token of children) {
    if (token.type === 'softbreak') return false;
    // A break inside emphasis would split the emphasis across lines; leave such a paragraph as prose.
    if (token.type === 'hardbreak') {
      if (depth > 0) return false;
      breaks++;
    }
    depth += token.nesting;
  }
  return breaks > 0;
}

/**
 * Whether every source line of a paragraph is a pandoc line-block line (`| text`, or `|` alone). A line that also
 * ends in `|` looks like a table row that lost its delimiter row, so the paragraph stays prose.
 */
const isLineBlock = (content: string): boolean =>
  content.split('\n').every((line) => /^\|(?:[ \t]|$)/.test(line) && !/.\|\s*$/.test(line));

/** Splits inlines at top-level `break`s. */
function splitLines(inlines: readonly Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const node of inlines) {
    if (node.type === 'break') lines.push([]);
    else lines[lines.length - 1].push(node);
  }
  return lines;
}

/** Removes `prefix` and leading indentation from a line's first text node; returns the indentation level. */
function takeIndent(line: Inline[], prefix: RegExp | undefined): number {
  const first = line[0];
  if (first?.type !== 'text') return 0;
  let value = prefix ? first.value.replace(prefix, '') : first.value;
  let width = 0;
  let i = 0;
  while (i < value.length && INDENT_WIDTH[value[i]] !== undefined) width += INDENT_WIDTH[value[i++]];
  value = value.slice(i);
  if (value) first.value = value;
  else line.shift();
  return Math.ceil(width / SPACES_PER_LEVEL);
}

/**
 * The verse a paragraph holds, or undefined when it is prose. `inline` is the paragraph's inline token; each verse
 * line is one source line, so lines get positions from the paragraph's first line.
 */
export function verseFromParagraph(inline: Token, map: LineMap, locate: Locate, options: InlineOptions): Verse | undefined {
  const children = inline.children ?? [];
  const lineBlock = isLineBlock(inline.content);
  if (!lineBlock && !isHardBrokenVerse(children)) return undefined;
  const prefix = lineBlock ? /^\|[ \t]?/ : undefined;
  const stanzas: VerseLine[][] = [[]];
  splitLines(toInlines(children, { ...options, softbreak: 'break' })).forEach((line, k) => {
    const indent = takeIndent(line, prefix);
    if (line.length === 0) {
      // An empty line (`|` alone) separates stanzas.
      if (stanzas[stanzas.length - 1].length > 0) stanzas.push([]);
      return;
    }
    const position = map ? locate([map[0] + k, map[0] + k + 1]) : undefined;
    stanzas[stanzas.length - 1].push({ type: 'verseLine', indent, children: line, ...(position ? { position } : {}) });
  });
  if (stanzas[stanzas.length - 1].length === 0) stanzas.pop();
  if (stanzas.length === 0) return undefined;
  const position = locate(map);
  return { type: 'verse', stanzas, ...(position ? { position } : {}) };
}
