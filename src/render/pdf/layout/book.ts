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

/**
 * Lays out the whole book, a piece at a time, so that it can be paginated and drawn as it goes: first the front matter
 * with the contents (whose entries are known from the model before anything is set; `pageRef` ops point at the marks
 * on chapter openings), then each part, chapter and back-matter piece.
 */
export function* layoutBook(book: Book, env: LayoutEnv): Generator<FlowBlock[]> {
  // The copyright page is the title page's verso; a disclaimer or dedication then follows on the next page.
  const front: FlowBlock[] = [titlePage(book, env), ...copyrightPage(book, env), ...matterPage(book, 'disclaimer', env), ...matterPage(book, 'dedication', env)];
  for (const matter of book.front) if (!DESIGNED.has(matter.role)) front.push(...otherMatter(matter, env, 'roman'));
  const oneShot = isOneShot(book);
  const plan = planSections(book, env);
  if (plan.entries.length && !oneShot) front.push(...contents(plan.entries, env));
  yield untagged(front);

  const state: State = { first: true, env, plan };
  for (const [i, section] of book.body.entries()) {
    for (const blocks of oneShot ? oneShotStory(section, book.meta.title, state) : layoutSection(section, 0, state)) yield untagged(blocks);
    env.progress?.(i + 1, book.body.length);
  }
  for (const [i, matter] of book.back.entries()) yield untagged(otherMatter(matter, env, 'arabic', plan.back[i]));
}

/** What no handler tagged (title page, dedication) is read as plain paragraphs, one element per block. */
function untagged(blocks: FlowBlock[]): FlowBlock[] {
  for (const block of blocks) tagUntagged(block, 'P');
  return blocks;
}

/** The contents' entries, and each part's and chapter's mark (id, title, level) and number, decided once. */
interface SectionPlan {
  entries: TocEntry[];
  sections: Map<Section, { mark: TocEntry; chapter: number }>;
  /** Each back-matter piece's mark, if it has a title. */
  back: (TocEntry | undefined)[];
}

function planSections(book: Book, env: LayoutEnv): SectionPlan {
  const plan: SectionPlan = { entries: [], sections: new Map(), back: [] };
  const count = { chapter: 0, part: 0 };
  const visit = (section: Section, level: number) => {
    if (section.role === 'section') return;
    if (section.role === 'chapter') count.chapter++;
    if (section.role === 'part') count.part++;
    const fallback = section.role === 'part' ? env.locale.text('part', { n: count.part }) : env.locale.text('chapter', { n: count.chapter });
    const mark = { id: section.id || `section-${plan.entries.length + 1}`, title: sectionTitle(section, fallback), level };
    plan.entries.push(mark);
    plan.sections.set(section, { mark, chapter: count.chapter });
    for (const child of section.sections) visit(child, level + 1);
  };
  // A one-shot's story has no opening of its own (see `oneShotStory`); what lies inside it is planned a level down.
  if (isOneShot(book)) for (const child of book.body[0].sections) visit(child, 1);
  else for (const section of book.body) visit(section, 0);
  book.back.forEach((matter, i) => {
    const title = matter.title?.length ? plainText(matter.title).trim() || undefined : undefined;
    const mark = title ? { id: matter.id || `back-${i + 1}`, title, level: 0 } : undefined;
    if (mark) plan.entries.push(mark);
    plan.back.push(mark);
  });
  return plan;
}

interface State {
  /** The next page run is the story's first: arabic numbering restarts there. */
  first: boolean;
  env: LayoutEnv;
  plan: SectionPlan;
}

function start(state: State, head: string | undefined, plain = false): PageStart {
  const restart = state.first;
  state.first = false;
  const page: PageStart = { numbering: 'arabic', restart, plainFirst: true, plain, head };
  if (state.env.rectoChapters) page.recto = true;
  return page;
}

function* layoutSection(section: Section, level: number, state: State): Generator<FlowBlock[]> {
  const { env } = state;
  const planned = state.plan.sections.get(section);
  if (section.role === 'section' || !planned) {
    yield subsection(section, state);
    return;
  }
  const { mark, chapter } = planned;
  const hasTitle = section.title.length > 0;
  const label = hasTitle && section.label ? section.label : '';
  const headingTag = tag(`H${Math.min(level + 1, 6)}` as StructType);
  const tagged = (boxes: FlowBox[]): FlowBox[] => {
    for (const box of boxes) box.tag = headingTag;
    return boxes;
  };
  // The opening page's design comes from templates/pdf/part-opening.ejs or chapter-opening.ejs.
  const boxes = templatePage(section.role === 'part' ? 'part-opening' : 'chapter-opening', { label, number: chapter, hasTitle }, {
    label: (font, scale, inset) => tagged(label ? centred(label, scale, font, env, inset) : []),
    heading: (font, scale, inset) => tagged(centred(hasTitle ? section.title : section.label ?? mark.title, scale, font, env, inset)),
  }, env);

  if (section.role === 'part') {
    const page: FlowBlock = { boxes, spaceBefore: 0, spaceAfter: 0, splittable: false, breakBefore: start(state, undefined, true), marks: [mark] };
    yield [page, ...layoutBlocks(section.children, { left: 0, right: 0, scale: 1, indentFirst: false }, env)];
  } else {
    const opening: FlowBlock = {
      boxes, spaceBefore: 0, spaceAfter: 0, splittable: false, keepWithNext: true,
      breakBefore: start(state, hasTitle ? plainText(section.title).trim() : undefined), marks: [mark],
    };
    yield [opening, ...layoutBlocks(section.children, { left: 0, right: 0, scale: 1, indentFirst: false, opening: true }, env)];
  }
  for (const child of section.sections) yield* layoutSection(child, level + 1, state);
}

/**
 * A one-shot's story: no opening heading (the title page names it), from the top of a new page, with the book's title
 * in the running heads and the outline. The opening's only box is empty: it carries the page break and the mark.
 */
function* oneShotStory(section: Section, title: string, state: State): Generator<FlowBlock[]> {
  const { env } = state;
  const opening: FlowBlock = {
    boxes: [spacer(0)], spaceBefore: 0, spaceAfter: 0, splittable: false, keepWithNext: true,
    breakBefore: start(state, title), marks: [{ id: section.id || 'story', title, level: 0 }],
  };
  yield [opening, ...layoutBlocks(section.children, { left: 0, right: 0, scale: 1, indentFirst: false, opening: true }, env)];
  for (const child of section.sections) yield* layoutSection(child, 1, state);
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
