/**
 * Where the lines of each XHTML file in the EPUB came from, so that a validator's `OEBPS/chapter-3.xhtml:41` can be
 * reported at the manuscript line it was written from. Built from the serialiser's block trace and the finished text.
 */
import type { Position } from '../../model/types';
import type { BlockTrace } from './xhtml/context';

/** One mapped line: from `line` of the file on (until the next entry), the text came from `position`. */
export interface SourceLine {
  line: number;
  position: Position;
}

/** Path in the zip (`OEBPS/chapter-1.xhtml`) → mapped lines, ascending. */
export type SourceMap = Record<string, SourceLine[]>;

/**
 * The mapped lines of one finished document: line 1 maps to `start` (the section or page the document is for); each
 * traced block maps from the line where its XHTML begins. Blocks are found in order, so repeated text maps correctly.
 */
export function documentLines(text: string, start: Position | undefined, trace: BlockTrace): SourceLine[] {
  const lines: SourceLine[] = start ? [{ line: 1, position: start }] : [];
  let cursor = 0;
  // Lines are counted incrementally up to each block's offset: offsets only grow.
  let line = 1;
  let counted = 0;
  for (const entry of trace.entries) {
    const at = text.indexOf(entry.html, cursor);
    if (at === -1) continue;
    for (let i = text.indexOf('\n', counted); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
    counted = at;
    cursor = at + entry.html.length;
    lines.push({ line, position: entry.position });
  }
  return lines;
}

/** The manuscript position for a line of a file in the EPUB, or `undefined` when the map says nothing about it. */
export function lookup(map: SourceMap, file: string, line: number | undefined): Position | undefined {
  const lines = map[file];
  if (!lines?.length) return undefined;
  let found: SourceLine | undefined;
  for (const entry of lines) {
    if (line !== undefined && entry.line > line) break;
    found = entry;
  }
  return found?.position;
}
