/**
 * The title heading of a Markdown file: a single `#` heading that opens the document is the book's title, not a part,
 * as pandoc reads it with `--shift-heading-level-by=-1` ("a level-1 heading at the beginning of the document replaces
 * the metadata title", pandoc's manual on that option). The headings below it then open the top-level sections:
 * `##` chapters become the book's chapters (sections.ts counts depth by nesting, so dropping the heading is the shift).
 */
import { plainText } from '../../model/build-helpers';
import type { Block, Heading } from '../../model/types';
import { splitLabel } from './labels';

/** What `takeTitleHeading` decided. */
export interface TitleHeading {
  /** The blocks without the title heading (all of them when there is none). */
  blocks: Block[];
  /** The heading taken as the title, if one was. */
  heading?: Heading;
  /** The title it gives a book that had none (absent when it repeated the front matter's). */
  title?: string;
}

/** Titles compared as a reader would: case, spacing, curly or straight quotes, and Unicode forms aside. */
function sameTitle(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

/**
 * The title heading of a file's blocks: the first block, a `#` heading without a `Part 2`/`Chapter 1` label, and the
 * file's only `#` heading. With no title given, it is the title (the document names itself, as pandoc reads it). With
 * a title, it is taken when it repeats that title (printing it again would say the title twice), or, for a `<title>`
 * of a web page (`pageTitle`, which often carries the site's name: `… - My Archive`), when `##` chapters follow it.
 * Otherwise nothing changes: a file of several `#` headings has parts or chapters, and a `#` heading unlike the front
 * matter's title is a part. Text between the title heading and the first `##` stays where it is: an untitled opening
 * section, as text before the first heading of any Markdown file. Shared by the Markdown, HTML and Word readers.
 */
export function takeTitleHeading(blocks: readonly Block[], metaTitle: string, options: { pageTitle?: boolean } = {}): TitleHeading {
  const unchanged: TitleHeading = { blocks: [...blocks] };
  const first = blocks[0];
  if (first?.type !== 'heading' || first.depth !== 1) return unchanged;
  if (blocks.some((b, i) => i > 0 && b.type === 'heading' && b.depth === 1)) return unchanged;
  if (splitLabel(first.children).label !== undefined) return unchanged;
  const text = plainText(first.children).trim();
  if (!text) return unchanged;
  if (!metaTitle.trim()) return { blocks: blocks.slice(1), heading: first, title: text };
  if (sameTitle(text, metaTitle)) return { blocks: blocks.slice(1), heading: first };
  const chapters = blocks.some((b) => b.type === 'heading' && b.depth === 2);
  return options.pageTitle && chapters ? { blocks: blocks.slice(1), heading: first, title: text } : unchanged;
}
