/**
 * The document model: a typed, JSON-serialisable tree that every reader produces and every renderer consumes.
 *
 * Readers know nothing about EPUB or PDF; renderers never look at Markdown or plain text. Everything they share
 * is here. Parsed nodes carry a `position` (1-based line and column, unist style, plus the file); nodes that a
 * transform or renderer generates carry none.
 */

/** Bumped whenever the serialised shape changes incompatibly (like pandoc-types' `pandoc-api-version`). */
export const MODEL_VERSION = '1.0.0';

/** A place in a source file. `line` and `column` are 1-based; `offset` is a 0-based UTF-16 index into the text. */
export interface Point {
  line: number;
  column: number;
  offset?: number;
}

/** Where a node came from: the file (as given on the command line, or relative to the manuscript folder) and a span. */
export interface Position {
  file: string;
  start: Point;
  end: Point;
}

interface Node {
  /** Present on parsed nodes, absent on generated ones. */
  position?: Position;
}

// ---------------------------------------------------------------------------------------------------------------
// Inlines

export interface Text extends Node {
  type: 'text';
  value: string;
}
export interface Emphasis extends Node {
  type: 'emphasis';
  children: Inline[];
}
export interface Strong extends Node {
  type: 'strong';
  children: Inline[];
}
export interface Strikethrough extends Node {
  type: 'strikethrough';
  children: Inline[];
}
export interface Link extends Node {
  type: 'link';
  url: string;
  title?: string;
  children: Inline[];
}
export interface InlineCode extends Node {
  type: 'code';
  value: string;
}
/** A hard line break inside a paragraph or verse line. */
export interface LineBreak extends Node {
  type: 'break';
}
/** A reference to a `Footnote` in `Book.footnotes` with the same `identifier`. */
export interface FootnoteReference extends Node {
  type: 'footnoteReference';
  identifier: string;
  /** The label as the author wrote it (`1`, `note`); the note's number is `Footnote.number`. */
  label?: string;
}
/** An image inside running text. A paragraph holding only an image becomes an `ImageBlock` instead. */
export interface InlineImage extends Node {
  type: 'image';
  url: string;
  alt: string;
  title?: string;
}

/**
 * Inline content. Extend `InlineMap` by declaration merging to register a custom inline node type
 * (as `@types/mdast` allows): `declare module 'quire' { interface InlineMap { mark: Mark } }`.
 */
export interface InlineMap {
  text: Text;
  emphasis: Emphasis;
  strong: Strong;
  strikethrough: Strikethrough;
  link: Link;
  code: InlineCode;
  break: LineBreak;
  footnoteReference: FootnoteReference;
  image: InlineImage;
}
export type Inline = InlineMap[keyof InlineMap];

// ---------------------------------------------------------------------------------------------------------------
// Blocks

export interface Paragraph extends Node {
  type: 'paragraph';
  children: Inline[];
}
/** A heading that does not open a section (for example inside a block quote, or deeper than the book's sections). */
export interface Heading extends Node {
  type: 'heading';
  depth: 1 | 2 | 3 | 4 | 5 | 6;
  children: Inline[];
}
/** A break between scenes: `***`, `~*~*~`, a Markdown thematic break. `marker` keeps what the author typed. */
export interface SceneBreak extends Node {
  type: 'sceneBreak';
  marker?: string;
}
export interface BlockQuote extends Node {
  type: 'blockquote';
  children: Block[];
}
/** One line of verse; `indent` counts leading indentation steps (0 = flush). */
export interface VerseLine extends Node {
  type: 'verseLine';
  indent: number;
  children: Inline[];
}
/** Verse or any line block whose line breaks are meaningful, as stanzas of lines. */
export interface Verse extends Node {
  type: 'verse';
  stanzas: VerseLine[][];
}
export interface ListItem extends Node {
  type: 'listItem';
  children: Block[];
}
export interface List extends Node {
  type: 'list';
  ordered: boolean;
  /** First number of an ordered list. */
  start?: number;
  items: ListItem[];
}
export type Alignment = 'left' | 'center' | 'right' | null;
export interface TableCell extends Node {
  type: 'tableCell';
  children: Inline[];
}
export interface TableRow extends Node {
  type: 'tableRow';
  cells: TableCell[];
}
export interface Table extends Node {
  type: 'table';
  align: Alignment[];
  /** Header rows (usually one; none when the source's header row is empty). */
  head: TableRow[];
  rows: TableRow[];
}
/** An image standing on its own, with optional caption. `url` is as written (relative to the source file's folder). */
export interface ImageBlock extends Node {
  type: 'imageBlock';
  url: string;
  alt: string;
  title?: string;
  caption?: Inline[];
}
export interface CodeBlock extends Node {
  type: 'codeBlock';
  value: string;
  lang?: string;
}
/** An author's note (`A/N: …`). `label` is the label as written, without the colon (`A/N`, `Author's Note`). */
export interface AuthorNote extends Node {
  type: 'authorNote';
  label: string;
  children: Block[];
}

/** Block content. Extend `BlockMap` by declaration merging to register a custom block type. */
export interface BlockMap {
  paragraph: Paragraph;
  heading: Heading;
  sceneBreak: SceneBreak;
  blockquote: BlockQuote;
  verse: Verse;
  list: List;
  table: Table;
  imageBlock: ImageBlock;
  codeBlock: CodeBlock;
  authorNote: AuthorNote;
}
export type Block = BlockMap[keyof BlockMap];

/** A footnote's text; referenced from the body by `FootnoteReference.identifier`. */
export interface Footnote extends Node {
  type: 'footnote';
  identifier: string;
  label?: string;
  /** Its number through the book, set by the `footnotes` transform (model/footnotes.ts); absent on a later duplicate. */
  number?: number;
  children: Block[];
}

// ---------------------------------------------------------------------------------------------------------------
// Structure

/**
 * What a section is in the book: a `part` holds chapters (Book I, Part One), a `chapter` is the unit a reader
 * navigates by, a `section` is a subdivision inside a chapter.
 */
export type SectionRole = 'part' | 'chapter' | 'section';

/** A titled division of the story: a part, a chapter or a section, with the blocks before its first sub-section. */
export interface Section extends Node {
  type: 'section';
  role: SectionRole;
  /** Nesting depth from 1 (top level of the body). */
  depth: number;
  /** Stable, unique id (set by the `ids` transform; readers may leave it empty). */
  id: string;
  /** The title as written, without its label: `The Loft` for `Chapter 3: The Loft`. May be empty. */
  title: Inline[];
  /** The numbering label as written (`Chapter 3`, `CHAPTER I.`), if the source had one separate from the title. */
  label?: string;
  children: Block[];
  sections: Section[];
}

/** The role of a front- or back-matter page. */
export type MatterRole = 'summary' | 'disclaimer' | 'dedication' | 'epigraph' | 'foreword' | 'afterword' | 'notes' | 'other';

/** A page before or after the story: disclaimer, dedication, epigraph, author's notes… */
export interface Matter extends Node {
  type: 'matter';
  role: MatterRole;
  id: string;
  title?: Inline[];
  children: Block[];
}

export interface Author {
  name: string;
  /** Sort form, `Melville, Herman`. */
  fileAs?: string;
}

export interface Series {
  name: string;
  index?: number;
}

/** Book metadata. Plain strings, so that every renderer can put them where metadata goes. */
export interface Meta {
  title: string;
  subtitle?: string;
  authors: Author[];
  /** BCP 47 language tag; `en` when the manuscript gives none. */
  language: string;
  /** Text direction; derived from the language unless the manuscript says. */
  direction?: 'ltr' | 'rtl';
  /** The book's own wording for strings quire prints (`contents: Table des matières`), over its language's table. */
  labels?: Partial<Record<string, string>>;
  date?: string;
  publisher?: string;
  rights?: string;
  identifier?: string;
  rating?: string;
  fandoms: string[];
  characters: string[];
  relationships: string[];
  warnings: string[];
  tags: string[];
  genres: string[];
  status?: string;
  summary?: string;
  disclaimer?: string;
  dedication?: string;
  notes?: string;
  series?: Series;
  cover?: string;
  /** Figures the header declared (`Words: 3,200`, `Chapters: 3/3`, `Published: …`), kept as written. */
  declared: Record<string, string>;
  /** Keys the reader did not know, kept as written (lower-cased key → value). */
  extra: Record<string, unknown>;
}

/** Counts computed by the `stats` transform. */
export interface Stats {
  words: number;
  chapters: number;
  footnotes: number;
  images: number;
}

/** A whole book. */
/** Opening and closing double and single quotes. */
export interface QuoteStyle {
  open2: string;
  close2: string;
  open1: string;
  close1: string;
}

/**
 * The book's language as decided once by the language step (`transform/language.ts`), from the manuscript's tag and
 * `dir:`. Readers record what the manuscript says; renderers read this and never work it out again.
 */
export interface Language {
  /** The canonical BCP 47 tag (`pt-BR`, `ckb`). */
  tag: string;
  /** Its primary subtag, lower case (`pt`). */
  primary: string;
  /** The ISO 15924 script: the tag's own subtag, else the language's likely script (`ckb` → `Arab`); undefined when unknown. */
  script?: string;
  /** The manuscript's `dir:` when given, else the script's direction. */
  direction: 'ltr' | 'rtl';
  /** The quotation marks the typography transform prints. */
  quotes: QuoteStyle;
  /** The hyphenation patterns the PDF uses (`en-us`, a module of the `hyphen` package); undefined when there are none. */
  hyphenation?: string;
}

export interface Book {
  type: 'book';
  version: string;
  meta: Meta;
  /** Where each metadata key was given (for messages). */
  metaPositions: Record<string, Position>;
  front: Matter[];
  body: Section[];
  back: Matter[];
  footnotes: Footnote[];
  /** Decided by the language step; absent on a book that has not been through the transforms. */
  language?: Language;
  /** The files read, in reading order. */
  sources: string[];
  /** The folder relative URLs (images, cover) are resolved against. */
  root: string;
  stats?: Stats;
}

export type AnyNode = Book | Section | Matter | Footnote | Block | Inline | VerseLine | ListItem | TableRow | TableCell;
