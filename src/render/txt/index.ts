/**
 * The plain-text renderer: the book in the fan-fiction plain-text format quire reads, so the file is both clean text
 * for people and a manuscript quire can build again. A `Key: value` header (title, author, rating, summary…), then
 * `Chapter N: Title` lines, blank lines between paragraphs, `* * *` scene breaks, `[1]` footnotes listed at the end
 * of their chapter. UTF-8 without a byte-order mark, LF line ends.
 */
import { isOneShot, plainText } from '../../model/build-helpers';
import type { Book, Footnote, Matter, Meta, Section } from '../../model/types';
import { matchChapter } from '../../text/markers';
import type { Renderer } from '../types';
import { CitedNotes } from '../cited-notes';
import { blocks } from './blocks';
import { DEFAULT_TXT_OPTIONS, type TxtContext, type TxtOptions } from './context';
import { inlines } from './inlines';
import { wrap } from './wrap';

export type { TxtOptions } from './context';

/** Header entries in the order FanFiction.net's story pages show them; empty values are left out. */
function header(meta: Meta, book: Book): string[] {
  const list = (values: readonly string[], separator = ', ') => values.join(separator);
  const entries: [string, string | undefined][] = [
    ['Title', meta.title],
    ['Subtitle', meta.subtitle],
    [meta.authors.length > 1 ? 'Authors' : 'Author', list(meta.authors.map((a) => a.name), ' & ')],
    ['Rated', meta.rating],
    ['Fandom', list(meta.fandoms)],
    ['Characters', list(meta.characters)],
    ['Pairings', list(meta.relationships)],
    ['Genre', list(meta.genres)],
    ['Warnings', list(meta.warnings)],
    ['Tags', list(meta.tags)],
    ['Series', meta.series ? `${meta.series.name}${meta.series.index !== undefined ? ` #${meta.series.index}` : ''}` : undefined],
    ['Status', meta.status],
    ['Language', meta.language === 'en' ? undefined : meta.language],
    ['Date', meta.date],
    ['Publisher', meta.publisher],
    ['Rights', meta.rights],
    ['Words', book.stats ? book.stats.words.toLocaleString('en-US') : undefined],
    ['Summary', meta.summary],
    ['Disclaimer', meta.disclaimer],
    ['Dedication', meta.dedication],
  ];
  // One entry per paragraph, each on one line whatever the width: a header entry is never filled.
  return entries.filter(([, value]) => value?.trim()).map(([key, value]) => `${key}: ${value!.replace(/\s+/g, ' ').trim()}`);
}

/**
 * A chapter's heading line, in a form the plain-text reader takes for one (`Chapter 3: The Loft`, `Prologue`): a
 * title with no label gets `Chapter N`. A one-shot's story has none, so that it reads back as a one-shot.
 */
function chapterHeading(section: Section, n: number, oneShot: boolean): string | undefined {
  const title = plainText(section.title).replace(/\s+/g, ' ').trim();
  const label = section.label?.trim();
  if (label && title) return `${label.replace(/[.:]$/, '')}: ${title}`;
  if (label) return label;
  if (title) return matchChapter(title) ? title : `Chapter ${n}: ${title}`;
  return oneShot ? undefined : `Chapter ${n}`;
}

/** The cited footnotes, `[1] text`, under a `Notes` line; later paragraphs of a note are indented under it. */
function notesBlock(notes: CitedNotes, ctx: TxtContext): string[] {
  const out: string[] = [];
  // A note may cite another note, which then joins the list: hence the index loop.
  for (let i = 0; i < notes.cited.length; i++) {
    const note: Footnote = notes.cited[i];
    const [first, ...rest] = note.children;
    const marker = `[${i + 1}] `;
    const head = first?.type === 'paragraph' ? wrap(marker + inlines(first.children, ctx), ctx.width, '    ') : marker.trim();
    const more = first?.type === 'paragraph' ? rest : note.children;
    out.push(more.length ? `${head}\n\n${blocks(more, ctx)}` : head);
  }
  return out.length ? ['Notes', ...out] : [];
}

/** Pages that are not header entries (foreword, epigraph, afterword…): an optional title line, then the text. */
function matterPages(pages: readonly Matter[], ctx: TxtContext): string[] {
  return pages
    .filter((page) => !['summary', 'disclaimer', 'dedication'].includes(page.role) || page.title)
    .flatMap((page) => [...(page.title ? [plainText(page.title).trim()] : []), blocks(page.children, ctx)]);
}

/** The whole book as plain text. */
export function renderText(book: Book, options: Readonly<TxtOptions> = DEFAULT_TXT_OPTIONS): string {
  const footnotes = new Map(book.footnotes.map((note) => [note.identifier, note]));
  const scoped = () => {
    const notes = new CitedNotes(footnotes);
    return { notes, ctx: { width: options.width, cite: (id: string) => notes.cite(id)?.number } satisfies TxtContext };
  };
  const front = scoped();
  const parts: string[] = [...header(book.meta, book), ...matterPages(book.front, front.ctx), ...notesBlock(front.notes, front.ctx)];
  const oneShot = isOneShot(book);
  let n = 0;
  // A chapter's sub-sections share its notes, which follow the whole chapter; a part's notes follow its opening text.
  const emit = (section: Section, inherited?: ReturnType<typeof scoped>) => {
    const scope = inherited ?? scoped();
    const heading = section.role === 'chapter' ? chapterHeading(section, ++n, oneShot) : plainText(section.title).trim() || section.label;
    if (heading) parts.push(heading);
    if (section.children.length) parts.push(blocks(section.children, scope.ctx));
    if (section.role === 'part') parts.push(...notesBlock(scope.notes, scope.ctx));
    for (const sub of section.sections) emit(sub, section.role === 'part' ? undefined : scope);
    if (!inherited && section.role !== 'part') parts.push(...notesBlock(scope.notes, scope.ctx));
  };
  for (const section of book.body) emit(section);
  const back = scoped();
  parts.push(...matterPages(book.back, back.ctx), ...notesBlock(back.notes, back.ctx));
  return `${parts.filter((p) => p.trim()).join('\n\n')}\n`;
}

/** Writes `<slug>.txt`. */
export const txtRenderer: Renderer<TxtOptions> = {
  name: 'txt',
  extension: '.txt',
  defaultOptions: DEFAULT_TXT_OPTIONS,
  async render(book, ctx) {
    return { data: new TextEncoder().encode(renderText(book, ctx.options)), extension: '.txt', mediaType: 'text/plain; charset=utf-8' };
  },
};
