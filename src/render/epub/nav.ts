/**
 * The data behind the navigation document (`toc.xhtml`, with landmarks; not in the reading order), the visible contents
 * page, the EPUB 2 NCX and the EPUB 2 guide.
 */
import type { Labels } from '../../locale';
import type { NavEntry, Plan } from './plan';

/** A `navPoint` of the NCX: the nav entry plus the id and play order EPUB 2 readers need. */
export interface NcxPoint extends NavEntry {
  id: string;
  playOrder: number;
  children: NcxPoint[];
}

/** A landmark: one `epub:type` (Apple Books reads only one per entry), where it is, and its label. */
export interface Landmark {
  type: string;
  href: string;
  title: string;
}

/** What `templates/epub/nav.xhtml.ejs` receives as `quire.nav`. */
export interface NavData {
  title: string;
  /** The landmarks list's heading (hidden: reading systems show it in their own menus). */
  landmarksTitle: string;
  /** The title page's label, for the one entry of a contents list that would otherwise be empty. */
  titlePageTitle: string;
  entries: NavEntry[];
  landmarks: Landmark[];
}

/** What `templates/epub/toc.ncx.ejs` receives as `quire.ncx`. */
export interface NcxData {
  identifier: string;
  title: string;
  authors: string[];
  depth: number;
  points: NcxPoint[];
}

/**
 * The landmarks: cover, title page, table of contents (the visible contents page, only when the book has one: a
 * landmark points at a page a reader can turn to), and where the story starts.
 */
export function landmarks(plan: Plan, tocTitle: string, labels: Labels): Landmark[] {
  const out: Landmark[] = [];
  const cover = plan.front.find((d) => d.kind === 'cover');
  if (cover) out.push({ type: 'cover', href: cover.file, title: labels.cover });
  const titlePage = plan.front.find((d) => d.kind === 'title-page');
  if (titlePage) out.push({ type: 'titlepage', href: titlePage.file, title: labels.titlePage });
  const contents = plan.front.find((d) => d.kind === 'contents');
  if (contents) out.push({ type: 'toc', href: contents.file, title: tocTitle });
  const start = plan.body[0];
  if (start) out.push({ type: 'bodymatter', href: start.file, title: labels.startOfContent });
  return out;
}

/** The table of contents (never listing the contents page itself) with its landmarks. */
export function navData(plan: Plan, title: string, labels: Labels): NavData {
  return { title, landmarksTitle: labels.landmarks, titlePageTitle: labels.titlePage, entries: plan.toc, landmarks: landmarks(plan, title, labels) };
}

/** The NCX: the same tree, numbered in reading order, cut at `maxDepth` levels when given (Kindle reads two). */
export function ncxData(plan: Plan, identifier: string, title: string, authors: string[], maxDepth?: number): NcxData {
  let order = 0;
  let depth = 1;
  const number = (entries: NavEntry[], level: number): NcxPoint[] =>
    entries.map((entry) => {
      depth = Math.max(depth, level);
      const playOrder = ++order;
      const children = maxDepth !== undefined && level >= maxDepth ? [] : number(entry.children, level + 1);
      return { ...entry, id: `nav-${playOrder}`, playOrder, children };
    });
  const points = number(plan.toc, 1);
  return { identifier, title, authors, depth, points };
}

/** EPUB 2 guide references for Kindle: cover, contents, and `text`, where Kindle opens the book. */
export function guide(marks: readonly Landmark[]): { type: string; title: string; href: string }[] {
  const types: Record<string, string> = { cover: 'cover', toc: 'toc', titlepage: 'title-page', bodymatter: 'text' };
  return marks.filter((m) => types[m.type]).map((m) => ({ type: types[m.type], title: m.title, href: m.href }));
}
