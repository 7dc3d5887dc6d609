/** The shape every opening reader of a plain-text file returns: what the top of the file says, and where the story is. */
import type { Position } from '../../model/types';
import type { MetaEntry } from '../metadata';
import type { ChapterFinder } from './body';
import type { Line } from './lines';
import type { Span } from './span';

/** One header entry, with the position of its key (start) to the end of its value. */
export interface HeaderEntry {
  /** The key as written, or the known half of a `Pairings/Relationships` key. */
  key: string;
  value: Span;
  position: Position;
  known: boolean;
}

/**
 * What the top of a file told the reader, whatever its shape (a `Key: value` header, a saved FanFiction.net page, a
 * FanFicFare export): the metadata, and which lines are the story.
 */
export interface Opening {
  /** Metadata entries in the order written, for `applyMetadata`. */
  meta: MetaEntry[];
  /** The entries whose values are source text, so that front-matter pages made from them keep exact positions. */
  spans: HeaderEntry[];
  /** Values quire has no metadata field for, kept as written (`meta.extra`) without an unknown-key warning. */
  extra: Record<string, string>;
  /** Index of the story's first line, and one past its last. */
  storyStart: number;
  storyEnd: number;
  /** Indexes of lines that are neither metadata nor story (a saved page's site menus), for the reader to report. */
  dropped?: number[];
  /** The file's lines as the story reads them, when the format escapes some (html2text's `\-`); columns unchanged. */
  lines?: readonly Line[];
  /** How the format's chapter lines are found, when it marks its chapters its own way. */
  findChapters?: ChapterFinder;
}
