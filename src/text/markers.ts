/**
 * The line shapes the plain-text format gives meaning to: chapter and part lines, scene-break ornaments and
 * author's-note labels. Each test takes a line's (or a short paragraph's) trimmed text.
 */

/** Characters a scene-break line may be made of, besides the letter ornaments x and o; they also decorate markers. */
const ORNAMENT_CHARS = '*~#=_+\\-\u2013\u2014.\u00b7\u2022\u00b0^|/\\\\<>\u2666\u25ca\u2756\u2726\u2727\u2605\u2606\u2665\u2661\u2766\u2767\u00a7';

// ---------------------------------------------------------------------------------------------------------------
// Numbers: digits, Roman numerals, English words up to the hundreds

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** Each number word's value. */
const WORD_VALUE = new Map<string, number>([
  ...UNITS.map((w, i): [string, number] => [w, i + 1]),
  ...TEENS.map((w, i): [string, number] => [w, i + 10]),
  ...TENS.map((w, i): [string, number] => [w, (i + 2) * 10]),
]);
const ROMAN = /^(?=[MDCLXVI])M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** A number read at some index: its value and the index just after it. */
interface NumberAt {
  value: number;
  end: number;
}

function romanValue(numeral: string): number {
  const digits = [...numeral.toUpperCase()].map((c) => ROMAN_VALUE[c]);
  return digits.reduce((sum, d, i) => sum + (d < (digits[i + 1] ?? 0) ? -d : d), 0);
}

/**
 * Number words from `from` on, read as far as they go (`Twenty-One`, `One Hundred and Five`), so that
 * `Chapter twenty-one text.` is never read as `Chapter twenty` and a title. `and` counts only between words of a number.
 */
function wordNumberAt(text: string, from: number): NumberAt | undefined {
  const word = /([A-Za-z]+)/y;
  let i = from;
  let value = 0;
  let end = -1;
  let last: 'unit' | 'teen' | 'ten' | 'hundred' | undefined;
  for (;;) {
    word.lastIndex = i;
    const m = word.exec(text);
    if (!m) break;
    const w = m[1].toLowerCase();
    const v = WORD_VALUE.get(w);
    const kind = v === undefined ? undefined : v < 10 ? 'unit' : v < 20 ? 'teen' : 'ten';
    if (w === 'hundred' && (last === 'unit' || last === undefined)) {
      value = (value || 1) * 100;
      last = 'hundred';
    } else if (v !== undefined && kind && (last === undefined || last === 'hundred' || (last === 'ten' && kind === 'unit'))) {
      value += v;
      last = kind;
    } else break;
    end = word.lastIndex;
    const sep = /(?:[ \t]*-[ \t]*|[ \t]+(?:and[ \t]+)?)/y;
    sep.lastIndex = end;
    const s = sep.exec(text);
    if (!s) break;
    i = sep.lastIndex;
  }
  return end < 0 ? undefined : { value, end };
}

/** The number (digits, a Roman numeral, or words) at `from`, ending at a word boundary. */
function numberAt(text: string, from: number): NumberAt | undefined {
  const token = /([0-9]+|[A-Za-z]+)/y;
  token.lastIndex = from;
  const m = token.exec(text);
  if (!m) return undefined;
  const end = from + m[1].length;
  if (/\d/.test(m[1][0])) return /[\p{L}\p{N}]/u.test(text[end] ?? '') ? undefined : { value: Number(m[1]), end };
  if (ROMAN.test(m[1])) return { value: romanValue(m[1]), end };
  return wordNumberAt(text, from);
}

// ---------------------------------------------------------------------------------------------------------------
// Chapter and part lines

/** What a marker line opens. */
export type MarkerRole = 'part' | 'chapter';

/**
 * Which rule recognised a marker line (named in `--verbose` output): `chapter-label` for `Chapter 3`, `Ch. 3`;
 * `part-label` for `Part One`, `Book I`; `chapter-named` for `Prologue`, `Epilogue`, `Interlude`, `Afterword`;
 * `chapter-number` for `1.`, `1. Title`, `=== 4 ===` (a candidate only: see `matchNumbered`).
 */
export type MarkerRule = 'chapter-label' | 'part-label' | 'chapter-named' | 'chapter-number';

/** A chapter or part line, split into its label (as written, keeping a period that follows the number) and its title. */
export interface ChapterLine {
  label: string;
  /** Index in the tested text where the title starts; absent when the line has no title. */
  titleStart?: number;
  /** Index just after the title's last character (before any closing decoration: `~ Chapter 4: Title ~`). */
  titleEnd?: number;
  role: MarkerRole;
  rule: MarkerRule;
  /** The number in the label, when it has one (`Chapter Twenty-One` → 21). */
  number?: number;
}

/** Decorations framing a marker: `~ Chapter 4 ~`, `-- Chapter 4 --`, `*** Chapter 4 ***`, `[Chapter 4]`. */
const DECORATED = new RegExp(`^([${ORNAMENT_CHARS}\\[\\](){}\u00ab\u00bb]+)[ \\t]*(.*?)[ \\t]*([${ORNAMENT_CHARS}\\[\\](){}\u00ab\u00bb]+)$`);
/**
 * A decoration on one side only, set off by a blank: `Chapter 4 ~*~`, `-- Chapter 4`. Not a period (`CHAPTER I.`),
 * and the blank keeps a title's own closing mark (`*The Loft*`, `(Part 2)`) out of it.
 */
const HALF_DECORATED = new RegExp(`^(?:([${ORNAMENT_CHARS.replace('.', '')}]+)[ \\t]+)?(.*?)(?:[ \\t]+[${ORNAMENT_CHARS.replace('.', '')}]+)?$`);

/** The text between a marker's decorations, as indexes into `text` (the whole text when it has none). */
function undecorated(text: string): { from: number; to: number } {
  const m = DECORATED.exec(text) ?? HALF_DECORATED.exec(text);
  if (!m || !m[2]) return { from: 0, to: text.length };
  const from = text.indexOf(m[2], m[1]?.length ?? 0);
  return { from, to: from + m[2].length };
}

const LABELS: { pattern: RegExp; role: MarkerRole; rule: MarkerRule }[] = [
  { pattern: /(?:chapter|chap\.?|ch\.?)(?:[ \t]+|(?<=\.)(?=\d))/iy, role: 'chapter', rule: 'chapter-label' },
  { pattern: /(?:part|book)[ \t]+/iy, role: 'part', rule: 'part-label' },
];
/** `Prologue`, `Epilogue`, `Interlude`, `Afterword`: chapters that need no number. */
const NAMED = /(?:prologue|epilogue|interlude|afterword)(?![\p{L}\p{N}])/iuy;
/** Between a label and its title: `:`, `-`, `–`, `—` (with blanks), or the blanks after a period that ends the label. */
const SEPARATOR = /[ \t]*[:\-\u2013\u2014]+[ \t]*/y;
/** A title never starts with a lower-case letter or a parenthesis: `BOOK I. (FOLIO), CHAPTER I.--This whale` is prose. */
const NOT_TITLE_START = /[\p{Ll}(]/u;
/** A marker line (decorations included) longer than this is a sentence, whatever its first word. */
const MAX_MARKER_LENGTH = 120;
/** A title ending in a full stop with at least this many words, most of them not capitalised, is a sentence. */
const SENTENCE_WORDS = 4;

/**
 * Whether a title reads as the rest of a sentence: it ends with `.`, `!` or `?` after several words and is not in
 * title case (`Epilogue: Nobody came to the funeral.`). Title case counts words of four letters or more, so that
 * Moby-Dick's `Of Whales in Paint; in Teeth; in Wood; …; in Stars.` stays a title.
 */
function readsAsSentence(title: string): boolean {
  const words = title.split(/\s+/).filter(Boolean);
  if (words.length < SENTENCE_WORDS || !/[.!?]["'\u201d\u2019]?$/.test(title) || /\.\.\.$|\u2026$/.test(title)) return false;
  const long = words.filter((w) => /\p{L}{4,}/u.test(w));
  const capitalised = long.filter((w) => /^\P{L}*\p{Lu}/u.test(w));
  return capitalised.length * 2 < long.length;
}

/**
 * The marker whose label runs from `span.from` to `labelEnd`, with its title if a separator and one follow.
 * Undefined when words follow the label without a separator (`Chapter 3 was long`, `Chapter twenty-one text.`) or
 * the title reads as prose (`Epilogue: nobody came.`).
 */
function withTitle(
  text: string,
  span: { from: number; to: number },
  labelEnd: number,
  base: Omit<ChapterLine, 'label'>,
  proseTitles = false,
): ChapterLine | undefined {
  const period = text[labelEnd] === '.';
  const end = period ? labelEnd + 1 : labelEnd;
  // `EPILOGUE.` is labelled `EPILOGUE`; a period after a number is part of the label as written (`CHAPTER I.`).
  const label = text.slice(span.from, base.rule === 'chapter-named' ? labelEnd : end);
  SEPARATOR.lastIndex = end;
  let titleStart = end;
  if (SEPARATOR.exec(text)) titleStart = SEPARATOR.lastIndex;
  else if (period) titleStart += /^[ \t]*/.exec(text.slice(end))?.[0].length ?? 0;
  if (titleStart >= span.to) return { ...base, label };
  if (titleStart === end) return undefined;
  const title = text.slice(titleStart, span.to);
  if (title[0] === '(' || (!proseTitles && (NOT_TITLE_START.test(title[0]) || readsAsSentence(title)))) return undefined;
  return { ...base, label, titleStart, titleEnd: span.to };
}

/**
 * The chapter or part line `text` is, if any: `Chapter 3`, `CHAPTER I.`, `Ch. 4: Title`, `Chapter Twenty-One`,
 * `Part Two: Summer`, `Book I`, `Prologue`, `Epilogue: After`, each possibly decorated (`~ Chapter 4 ~`). A title
 * needs a separator (`Chapter 3 was long` stays a sentence) and must not read as prose (`Epilogue: nobody came.`).
 * Bare numbers (`1.`, `1. Title`) are not tested here: see `matchNumbered`. `text` must already be trimmed.
 * `proseTitles` lets a title read as prose through, for a caller that knows the line's number fits (chapters.ts).
 */
export function matchChapter(text: string, { proseTitles = false } = {}): ChapterLine | undefined {
  if (text.length > MAX_MARKER_LENGTH) return undefined;
  const span = undecorated(text);
  for (const { pattern, role, rule } of LABELS) {
    pattern.lastIndex = span.from;
    if (!pattern.exec(text)) continue;
    const number = numberAt(text, pattern.lastIndex);
    if (!number || number.end > span.to) return undefined;
    return withTitle(text, span, number.end, { role, rule, number: number.value }, proseTitles);
  }
  NAMED.lastIndex = span.from;
  if (NAMED.exec(text)) return withTitle(text, span, NAMED.lastIndex, { role: 'chapter', rule: 'chapter-named' });
  return undefined;
}

/** `1.`, `12`, `IV.` (capitals only) on its own, or `1. Title`: a number as the whole label. */
const BARE_NUMBER = /([0-9]{1,3}|[IVXLC]+)(?![\p{L}\p{N}])/uy;

/**
 * A line that is a number and perhaps a title (`1.`, `1. The Letter`, `=== 4 ===`, `IV.`). Such a line is a
 * chapter line only when the file numbers its chapters this way consistently, which one line cannot tell:
 * `chapterLines` (chapters.ts) decides. `text` must already be trimmed.
 */
export function matchNumbered(text: string): ChapterLine | undefined {
  if (text.length > MAX_MARKER_LENGTH) return undefined;
  const span = undecorated(text);
  BARE_NUMBER.lastIndex = span.from;
  const m = BARE_NUMBER.exec(text);
  if (!m || (!/^\d/.test(m[1]) && !ROMAN.test(m[1]))) return undefined;
  const value = /^\d/.test(m[1]) ? Number(m[1]) : romanValue(m[1]);
  const line = withTitle(text, span, BARE_NUMBER.lastIndex, { role: 'chapter', rule: 'chapter-number', number: value });
  // A title after a bare number needs the period (`1. Title`): `3 - 2` and `4: no` are not chapter lines.
  if (line?.titleStart !== undefined && text[BARE_NUMBER.lastIndex] !== '.') return undefined;
  return line;
}

// ---------------------------------------------------------------------------------------------------------------
// Scene breaks

/** Longest line (trimmed) still taken for an ornament: `*       *       *       *       *` is 33. */
const MAX_BREAK_LENGTH = 40;
const ORNAMENT_LINE = new RegExp(`^[${ORNAMENT_CHARS}xXoO0\\s]+$`);
const SYMBOLS = new RegExp(`[${ORNAMENT_CHARS}]`);
/** `~*~*~ Scene Break ~*~*~`: the words say only that this is a break, so the line is one. */
const NAMED_BREAK = new RegExp(`^[${ORNAMENT_CHARS}]+\\s*(?:scene|line|page)?\\s*(?:break|change)\\s*[${ORNAMENT_CHARS}]+$`, 'i');

/**
 * Whether a trimmed line is a scene-break ornament: a short line of symbols (`***`, `* * *`, `~*~*~`, `###`, `---`,
 * `___`, `+++`, `~~~`, `= = =`), letter ornaments (`xXxXx`, `oOo`, `o0o`, mixing case or 0 and o, or set between
 * symbols: `-x-x-`, `-oOo-`), or `~*~ Scene Break ~*~`. Lines of dots alone (`...`) and letters that could be words
 * or kisses (`xxx`, `XOXO`) are text.
 */
export function isSceneBreak(text: string): boolean {
  if (text.length > MAX_BREAK_LENGTH) return false;
  if (NAMED_BREAK.test(text)) return true;
  if (!ORNAMENT_LINE.test(text)) return false;
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 3 || /^[.\u00b7]+$/.test(compact)) return false;
  if (SYMBOLS.test(compact)) return true;
  // Letters only: an ornament when it mixes forms of one letter, which no word or sign-off does.
  if (/^[xX]+$/.test(compact)) return /x/.test(compact) && /X/.test(compact);
  if (/^[oO0]+$/.test(compact)) return new Set(compact).size > 1;
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Author's notes

/** `A/N:`, `A/N -`, `AN:`, `Author's Note:`, `Author's Notes -` (any case, straight or curly apostrophe). */
const NOTE_LABEL = /^(A\/N|Author['\u2019]?s[ \t]+Notes?)(?:[ \t]*:|[ \t]+[-\u2013\u2014](?=\s|$))[ \t]*|^(AN)[ \t]*:[ \t]*/i;

/** An author's-note label at the start of `text`: the label as written and where the note's text begins. */
export function matchNoteLabel(text: string): { label: string; textStart: number } | undefined {
  const m = NOTE_LABEL.exec(text);
  return m ? { label: m[1] ?? m[2], textStart: m[0].length } : undefined;
}
