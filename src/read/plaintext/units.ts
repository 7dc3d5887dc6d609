/**
 * Groups the story's lines into units, one per future block: a hard-wrapped paragraph's lines, a single line when
 * each line is a paragraph, or the lines of an indented verse passage.
 */
import { contentBounds, isBlank, type Line } from './lines';
import { matchChapter, isSceneBreak } from './markers';

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

/** Whether the story's text is hard-wrapped (paragraphs of short lines, blank lines between them). */
function isHardWrapped(groups: readonly Line[][]): boolean {
  if (groups.length < 2) return false;
  let lines = 0;
  let long = 0;
  for (const group of groups) {
    lines += group.length;
    for (const line of group) if (trimmedLength(line) > LONG_LINE) long++;
  }
  return long <= lines * WRAPPED_SHARE;
}

const isBreakLine = (line: Line): boolean => isSceneBreak(line.text.trim());
/** A chapter line that cannot go on over the next line: it has no title, or is too short to have been wrapped. */
const isWholeChapterLine = (line: Line): boolean => {
  const chapter = matchChapter(line.text.trim());
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

/**
 * The story's units, from line index `from` on. In a hard-wrapped file a paragraph's lines form one unit, a passage
 * whose every line is indented is verse (Gutenberg's poems and letters), and scene-break lines inside a paragraph or
 * a chapter line on top of one are split off it (unless it is long enough to wrap its title onto the next line). Otherwise (paragraphs typed as single lines) every line is a unit.
 */
export function splitUnits(lines: readonly Line[], from: number): Unit[] {
  const groups = lineGroups(lines, from);
  const wrapped = isHardWrapped(groups);
  const units: Unit[] = [];
  for (const group of groups) {
    const unwrap = wrapped && group.slice(0, -1).every((line) => trimmedLength(line) <= LONG_LINE);
    if (!unwrap) {
      for (const line of group) units.push({ lines: [line], verse: false });
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
