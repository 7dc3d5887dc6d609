/**
 * `<slug>.upload.md`: every field AO3's "Post New Work" form and FanFiction.net's publishing form ask for, filled
 * from the book in each site's vocabulary, with the limits each site enforces checked.
 */
import { chapters, plainText } from '../model/build-helpers';
import { ffnCaveats, parseRating } from '../model/ratings';
import type { Book, Section } from '../model/types';
import { ao3Warnings, ffnGenres, FFN_GENRES, FFN_MAX_GENRES } from './archive-tags';
import { languageName } from './language';
import { languageOf } from '../locale';

/** AO3 refuses a summary longer than this many characters. */
export const AO3_SUMMARY_LIMIT = 1250;
/** FanFiction.net cuts summaries at this many characters. */
export const FFN_SUMMARY_LIMIT = 384;
/** FanFiction.net lets a story list this many characters. */
const FFN_MAX_CHARACTERS = 4;

/** Markdown's inline punctuation escaped, so a value shows as written. */
function md(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** A text as a block quote, line by line. */
function quote(text: string): string {
  return text
    .trim()
    .split(/\n/)
    .map((line) => (line.trim() ? `> ${md(line)}` : '>'))
    .join('\n');
}

const list = (values: readonly string[]) => (values.length ? values.map(md).join(', ') : '—');
const note = (text: string) => ` _(${md(text)})_`;
const length = (text: string) => [...text].length;

/** Whether the work is finished: `Complete`, `In-Progress`, or unknown when the manuscript does not say. */
export function workStatus(status: string | undefined): 'complete' | 'in-progress' | undefined {
  const s = status?.trim().toLowerCase() ?? '';
  if (/^(?:complete[d]?|finished|done|one-?shot)$/.test(s)) return 'complete';
  if (/progress|ongoing|wip|incomplete|hiatus|updating|unfinished/.test(s)) return 'in-progress';
  return undefined;
}

function summaryField(summary: string | undefined, limit: number, site: string): string[] {
  if (!summary?.trim()) return ['- **Summary:** —'];
  const n = length(summary.trim());
  const over = n > limit ? ` **${n - limit} over ${site}'s limit of ${limit}: shorten it.**` : '';
  return [`- **Summary** (${n}/${limit} characters):${over}`, '', quote(summary), ''];
}

function ao3Section(book: Book, count: number, status: ReturnType<typeof workStatus>): string[] {
  const { meta } = book;
  const rating = parseRating(meta.rating);
  const warnings = ao3Warnings(meta.warnings);
  const archive = warnings.archive.length
    ? list(warnings.archive)
    : `Creator Chose Not To Use Archive Warnings${note('the manuscript lists no warnings; choose "No Archive Warnings Apply" if none apply')}`;
  const tags = [...new Set([...meta.tags, ...meta.genres, ...warnings.other])];
  const notes = [meta.disclaimer && `Disclaimer: ${meta.disclaimer}`, meta.dedication && `Dedication: ${meta.dedication}`, meta.notes].filter((n): n is string => !!n);
  return [
    '## AO3 (Archive of Our Own): Post New Work',
    '',
    `- **Rating:** ${rating ? rating.ao3 : meta.rating ? `${md(meta.rating)}${note('not a rating AO3 knows: choose one')}` : `—${note('AO3 requires a rating; "Not Rated" is allowed')}`}`,
    `- **Archive Warnings:** ${archive}`,
    `- **Fandoms:** ${meta.fandoms.length ? list(meta.fandoms) : `—${note('AO3 requires at least one fandom')}`}`,
    `- **Category:** —${note('choose: F/F, F/M, Gen, M/M, Multi, Other')}`,
    `- **Relationships:** ${list(meta.relationships)}`,
    `- **Characters:** ${list(meta.characters)}`,
    `- **Additional Tags:** ${list(tags)}`,
    `- **Work Title:** ${md(meta.title)}`,
    `- **Creators:** ${list(meta.authors.map((a) => a.name))}`,
    ...summaryField(meta.summary, AO3_SUMMARY_LIMIT, 'AO3'),
    ...(notes.length ? ['- **Notes** (at the beginning):', '', quote(notes.join('\n\n')), ''] : ['- **Notes:** —']),
    `- **Language:** ${md(languageName(languageOf(book)))}`,
    `- **Chapters:** ${count}/${status === 'in-progress' ? '?' : count}${status ? '' : note('the manuscript gives no status; taken as complete')}`,
    `- **Words:** ${book.stats ? book.stats.words.toLocaleString('en-US') : '—'}${note("quire's count; AO3 counts again when posting")}`,
    '',
  ];
}

function ffnSection(book: Book, count: number, status: ReturnType<typeof workStatus>): string[] {
  const { meta } = book;
  const rating = parseRating(meta.rating);
  const caveats = rating ? ffnCaveats(rating) : [];
  const genres = ffnGenres(meta.genres);
  const extraGenres = genres.other.length ? note(`not on FanFiction.net's list, or over its ${FFN_MAX_GENRES}: ${genres.other.join(', ')}`) : '';
  const characters = meta.characters.length > FFN_MAX_CHARACTERS ? note(`FanFiction.net lists at most ${FFN_MAX_CHARACTERS}: choose`) : '';
  return [
    '## FanFiction.net: Publish',
    '',
    `- **Title:** ${md(meta.title)}`,
    `- **Rating:** ${rating ? rating.ffn + caveats.map(note).join('') : meta.rating ? `${md(meta.rating)}${note('not a FanFiction.net rating: choose K, K+, T or M')}` : `—${note('choose K, K+, T or M')}`}`,
    `- **Language:** ${md(languageName(languageOf(book)))}`,
    `- **Genres:** ${genres.genres.length ? genres.genres.join(', ') : '—'}${extraGenres}${genres.genres.length ? '' : note(`choose up to ${FFN_MAX_GENRES} of: ${FFN_GENRES.join(', ')}`)}`,
    `- **Category:** ${list(meta.fandoms)}${note('the fandom, chosen from FanFiction.net\'s categories')}`,
    `- **Characters:** ${list(meta.characters)}${characters}`,
    `- **Pairings:** ${list(meta.relationships)}`,
    `- **Status:** ${status === 'in-progress' ? 'In-Progress' : 'Complete'}`,
    ...summaryField(meta.summary, FFN_SUMMARY_LIMIT, 'FanFiction.net'),
    `- **Chapters:** ${count}`,
    `- **Words:** ${book.stats ? book.stats.words.toLocaleString('en-US') : '—'}`,
    `- **Notes:** —${note('FanFiction.net has no notes field: a disclaimer or author\'s note goes at the top of the chapter text')}`,
    '',
  ];
}

/** Whether a chapter opens and closes with author's notes (AO3 takes those in the chapter's notes fields). */
function notePlaces(section: Section): string {
  const first = section.children[0]?.type === 'authorNote';
  const last = section.sections.length === 0 && section.children.length > 1 && section.children[section.children.length - 1].type === 'authorNote';
  return [first && 'beginning', last && 'end'].filter(Boolean).join(', ') || '—';
}

/** The upload sheet, as Markdown. */
export function uploadSheet(book: Book): string {
  const sections = chapters(book);
  const count = book.stats?.chapters ?? sections.length;
  const status = workStatus(book.meta.status);
  const rows = sections.map((section, i) => `| ${i + 1} | ${md(plainText(section.title).trim() || section.label || '')} | ${notePlaces(section)} |`);
  return [
    `# Upload sheet: ${md(book.meta.title)}`,
    '',
    'Each value below goes into the form field of the same name. Chapter texts are in the `.ao3.html` file for AO3 and the `.txt` file for FanFiction.net.',
    '',
    ...ao3Section(book, count, status),
    ...ffnSection(book, count, status),
    '## Chapters',
    '',
    '| # | Title | Author\'s notes (AO3 notes fields) |',
    '| ---: | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
