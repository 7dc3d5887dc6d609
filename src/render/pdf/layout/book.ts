/**
 * The whole book as one stream of flow blocks: front matter, contents, parts and chapters with their notes, back matter.
 * A one-shot has no contents and no chapter opening: its story starts on the page after the front matter.
 */
import { isOneShot, plainText, sectionTitle } from '../../../model/build-helpers';
import type { Book, Section } from '../../../model/types';
import { leadingOf } from './block-ctx';
import { layoutBlocks } from './blocks';
import type { LayoutEnv } from './env';
import { contents, copyrightPage, matterPage, otherMatter, titlePage, type TocEntry } from './front';
import { centred, spacer } from './lines';
import { templatePage } from './page-template';
import { adopt, tag, tagUntagged } from './tags';
import type { FlowBlock, FlowBox, PageStart, StructType } from './types';

/** Front-matter roles with pages of their own design; the rest are set as ordinary titled pages. */
const DESIGNED = new Set(['summary', 'disclaimer', 'dedication']);

/** Lays out the whole book; `pageRef` ops in the contents point at the marks on chapter openings. */
export function layoutBook(book: Book, env: LayoutEnv): FlowBlock[] {
  // The copyright page is the title page's verso; a disclaimer or dedication then follows on the next page.
  const blocks: FlowBlock[] = [titlePage(book, env), ...copyrightPage(book, env), ...matterPage(book, 'disclaimer', env), ...matterPage(book, 'dedication', env)];
  for (const matter of book.front) if (!DESIGNED.has(matter.role)) blocks.push(...otherMatter(matter, env, 'roman'));

  const story: FlowBlock[] = [];
  const entries: TocEntry[] = [];
  const state = { chapter: 0, part: 0, first: true, env, entries };
  const oneShot = isOneShot(book);
  book.body.forEach((section, i) => {
    story.push(...(oneShot ? oneShotStory(section, book.meta.title, state) : layoutSection(section, 0, state)));
    env.progress?.(i + 1, book.body.length);
  });
  book.back.forEach((matter, i) => {
    const id = matter.id || `back-${i + 1}`;
    const title = matter.title?.length ? plainText(matter.title).trim() || undefined : undefined;
    if (title) entries.push({ id, title, level: 0 });
    story.push(...otherMatter(matter, env, 'arabic', title ? { id, title, level: 0 } : undefined));
  });
  if (entries.length && !oneShot) blocks.push(...contents(entries, env));
  const all = [...blocks, ...story];
  // What no handler tagged (title page, dedication) is read as plain paragraphs, one element per block.
  for (const block of all) tagUntagged(block, 'P');
  return all;
}

interface State {
  chapter: number;
  part: number;
  /** The next page run is the story's first: arabic numbering restarts there. */
  first: boolean;
  env: LayoutEnv;
  entries: TocEntry[];
}

function start(state: State, head: string | undefined, plain = false): PageStart {
  const restart = state.first;
  state.first = false;
  const page: PageStart = { numbering: 'arabic', restart, plainFirst: true, plain, head };
  if (state.env.rectoChapters) page.recto = true;
  return page;
}

function layoutSection(section: Section, level: number, state: State): FlowBlock[] {
  const { env } = state;
  if (section.role === 'section') return subsection(section, state);
  if (section.role === 'chapter') state.chapter++;
  if (section.role === 'part') state.part++;
  const fallback = section.role === 'part' ? env.locale.text('part', { n: state.part }) : env.locale.text('chapter', { n: state.chapter });
  const title = sectionTitle(section, fallback);
  const id = section.id || `section-${state.entries.length + 1}`;
  state.entries.push({ id, title, level });
  const mark = { id, title, level };
  const hasTitle = section.title.length > 0;
  const label = hasTitle && section.label ? section.label : '';
  const headingTag = tag(`H${Math.min(level + 1, 6)}` as StructType);
  const tagged = (boxes: FlowBox[]): FlowBox[] => {
    for (const box of boxes) box.tag = headingTag;
    return boxes;
  };
  // The opening page's design comes from templates/pdf/part-opening.ejs or chapter-opening.ejs.
  const boxes = templatePage(section.role === 'part' ? 'part-opening' : 'chapter-opening', { label, number: state.chapter, hasTitle }, {
    label: (font, scale, inset) => tagged(label ? centred(label, scale, font, env, inset) : []),
    heading: (font, scale, inset) => tagged(centred(hasTitle ? section.title : section.label ?? fallback, scale, font, env, inset)),
  }, env);

  if (section.role === 'part') {
    const page: FlowBlock = { boxes, spaceBefore: 0, spaceAfter: 0, splittable: false, breakBefore: start(state, undefined, true), marks: [mark] };
    const out = [page, ...layoutBlocks(section.children, { left: 0, right: 0, scale: 1, indentFirst: false }, env)];
    for (const child of section.sections) out.push(...layoutSection(child, level + 1, state));
    return out;
  }
  const opening: FlowBlock = {
    boxes, spaceBefore: 0, spaceAfter: 0, splittable: false, keepWithNext: true,
    breakBefore: start(state, hasTitle ? plainText(section.title).trim() : undefined), marks: [mark],
  };
  const out = [opening, ...layoutBlocks(section.children, { left: 0, right: 0, scale: 1, indentFirst: false, opening: true }, env)];
  for (const child of section.sections) out.push(...layoutSection(child, level + 1, state));
  return out;
}

/**
 * A one-shot's story: no opening heading (the title page names it), from the top of a new page, with the book's title
 * in the running heads and the outline. The opening's only box is empty: it carries the page break and the mark.
 */
function oneShotStory(section: Section, title: string, state: State): FlowBlock[] {
  const { env } = state;
  const opening: FlowBlock = {
    boxes: [spacer(0)], spaceBefore: 0, spaceAfter: 0, splittable: false, keepWithNext: true,
    breakBefore: start(state, title), marks: [{ id: section.id || 'story', title, level: 0 }],
  };
  const out = [opening, ...layoutBlocks(section.children, { left: 0, right: 0, scale: 1, indentFirst: false, opening: true }, env)];
  for (const child of section.sections) out.push(...layoutSection(child, 1, state));
  return out;
}

/** A section inside a chapter: a bold heading, then its blocks and sub-sections. */
function subsection(section: Section, state: State): FlowBlock[] {
  const { env } = state;
  const scale = section.depth <= 2 ? 1.2 : 1.05;
  const leading = leadingOf(env, scale);
  const title = sectionTitle(section, '');
  const heading: FlowBlock[] = title
    ? [{ boxes: centred(title, scale, 'serif-bold', env), spaceBefore: leading, spaceAfter: leading / 2, splittable: false, keepWithNext: true }]
    : [];
  adopt(heading, tag(section.depth <= 2 ? 'H2' : 'H3'));
  const out = [...heading, ...layoutBlocks(section.children, { left: 0, right: 0, scale: 1, indentFirst: false }, state.env)];
  for (const child of section.sections) out.push(...subsection(child, state));
  return out;
}
