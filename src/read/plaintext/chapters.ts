/**
 * Decides, for a whole story, which of its short standalone paragraphs are chapter and part lines. Most shapes
 * say so on their own (`Chapter 3`, `Part One`, `Epilogue`: `matchChapter`); a bare number (`1.`, `1. The Letter`)
 * is a chapter line only when the story numbers its chapters that way throughout, which takes the whole story to tell.
 */
import { matchChapter, matchNumbered, type ChapterLine, type MarkerRule } from '../../text/markers';

/** A `--verbose` note on a rule that fired (or was turned down), at the index of the first paragraph it concerns. */
export interface RuleNote {
  rule: MarkerRule | 'chapter-number-ignored';
  message: string;
  index: number;
}

/** The forms each rule reads, as the notes name them. */
const FORMS: Record<MarkerRule, string> = {
  'chapter-label': '`Chapter 1`',
  'part-label': '`Part One`',
  'chapter-named': '`Prologue`, `Epilogue`, `Interlude`, `Afterword`',
  'chapter-number': '`1.`, `1. Title`',
};
/** Numbered lines make chapters only when there are at least this many of them. */
const MIN_NUMBERED = 2;

/**
 * Why the story's numbered lines (in order) are not its chapter lines, or undefined when they are: they must count
 * up by one (starting again at 1 after a part line is allowed), be at least `MIN_NUMBERED`, and the story must not
 * also have `Chapter` lines (then the numbers number something inside its chapters).
 */
function numberedRejection(definite: readonly (ChapterLine | undefined)[], numbered: readonly (ChapterLine | undefined)[]): string | undefined {
  if (definite.some((line) => line?.rule === 'chapter-label')) return 'the story has `Chapter` lines';
  let count = 0;
  let expected: number | undefined;
  let afterPart = false;
  for (let i = 0; i < numbered.length; i++) {
    if (definite[i]?.role === 'part') afterPart = true;
    const n = numbered[i]?.number;
    if (n === undefined) continue;
    if (expected !== undefined && n !== expected && !(afterPart && n === 1)) return 'they do not count 1, 2, 3… in order';
    expected = n + 1;
    afterPart = false;
    count++;
  }
  return count < MIN_NUMBERED ? 'there is only one' : undefined;
}

/**
 * `Chapter 2: In which the river rises.` reads as a sentence, but it is a chapter line when its number is the one
 * the story's `Chapter` lines (these included) need there: one more than the one before it (1, for the first) and
 * one less than the one after it; a line with neither neighbour stays prose. The sequence tells what one line
 * cannot. Fills `definite` in place.
 */
function fillSequence(texts: readonly (string | undefined)[], definite: (ChapterLine | undefined)[]): void {
  const entries = texts.flatMap((text, i) => {
    const line = definite[i] ?? (text === undefined ? undefined : matchChapter(text, { proseTitles: true }));
    return line?.rule === 'chapter-label' && line.number !== undefined ? [{ i, line, number: line.number }] : [];
  });
  entries.forEach(({ i, line, number }, k) => {
    if (definite[i]) return;
    const before = entries[k - 1]?.number;
    const after = entries[k + 1]?.number;
    if (before === undefined && after === undefined) return;
    if ((before ?? 0) + 1 === number && (after === undefined || after === number + 1)) definite[i] = line;
  });
}

/**
 * The chapter or part line each paragraph is (`texts[i]`: its trimmed text, or undefined for a paragraph too long
 * to be one), and a note per rule that fired. A numbered line next to another numbered line is a list item, never
 * a chapter line.
 */
export function chapterLines(texts: readonly (string | undefined)[]): { lines: (ChapterLine | undefined)[]; notes: RuleNote[] } {
  const definite = texts.map((text) => (text === undefined ? undefined : matchChapter(text)));
  fillSequence(texts, definite);
  const candidates = texts.map((text, i) => (text === undefined || definite[i] ? undefined : matchNumbered(text)));
  const numbered = candidates.map((line, i) => (line && !candidates[i - 1] && !candidates[i + 1] ? line : undefined));
  const rejection = numbered.some(Boolean) ? numberedRejection(definite, numbered) : undefined;
  const lines = definite.map((line, i) => line ?? (rejection ? undefined : numbered[i]));
  const notes: RuleNote[] = [];
  for (const rule of Object.keys(FORMS) as MarkerRule[]) {
    const found = lines.flatMap((line, i) => (line?.rule === rule ? [i] : []));
    const what = rule === 'part-label' ? 'parts' : 'chapters';
    if (found.length) notes.push({ rule, index: found[0], message: `${what}: ${found.length} line${found.length === 1 ? '' : 's'} like ${FORMS[rule]} (${rule} rule)` });
  }
  if (rejection) {
    const found = numbered.flatMap((line, i) => (line ? [i] : []));
    notes.push({
      rule: 'chapter-number-ignored',
      index: found[0],
      message: `${found.length} line${found.length === 1 ? '' : 's'} like ${FORMS['chapter-number']} kept as text: ${rejection}`,
    });
  }
  return { lines, notes };
}
