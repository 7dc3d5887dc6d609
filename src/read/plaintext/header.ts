/**
 * Reads the metadata header at the top of a plain-text manuscript: `Key: value` entries, one per line or one per
 * paragraph, values wrapped over several lines, and finds where the story starts.
 */
import { canonicalKey, isKnownKey } from '../metadata';
import { isBlank, type Line } from './lines';
import { isSceneBreak, matchChapter, matchNoteLabel } from '../../text/markers';
import { joinSpans, lineSpan, pointAt, trimmedLineSpan, type Span } from './span';
import type { HeaderEntry, Opening } from './opening';

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
/** A line this long may have been hard-wrapped, so the line after it may continue its value whatever the key. */
const WRAPPED_LINE = 40;
/** Keys whose values are prose, often written over several lines: a line without a key below one continues it. */
const PROSE_KEYS = new Set(['summary', 'disclaimer', 'dedication', 'notes', 'warnings']);

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

/** A line ending a sentence: `.`, `!` or `?`, maybe inside closing quotes (`late.`, `"Go!"`). */
const ENDS_SENTENCE = /[.!?]["'\u201d\u2019]*$/;

/**
 * Whether `line`, which starts no entry, continues the value of the entry above it: when that entry's value is still
 * empty (`Summary:` alone on its line), its key takes prose, or the line above was long enough to have been wrapped
 * and `line` does not end a sentence. A title, an author, a rating or a fandom is not a sentence, so below a long
 * `Title:` line, `It was late.` is the story's first line, not the end of the title; a prose key (`PROSE_KEYS`)
 * keeps every wrapped line. A chapter line or a scene break never continues a value: the story has started.
 */
function continues(last: Draft, above: Line, line: Line): boolean {
  const text = line.text.trim();
  if (matchChapter(text) || isSceneBreak(text)) return false;
  const key = canonicalKey(last.entry.key);
  if (last.parts.length === 0 || (key !== undefined && PROSE_KEYS.has(key))) return true;
  return above.text.trim().length >= WRAPPED_LINE && !ENDS_SENTENCE.test(text);
}

/**
 * Where the story starts when the header took every line to the end of the file: the story was typed right below a
 * prose entry (`Summary: S.`, then the story's lines), so the lines that continued that entry's value are the story.
 * The entry keeps the line its key is on.
 */
function storyAfterRunOn(blocks: readonly Block[], lines: readonly Line[], storyStart: number): number {
  if (lines.slice(storyStart).some((line) => !isBlank(line))) return storyStart;
  const last = blocks.at(-1)?.drafts.at(-1);
  if (!last?.entry.value.text || last.parts.length < 2) return storyStart;
  const start = last.parts[1].segments[0].line - 1;
  last.parts.length = 1;
  return start;
}

/**
 * Reads the header: every paragraph from the top (or from line index `from`) that starts with an entry, however the
 * entries are spread over paragraphs (one compact block, one entry per paragraph, or any mix). Inside a paragraph, a line that starts no
 * entry continues the value above it (see `continues`) or, if it cannot, is where the story starts. The header ends
 * at the first paragraph that does not start with an entry (or see `storyAfterRunOn`). Trailing paragraphs holding only unknown keys are given
 * back to the story: `Clark: I know.` below the header is dialogue.
 */
export function readHeader(lines: readonly Line[], file: string, from = 0): Header {
  const blocks: Block[] = [];
  let i = from;
  let stopped = false;
  while (i < lines.length && !stopped) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    const first = entryAt(lines[i], file);
    if (!first) break;
    const block: Block = { start: i, drafts: [draft(first)] };
    blocks.push(block);
    for (i++; i < lines.length && !isBlank(lines[i]); i++) {
      const entry = entryAt(lines[i], file);
      const last = block.drafts[block.drafts.length - 1];
      if (entry) block.drafts.push(draft(entry));
      else if (continues(last, lines[i - 1], lines[i])) last.parts.push(trimmedLineSpan(file, lines[i]));
      else {
        stopped = true;
        break;
      }
    }
  }
  let storyStart = storyAfterRunOn(blocks, lines, i);
  for (let last = blocks.at(-1); last && !last.drafts.some((d) => d.entry.known); last = blocks.at(-1)) {
    storyStart = last.start;
    blocks.pop();
  }
  return { entries: blocks.flatMap((b) => b.drafts.map(complete)), storyStart };
}

/** Known keys that prose uses as labels too (`Note: the ferry leaves at six.`): not taken for stray header entries. */
const PROSE_LABELS = new Set(['notes']);
/** A line ending like this ends a sentence, so the line below it does not continue one. */
const SENTENCE_END = /[.!?\u2026"'\u201d\u2019)\]]$/;

/**
 * Lines of the story, from line index `from` on, that read as a known header entry (`Summary: …`): a key and a value,
 * on a line that starts a paragraph or follows a finished sentence (`words:` ending a hard-wrapped line is prose).
 * Each is an entry that missed the header (a paragraph of story came first) or story text that merely looks like
 * one; either way the reader keeps it as story and says so at its line.
 */
export function strayEntries(lines: readonly Line[], from: number, file: string): HeaderEntry[] {
  const out: HeaderEntry[] = [];
  for (let i = from; i < lines.length; i++) {
    const startsAnew = i === from || isBlank(lines[i - 1]) || SENTENCE_END.test(lines[i - 1].text.trimEnd());
    const entry = startsAnew ? entryAt(lines[i], file) : undefined;
    if (entry?.known && entry.value.text && !PROSE_LABELS.has(canonicalKey(entry.key) ?? '')) out.push(entry);
  }
  return out;
}

/** The opening of a file in the plain `Key: value` header format (any file, when it has no header at all). */
export function readPlainOpening(lines: readonly Line[], file: string): Opening {
  const header = readHeader(lines, file);
  const spans = header.entries.filter((entry) => entry.value.text);
  return {
    meta: spans.map((e) => ({ key: e.key, value: e.value.text, position: e.position })),
    spans,
    extra: {},
    storyStart: header.storyStart,
    storyEnd: lines.length,
  };
}
