/**
 * Top-level headings → nested sections (pandoc's `makeSections`): a heading of level d opens a section holding
 * everything up to the next heading of level ≤ d. Then each section gets its role: part, chapter or section.
 */
import { plainText } from '../../model/build-helpers';
import type { Block, Heading, Section } from '../../model/types';
import { spanOf } from './source';
import { isBareNumber, splitLabel } from './labels';

/** A section with sub-sections and at most this many blocks of its own is a part (`# Book I`, `## Part I: 1805`). */
const PART_MAX_BLOCKS = 2;
/** A label that says what the section is, whatever its content: `Chapter 1` with a short intro is still a chapter. */
const CHAPTER_LABEL = /^(?:chapter|letter|stave|episode)\b/i;

/** A label that names a division of a book: `## Part I: 1805` holding `### I`, `### II` is a part of chapters. */
const PART_LABEL = /^(?:part|book|volume)\b/i;

function isPart(section: Section): boolean {
  if (section.sections.length === 0) return false;
  if (section.label && CHAPTER_LABEL.test(section.label)) return false;
  return section.children.length <= PART_MAX_BLOCKS;
}

/** A heading that is only a number: `## 1`, `## II.`. */
const isNumbered = (section: Section): boolean => section.label === undefined && isBareNumber(plainText(section.title));

/**
 * NUMBERED SECTIONS: a heading whose sub-headings are bare numbers (`# Starting from Paumanok` over `## 1`, `## 2`…)
 * is one text, a poem or a story, in numbered sections: a chapter, not a part of chapters titled `1`, `2`. A cluster
 * of titled poems (`# Inscriptions` over `## One’s-Self I Sing`) stays a part.
 *
 * Mixed sub-headings: numbered when the first is a number and at least half are (`A Song of the Rolling Earth`'s
 * `## 1` … `## 4` then `## Youth, Day, Old Age and Night`, a short poem printed after it, as Standard Ebooks keeps
 * it: a section of the same document); otherwise a part, the numbered ones among its chapters.
 *
 * Where the numbers are a novel's chapters instead, the heading stays a part: when its label names a division
 * (`## Part I: 1805` over `### I`, `### II`), and, below the top level, when every heading beside it is divided too
 * (`# Epilogue` over `## First Epilogue` and `## Second Epilogue`, each over `### I`, `### II`…). A poem in sections
 * inside a cluster stands beside single poems (`## Song of the Universal` beside `## Pioneers! O Pioneers!`).
 */
export function hasNumberedSections(section: Section, siblings: readonly Section[], topLevel: boolean): boolean {
  const subs = section.sections;
  if (subs.length === 0 || !isNumbered(subs[0])) return false;
  if (subs.filter(isNumbered).length * 2 < subs.length) return false;
  if (section.label && PART_LABEL.test(section.label)) return false;
  return topLevel || siblings.some((s) => s.sections.length === 0);
}

interface Open {
  level: number;
  section: Section;
}

/** A section with no content yet; its role is assigned once the whole tree is known. */
const emptySection = (depth: number, title: Section['title']): Section => ({
  type: 'section',
  role: 'section',
  depth,
  id: '',
  title,
  children: [],
  sections: [],
});

function sectionFor(heading: Heading, depth: number): Section {
  const { label, title } = splitLabel(heading.children);
  const section = emptySection(depth, title);
  if (label !== undefined) section.label = label;
  if (heading.position) section.position = heading.position;
  return section;
}

/** Stretches every open section's position to the end of a block just added inside it. */
function extend(open: readonly Open[], block: Block): void {
  for (const { section } of open) {
    const position = spanOf(section.position, block.position);
    if (position && section.position) section.position = position;
  }
}

/**
 * Assigns roles down the tree: a part until the first non-part, which is a chapter; below a chapter, sections.
 * `numbered` collects the chapters made so by their numbered sections (hasNumberedSections).
 */
function assignRoles(sections: readonly Section[], insideChapter: boolean, topLevel: boolean, numbered: Section[]): void {
  for (const section of sections) {
    if (insideChapter) section.role = 'section';
    else if (hasNumberedSections(section, sections, topLevel)) {
      section.role = 'chapter';
      if (isPart(section)) numbered.push(section);
    } else if (isPart(section)) section.role = 'part';
    else section.role = 'chapter';
    // Headings go six levels deep at most, so this recursion is shallow.
    assignRoles(section.sections, section.role !== 'part', false, numbered);
  }
}

/**
 * Splits blocks at their `heading` blocks into nested sections. Blocks before the first heading become an
 * untitled section (when there are any): the whole story when there is no heading (a one-shot, role `chapter`),
 * otherwise an opening before the first chapter (a preface, a note), role `section`, as the plain-text reader gives
 * text above the first chapter line; it must not count or be labelled as a chapter (an opening that is only
 * quotation becomes the epigraph afterwards: epigraph.ts). Depth counts nesting from 1, whatever the heading levels
 * were. `numbered` receives the headings that are chapters, not parts, because of their numbered sections.
 */
export function makeSections(blocks: readonly Block[], numbered: Section[] = []): Section[] {
  const body: Section[] = [];
  const open: Open[] = [];
  let opening: Section | undefined;
  for (const block of blocks) {
    if (block.type === 'heading') {
      while (open.length > 0 && open[open.length - 1].level >= block.depth) open.pop();
      const section = sectionFor(block, open.length + 1);
      (open.length > 0 ? open[open.length - 1].section.sections : body).push(section);
      open.push({ level: block.depth, section });
      continue;
    }
    if (open.length === 0) {
      const untitled = emptySection(1, []);
      if (block.position) untitled.position = block.position;
      body.push(untitled);
      opening = untitled;
      // Deeper than any heading: the first heading, whatever its level, closes it.
      open.push({ level: Infinity, section: untitled });
    }
    open[open.length - 1].section.children.push(block);
    extend(open, block);
  }
  assignRoles(body, false, true, numbered);
  if (opening && body.length > 1) opening.role = 'section';
  return body;
}
