/**
 * The fan-fiction plain-text reader: a `Key: value` header, then the story in paragraphs (one per line, or
 * hard-wrapped with blank lines between), with chapter lines, scene-break ornaments and author's notes. Two shapes
 * that fans download are recognised by their signature first: a FanFicFare text export and a FanFiction.net page
 * saved as text.
 */
import { pointPosition } from '../../diagnostics/reporter';
import { emptyBook } from '../../model/build-helpers';
import type { Block, Position } from '../../model/types';
import { addFrontMatterFromMeta, applyMetadata } from '../metadata';
import type { Reader } from '../types';
import { paragraphOf } from './blocks';
import { readBody } from './body';
import { readFanFicFareOpening } from './fanficfare';
import { readFfnOpening } from './ffnet';
import { readPlainOpening, strayEntries } from './header';
import type { HeaderEntry, Opening } from './opening';
import { isBlank, splitLines, type Line } from './lines';

/**
 * Front-matter pages from header values: the entry the value came from gives the paragraph its source positions
 * (matched by the position object `applyMetadata` records for it).
 */
function frontMatterBlocks(entries: readonly HeaderEntry[]): (text: string, position?: Position) => Block[] {
  return (text, position) => {
    const entry = entries.find((e) => e.position === position && e.value.text === text);
    if (entry) return [{ ...paragraphOf(entry.value), position: entry.position }];
    return [{ type: 'paragraph', children: [{ type: 'text', value: text }], ...(position ? { position } : {}) }];
  };
}

/** The positions of the opening's dropped lines, one per run of consecutive lines. */
function droppedRuns(lines: readonly Line[], opening: Opening, file: string): Position[] {
  const runs: Position[] = [];
  for (const i of opening.dropped ?? []) {
    const last = runs[runs.length - 1];
    const end = { line: lines[i].line, column: lines[i].text.trimEnd().length + 1 };
    if (last && last.end.line >= lines[i].line - 2) last.end = end;
    else runs.push({ file, start: { line: lines[i].line, column: 1 }, end });
  }
  return runs;
}

/** Reads `.txt` manuscripts in the fan-fiction plain-text format. */
export const plaintextReader: Reader = {
  name: 'plaintext',
  extensions: ['.txt'],
  read(text, { file, report }) {
    const lines = splitLines(text, file, report);
    if (lines.every(isBlank)) report.fail('input-empty', 'the manuscript holds no text', { position: pointPosition(file, 1) });

    const opening = readFanFicFareOpening(lines, file) ?? readFfnOpening(lines, file) ?? readPlainOpening(lines, file);
    const book = emptyBook('');
    applyMetadata(book, opening.meta, report);
    Object.assign(book.meta.extra, opening.extra);
    for (const position of droppedRuns(lines, opening, file)) {
      report.warn('page-text-dropped', 'lines next to the title block that are neither metadata nor story (a saved page\'s menus, a downloader\'s extras); dropped', {
        position,
        hint: 'If these lines are part of the story, move them below the title block; otherwise delete them.',
      });
    }
    const story = (opening.lines ?? lines).slice(0, opening.storyEnd);
    for (const stray of strayEntries(story, opening.storyStart, file)) {
      report.warn('header-in-story', `\`${stray.key}:\` looks like a header entry but is in the story; kept as story text`, {
        position: stray.position,
        hint: 'If it is metadata, move it up into the header: the `Key: value` lines at the top, before the first line of the story.',
      });
    }
    book.body = readBody(story, opening.storyStart, file, report, opening.findChapters);
    if (book.body.length === 0) {
      const last = opening.meta[opening.meta.length - 1]?.position;
      report.fail('input-no-story', 'the manuscript has a metadata header but no story below it', {
        position: last ? pointPosition(file, last.end.line + 1) : pointPosition(file, 1),
      });
    }
    addFrontMatterFromMeta(book, frontMatterBlocks(opening.spans));
    return book;
  },
};
