/**
 * Top-level headings → nested sections (pandoc's `makeSections`): a heading of level d opens a section holding
 * everything up to the next heading of level ≤ d. Then each section gets its role: part, chapter or section.
 */
import type { Block, Heading, Section } from '../../model/types';
import { spanOf } from './source';
import { splitLabel } from './labels';

/** A section with sub-sections and at most this many blocks of its own is a part (`# Book I`, `## Part I: 1805`). */
const PART_MAX_BLOCKS = 2;
/** A label that says what the section is, whatever its content: `Chapter 1` with a short intro is still a chapter. */
const CHAPTER_LABEL = /^(?:chapter|letter|stave|episode)\b/i;

function isPart(section: Section): boolean {
  if (section.sections.length === 0) return false;
  if (section.label && CHAPTER_LABEL.test(section.label)) return false;
  return section.children.length <= PART_MAX_BLOCKS;
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

/** Assigns roles down the tree: a part until the first non-part, which is a chapter; below a chapter, sections. */
function assignRoles(sections: readonly Section[], insideChapter: boolean): void {
  for (const section of sections) {
    if (insideChapter) section.role = 'section';
    else if (isPart(section)) section.role = 'part';
    else section.role = 'chapter';
    // Headings go six levels deep at most, so this recursion is shallow.
    assignRoles(section.sections, section.role !== 'part');
  }
}

/**
 * Splits blocks at their `heading` blocks into nested sections. Blocks before the first heading become an
 * untitled section (when there are any): the whole story when there is no heading (a one-shot, role `chapter`),
 * otherwise an opening before the first chapter (an epigraph, a preface), role `section`, as the plain-text reader
 * gives text above the first chapter line; it must not count or be labelled as a chapter. Depth counts nesting from
 * 1, whatever the heading levels were.
 */
export function makeSections(blocks: readonly Block[]): Section[] {
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
  assignRoles(body, false);
  if (opening && body.length > 1) opening.role = 'section';
  return body;
}
