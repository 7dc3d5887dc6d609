/**
 * HTML left in a plain-text story by copying from a web page: finds the tags and character references a browser
 * leaves (`<i>`, `<br>`, `<p>`, `&amp;`), tells what each tag means to the story, and gives the text a reader
 * sees (tags removed, references decoded) with a map back to the raw text for markers and positions. Anything
 * else that holds `<` or `>` (`I <3 you`, `a < b > c`, `<<Chapter>>`, `<sigh>`) is text.
 */
import { BLOCKS, closingKind, htmlparser2, inlineForTag, parseTag, REMOVED } from '../markdown/html';

/**
 * What a tag does in a story: `inline` formatting or a line break (mapped as raw HTML in Markdown is, by
 * `inlineForTag`), a `paragraph` boundary (`<p>`, `<center>` and other block elements), a `rule` (`<hr>`, a scene
 * break), or `dropped` (`<span>`, `<font>`: its text is kept and the reader warns).
 */
export type TagRole = 'inline' | 'paragraph' | 'rule' | 'dropped';

/** A tag found in text: `[start, end)` in that text. */
export interface TextTag {
  start: number;
  end: number;
  name: string;
  closing: boolean;
  role: TagRole;
}

/** Block elements that are silent paragraph boundaries; the others in `BLOCKS` are boundaries with a warning. */
const SILENT_BLOCKS = new Set(['p', 'center']);
/** Presentational tags a page leaves around text: dropped with a warning, their text kept. */
const PRESENTATIONAL = new Set(['span', 'font', 'small', 'big', 'sup', 'sub', 'tt', 'code', 'ins', 'abbr', 'mark']);

/**
 * A tag as a browser's copy leaves it: `<name attr="v" flag>`, `</name>`, `<br/>`. Only the names `roleOf` knows
 * count, in lower or upper case (`<I>`, `<BR>` in old pages): `<sigh>`, `<Chapter>` and other bracketed words are text.
 * Each attribute must be `name=value` (quoted or bare) or one of HTML's `BOOLEAN_ATTRIBUTES` (`isTagAttributes`).
 */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-\w:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
/** One attribute of `TAG`'s third group: its name, and its value when it has one. */
const ATTRIBUTE = /\s+([a-zA-Z_:][-\w:.]*)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
/** HTML's boolean attributes, the only ones a page writes without a value (`<hr noshade>`, `<td nowrap>`). */
const BOOLEAN_ATTRIBUTES = new Set([
  'allowfullscreen', 'async', 'autofocus', 'autoplay', 'checked', 'compact', 'controls', 'declare', 'default',
  'defer', 'disabled', 'formnovalidate', 'hidden', 'inert', 'ismap', 'itemscope', 'loop', 'multiple', 'muted',
  'nohref', 'nomodule', 'noresize', 'noshade', 'novalidate', 'nowrap', 'open', 'playsinline', 'readonly',
  'required', 'reversed', 'selected',
]);

/**
 * Whether a bracket's words after the name are a tag's attributes: each is `name=value` or a boolean attribute.
 * Otherwise the bracket is an aside in the story (`<i love you>`, `<b and c>`) and all of it is text.
 */
function isTagAttributes(attributes: string): boolean {
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(attributes); m; m = ATTRIBUTE.exec(attributes)) {
    if (!m[2] && !BOOLEAN_ATTRIBUTES.has(m[1].toLowerCase())) return false;
  }
  return true;
}
/** A character reference with its semicolon: `&amp;`, `&#8217;`, `&#x2014;`. `AT&T` and `&c.` stay text. */
const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/**
 * What a tag name does, or undefined when it is not one a page leaves in text (`<sigh>`). Inline tags are those the
 * Markdown allow-list maps (`<i>`, `<b>`, `<u>`, `<br>`…), plus the links and images it maps when they carry an
 * address; active content (`<script>`, `<style>`) is a real tag too, dropped here with its text kept and a warning.
 */
function roleOf(name: string): TagRole | undefined {
  if (name === 'a' || name === 'img' || inlineForTag({ name, closing: false, attributes: {} })) return 'inline';
  if (name === 'hr') return 'rule';
  if (BLOCKS.has(name)) return 'paragraph';
  if (PRESENTATIONAL.has(name) || REMOVED.has(name)) return 'dropped';
  return undefined;
}

/** The HTML tags in `text`, in order. */
export function findTags(text: string): TextTag[] {
  if (!text.includes('<')) return [];
  const tags: TextTag[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const name = m[2].toLowerCase();
    const role = roleOf(name);
    if (!role || (m[2] !== name && m[2] !== m[2].toUpperCase()) || !isTagAttributes(m[3])) continue;
    tags.push({ start: m.index, end: m.index + m[0].length, name, closing: m[1] === '/', role });
  }
  return tags;
}

/** Whether the reader should warn that it dropped this tag (its text is kept either way). */
export function isWarnedTag(tag: TextTag): boolean {
  return tag.role === 'dropped' || (tag.role === 'paragraph' && !SILENT_BLOCKS.has(tag.name));
}

/** What an inline tag becomes, through the allow-list raw HTML in Markdown goes through. */
export function inlineFor(text: string, tag: TextTag): ReturnType<typeof inlineForTag> {
  const parsed = parseTag(text.slice(tag.start, tag.end));
  return parsed ? inlineForTag(parsed) : undefined;
}

/** The container kind a closing tag ends (`emphasis`, `strong`…), matching what `inlineFor` opened. */
export function closingKindOf(tag: TextTag): string | undefined {
  return closingKind({ name: tag.name, closing: true, attributes: {} });
}

const decoded = new Map<string, string>();

/** One character reference decoded as HTML does (`&#150;` is Windows-1252's en dash); unknown names stay as written. */
function decodeReference(raw: string): string {
  let out = decoded.get(raw);
  if (out === undefined) {
    out = '';
    const parser = new (htmlparser2().Parser)({ ontext: (text) => (out += text) }, { decodeEntities: true });
    parser.end(raw);
    decoded.set(raw, out);
  }
  return out;
}

/** Text with its character references decoded. */
export function decodeReferences(text: string): string {
  return text.includes('&') ? text.replace(REFERENCE, decodeReference) : text;
}

/** The text a reader sees, and for each of its characters the raw range `[from[i], to[i])` it came from. */
export interface VisibleText {
  text: string;
  from: number[];
  to: number[];
}

/** Whether `text` may hold a tag or a character reference (without `<` or `&` it cannot). */
export const hasMarkup = (text: string): boolean => /[<&]/.test(text);

/** The text a reader sees: tags removed, references decoded. */
export function seenText(text: string): string {
  return hasMarkup(text) ? visibleText(text).text : text;
}

/** `text` without its tags and with its references decoded, mapped back to `text`. */
export function visibleText(text: string): VisibleText {
  const out: VisibleText = { text: '', from: [], to: [] };
  const push = (value: string, from: number, to: number): void => {
    for (let k = 0; k < value.length; k++) {
      out.from.push(value.length === to - from ? from + k : from);
      out.to.push(value.length === to - from ? from + k + 1 : to);
    }
    out.text += value;
  };
  let at = 0;
  const plain = (to: number): void => {
    const chunk = text.slice(at, to);
    REFERENCE.lastIndex = 0;
    let last = 0;
    for (let m = REFERENCE.exec(chunk); m; m = REFERENCE.exec(chunk)) {
      push(chunk.slice(last, m.index), at + last, at + m.index);
      push(decodeReference(m[0]), at + m.index, at + m.index + m[0].length);
      last = m.index + m[0].length;
    }
    push(chunk.slice(last), at + last, to);
  };
  for (const tag of findTags(text)) {
    plain(tag.start);
    at = tag.end;
  }
  plain(text.length);
  return out;
}
