/**
 * Every string quire prints on a page or in navigation, per language. `{n}` is replaced by a number formatted for
 * the language, `{title}` and `{authors}` by the book's. A book overrides any of them under `labels:` in its
 * metadata (book.yaml or front matter); a language without a table uses English.
 */
export interface Labels {
  /** The table of contents' heading. */
  contents: string;
  /** A chapter without a title: `Chapter {n}`. */
  chapter: string;
  /** A part without a title: `Part {n}`. */
  part: string;
  notes: string;
  note: string;
  /** The heading over a chapter's footnotes where they follow its text (AO3 HTML). */
  footnotes: string;
  summary: string;
  disclaimer: string;
  dedication: string;
  epigraph: string;
  foreword: string;
  afterword: string;
  /** The copyright page (the book's verso). */
  copyright: string;
  /** Between a label and its value (`Rating: T`): `: ` in English, `\u202f: ` in French, `：` in Japanese. */
  colon: string;
  /** Between the items of a list of tags, fandoms or warnings: `, ` (`、` in Japanese and Chinese, `، ` in Arabic). */
  comma: string;
  rating: string;
  warnings: string;
  fandom: string;
  fandoms: string;
  relationships: string;
  characters: string;
  tags: string;
  series: string;
  status: string;
  words: string;
  /** `{series} #{n}`: a work's place in its series. */
  seriesIndex: string;
  /**
   * Before the author line on a title page: `by`. The one label that may be empty: languages that print no word
   * before the author's name (Russian, Polish, Japanese, Chinese, Korean) leave it out.
   */
  by: string;
  publisher: string;
  published: string;
  identifier: string;
  rights: string;
  /** Landmarks. */
  cover: string;
  titlePage: string;
  startOfContent: string;
  landmarks: string;
  /** An image without a text alternative, where only text can be shown (`[Image]`). */
  image: string;
  /** A scene break's name for assistive technology (it is drawn as `* * *`). */
  sceneBreak: string;
  /** The cover image's text alternative. */
  coverAlt: string;
  coverAltNoAuthor: string;
  /** Back from a footnote to its reference. */
  backToText: string;
  /** The accessibility summary, sentence by sentence (`{n}` and `{total}` are counts). */
  a11yStructure: string;
  a11yAllAlt: string;
  a11ySomeAlt: string;
  a11yFootnotes: string;
  a11yTables: string;
  a11yConforms: string;
  a11yNoClaim: string;
}

export type LabelKey = keyof Labels;

export const ENGLISH: Labels = {
  contents: 'Contents',
  chapter: 'Chapter {n}',
  part: 'Part {n}',
  notes: 'Notes',
  note: 'Note',
  footnotes: 'Footnotes',
  summary: 'Summary',
  disclaimer: 'Disclaimer',
  dedication: 'Dedication',
  epigraph: 'Epigraph',
  foreword: 'Foreword',
  afterword: 'Afterword',
  copyright: 'Copyright',
  colon: ': ',
  comma: ', ',
  rating: 'Rating',
  warnings: 'Warnings',
  fandom: 'Fandom',
  fandoms: 'Fandoms',
  relationships: 'Relationships',
  characters: 'Characters',
  tags: 'Tags',
  series: 'Series',
  status: 'Status',
  words: 'Words',
  seriesIndex: '{series} #{n}',
  by: 'by',
  publisher: 'Publisher',
  published: 'Published',
  identifier: 'Identifier',
  rights: 'Rights',
  cover: 'Cover',
  titlePage: 'Title Page',
  startOfContent: 'Start of Content',
  landmarks: 'Landmarks',
  image: 'Image',
  sceneBreak: 'Scene break',
  coverAlt: 'Cover: {title} by {authors}',
  coverAltNoAuthor: 'Cover: {title}',
  backToText: 'Back to text',
  a11yStructure: 'This publication has a table of contents, headings for structural navigation and a single logical reading order; its text can be resized and restyled.',
  a11yAllAlt: 'Every image has a text alternative.',
  a11ySomeAlt: '{n} of {total} images have no text alternative.',
  a11yFootnotes: 'Footnotes are linked from the text and link back to it.',
  a11yTables: 'Tables have header rows where the author gave them.',
  a11yConforms: 'It meets EPUB Accessibility 1.1 at WCAG 2.1 Level A by quire\u2019s automated evaluation.',
  a11yNoClaim: 'It does not claim conformance to an accessibility standard.',
};

/** Labels that a language may leave empty (see `by`); every other label of every table is a non-empty string. */
export const OPTIONAL_LABELS: readonly LabelKey[] = ['by'];

