/**
 * The AO3 renderer: one UTF-8 HTML file holding every field of AO3's work and chapter forms, each between comment
 * markers that name the field, written with only the tags and attributes AO3's sanitizer keeps (see `allowed.ts`).
 *
 * Why one file: a renderer returns one artifact, and a writer posting to AO3 pastes field by field anyway; the
 * markers say where each piece goes. The build may also write each chapter on its own with `ao3Chapters`.
 */
import { languageOf } from '../../locale';
import { isOneShot } from '../../model/build-helpers';
import type { Book } from '../../model/types';
import type { Renderer } from '../types';
import { DEFAULT_HTML_OPTIONS, type HtmlOptions } from './context';
import { escapeText } from './escape';
import { ao3Work, type Ao3Work } from './work';

export { AO3_ELEMENTS, ao3AllowsAttribute } from './allowed';
export type { HtmlOptions, SceneBreakStyle } from './context';
export { ao3Chapters, ao3Work, type Ao3Chapter, type Ao3Work, type Ao3WorkOptions } from './work';

/** Text made safe inside an HTML comment, which may not contain `--` or start or end with `>`. */
function commentText(text: string): string {
  return text.replace(/-{2,}/g, '\u2013').replace(/[<>]/g, '').replace(/\s+/g, ' ').trim();
}

/** A field's content between a begin and an end marker, or nothing when the field is empty. */
function field(name: string, html: string | undefined): string[] {
  if (!html) return [];
  const label = commentText(name);
  return [`<!-- ${label}: begin -->`, html, `<!-- ${label}: end -->`];
}

/** HTML fragments joined in order, or nothing when all are empty. */
function joined(...html: (string | undefined)[]): string | undefined {
  return html.filter(Boolean).join('\n') || undefined;
}

/** Each chapter's title line and fields, as AO3's "Post New Chapter" form asks for them. */
function chapterFields(work: Ao3Work): string[] {
  return work.chapters.flatMap((chapter) => {
    const name = `Chapter ${chapter.number}`;
    return [
      `<!-- ${name} title: ${commentText(chapter.title) || '(none)'} -->`,
      ...field(`${name} notes (beginning)`, chapter.notes),
      ...field(`${name} text`, chapter.html),
      ...field(`${name} notes (end)`, chapter.endNotes),
    ];
  });
}

/**
 * A one-shot's fields: AO3's "Post New Work" form takes a single-chapter work's text as "Work Text", with no chapter
 * title or chapter notes, so the story's own notes join the work's notes at the beginning and the end.
 */
function oneShotFields(work: Ao3Work): string[] {
  const [story] = work.chapters;
  return [
    ...field('Work notes (beginning)', joined(work.notes, story.notes)),
    ...field('Work text', story.html),
    ...field('Work notes (end)', joined(story.endNotes, work.endNotes)),
  ];
}

/**
 * The whole file: an HTML document whose body holds the marked fields in the order AO3's forms ask for them; a
 * one-shot's as the work form alone takes them.
 */
export function ao3Document(book: Book, work: Ao3Work): string {
  const title = book.meta.title;
  const lines = [
    '<!DOCTYPE html>',
    `<html lang="${escapeText(languageOf(book).tag).replace(/"/g, '&quot;')}">`,
    '<head>',
    '<meta charset="utf-8" />',
    `<title>${escapeText(title)} (for AO3)</title>`,
    '</head>',
    '<body>',
    `<!-- ${commentText(title)}: for AO3. Paste what lies between each pair of markers into the field it names, with the form's HTML editor. -->`,
    ...field('Work summary', work.summary),
    ...(isOneShot(book) ? oneShotFields(work) : [...field('Work notes (beginning)', work.notes), ...chapterFields(work), ...field('Work notes (end)', work.endNotes)]),
    '</body>',
    '</html>',
    '',
  ];
  return lines.join('\n');
}

/** Writes `<slug>.ao3.html`. */
export const htmlRenderer: Renderer<HtmlOptions> = {
  name: 'html',
  extension: '.ao3.html',
  defaultOptions: DEFAULT_HTML_OPTIONS,
  async render(book, ctx) {
    const work = ao3Work(book, { report: ctx.report, options: ctx.options });
    return { data: new TextEncoder().encode(ao3Document(book, work)), extension: '.ao3.html', mediaType: 'text/html' };
  },
};
