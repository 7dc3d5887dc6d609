/** What the plain-text handlers share: the options, the measure left after indentation, and the chapter's footnotes. */
import type { Footnote } from '../../model/types';

export { DEFAULT_TXT_OPTIONS, type TxtOptions } from './options';

/** The column a scene break is centred in when paragraphs are not filled. */
export const CENTRE_MEASURE = 72;

export interface TxtContext {
  /** Columns left for text at the current indentation; 0 when not filling. */
  readonly width: number;
  /** The number of a footnote, given on its first citation in the chapter; undefined for an unknown note. */
  cite(identifier: string): number | undefined;
}

/** A chapter's footnotes, numbered `[1]`, `[2]`… in the order they are first cited. */
export class TxtNotes {
  private readonly numbers = new Map<string, number>();
  readonly cited: Footnote[] = [];
  constructor(private readonly footnotes: ReadonlyMap<string, Footnote>) {}

  cite(identifier: string): number | undefined {
    const known = this.numbers.get(identifier);
    if (known !== undefined) return known;
    const note = this.footnotes.get(identifier);
    if (!note) return undefined;
    this.cited.push(note);
    this.numbers.set(identifier, this.cited.length);
    return this.cited.length;
  }
}
