/** The layout's output: positioned drawing operations grouped into boxes, blocks and pages, with no pdfkit in sight. */

/** The four faces of the book's serif. */
export type FontKey = 'serif-regular' | 'serif-italic' | 'serif-bold' | 'serif-bold-italic';

/** How a piece of text is set. */
export interface TextStyle {
  font: FontKey;
  size: number;
  /** Baseline shift upwards in points (superscripts). */
  rise?: number;
  /** A URL the text links to. */
  link?: string;
  strike?: boolean;
  /** The footnote number this text refers to (a reference mark). */
  note?: number;
  /** Lower-case letters as small capitals (the font's `smcp` feature): the first words of a chapter. */
  smallCaps?: boolean;
}

/**
 * A string that one serif face draws alone, as `FontSet` keeps it, once per face and string: its width, and a slot
 * for what drawing makes of it (text-object.ts keeps the string's encoded glyphs there, for the font it drew with).
 * A text op carries its string's record from measuring to drawing, so neither looks the string up again.
 */
export interface SerifText {
  /** Width in units per 1000 em; NaN until measured. */
  units: number;
  drawn: unknown;
  drawnWith: unknown;
}

/** One thing to draw, relative to the top-left corner of the box that holds it (y grows downwards). */
export type DrawOp =
  /**
   * `width` is as drawn; `scale` widens or narrows the glyphs horizontally (font expansion; 1 when absent). `rtl`
   * marks text at a right-to-left embedding level: its characters run from right to left, so its runs in different
   * faces are drawn in reverse order (each face's shaping already orders Hebrew or Arabic glyphs right to left).
   */
  /**
   * `serif`: the text's record (`SerifText`) when the serif face draws every character (known from measuring it):
   * drawing then needs no fallback face, and keeps the encoded text there.
   */
  | { type: 'text'; text: string; style: TextStyle; x: number; baseline: number; width: number; scale?: number; rtl?: boolean; serif?: SerifText }
  | { type: 'rule'; x1: number; y1: number; x2: number; y2: number; width: number }
  | { type: 'image'; data: Buffer; x: number; y: number; width: number; height: number }
  /**
   * A page number filled in after pagination (table of contents), right-aligned at `right`, or left-aligned at `left`
   * when that is given (a right-to-left contents page).
   */
  | { type: 'pageRef'; target: string; style: TextStyle; right: number; left?: number; baseline: number };

/** PDF standard structure types quire tags its content with (ISO 32000-1, 14.8.4). */
export type StructType = 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'P' | 'L' | 'LI' | 'BlockQuote' | 'Figure' | 'Table' | 'Note' | 'Div' | 'TOC' | 'TOCI' | 'Code';

/**
 * A structure element of the tagged PDF. Boxes of one element share the object (a paragraph split across pages stays
 * one element); `parent` nests it (a paragraph in a list item in a list).
 */
export interface StructTag {
  type: StructType;
  /** Alternative text (figures). */
  alt?: string;
  parent?: StructTag;
}

/** An unbreakable horizontal slice of a page: a line of text, an image, a table row. */
export interface FlowBox {
  height: number;
  ops: DrawOp[];
  /** The structure element the box's content belongs to; boxes without one are drawn as artifacts (decoration). */
  tag?: StructTag;
  /** Numbers of the footnotes referenced on this line (filled in as `notes` by the block layout). */
  noteNumbers?: number[];
  /** Footnotes referenced on this line: their laid-out lines, set at the foot of the page the line lands on. */
  notes?: FlowBox[][];
}

/** Where a page run starts and how its pages are numbered. */
export interface PageStart {
  numbering: 'roman' | 'arabic';
  /** Restart the count at 1 (the first page of the front matter, the first page of the story). */
  restart?: boolean;
  /** No folio or running head on the first page of the run (title pages, chapter openings). */
  plainFirst: boolean;
  /** No folio or running heads on any page of the run (title page, dedication). */
  plain?: boolean;
  /** The running head's right-hand text for this run's pages (the chapter title). */
  head?: string;
  /** Start on a right-hand page (a recto), leaving the page before blank if need be. */
  recto?: boolean;
}

/** A named place (chapter start) recorded with the page it lands on: for the outline, TOC numbers and links. */
export interface Mark {
  id: string;
  title: string;
  /** Outline nesting: 0 = top level, 1 = under the last level-0 mark. */
  level: number;
}

/** Lines that are laid out together and paginated by one rule set. */
export interface FlowBlock {
  boxes: FlowBox[];
  spaceBefore: number;
  spaceAfter: number;
  /** Begin a new page before this block. */
  breakBefore?: PageStart;
  /** Never end a page after this block (headings). */
  keepWithNext?: boolean;
  /** May the block be split across pages (paragraphs yes, table rows and images no). */
  splittable: boolean;
  /** Keep two lines together at the start and end when splitting (paragraphs). */
  widowControl?: boolean;
  marks?: Mark[];
}

/** A box placed on a page at `y` from the text block's top. */
export interface Placed {
  y: number;
  box: FlowBox;
}

/** A finished page. */
export interface Page {
  placed: Placed[];
  /** The printed page number (`iv`, `12`), or undefined on pages that show none. */
  folio?: string;
  /** The page number as a TOC prints it. */
  label: string;
  head?: { left: string; right: string };
  marks: Mark[];
  /** Footnote lines at the foot of the page (y from the text block's top). */
  notes?: Placed[];
}
