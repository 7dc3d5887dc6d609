/**
 * The fan-fiction plain-text reader: a `Key: value` header, then the story in paragraphs (one per line, or
 * hard-wrapped with blank lines between), with chapter lines, scene-break ornaments and author's notes.
 */
import { pointPosition } from '../../diagnostics/reporter';
import { emptyBook } from '../../model/build-helpers';
import type { Block, Position } from '../../model/types';
import { addFrontMatterFromMeta, applyMetadata } from '../metadata';
import type { Reader } from '../types';
import { paragraphOf } from './blocks';
import { readBody } from './body';
import { readHeader, type HeaderEntry } from './header';
import { isBlank, splitLines } from './lines';

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

/** Reads `.txt` manuscripts in the fan-fiction plain-text format. */
export const plaintextReader: Reader = {
  name: 'plaintext',
  extensions: ['.txt'],
  read(text, { file, report }) {
    const lines = splitLines(text, file, report);
    if (lines.every(isBlank)) report.fail('input-empty', 'the manuscript holds no text', { position: pointPosition(file, 1) });

    const header = readHeader(lines, file);
    const book = emptyBook('');
    const entries = header.entries.filter((entry) => entry.value.text);
    applyMetadata(book, entries.map((e) => ({ key: e.key, value: e.value.text, position: e.position })), report);

    book.body = readBody(lines, header.storyStart, file, report);
    if (book.body.length === 0) {
      const last = header.entries[header.entries.length - 1];
      report.fail('input-no-story', 'the manuscript has a metadata header but no story below it', {
        position: last ? pointPosition(file, last.position.end.line + 1) : pointPosition(file, 1),
      });
    }
    addFrontMatterFromMeta(book, frontMatterBlocks(entries));
    return book;
  },
};
