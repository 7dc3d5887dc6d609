/**
 * A FanFicFare text export. Its layout is fixed by FanFicFare's `writers/writer_txt.py` and the `[txt]` section of
 * its `defaults.ini`: the title, `by Author`, a title page of `Label: value` lines (wrapped at 78 columns by default),
 * `TABLE OF CONTENTS` and one paragraph per chapter title, then each chapter under its title indented by a tab (or
 * the spaces the wrapping turned it into), its text converted from HTML by html2text (`_italic_`, `**bold**`, a
 * backslash before a `-` that starts a line), and a closing `End file.` line.
 *
 * ```text
 * Ashes of the Phoenix
 *
 * by midnightquill
 *
 * Category: Harry Potter
 * Rating: T
 * Summary: Harry and Hermione, after the war.
 *
 * TABLE OF CONTENTS
 *
 * 1. The Letter
 *
 *         1. The Letter
 *
 * The owl came at dawn.
 *
 * End file.
 * ```
 *
 * The contents block and `End file.` are FanFicFare's own navigation, not story: they are left out of the book, which
 * makes its own contents page. Every chapter title, whatever its words, opens a chapter.
 */
import { canonicalKey, type MetaEntry } from '../metadata';
import { normaliseKey } from '../../text/keys';
import { markerText } from './blocks';
import type { ChapterFinder } from './body';
import { readHeader } from './header';
import { isBlank, type Line } from './lines';
import { matchChapter } from '../../text/markers';
import type { HeaderEntry, Opening } from './opening';
import { joinSpans, positionOf, sliceSpan, trimmedLineSpan, type Span } from './span';

const BYLINE = /^by\s+(\S.*)$/;
const CONTENTS = 'TABLE OF CONTENTS';
const END = 'End file.';

/**
 * FanFicFare's title-page labels (`<entry>_label` in its defaults.ini) whose meaning differs from quire's key of the
 * same name, or that quire has no key for (`extra`: kept in `meta.extra` as written, without a warning). Labels not
 * listed (Title, Author, Genre, Language, Characters, Relationships, Series, Status, Published, Updated, Rating,
 * Warnings, Chapters, Words, Publisher, Summary) mean what quire's keys mean.
 */
const LABELS: Record<string, string | readonly string[]> = {
  story: 'title',
  // On FanFiction.net and most archives FanFicFare's "category" is the fandom (Harry Potter); quire's is a genre.
  category: 'fandom',
  storyurl: ['identifier', 'source'],
  extratags: 'tags',
  freeformtags: 'tags',
  ao3categories: 'tags',
  authorurl: 'extra',
  seriesurl: 'extra',
  packaged: 'extra',
  storyid: 'extra',
  authorid: 'extra',
  siteabbrev: 'extra',
  fileformat: 'extra',
  fileextension: 'extra',
  downloaderversion: 'extra',
  reviews: 'extra',
  favs: 'extra',
  follows: 'extra',
  kudos: 'extra',
  hits: 'extra',
  comments: 'extra',
  bookmarks: 'extra',
  collections: 'extra',
};

/** The index of the first non-blank line from `from` on (or back, with `step` -1); out of range when there is none. */
function nonBlank(lines: readonly Line[], from: number, step: 1 | -1): number {
  let i = from;
  while (i >= 0 && i < lines.length && isBlank(lines[i])) i += step;
  return i;
}

/** A run of non-blank lines: its first line's index, its text with whitespace collapsed, and what lies around it. */
interface Paragraph {
  start: number;
  text: string;
  /** Blank lines between it and the paragraph above. */
  blanksAbove: number;
  /** Whether its first line is indented. */
  indented: boolean;
}

function paragraphs(lines: readonly Line[], from: number, to: number): Paragraph[] {
  const out: Paragraph[] = [];
  let blanks = 0;
  for (let i = from; i < to; i++) {
    const text = lines[i].text.trim().replace(/\s+/g, ' ');
    if (!text) blanks++;
    else if (blanks === 0 && out.length) out[out.length - 1].text += ` ${text}`;
    else out.push({ start: i, text, blanksAbove: blanks, indented: /^\s/.test(lines[i].text) });
    if (text) blanks = 0;
  }
  return out;
}

/**
 * The chapter titles' paragraphs. With a contents block (its paragraphs from index `contents` on), its entries are
 * the titles, found again in order below it: the first title is the first entry's text come round again. Only a
 * paragraph in the title's shape counts, its first line indented (by a tab, or spaces), as `TEXT_CHAPTER_START`
 * writes it: a line of story that merely reads like the next title (`Run`) is story. Without a contents block (a
 * single chapter, or `include_tocpage: false`), a title is an indented paragraph with two or more blank lines above it.
 */
function chapterTitles(all: readonly Paragraph[], contents: number | undefined): Paragraph[] {
  if (contents === undefined) return all.filter((p) => p.indented && p.blanksAbove >= 2);
  const after = all.slice(contents);
  const isTitle = (p: Paragraph, text: string): boolean => p.indented && p.text === text;
  const repeat = after.findIndex((p, n) => n > 0 && isTitle(p, after[0].text));
  if (repeat < 0) return [];
  const titles: Paragraph[] = [];
  let k = repeat;
  for (const entry of after.slice(0, repeat)) {
    while (k < after.length && !isTitle(after[k], entry.text)) k++;
    if (k === after.length) break;
    titles.push(after[k++]);
  }
  return titles;
}

/** html2text's escape of a `-` or `+` that starts a line (`\- Hey!`), written so that Markdown reads no list item. */
const ESCAPED_MARKER = /^(\s*)\\(?=[-+])/;

/**
 * A line without html2text's escape backslash. The backslash becomes a space, which trimming drops, so every other
 * character keeps its column.
 */
function unescapeLine(line: Line): Line {
  const m = ESCAPED_MARKER.exec(line.text);
  return m ? { ...line, text: `${m[1]} ${line.text.slice(m[0].length)}` } : line;
}

/**
 * How a FanFicFare story's chapters are found: the title lines (by 1-based line number) open chapters, each titled
 * with its whole text (split as `Chapter 3: Title` when it is one), and only they do; a line inside a chapter that looks
 * like a chapter line (the author's own `Chapter 1` above the text) stays text.
 */
function titleLines(titles: ReadonlySet<number>): ChapterFinder {
  return (pieces) => ({
    lines: pieces.map((piece) => {
      const text = markerText(piece);
      if (piece.kind !== 'text' || text === undefined || !titles.has(piece.span.segments[0].line)) return undefined;
      const chapter = matchChapter(text);
      return chapter?.role === 'chapter' ? chapter : { label: '', titleStart: 0, role: 'chapter', rule: 'chapter-named' };
    }),
    notes: [],
  });
}

/** The quire keys a title-page label means (the story's URL is its identifier and its source); none for `extra`. */
function keysOf(label: string): readonly string[] {
  const mapped = LABELS[normaliseKey(label)];
  if (mapped === 'extra') return [];
  if (mapped === undefined) return [canonicalKey(label) ?? label];
  return typeof mapped === 'string' ? [mapped] : mapped;
}

/**
 * The opening of a FanFicFare text export, or undefined when the file does not have its signature: a title and a
 * `by Author` line as its first two lines, and `TABLE OF CONTENTS` below them or `End file.` as its last line.
 */
export function readFanFicFareOpening(lines: readonly Line[], file: string): Opening | undefined {
  const titleLine = nonBlank(lines, 0, 1);
  const byline = nonBlank(lines, titleLine + 1, 1);
  const last = nonBlank(lines, lines.length - 1, -1);
  if (byline >= lines.length || !BYLINE.test(lines[byline].text.trim())) return undefined;
  const storyEnd = lines[last].text.trim() === END ? last : lines.length;
  const all = paragraphs(lines, byline + 1, storyEnd);
  const contents = all.findIndex((p) => p.text === CONTENTS);
  if (contents < 0 && storyEnd === lines.length) return undefined;

  const header = readHeader(lines, file, byline + 1);
  const title = trimmedLineSpan(file, lines[titleLine]);
  const by = trimmedLineSpan(file, lines[byline]);
  const author = sliceSpan(by, by.text.length - BYLINE.exec(by.text)![1].length);
  const spans: HeaderEntry[] = [
    { key: 'title', value: title, position: positionOf(title), known: true },
    { key: 'author', value: author, position: positionOf(author), known: true },
  ];
  const meta: MetaEntry[] = spans.map((e) => ({ key: e.key, value: e.value.text, position: e.position }));
  const extra: Record<string, string> = {};
  for (const entry of header.entries) {
    if (!entry.value.text) continue;
    const keys = keysOf(entry.key);
    if (keys.length === 0) extra[entry.key.toLowerCase()] = entry.value.text;
    for (const key of keys) {
      spans.push({ ...entry, key });
      meta.push({ key, value: entry.value.text, position: entry.position });
    }
  }
  const titles = chapterTitles(all, contents < 0 ? undefined : contents + 1);
  const storyStart = titles.length ? titles[0].start : header.storyStart;
  const titleLineNumbers = new Set(titles.map((p) => lines[p.start].line));
  // Between the title page and the contents (or the first chapter) FanFicFare writes nothing but the rest of a
  // summary of several paragraphs (the title page's last entry): that joins the summary; anything else there (a note
  // added by hand) is reported, not silently skipped with the contents.
  const navigation = contents < 0 ? storyStart : all[contents].start;
  const after: number[] = [];
  for (let i = header.storyStart; i < navigation; i++) if (!isBlank(lines[i])) after.push(i);
  const dropped = after.length && spans[spans.length - 1].key === 'summary' ? extendSummary(spans, meta, after.map((i) => trimmedLineSpan(file, lines[i]))) : after;
  return { meta, spans, extra, storyStart, storyEnd, dropped, lines: lines.map(unescapeLine), findChapters: titleLines(titleLineNumbers) };
}

/**
 * The summary (the last of `spans` and of `meta`) continued by the paragraphs below it, joined as one value: the model
 * keeps a summary as one text. Returns the lines left to report as dropped: none.
 */
function extendSummary(spans: HeaderEntry[], meta: MetaEntry[], more: readonly Span[]): number[] {
  const entry = spans[spans.length - 1];
  const value = joinSpans([entry.value, ...more]);
  const position = { ...entry.position, end: positionOf(value).end };
  spans[spans.length - 1] = { ...entry, value, position };
  const index = meta.map((m) => m.key).lastIndexOf('summary');
  meta[index] = { key: 'summary', value: value.text, position };
  return [];
}
