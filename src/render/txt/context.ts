/** What the plain-text handlers share: the options, the measure left after indentation, and the chapter's footnotes. */

export { DEFAULT_TXT_OPTIONS, type TxtOptions } from './options';

/** The column a scene break is centred in when paragraphs are not filled. */
export const CENTRE_MEASURE = 72;

export interface TxtContext {
  /** Columns left for text at the current indentation; 0 when not filling. */
  readonly width: number;
  /** The number of a footnote, given on its first citation in the chapter; undefined for an unknown note. */
  cite(identifier: string): number | undefined;
}
