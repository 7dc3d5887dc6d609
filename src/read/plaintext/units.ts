/**
 * Groups the story's lines into units, one per future block: a hard-wrapped paragraph's lines, a single line when
 * each line is a paragraph, a paragraph marked by a first-line indent (with no blank line before it), or the lines
 * of an indented verse passage.
 */
import { findTags, seenText } from './html';
import { contentBounds, isBlank, type Line } from './lines';
import { matchChapter, isSceneBreak } from '../../text/markers';

/** The source lines of one block; `verse` when their line breaks are meaningful. */
export interface Unit {
  lines: Line[];
  verse: boolean;
}

/** No hard-wrapped text has lines this long; a paragraph typed as one line usually does. */
const LONG_LINE = 100;
/** A chapter line this long may have been hard-wrapped, so the line after it can continue its title. */
const FULL_LINE = 60;
/** A file whose long lines are at most this share of its lines is hard-wrapped. */
const WRAPPED_SHARE = 0.1;

const trimmedLength = (line: Line): number => {
  const [from, to] = contentBounds(line.text);
  return to - from;
};
const isIndented = (line: Line): boolean => /^[ \t]/.test(line.text);

/** Runs of non-blank lines (the paragraphs as separated by blank lines). */
function lineGroups(lines: readonly Line[], from: number): Line[][] {
  const groups: Line[][] = [];
  let current: Line[] = [];
  for (let i = from; i < lines.length; i++) {
    if (!isBlank(lines[i])) current.push(lines[i]);
    else if (current.length) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

/** Whether lines are short enough to have been hard-wrapped: at most `WRAPPED_SHARE` of them over `LONG_LINE`. */
function fewLongLines(lines: readonly Line[]): boolean {
  let long = 0;
  for (const line of lines) if (trimmedLength(line) > LONG_LINE) long++;
  return long <= lines.length * WRAPPED_SHARE;
}

/** Whether the story's text is hard-wrapped (paragraphs of short lines, blank lines between them). */
function isHardWrapped(groups: readonly Line[][]): boolean {
  return groups.length >= 2 && fewLongLines(groups.flat());
}

/** A line's text as a reader sees it (HTML tags removed: `<center>***</center>`), trimmed. */
const seen = (line: Line): string => seenText(line.text).trim();
const isBreakLine = (line: Line): boolean => isSceneBreak(seen(line));
/** A chapter line that cannot go on over the next line: it has no title, or is too short to have been wrapped. */
const isWholeChapterLine = (line: Line): boolean => {
  const chapter = matchChapter(seen(line));
  return chapter !== undefined && (chapter.titleStart === undefined || trimmedLength(line) < FULL_LINE);
};

/** A hard-wrapped paragraph's lines as units: scene breaks anywhere and whole chapter lines on top stand alone. */
function unwrapGroup(group: readonly Line[], units: Unit[]): void {
  let run: Line[] = [];
  for (const line of group) {
    if (isBreakLine(line) || (run.length === 0 && isWholeChapterLine(line))) {
      if (run.length) units.push({ lines: run, verse: false });
      units.push({ lines: [line], verse: false });
      run = [];
    } else {
      run.push(line);
    }
  }
  if (run.length) units.push({ lines: run, verse: false });
}

/** Whether a `<p>` is open after `line`: its last `<p>` or `</p>` says so; a line with neither leaves it as it was. */
function paragraphOpenAfter(line: Line, open: boolean): boolean {
  const last = findTags(line.text).filter((tag) => tag.name === 'p').pop();
  return last ? !last.closing : open;
}

/** Whether `line` starts a paragraph of its own with a `<p>`: its first `<p>` or `</p>` is an opening one. */
function opensParagraph(line: Line): boolean {
  const first = findTags(line.text).find((tag) => tag.name === 'p');
  return first !== undefined && !first.closing;
}

/**
 * A group's lines as units, one per line, except that a paragraph whose `<p>` is still open runs on to the line
 * that closes it (HTML source copied as text). An open `<p>` never runs past a scene break, a chapter line or a line
 * that opens another `<p>` (and never past a blank line: `group` has none). A run that ends before its `</p>` was not
 * one paragraph in HTML source: each of its lines stays a paragraph of its own, so no chapter line or sentence is
 * swallowed by a forgotten `</p>`.
 */
function lineUnits(group: readonly Line[], units: Unit[]): void {
  let run: Line[] = [];
  let open = false;
  const unclosed = (): void => {
    for (const line of run) units.push({ lines: [line], verse: false });
    run = [];
  };
  for (const line of group) {
    if (run.length && (isBreakLine(line) || matchChapter(seen(line)) !== undefined || opensParagraph(line))) {
      unclosed();
      open = false;
    }
    run.push(line);
    open = paragraphOpenAfter(line, open);
    if (!open) {
      units.push({ lines: run, verse: false });
      run = [];
    }
  }
  unclosed();
}

/**
 * Whether the story marks its paragraphs with a first-line indent: most paragraph starts (the first line of each
 * run of lines, and each indented line right after a flush one) are indented. Then indentation is the paragraph
 * style, never verse; Gutenberg's files, where verse is the indented exception, have almost no indented starts.
 */
function indentsParagraphs(groups: readonly Line[][]): boolean {
  let starts = 0;
  let indented = 0;
  for (const group of groups) {
    group.forEach((line, k) => {
      const start = k === 0 || (isIndented(line) && !isIndented(group[k - 1]));
      if (!start || isBreakLine(line) || isWholeChapterLine(line)) return;
      starts++;
      if (isIndented(line)) indented++;
    });
  }
  return starts > 0 && indented * 2 > starts;
}

/** A line this share of the file's wrap width long may have been wrapped: the next word did not fit after it. */
const NEAR_WRAP = 0.75;
/** A line ending a sentence: `.`, `!`, `?` or `…`, maybe inside closing quotes or brackets. */
const ENDS_SENTENCE = /[.!?\u2026]["'\u201d\u2019)\]]*$/;
/** A line's length as typed, its indent included (the wrap column counts it). */
const typedLength = (line: Line): number => line.text.trimEnd().length;

/**
 * Units of a story whose paragraphs start with an indent: each indented line starts a paragraph (dialogue and
 * all). A flush line continues the paragraph above only when the text is hard-wrapped (few long lines) and the line
 * above was wrapped: it reaches near the file's wrap width (its longest line not over `LONG_LINE`) and does not end a
 * sentence. Otherwise a flush line is a paragraph of its own (`"Hi," he said.` under a finished sentence). Scene
 * breaks and chapter lines stand alone.
 */
function splitIndented(groups: readonly Line[][]): Unit[] {
  const lines = groups.flat();
  const wrapped = fewLongLines(lines);
  const width = lines.reduce((max, line) => (typedLength(line) <= LONG_LINE ? Math.max(max, typedLength(line)) : max), 0);
  const wrappedAbove = (above: Line | undefined): boolean =>
    above !== undefined && typedLength(above) >= width * NEAR_WRAP && !ENDS_SENTENCE.test(above.text.trimEnd());
  const units: Unit[] = [];
  for (const group of groups) {
    let run: Line[] = [];
    const end = (): void => {
      if (run.length) units.push({ lines: run, verse: false });
      run = [];
    };
    for (const line of group) {
      if (isBreakLine(line) || isWholeChapterLine(line)) {
        end();
        units.push({ lines: [line], verse: false });
        continue;
      }
      if (isIndented(line) || !wrapped || !wrappedAbove(run[run.length - 1])) end();
      run.push(line);
    }
    end();
  }
  return units;
}

/**
 * The story's units, from line index `from` on. In a hard-wrapped file a paragraph's lines form one unit, a passage
 * whose every line is indented is verse (Gutenberg's poems and letters), and scene-break lines inside a paragraph or
 * a chapter line on top of one are split off it (unless it is long enough to wrap its title onto the next line).
 * Otherwise (paragraphs typed as single lines) every line is a unit. A story that indents its paragraphs' first
 * lines is split at the indents instead.
 */
export function splitUnits(lines: readonly Line[], from: number): Unit[] {
  const groups = lineGroups(lines, from);
  if (indentsParagraphs(groups)) return splitIndented(groups);
  const wrapped = isHardWrapped(groups);
  const units: Unit[] = [];
  for (const group of groups) {
    const unwrap = wrapped && group.slice(0, -1).every((line) => trimmedLength(line) <= LONG_LINE);
    if (!unwrap) {
      lineUnits(group, units);
      continue;
    }
    if (group.length > 1 && group.every(isIndented)) {
      units.push({ lines: group, verse: true });
      continue;
    }
    unwrapGroup(group, units);
  }
  return units;
}
