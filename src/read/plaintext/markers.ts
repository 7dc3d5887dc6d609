/**
 * The line shapes the plain-text format gives meaning to: chapter lines, scene-break ornaments and author's-note
 * labels. Each test takes a line's (or a short paragraph's) trimmed text.
 */

const SMALL = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred';
const NUMBER_WORD = `(?:${SMALL}|${TENS})(?:[ -](?:${SMALL}|${TENS}|and))*`;
const ROMAN = '(?=[MDCLXVI])M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})';
const NUMBER = `(?:\\d+|${ROMAN}|${NUMBER_WORD})`;

/**
 * `Chapter 3`, `CHAPTER I.`, `Ch. 3`, then either nothing or a separator and a title: `: The Loft`, ` - Title`,
 * ` – Title`, `. Loomings.` A title needs a separator, so that `Chapter 3 was long` stays a sentence.
 */
const CHAPTER = new RegExp(
  `^((?:chapter[ \\t]+|ch\\.[ \\t]*|ch[ \\t]+)${NUMBER}\\b)(\\.)?` +
    `(?:[ \\t]*[:\\-\u2013\u2014]*[ \\t]*$|(?:(?<=\\.)[ \\t]+|[ \\t]*[:\\-\u2013\u2014]+[ \\t]*)(\\S.*)$)`,
  'i',
);
/** `Prologue`, `Epilogue`, optionally with `: Title` (or `-`, `–`, `—`, `.`). */
const END_PIECE = /^(prologue|epilogue)(?:[ \t]*[.:]?[ \t]*$|[ \t]*[:.\-\u2013\u2014]+[ \t]*(\S.*)$)/i;

/** A chapter line, split into its label (as written, keeping a period that follows the number) and its title. */
export interface ChapterLine {
  label: string;
  /** Index in the tested text where the title starts; absent when the line has no title. */
  titleStart?: number;
}

/** The chapter line `text` is, if any. `text` must already be trimmed. */
export function matchChapter(text: string): ChapterLine | undefined {
  const m = CHAPTER.exec(text);
  if (m) return chapterLine(m[1] + (m[2] ?? ''), text, m[3]);
  const e = END_PIECE.exec(text);
  return e ? chapterLine(e[1], text, e[2]) : undefined;
}

function chapterLine(label: string, text: string, title: string | undefined): ChapterLine {
  return title === undefined ? { label } : { label, titleStart: text.length - title.length };
}

/** Longest line (trimmed) still taken for an ornament: `*       *       *       *       *` is 33. */
const MAX_BREAK_LENGTH = 40;
/** Characters a scene-break line may be made of, besides the letter ornaments x and o. */
const ORNAMENT_CHARS = '*~#=_+\\-\u2013\u2014.\u00b7\u2022\u00b0^|/\\\\<>\u2666\u25ca\u2756\u2726\u2727\u2605\u2606\u2665\u2661\u2766\u2767\u00a7';
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

/** `A/N:`, `A/N -`, `AN:`, `Author's Note:`, `Author's Notes -` (any case, straight or curly apostrophe). */
const NOTE_LABEL = /^(A\/N|Author['\u2019]?s[ \t]+Notes?)(?:[ \t]*:|[ \t]+[-\u2013\u2014](?=\s|$))[ \t]*|^(AN)[ \t]*:[ \t]*/i;

/** An author's-note label at the start of `text`: the label as written and where the note's text begins. */
export function matchNoteLabel(text: string): { label: string; textStart: number } | undefined {
  const m = NOTE_LABEL.exec(text);
  return m ? { label: m[1] ?? m[2], textStart: m[0].length } : undefined;
}
