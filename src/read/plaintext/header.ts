/**
 * Reads the metadata header at the top of a plain-text manuscript: `Key: value` entries, either one per line
 * (a compact block ended by a blank line) or one per paragraph (blank lines between), and finds where the story starts.
 */
import type { Position } from '../../model/types';
import { isKnownKey } from '../metadata';
import { isBlank, type Line } from './lines';
import { matchChapter, matchNoteLabel } from './markers';
import { joinSpans, lineSpan, pointAt, trimmedLineSpan, type Span } from './span';

/** One header entry, with the position of its key (start) to the end of its value. */
export interface HeaderEntry {
  /** The key as written, or the known half of a `Pairings/Relationships` key. */
  key: string;
  value: Span;
  position: Position;
  known: boolean;
}

/** The header's entries, and the index of the first line after the header. */
export interface Header {
  entries: HeaderEntry[];
  storyStart: number;
}

/** A key: a letter, then up to 29 letters, spaces, apostrophes, hyphens, underscores or slashes; then `:` and a space. */
const KEY_LINE = /^([A-Za-z][A-Za-z'\u2019 _/-]{0,29}?)[ \t]*:(?:[ \t]+|$)/;
/** An unknown key counts only when it reads like a header key: `Beta`, `Beta Reader`, `Prompt`. */
const HEADER_LIKE_KEY = /^[A-Z][A-Za-z'\u2019-]*(?: [A-Za-z][A-Za-z'\u2019-]*){0,2}$/;
/** A value that opens like dialogue or an aside: `Lex: "Hello."`, `Clark: (quietly) …`. */
const SPEECH = /^["'\u201c\u2018\u00ab(\[\u2014\u2013-]|^\.\.\./;
/** A line shorter than this was not hard-wrapped, so the line after it is not a continuation of its value. */
const WRAPPED_LINE = 40;

function keyName(key: string): { key: string; known: boolean } {
  if (isKnownKey(key)) return { key, known: true };
  const part = key.split('/').find((k) => isKnownKey(k.trim()));
  return part ? { key: part.trim(), known: true } : { key, known: false };
}

/** The entry a line starts, if it looks like one. */
function entryAt(line: Line, file: string): HeaderEntry | undefined {
  const m = KEY_LINE.exec(line.text);
  if (!m) return undefined;
  const trimmed = line.text.trim();
  if (matchNoteLabel(trimmed) || matchChapter(trimmed)) return undefined;
  const { key, known } = keyName(m[1].trim());
  // KEY_LINE ends with the blanks after the colon, so the value starts at its first character.
  const value = lineSpan(file, line, m[0].length, Math.max(m[0].length, line.text.trimEnd().length));
  if (!known && (!HEADER_LIKE_KEY.test(m[1].trim()) || !value.text || SPEECH.test(value.text))) return undefined;
  const start = { line: line.line, column: 1, offset: line.offset };
  return { key, value, known, position: { file, start, end: pointAt(value, value.text.length) } };
}

/** An entry being read: its value's lines are joined once the entry is complete. */
interface Draft {
  entry: HeaderEntry;
  parts: Span[];
}

const draft = (entry: HeaderEntry): Draft => ({ entry, parts: entry.value.text ? [entry.value] : [] });

/** The entry with its continuation lines joined to its value, its position ending where the value ends. */
function complete({ entry, parts }: Draft): HeaderEntry {
  if (parts.length === 0 || (parts.length === 1 && parts[0] === entry.value)) return entry;
  const value = joinSpans(parts);
  return { ...entry, value, position: { ...entry.position, end: pointAt(value, value.text.length) } };
}

interface Block {
  start: number;
  drafts: Draft[];
}

/**
 * Reads the header. It ends at the first paragraph that does not start with an entry, or inside a paragraph at the
 * first line that is neither an entry nor the continuation of a hard-wrapped value. A compact header (its first
 * paragraph holds several entries) ends at its first blank line, so a story line such as `Note: the…` after it stays
 * story. Trailing paragraphs holding only unknown keys are given back to the story: `Clark: I know.` is dialogue.
 */
export function readHeader(lines: readonly Line[], file: string): Header {
  const blocks: Block[] = [];
  let i = 0;
  let stopped = false;
  while (i < lines.length && !stopped) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    const first = entryAt(lines[i], file);
    if (!first || (blocks.length > 0 && blocks[0].drafts.length > 1)) break;
    const block: Block = { start: i, drafts: [draft(first)] };
    blocks.push(block);
    for (i++; i < lines.length && !isBlank(lines[i]); i++) {
      const entry = entryAt(lines[i], file);
      const last = block.drafts[block.drafts.length - 1];
      if (entry) block.drafts.push(draft(entry));
      else if (last.parts.length === 0 || lines[i - 1].text.trim().length >= WRAPPED_LINE) last.parts.push(trimmedLineSpan(file, lines[i]));
      else {
        stopped = true;
        break;
      }
    }
  }
  let storyStart = i;
  for (let last = blocks.at(-1); last && !last.drafts.some((d) => d.entry.known); last = blocks.at(-1)) {
    storyStart = last.start;
    blocks.pop();
  }
  return { entries: blocks.flatMap((b) => b.drafts.map(complete)), storyStart };
}
