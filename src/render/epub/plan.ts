/**
 * The book's reading order as EPUB documents: cover, title page, disclaimer, dedication, other front matter, (the table
 * of contents), then one document per part and chapter, then back matter and the Notes document; with the navigation
 * tree and link targets. A one-shot has no contents page in its reading order and no heading on its story.
 */
import { localeOf, type LabelKey } from '../../locale';
import { hasCopyrightPage, isOneShot, plainText, sectionTitle } from '../../model/build-helpers';
import type { Book, Matter, MatterRole, Section } from '../../model/types';

/** One XHTML document of the spine (the navigation document is not one of these: the package adds it). */
export type Doc =
  | { kind: 'cover'; file: string; title: string }
  | { kind: 'title-page'; file: string; title: string }
  /** The visible contents page: a list of links in the reading order (the navigation document stays out of it). */
  | { kind: 'contents'; file: string; title: string }
  | { kind: 'copyright'; file: string; title: string }
  | { kind: 'notes'; file: string; title: string }
  | { kind: 'matter'; file: string; title: string; matter: Matter }
  | { kind: 'part'; file: string; title: string; section: Section; ordinal: number }
  | {
      kind: 'chapter';
      file: string;
      title: string;
      section: Section;
      /** The heading shown when the chapter has neither label nor title: `Chapter 3`, or empty (none) in a one-shot. */
      fallback: string;
    };

/** An entry of the table of contents; `children` nest parts, chapters and sub-sections. */
export interface NavEntry {
  title: string;
  href: string;
  children: NavEntry[];
}

export interface Plan {
  front: Doc[];
  body: Doc[];
  back: Doc[];
  toc: NavEntry[];
  /** Element id (section or matter id) → href of the place, for links written as `#id`. */
  targets: Map<string, string>;
  /** The summary shown on the title page, if the book has one. */
  summary?: Matter;
}

/** The vocabulary term (EPUB Structural Semantics) for each matter role; roles without one get none. */
export const MATTER_TYPES: Partial<Record<MatterRole, string>> = {
  disclaimer: 'copyright-page',
  dedication: 'dedication',
  epigraph: 'epigraph',
  foreword: 'foreword',
  afterword: 'afterword',
};

/** The label that names a matter page without a title of its own. */
export const MATTER_LABELS: Record<MatterRole, LabelKey> = {
  summary: 'summary',
  disclaimer: 'disclaimer',
  dedication: 'dedication',
  epigraph: 'epigraph',
  foreword: 'foreword',
  afterword: 'afterword',
  notes: 'notes',
  other: 'note',
};

/** File names are made from ids, kept to the characters every zip tool and reading system accepts, and unique. */
class FileNames {
  private readonly used = new Set(['toc', 'contents', 'title-page', 'copyright', 'cover', 'notes']);
  take(wanted: string, fallback: string): string {
    const base = wanted.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || fallback;
    let stem = base;
    for (let n = 2; this.used.has(stem); n++) stem = `${base}-${n}`;
    this.used.add(stem);
    return `${stem}.xhtml`;
  }
}

/** A matter page made from a metadata string, for books whose reader put the text only in `meta`. */
function matterFromMeta(role: MatterRole, text: string | undefined): Matter | undefined {
  if (!text?.trim()) return undefined;
  const paragraphs = text.trim().split(/\n\s*\n/);
  return { type: 'matter', role, id: role, children: paragraphs.map((p) => ({ type: 'paragraph', children: [{ type: 'text', value: p.trim() }] })) };
}

/** The cover page's file and the Notes document's file: fixed names, reserved above. */
export const COVER_FILE = 'cover.xhtml';
export const NOTES_FILE = 'notes.xhtml';
/**
 * The contents page in the spine. It is not the navigation document (`toc.xhtml`): that one also holds the landmarks
 * nav, which reading systems that render the nav as a page (calibre's MOBI and AZW3 output) would show as text.
 */
export const CONTENTS_FILE = 'contents.xhtml';
export const COPYRIGHT_FILE = 'copyright.xhtml';

/** Which generated documents the book gets besides its own pages. */
export interface PlanOptions {
  /** A cover page first in the reading order. */
  cover: boolean;
  /** A Notes document at the very end (footnotes collected there). */
  notes: boolean;
  /** The contents page's title (a book that is not a one-shot gets one). */
  contentsTitle?: string;
}

/** Orders the book's pages and names their files. */
export function planBook(book: Book, options: PlanOptions = { cover: false, notes: false }): Plan {
  const names = new FileNames();
  const locale = localeOf(book);
  const labels = locale.labels;
  const oneShot = isOneShot(book);
  const plan: Plan = { front: [], body: [], back: [], toc: [], targets: new Map() };
  const metaText = { summary: book.meta.summary, disclaimer: book.meta.disclaimer, dedication: book.meta.dedication };
  const byRole = (role: keyof typeof metaText) => book.front.find((m) => m.role === role) ?? matterFromMeta(role, metaText[role]);
  plan.summary = byRole('summary');

  const matterDoc = (matter: Matter, into: Doc[]) => {
    const title = (matter.title && plainText(matter.title).trim()) || labels[MATTER_LABELS[matter.role]];
    const file = names.take(matter.id, matter.role);
    into.push({ kind: 'matter', file, title, matter });
    plan.toc.push({ title, href: file, children: [] });
    if (matter.id) plan.targets.set(matter.id, file);
  };

  if (options.cover) plan.front.push({ kind: 'cover', file: COVER_FILE, title: labels.cover });
  plan.front.push({ kind: 'title-page', file: 'title-page.xhtml', title: book.meta.title || labels.titlePage });
  // The copyright page is the title page's verso, listed in the contents so that a reader can find the rights.
  if (hasCopyrightPage(book)) {
    plan.front.push({ kind: 'copyright', file: COPYRIGHT_FILE, title: labels.copyright });
    plan.toc.push({ title: labels.copyright, href: COPYRIGHT_FILE, children: [] });
  }
  const disclaimer = byRole('disclaimer');
  const dedication = byRole('dedication');
  if (disclaimer) matterDoc(disclaimer, plan.front);
  if (dedication) matterDoc(dedication, plan.front);
  for (const matter of book.front) if (!['summary', 'disclaimer', 'dedication'].includes(matter.role)) matterDoc(matter, plan.front);
  // A one-shot has no contents page: its title page names the story, and a contents page would list one entry.
  if (!oneShot) plan.front.push({ kind: 'contents', file: CONTENTS_FILE, title: options.contentsTitle ?? labels.contents });

  let chapters = 0;
  let parts = 0;
  // Inside a chapter, sub-sections are part of its document: their entries link to fragments.
  const inner = (section: Section, file: string, into: NavEntry[]) => {
    if (section.id) plan.targets.set(section.id, `${file}#${section.id}`);
    const entry: NavEntry = { title: sectionTitle(section, ''), href: `${file}#${section.id}`, children: [] };
    // An untitled sub-section has no heading to navigate to; its own sub-sections are listed in its place.
    if (entry.title && section.id) into.push(entry);
    for (const child of section.sections) inner(child, file, entry.title && section.id ? entry.children : into);
  };
  const own = (section: Section, into: NavEntry[]) => {
    const isPart = section.role === 'part';
    const isChapter = section.role === 'chapter';
    const ordinal = isPart ? ++parts : isChapter ? ++chapters : chapters + 1;
    // An untitled opening (text before the first chapter) or a one-shot is named after the book.
    const untitled = !isPart && (!isChapter || oneShot) ? book.meta.title : locale.text('chapter', { n: ordinal });
    const title = sectionTitle(section, isPart ? locale.text('part', { n: ordinal }) : untitled);
    const file = names.take(section.id, isPart ? `part-${ordinal}` : `chapter-${ordinal}`);
    const fallback = oneShot ? '' : locale.text('chapter', { n: ordinal });
    plan.body.push(isPart ? { kind: 'part', file, title, section, ordinal } : { kind: 'chapter', file, title, section, fallback });
    if (section.id) plan.targets.set(section.id, file);
    const entry: NavEntry = { title, href: file, children: [] };
    into.push(entry);
    for (const child of section.sections) {
      if (isPart) own(child, entry.children);
      else inner(child, file, entry.children);
    }
  };
  for (const section of book.body) own(section, plan.toc);

  for (const matter of book.back) matterDoc(matter, plan.back);
  if (options.notes) {
    plan.back.push({ kind: 'notes', file: NOTES_FILE, title: labels.notes });
    plan.toc.push({ title: labels.notes, href: NOTES_FILE, children: [] });
  }
  return plan;
}
