/** Small constructors and queries over the model that readers, transforms and renderers share. */
import { MODEL_VERSION, type Book, type Inline, type Meta, type Section, type Block } from './types';
import { SKIP, visit } from './visit';

/** Metadata with every list empty and the defaults quire documents (language `en`). */
export function emptyMeta(title = ''): Meta {
  return {
    title,
    authors: [],
    language: 'en',
    fandoms: [],
    characters: [],
    relationships: [],
    warnings: [],
    tags: [],
    genres: [],
    declared: {},
    extra: {},
  };
}

/** An empty book whose relative URLs resolve against `root`. */
export function emptyBook(root: string): Book {
  return {
    type: 'book',
    version: MODEL_VERSION,
    meta: emptyMeta(),
    metaPositions: {},
    front: [],
    body: [],
    back: [],
    footnotes: [],
    sources: [],
    root,
  };
}

/** The plain text of inline content, as a reader would say it (breaks become spaces, notes vanish). */
export function plainText(inlines: readonly Inline[]): string {
  let out = '';
  visit(inlines as Inline[], {
    text: (node) => void (out += node.value),
    code: (node) => void (out += node.value),
    break: () => void (out += ' '),
    image: (node) => void (out += node.alt),
  });
  return out;
}

/** The title to show for a section in navigation: its title, else its label, else `fallback`. */
export function sectionTitle(section: Section, fallback: string): string {
  const title = plainText(section.title).trim();
  if (title && section.label) return `${section.label}: ${title}`.replace(/[.:]\s*:/, ':');
  return title || section.label || fallback;
}

/** Every section in reading order, depth first. */
export function* allSections(sections: readonly Section[]): Generator<Section> {
  for (const section of sections) {
    yield section;
    yield* allSections(section.sections);
  }
}

/** The sections a reader navigates by (role `chapter`), in reading order. */
export function chapters(book: Book): Section[] {
  return [...allSections(book.body)].filter((s) => s.role === 'chapter');
}

/**
 * Whether the book is a one-shot: a story with no chapter lines, whose body is a single chapter with neither label nor
 * title. The title page already names it, so renderers give it no chapter heading and no contents page. A single
 * chapter that is labelled or titled (`Chapter 1: The Loft`) is a chapter of a work, not a one-shot.
 */
export function isOneShot(book: Book): boolean {
  if (book.body.length !== 1) return false;
  const [only] = book.body;
  return only.role === 'chapter' && !only.label?.trim() && !plainText(only.title).trim();
}

/** Every block in a list of blocks, depth first (into quotes, lists, author's notes; not into a table's cells). */
export function allBlocks(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  visit(blocks as Block[], (node) => {
    if (node.type === 'listItem') return undefined;
    out.push(node as Block);
    return node.type === 'blockquote' || node.type === 'authorNote' || node.type === 'list' ? undefined : SKIP;
  });
  return out;
}

/**
 * The book's subjects, as library software and archives file it (calibre's tags, the Internet Archive's subjects, a
 * PDF's keywords): its fandoms, genres, relationships, tags and characters, each once, in that order.
 */
export function subjects(meta: Meta): string[] {
  return [...new Set([...meta.fandoms, ...meta.genres, ...meta.relationships, ...meta.tags, ...meta.characters].map((s) => s.trim()).filter(Boolean))];
}

/** Whether the book has a copyright page (in every format): it has a fact for one: rights, publisher, its own identifier or a date. */
export function hasCopyrightPage(book: Book): boolean {
  const { rights, publisher, identifier, date } = book.meta;
  return [rights, publisher, identifier, date].some((v) => v?.trim());
}
