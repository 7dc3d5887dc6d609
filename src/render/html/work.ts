/**
 * A book cut into the fields of AO3's forms: the work's summary and notes, and per chapter its title, its text and
 * its beginning and end notes, each a fragment of the HTML AO3 keeps.
 */
import { localeOf, type LabelKey } from '../../locale';
import { CollectingReporter } from '../../diagnostics/reporter';
import type { Reporter } from '../../diagnostics/types';
import { plainText } from '../../model/build-helpers';
import type { Block, Book, Footnote, Matter, MatterRole, Section } from '../../model/types';
import { blocks } from './blocks';
import { ChapterNotes, DEFAULT_HTML_OPTIONS, type HtmlContext, type HtmlOptions } from './context';
import { attrs, escapeText } from './escape';
import { inlines } from './inlines';

/** One chapter as AO3's "Post New Chapter" form takes it. */
export interface Ao3Chapter {
  /** 1-based chapter number. */
  number: number;
  /** "Chapter Title": the title without its `Chapter N` label, which AO3 adds itself. May be empty. */
  title: string;
  /** "Chapter Text". */
  html: string;
  /** "Notes" at the beginning: the author's notes that open the chapter. */
  notes?: string;
  /** "Notes" at the end: the author's notes that close the chapter. */
  endNotes?: string;
}

/** A whole work as AO3's "Post New Work" form takes it. */
export interface Ao3Work {
  /** "Summary" (AO3 allows the same HTML there). */
  summary?: string;
  /** The work's beginning "Notes": disclaimer, dedication and the other front-matter pages. */
  notes?: string;
  /** The work's end "Notes": back-matter pages. */
  endNotes?: string;
  chapters: Ao3Chapter[];
}

/** Headings that introduce front- and back-matter pages in the notes fields. */
const MATTER_LABELS: Partial<Record<MatterRole, LabelKey>> = {
  disclaimer: 'disclaimer',
  dedication: 'dedication',
  foreword: 'foreword',
  afterword: 'afterword',
  notes: 'notes',
};

/** A chapter to post and the parts that open with it (a part's title and opening text go into its first chapter). */
interface Unit {
  section: Section;
  parts: Section[];
}

/** The postable units in reading order: AO3 has chapters only, so parts fold into their first chapter. */
function units(book: Book): Unit[] {
  const out: Unit[] = [];
  const pending: Section[] = [];
  const visit = (sections: readonly Section[]) => {
    for (const section of sections) {
      if (section.role === 'part' && section.sections.length) {
        pending.push(section);
        visit(section.sections);
      } else {
        out.push({ section, parts: pending.splice(0) });
      }
    }
  };
  visit(book.body);
  return out;
}

/** The AO3 chapter title: the title as written, else a label that is not a plain `Chapter N` (`Prologue`), else empty. */
function chapterTitle(section: Section): string {
  const title = plainText(section.title).trim();
  if (title) return title;
  const label = section.label?.trim() ?? '';
  return /^(?:chapter|ch\.?)\s/i.test(label) ? '' : label;
}

/** A leading and a trailing run of author's notes, and what lies between. */
function splitNotes(children: readonly Block[], takeTrailing: boolean): { lead: Block[]; body: Block[]; tail: Block[] } {
  let start = 0;
  while (start < children.length && children[start].type === 'authorNote') start++;
  let end = children.length;
  if (takeTrailing) while (end > start && children[end - 1].type === 'authorNote') end--;
  return { lead: children.slice(0, start), body: children.slice(start, end), tail: children.slice(end) };
}

/** Author's notes for a notes field: their text without the `A/N:` label, which the field already says. */
function noteFields(notes: readonly Block[], ctx: HtmlContext): string | undefined {
  const content = notes.flatMap((note) => (note.type === 'authorNote' ? note.children : [note]));
  return content.length ? blocks(content, ctx) : undefined;
}

/** A section's sub-sections, with headings from h4 (h1–h3 are AO3's page, work and chapter titles). */
function subsections(sections: readonly Section[], top: number, ctx: HtmlContext): string[] {
  return sections.flatMap((section) => {
    const level = Math.min(6, 3 + section.depth - top);
    const title = inlines(section.title, ctx) || escapeText(section.label ?? '');
    const heading = title ? [`<h${level}>${title}</h${level}>`] : [];
    const body = section.children.length ? [blocks(section.children, ctx)] : [];
    return [...heading, ...body, ...subsections(section.sections, top, ctx)];
  });
}

/** The cited footnotes' texts, each opening with its number linked back to the citation; notes may cite notes. */
function footnoteTexts(ctx: HtmlContext): string[] {
  const out: string[] = [];
  for (let i = 0; i < ctx.notes.cited.length; i++) {
    const note: Footnote = ctx.notes.cited[i];
    const n = i + 1;
    const anchor = `<a${attrs({ name: ctx.notes.noteName(n), href: `#${ctx.notes.refName(n)}` })}>${n}.</a>`;
    const [first, ...rest] = note.children;
    if (first?.type === 'paragraph') {
      out.push(`<p>${anchor} ${inlines(first.children, ctx)}</p>`);
      if (rest.length) out.push(blocks(rest, ctx));
    } else {
      out.push(`<p>${anchor}</p>`, blocks(note.children, ctx));
    }
  }
  return out.length ? [`<h4>${escapeText(ctx.labels.footnotes)}</h4>`, ...out] : [];
}

function chapter(unit: Unit, number: number, footnotes: ReadonlyMap<string, Footnote>, base: Omit<HtmlContext, 'notes'>): Ao3Chapter {
  const ctx: HtmlContext = { ...base, notes: new ChapterNotes(footnotes, `chapter${number}`) };
  const { section } = unit;
  const { lead, body, tail } = splitNotes(section.children, section.sections.length === 0);
  // Rendered in reading order, so that footnotes are numbered as a reader meets them.
  const notes = noteFields(lead, ctx);
  const parts = unit.parts.flatMap((part) => [`<h3>${inlines(part.title, ctx) || escapeText(part.label ?? '')}</h3>`, ...(part.children.length ? [blocks(part.children, ctx)] : [])]);
  const text = [...parts, ...(body.length ? [blocks(body, ctx)] : []), ...subsections(section.sections, section.depth, ctx)];
  const endNotes = noteFields(tail, ctx);
  text.push(...footnoteTexts(ctx));
  return { number, title: chapterTitle(section), html: text.join('\n'), ...(notes ? { notes } : {}), ...(endNotes ? { endNotes } : {}) };
}

/** Front- or back-matter pages for a notes field, each introduced by its title or role in bold. */
function matterNotes(pages: readonly Matter[], ctx: HtmlContext): string | undefined {
  const out = pages.map((page) => {
    const label = MATTER_LABELS[page.role];
    const title = page.title ? plainText(page.title).trim() : label && ctx.labels[label];
    if (!title) return blocks(page.children, ctx);
    return blocks([{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: title }] }] }, ...page.children], ctx);
  });
  const notes = [...out, ...footnoteTexts(ctx)];
  return notes.length ? notes.join('\n') : undefined;
}

/** Where `ao3Work` sends warnings (local images) and how it writes scene breaks. */
export interface Ao3WorkOptions {
  /** Defaults to a reporter nobody reads: the renderer has reported the same warnings already. */
  report?: Reporter;
  options?: Readonly<HtmlOptions>;
}

/** The book as AO3's forms take it. Chapter numbers follow the order of posting. */
export function ao3Work(book: Book, { report = new CollectingReporter(), options = DEFAULT_HTML_OPTIONS }: Ao3WorkOptions = {}): Ao3Work {
  const footnotes = new Map(book.footnotes.map((note) => [note.identifier, note]));
  const base = { options, report, labels: localeOf(book).labels };
  const workCtx = (scope: string): HtmlContext => ({ ...base, notes: new ChapterNotes(footnotes, scope) });
  const summaryPage = book.front.find((page) => page.role === 'summary');
  const summary = summaryPage ? blocks(summaryPage.children, workCtx('summary')) : book.meta.summary ? `<p>${escapeText(book.meta.summary)}</p>` : undefined;
  const front = book.front.filter((page) => page.role !== 'summary');
  if (book.meta.notes && !front.some((page) => page.role === 'notes')) {
    front.push({ type: 'matter', role: 'notes', id: 'notes', children: [{ type: 'paragraph', children: [{ type: 'text', value: book.meta.notes }] }] });
  }
  const notes = matterNotes(front, workCtx('work'));
  const endNotes = matterNotes(book.back, workCtx('work-end'));
  const chapters = units(book).map((unit, i) => chapter(unit, i + 1, footnotes, base));
  return { ...(summary ? { summary } : {}), ...(notes ? { notes } : {}), ...(endNotes ? { endNotes } : {}), chapters };
}

/** Each chapter as AO3's chapter form takes it: title, text, and beginning and end notes. */
export function ao3Chapters(book: Book, options: Ao3WorkOptions = {}): Ao3Chapter[] {
  return ao3Work(book, options).chapters;
}
