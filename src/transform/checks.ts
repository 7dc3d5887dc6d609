/**
 * Consistency checks that leave a valid book behind: dangling footnote references become plain text, unused
 * footnotes and duplicate chapter titles are reported. Each finding is a warning with the node's position.
 */
import { plainText } from '../model/build-helpers';
import type { Book, Link, Section, Text } from '../model/types';
import { nearestPosition, visit, type VisitPlace } from '../model/visit';
import type { Transform, TransformContext } from './types';

function checkFootnotes(book: Book, ctx: TransformContext): void {
  const defined = new Map(book.footnotes.map((n) => [n.identifier, n]));
  const used = new Set<string>();
  visit(book, {
    footnoteReference: (ref, at) => {
      if (defined.has(ref.identifier)) {
        used.add(ref.identifier);
        return;
      }
      const label = ref.label ?? ref.identifier;
      ctx.report.warn('footnote-undefined', `footnote [^${label}] is referenced but never defined`, {
        position: ref.position,
        hint: `Add a definition: [^${label}]: the note's text`,
      });
      at.siblings[at.index] = { type: 'text', value: `[^${label}]`, ...(ref.position ? { position: ref.position } : {}) };
    },
  });
  for (const note of book.footnotes) {
    if (!used.has(note.identifier)) {
      ctx.report.warn('footnote-unused', `footnote [^${note.label ?? note.identifier}] is defined but never referenced`, { position: note.position });
    }
  }
}

/**
 * Two chapters with the same label and title among the chapters of one part (or of the book, outside parts) are
 * reported: the contents would list them alike. Chapters of different parts may share a title (`Part II` restarts
 * at `I`; Whitman's clusters each have a `To You`), and a chapter's sub-sections (`1`, `2` of a long poem) are no
 * chapters at all.
 */
function checkChapterTitles(sections: readonly Section[], ctx: TransformContext): void {
  const seen = new Set<string>();
  for (const section of sections) {
    if (section.role === 'part') checkChapterTitles(section.sections, ctx);
    if (section.role !== 'chapter') continue;
    const title = `${section.label ?? ''} ${plainText(section.title)}`.trim().toLowerCase();
    if (!title) continue;
    if (seen.has(title)) ctx.report.warn('duplicate-chapter-title', `another chapter is already titled "${title}"`, { position: section.position });
    seen.add(title);
  }
}

/** `javascript:` and `vbscript:` written as text. */
const SCRIPT_SCHEME = /\b(java|vb)(script)(?=\s*:)/gi;

/**
 * Text that reads like a script URL (`<javascript:alert(1)>` written with an encoded colon stays text) gets a word
 * joiner (U+2060) inside the scheme: it looks the same, but no reading system that links URLs in text can run it.
 */
function defuseScriptScheme(node: Text): void {
  if (SCRIPT_SCHEME.test(node.value)) node.value = node.value.replace(SCRIPT_SCHEME, '$1\u2060$2');
  SCRIPT_SCHEME.lastIndex = 0;
}

/** A host name as DNS and EPUB validators accept it (after IDN conversion), or an IP literal. */
const HOST = /^(?:\[[0-9a-f:.]+\]|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?)$/i;

/** Whether a web URL names a host a reader could reach; other schemes and relative URLs are left alone. */
export function isWellFormedWebUrl(url: string): boolean {
  if (!/^(https?|ftp):/i.test(url)) return true;
  try {
    return HOST.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** A link whose web address cannot be parsed (`https://../`) becomes its text, with a warning; its text is walked next. */
function unwrapBrokenLink(node: Link, at: VisitPlace, ctx: TransformContext): number | undefined {
  if (isWellFormedWebUrl(node.url)) return undefined;
  ctx.report.warn('link-invalid', `link address \`${node.url.slice(0, 80)}\` is not a valid URL; its text is kept without the link`, {
    position: node.position ?? nearestPosition(at),
  });
  at.siblings.splice(at.index, 1, ...node.children);
  return at.index;
}

export const checks: Transform = {
  name: 'checks',
  run(book, ctx) {
    visit(book, {
      text: defuseScriptScheme,
      link: (node, at) => unwrapBrokenLink(node, at, ctx),
    });
    checkFootnotes(book, ctx);
    checkChapterTitles(book.body, ctx);
  },
};
