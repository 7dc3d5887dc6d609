/** What the plain-text handlers share: the options, the measure left after indentation, and the chapter's footnotes. */
/** Options of the plain-text renderer. */
export interface TxtOptions {
  /**
   * Line length to fill paragraphs to, in characters; 0 writes each paragraph on one line. The default is 0: e-readers,
   * phones and archive forms reflow text themselves, and hard line ends only get in their way.
   */
  width: number;
}

export const DEFAULT_TXT_OPTIONS: TxtOptions = { width: 0 };

/** The column a scene break is centred in when paragraphs are not filled. */
export const CENTRE_MEASURE = 72;

export interface TxtContext {
  /** Columns left for text at the current indentation; 0 when not filling. */
  readonly width: number;
  /** The number of a footnote, given on its first citation in the chapter; undefined for an unknown note. */
  cite(identifier: string): number | undefined;
}
