/**
 * Consistency checks that leave a valid book behind: dangling footnote references become plain text, unused
 * footnotes and duplicate chapter titles are reported. Each finding is a warning with the node's position.
 */
import { allSections, plainText } from '../model/build-helpers';
import type { Block, Book, FootnoteReference, Inline, Position, Section } from '../model/types';
import type { Transform, TransformContext } from './types';

type Container = { children: Inline[] };

/** Every inline container in a list of blocks (paragraphs, headings, verse lines, table cells, captions). */
function* inlineContainers(blocks: readonly Block[]): Generator<Container> {
  const stack: Block[] = [...blocks].reverse();
  while (stack.length) {
    const block = stack.pop()!;
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        yield block;
        break;
      case 'blockquote':
      case 'authorNote':
        stack.push(...[...block.children].reverse());
        break;
      case 'list':
        for (const item of [...block.items].reverse()) stack.push(...[...item.children].reverse());
        break;
      case 'verse':
        for (const stanza of block.stanzas) yield* stanza;
        break;
      case 'table':
        for (const row of [...block.head, ...block.rows]) yield* row.cells;
        break;
      case 'imageBlock':
        if (block.caption) yield { children: block.caption };
        break;
      default:
        break;
    }
  }
}

/** Every inline container of the book: section titles and bodies, front and back matter, footnotes. */
function* bookContainers(book: Book): Generator<Container> {
  for (const section of allSections(book.body)) {
    yield { children: section.title };
    yield* inlineContainers(section.children);
  }
  for (const matter of [...book.front, ...book.back]) yield* inlineContainers(matter.children);
  for (const note of book.footnotes) yield* inlineContainers(note.children);
}

/** Replaces footnote references (recursively through emphasis and links) by what `visit` returns. */
function mapReferences(inlines: Inline[], visit: (ref: FootnoteReference) => Inline | undefined): void {
  for (let i = 0; i < inlines.length; i++) {
    const node = inlines[i];
    if (node.type === 'footnoteReference') {
      const replacement = visit(node);
      if (replacement) inlines[i] = replacement;
    } else if ('children' in node) {
      mapReferences(node.children as Inline[], visit);
    }
  }
}

function checkFootnotes(book: Book, ctx: TransformContext): void {
  const defined = new Map(book.footnotes.map((n) => [n.identifier, n]));
  const used = new Set<string>();
  for (const container of bookContainers(book)) {
    mapReferences(container.children, (ref) => {
      if (defined.has(ref.identifier)) {
        used.add(ref.identifier);
        return undefined;
      }
      const label = ref.label ?? ref.identifier;
      ctx.report.warn('footnote-undefined', `footnote [^${label}] is referenced but never defined`, {
        position: ref.position,
        hint: `Add a definition: [^${label}]: the note's text`,
      });
      return { type: 'text', value: `[^${label}]`, ...(ref.position ? { position: ref.position } : {}) };
    });
  }
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
function defuseScriptSchemes(inlines: Inline[]): void {
  for (const node of inlines) {
    if (node.type === 'text' && SCRIPT_SCHEME.test(node.value)) node.value = node.value.replace(SCRIPT_SCHEME, '$1\u2060$2');
    else if ('children' in node) defuseScriptSchemes(node.children as Inline[]);
    SCRIPT_SCHEME.lastIndex = 0;
  }
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

/** Links whose web address cannot be parsed (`https://../`) become their text, with a warning. */
function unwrapBrokenLinks(inlines: Inline[], ctx: TransformContext, at: Position | undefined): void {
  for (let i = 0; i < inlines.length; i++) {
    const node = inlines[i];
    if (node.type === 'link' && !isWellFormedWebUrl(node.url)) {
      ctx.report.warn('link-invalid', `link address \`${node.url.slice(0, 80)}\` is not a valid URL; its text is kept without the link`, { position: node.position ?? at });
      inlines.splice(i, 1, ...node.children);
      i--;
    } else if ('children' in node) {
      unwrapBrokenLinks(node.children as Inline[], ctx, at);
    }
  }
}

export const checks: Transform = {
  name: 'checks',
  run(book, ctx) {
    for (const container of bookContainers(book)) {
      defuseScriptSchemes(container.children);
      unwrapBrokenLinks(container.children, ctx, (container as { position?: Position }).position);
    }
    checkFootnotes(book, ctx);
    checkChapterTitles(book.body, ctx);
  },
};
