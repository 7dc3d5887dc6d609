/**
 * A FanFiction.net story page saved as text (or copied from the browser): the story's title, `By: author`, the
 * summary, and the site's grey stats line, then the story.
 *
 * ```text
 * Books » Harry Potter
 * Ashes of the Phoenix
 * By: midnightquill
 * Harry and Hermione, after the war.
 * Rated: Fiction T - English - Drama/Angst - [Harry P., Hermione G.] Ron W. - Chapters: 12 - Words: 45,210 -
 *   Reviews: 301 - Favs: 512 - Follows: 640 - Updated: 3/14/2015 - Published: 1/2/2014 - Status: Complete - id: 1234567
 * ```
 *
 * The stats line is read as FanFicFare reads it from the page (`adapters/adapter_fanfictionnet.py`): parts separated
 * by ` - `; the rating; the language; the genres when every `/`-separated word is one of the site's genres; then
 * `Key: value` figures; whatever is left is the characters, a pairing written in brackets. `Status: Complete` appears
 * only when the story is complete. The site's breadcrumb (`Books » Harry Potter`, `Harry Potter + Naruto Crossover`)
 * names the fandoms.
 */
import type { Position } from '../../model/types';
import type { MetaEntry } from '../metadata';
import type { Opening } from './opening';
import { isBlank, type Line } from './lines';

/** The stats line's first part: `Rated: Fiction K+` (the rating is a link on the page, so copies may lose the space). */
const RATED = /^Rated:\s*(?:Fiction\s*)?(K\+|K|T|M)/;
const STATS = new RegExp(`${RATED.source}\\s*-\\s`);
const BYLINE = /^By:\s*(\S.*)$/;
/** The page's buttons and links, copied along with the text: around the summary, and above and below the story. */
const PAGE_CONTROLS = /^(?:\+?\s*Follow\/Fav|Review|Favorite|Follow|<\s*Prev(?:\s+Next\s*>)?|Next\s*>)$/i;
/** The site's footer line: `Help · Privacy · Terms of Service · …`. */
const FOOTER = /\bPrivacy\b.*\bTerms of Service\b/i;
/** `Books » Harry Potter`, `Anime/Manga » Naruto`, `Harry Potter + Naruto Crossover`. */
const BREADCRUMB = /\u00bb|\bCrossover$/;
/** The stats line's figures and where each goes: a Meta key, or `extra` for the site's own counters. */
const FIGURES: Record<string, string> = {
  chapters: 'chapters',
  words: 'words',
  published: 'published',
  updated: 'updated',
  status: 'status',
  reviews: 'extra',
  favs: 'extra',
  follows: 'extra',
};
/** FanFiction.net's genres, as its story filters list them (FanFicFare keeps the same list as `ffnetgenres`). */
const GENRES = new Set([
  'Adventure', 'Angst', 'Crime', 'Drama', 'Family', 'Fantasy', 'Friendship', 'General', 'Horror', 'Humor', 'Hurt/Comfort',
  'Mystery', 'Parody', 'Poetry', 'Romance', 'Sci-Fi', 'Spiritual', 'Supernatural', 'Suspense', 'Tragedy', 'Western',
]);
/** How many non-blank lines from the top the stats line may be: a saved page has its title block near the top. */
const SEARCH_LINES = 40;

/** One ` - `-separated part of the stats line, with its 0-based column range in the line. */
interface Part {
  text: string;
  from: number;
  to: number;
}

function parts(text: string): Part[] {
  const out: Part[] = [];
  const separator = /\s+-\s+/g;
  let from = 0;
  for (let m = separator.exec(text); ; m = separator.exec(text)) {
    const to = m ? m.index : text.trimEnd().length;
    out.push({ text: text.slice(from, to), from, to });
    if (!m) return out;
    from = m.index + m[0].length;
  }
}

/** `3/14/2015` → `2015-03-14`; the site's other forms (`3/14` this year, `8m ago`) have no full date. */
function isoDate(text: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}` : undefined;
}

/** Whether a part is the genre list: `Drama`, `Drama/Angst`, `Hurt/Comfort/Romance`. */
function isGenreList(text: string): boolean {
  const words = text.replace('Hurt/Comfort', 'Hurt-Comfort').split('/');
  return words.every((w) => GENRES.has(w.replace('Hurt-Comfort', 'Hurt/Comfort').trim()));
}

/** `[Harry P., Ginny W.] Ron W.` → characters Harry P., Ginny W., Ron W. and the relationship `Harry P./Ginny W.` */
function castOf(text: string): { characters: string[]; relationships: string[] } {
  const relationships = [...text.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1].split(',').map((s) => s.trim()).filter(Boolean).join('/'));
  const characters = text
    .replace(/[[\]]/g, ',')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { characters, relationships };
}

/** The index of the stats line, if one is near the top with a byline above it. */
function findStats(lines: readonly Line[]): { stats: number; byline: number } | undefined {
  let seen = 0;
  let byline = -1;
  for (let i = 0; i < lines.length && seen < SEARCH_LINES; i++) {
    if (isBlank(lines[i])) continue;
    seen++;
    const text = lines[i].text.trim();
    if (BYLINE.test(text)) byline = i;
    else if (byline >= 0 && STATS.test(text)) return { stats: i, byline };
  }
  return undefined;
}

/**
 * Reads the stats line into `meta` and `extra`: rating, language, genres, figures, the story id, and the parts left
 * over, which are the characters. `at` gives the position of a column range of the line.
 */
function readStats(text: string, at: (from: number, to: number) => Position, meta: MetaEntry[], extra: Record<string, string>): void {
  const indent = text.search(/\S/);
  const cast: Part[] = [];
  for (const [n, part] of parts(text.slice(indent)).entries()) {
    const position = at(indent + part.from, indent + part.to);
    const figure = /^([A-Za-z]+):\s*(.*)$/.exec(part.text);
    if (n === 0) meta.push({ key: 'rating', value: RATED.exec(part.text)![1], position });
    else if (n === 1) meta.push({ key: 'language', value: part.text, position });
    else if (n === 2 && isGenreList(part.text)) meta.push({ key: 'genre', value: part.text.split(/\/(?!Comfort)/), position });
    else if (figure?.[1] === 'id') {
      const url = `https://www.fanfiction.net/s/${figure[2].trim()}`;
      meta.push({ key: 'identifier', value: url, position }, { key: 'source', value: url, position });
    } else if (figure && FIGURES[figure[1].toLowerCase()]) {
      const key = FIGURES[figure[1].toLowerCase()];
      const value = figure[2].trim();
      const date = key === 'published' || key === 'updated' ? isoDate(value) : value;
      // A date without its year (`3/14`, this year's) or a relative one (`8m ago`) cannot be the book's date.
      if (key === 'extra' || date === undefined) extra[figure[1].toLowerCase()] = value;
      else meta.push({ key, value: date, position });
    } else cast.push(part);
  }
  if (cast.length) {
    const position = at(indent + cast[0].from, indent + cast[cast.length - 1].to);
    const { characters, relationships } = castOf(cast.map((p) => p.text).join(' - '));
    meta.push({ key: 'characters', value: characters, position });
    if (relationships.length) meta.push({ key: 'relationships', value: relationships, position });
  }
}

/**
 * The opening of a saved FanFiction.net page, or undefined when the file does not have its stats line near the top
 * under a `By:` line. Lines above the title other than the breadcrumb, and the page's buttons and footer above and
 * below the story, are the site's page, not the story: they are dropped, and named in `dropped` for the reader to
 * report.
 */
export function readFfnOpening(lines: readonly Line[], file: string): Opening | undefined {
  const found = findStats(lines);
  if (!found) return undefined;
  const { stats, byline } = found;
  const at = (i: number, from = 0, to = lines[i].text.trimEnd().length): Position => ({
    file,
    start: { line: lines[i].line, column: from + 1, offset: lines[i].offset + from },
    end: { line: lines[i].line, column: to + 1, offset: lines[i].offset + to },
  });
  const lineEntry = (key: string, i: number): MetaEntry => {
    const text = lines[i].text;
    const from = text.search(/\S/);
    return { key, value: text.trim(), position: at(i, from) };
  };
  const meta: MetaEntry[] = [];
  const extra: Record<string, string> = {};
  const dropped: number[] = [];

  let title = byline - 1;
  while (title >= 0 && isBlank(lines[title])) title--;
  if (title >= 0) meta.push(lineEntry('title', title));
  for (let i = 0; i < title; i++) {
    if (isBlank(lines[i])) continue;
    const text = lines[i].text.trim();
    if (!BREADCRUMB.test(text)) {
      dropped.push(i);
      continue;
    }
    const fandoms = text.split('\u00bb').pop()!.replace(/\s*Crossover$/, '').split(' + ');
    meta.push(...fandoms.map((f) => ({ key: 'fandom', value: f.trim(), position: at(i) })));
  }
  const bylineText = lines[byline].text;
  const name = BYLINE.exec(bylineText.trim())![1];
  meta.push({ key: 'author', value: name.trim(), position: at(byline, bylineText.indexOf(name)) });

  const summary: Line[] = [];
  for (let i = byline + 1; i < stats; i++) {
    if (PAGE_CONTROLS.test(lines[i].text.trim())) dropped.push(i);
    else if (!isBlank(lines[i])) summary.push(lines[i]);
  }
  if (summary.length) {
    const first = at(lines.indexOf(summary[0]));
    const last = at(lines.indexOf(summary[summary.length - 1]));
    meta.push({ key: 'summary', value: summary.map((l) => l.text.trim()).join(' '), position: { file, start: first.start, end: last.end } });
  }

  readStats(lines[stats].text, (from, to) => at(stats, from, to), meta, extra);
  const isChrome = (line: Line): boolean => isBlank(line) || PAGE_CONTROLS.test(line.text.trim()) || FOOTER.test(line.text);
  let storyStart = stats + 1;
  let storyEnd = lines.length;
  for (; storyStart < storyEnd && isChrome(lines[storyStart]); storyStart++) if (!isBlank(lines[storyStart])) dropped.push(storyStart);
  for (; storyEnd > storyStart && isChrome(lines[storyEnd - 1]); storyEnd--) if (!isBlank(lines[storyEnd - 1])) dropped.push(storyEnd - 1);
  return { meta, spans: [], extra, storyStart, storyEnd, dropped: dropped.sort((a, b) => a - b) };
}
