/** The data behind the navigation document (`toc.xhtml`, with landmarks) and the EPUB 2 NCX. */
import type { NavEntry, Plan } from './plan';

/** A `navPoint` of the NCX: the nav entry plus the id and play order EPUB 2 readers need. */
export interface NcxPoint extends NavEntry {
  id: string;
  playOrder: number;
  children: NcxPoint[];
}

/** What `templates/epub/nav.xhtml.ejs` receives as `quire.nav`. */
export interface NavData {
  title: string;
  entries: NavEntry[];
  landmarks: { type: string; href: string; title: string }[];
}

/** What `templates/epub/toc.ncx.ejs` receives as `quire.ncx`. */
export interface NcxData {
  identifier: string;
  title: string;
  authors: string[];
  depth: number;
  points: NcxPoint[];
}

/** The table of contents with its landmarks: the contents page, the title page, and where the story starts. */
export function navData(plan: Plan, title: string, navFile: string): NavData {
  const landmarks = [{ type: 'toc', href: navFile, title }];
  const titlePage = plan.front.find((d) => d.kind === 'title-page');
  if (titlePage) landmarks.push({ type: 'titlepage', href: titlePage.file, title: 'Title Page' });
  const start = plan.body[0];
  if (start) landmarks.push({ type: 'bodymatter', href: start.file, title: 'Start of Content' });
  return { title, entries: plan.toc, landmarks };
}

/** The NCX: the same tree, numbered in reading order. */
export function ncxData(plan: Plan, identifier: string, title: string, authors: string[]): NcxData {
  let order = 0;
  let depth = 1;
  const number = (entries: NavEntry[], level: number): NcxPoint[] =>
    entries.map((entry) => {
      depth = Math.max(depth, level);
      const playOrder = ++order;
      return { ...entry, id: `nav-${playOrder}`, playOrder, children: number(entry.children, level + 1) };
    });
  const points = number(plan.toc, 1);
  return { identifier, title, authors, depth, points };
}
