/** The Markdown reader: YAML front matter (gray-matter) and a CommonMark body (markdown-it) → a `Book`. */
import * as path from 'node:path';
import { emptyBook, plainText } from '../../model/build-helpers';
import type { Block, Book, Position, Section } from '../../model/types';
import { addFrontMatterFromMeta, applyMetadata } from '../metadata';
import type { ReadContext, Reader } from '../types';
import { toBlocks } from './blocks';
import { takeEpigraph } from './epigraph';
import { readFrontMatter } from './front-matter';
import { parseMarkdown, truncatedContainer, type ParsedMarkdown } from './parser';
import { makeSections } from './sections';
import { locator, nowhere, type LineMap, type Locate } from './source';
import { takeTitleHeading } from './title';

/** A metadata text (summary, disclaimer, dedication) as Markdown blocks. Its nodes are not spans of the file. */
export function metadataBlocks(text: string): Block[] {
  return toBlocks(parseMarkdown(text).tokens, { locate: nowhere }).blocks;
}

/** Reports what markdown-it could not keep, and what quire keeps in a reduced form. */
function reportLosses(
  ctx: ReadContext,
  parsed: ParsedMarkdown,
  rawHtml: readonly { position: Position | undefined; element: string }[],
  at: Locate,
  body: string,
): void {
  const cut = truncatedContainer(parsed.tokens);
  if (cut) {
    ctx.report.warn('markdown-too-deep', 'content nested 100 levels deep or more (block quotes, lists) was dropped', {
      position: at(cut.map as LineMap),
      hint: 'Nest block quotes and lists less deeply.',
    });
  }
  if (rawHtml.length > 0) {
    const names = [...new Set(rawHtml.map((r) => (/^[a-z]/.test(r.element) && !r.element.includes(' ') ? `<${r.element}>` : r.element)))];
    const more = rawHtml.length > 1 ? ` (${rawHtml.length} places in all)` : '';
    ctx.report.warn('raw-html', `removed raw HTML that quire does not keep: ${names.slice(0, 5).join(', ')}${more}`, {
      position: rawHtml[0].position,
      hint: 'quire keeps <i>, <b>, <em>, <strong>, <s>, <br>, <hr>, <p> and links to web or mail addresses; write the rest in Markdown.',
    });
  }
  const lines = parsed.unusedFootnotes.length ? body.split('\n') : [];
  for (const label of parsed.unusedFootnotes) {
    // markdown-it-footnote drops the definition's tokens, so its line is found again in the text.
    const definition = new RegExp(`^ {0,3}\\[\\^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]:`, 'i');
    const line = lines.findIndex((l) => definition.test(l));
    ctx.report.warn('footnote-unused', `footnote \`[^${label}]\` is defined but never referenced; left out`, {
      position: line >= 0 ? at([line, line + 1]) : undefined,
      hint: `Refer to it with \`[^${label}]\` in the text, or delete it.`,
    });
  }
}

/**
 * The blocks without the file's title heading (title.ts), which gives the book its title when it had none. A file
 * read as one of several keeps its `#` heading: it is one part of the book, not the whole.
 */
function titled(book: Book, blocks: Block[], ctx: ReadContext): Block[] {
  const { blocks: rest, heading, title } = takeTitleHeading(blocks, book.meta.title);
  if (!heading) return rest;
  if (title) {
    book.meta.title = title;
    if (heading.position) book.metaPositions.title = heading.position;
  }
  const below = rest.some((b) => b.type === 'heading') ? '; the headings below it are its chapters' : '';
  ctx.report.info('title-heading', title ? `the first heading is the book's title, "${book.meta.title}"${below}` : 'the first heading repeats the title; not printed again', {
    position: heading.position,
  });
  return rest;
}

/** Reads a Markdown file with optional YAML front matter. */
export const markdownReader: Reader = {
  name: 'markdown',
  extensions: ['.md', '.markdown'],
  read(text: string, ctx: ReadContext): Book {
    const book = emptyBook(path.dirname(ctx.file));
    book.sources = [ctx.file];
    const front = readFrontMatter(text, ctx.file, ctx.report);
    applyMetadata(book, front.entries, ctx.report);

    const locate = locator(ctx.file, front.lines, front.bodyLine);
    const rawHtml: { position: Position | undefined; element: string }[] = [];
    const parsed = parseMarkdown(front.body);
    const { blocks, footnotes } = toBlocks(parsed.tokens, { locate, onRawHtml: (position, element) => rawHtml.push({ position, element }) });
    reportLosses(ctx, parsed, rawHtml, locate, front.body);

    const numbered: Section[] = [];
    book.body = makeSections(ctx.oneOfSeveral ? blocks : titled(book, blocks, ctx), numbered);
    for (const chapter of numbered) {
      ctx.report.info('numbered-sections', `"${plainText(chapter.title)}" is one chapter; its numbered headings are its sections, not chapters`, {
        position: chapter.position,
      });
    }
    // A file read as one of several may be any chapter: a quotation opening it is that chapter's, not the book's.
    const epigraph = ctx.oneOfSeveral ? undefined : takeEpigraph(book.body);
    if (epigraph) {
      book.front.push(epigraph);
      ctx.report.info('epigraph', 'the quotation before the first heading is the book\'s epigraph, a page before the contents', { position: epigraph.position });
    }
    book.footnotes = footnotes;
    addFrontMatterFromMeta(book, metadataBlocks);
    return book;
  },
};
