/**
 * Smart typography: curly quotes and apostrophes in the book's language, dashes and ellipses.
 *
 * Quotes are decided from their neighbours, not by pairing, so the unbalanced quotes of real manuscripts (a
 * paragraph that continues a speech without reopening it) still come out right. A paragraph is processed as one
 * string across its inline nodes, so a quote next to an italic word sees that word. Code is never touched.
 */
import { ENGLISH_QUOTES, languageOf, type QuoteStyle } from '../locale';
import type { Book, Inline, Meta, Text } from '../model/types';
import { SKIP, visit } from '../model/visit';
import type { Transform } from './types';

const APOSTROPHE = '\u2019';
/** Words that begin with an elided letter: `'Twas`, `'tis`, `'em`, `'cause`. */
const ELISIONS = /^(?:tis|twas|twere|twill|twould|em|cause|cos|til|till|bout|round|nuff|n|s|scuse|sup|ello|er|im|ere)\b/i;

const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpaceOrStart = (c: string | undefined) => c === undefined || /[\s([{<\u2014\u2013\-/]/.test(c);

/** Node boundaries inside a paragraph's joined text; quotes look through them. */
const SEPARATOR = '\u0000';

/** The character next to `i` in direction `step`, looking through node boundaries. */
function neighbour(s: string, i: number, step: 1 | -1): string | undefined {
  let j = i + step;
  while (j >= 0 && j < s.length && s[j] === SEPARATOR) j += step;
  return j >= 0 && j < s.length ? s[j] : undefined;
}

/** Converts straight quotes, dashes and dots in `text` (the whole of a paragraph's text, in reading order). */
export function smarten(text: string, style: QuoteStyle = ENGLISH_QUOTES): string {
  let s = text;
  if (s.includes('.')) s = s.replace(/\.\s?\.\s?\.(?!\.)/g, '\u2026');
  if (s.includes('-')) {
    s = s
      .replace(/---/g, '\u2014')
      // `word--word` (the typewriter em dash of Gutenberg texts and fan fiction) is an em dash;
      // `1990--95` and spaced ` -- ` are en dashes, as in pandoc's smart extension.
      .replace(/(\p{L})--(?=\p{L}|["'])/gu, '$1\u2014')
      .replace(/--/g, '\u2013');
  }
  if (!s.includes('"') && !s.includes("'")) return s;

  // The text between quotes is copied a stretch at a time (a character at a time made a string of every letter).
  let out = '';
  let copied = 0;
  const put = (at: number, skip: number, text: string) => {
    out += s.slice(copied, at) + text;
    copied = at + skip;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '"' && c !== "'") continue;
    const prev = neighbour(s, i, -1);
    const next = neighbour(s, i, 1);
    if (c === '"') {
      const opening = isSpaceOrStart(prev) || (prev !== undefined && /["'\u2018\u201c]/.test(prev) && isWord(next));
      put(i, 1, opening && next !== undefined && !/\s/.test(next) ? style.open2 : style.close2);
      continue;
    }
    // Single quote: apostrophe inside a word, before a decade ('90s) or an elided word ('Twas, rock 'n' roll).
    if (isWord(prev) && isWord(next)) {
      put(i, 1, APOSTROPHE);
    } else if ((isSpaceOrStart(prev) || /["\u201c\u00ab]/.test(prev ?? '')) && (/^\d\d(?:s\b|\b)/.test(s.slice(i + 1, i + 4)) || ELISIONS.test(s.slice(i + 1, i + 8)))) {
      // `'n'` in rock 'n' roll: both quotes are apostrophes.
      if (/^n'/i.test(s.slice(i + 1, i + 3))) {
        put(i, 3, `${APOSTROPHE}${s[i + 1]}${APOSTROPHE}`);
        i += 2;
      } else {
        put(i, 1, APOSTROPHE);
      }
    } else if (isSpaceOrStart(prev) || (prev !== undefined && /["\u201c\u2018\u00ab]/.test(prev))) {
      put(i, 1, next === undefined || /\s/.test(next) ? APOSTROPHE : style.open1);
    } else {
      put(i, 1, style.close1);
    }
  }
  return out + s.slice(copied);
}

/** Applies `smarten` to a run of inlines as one string, then hands each text node its share back. */
function smartenInlines(inlines: Inline[], style: QuoteStyle): void {
  const texts: Text[] = [];
  visit(inlines, {
    text: (node) => void texts.push(node),
    break: () => void texts.push({ type: 'text', value: '\n' }), // a boundary the quotes can see
  });
  if (texts.length === 0) return;
  const joined = texts.map((t) => t.value).join(SEPARATOR);
  const result = smarten(joined, style);
  const parts = result.split(SEPARATOR);
  // Replacements never cross the separator except `...`/`--` spanning two nodes; then keep the originals.
  if (parts.length !== texts.length) {
    for (const t of texts) t.value = smarten(t.value, style);
    return;
  }
  texts.forEach((t, i) => {
    t.value = parts[i];
  });
}

/**
 * The metadata strings a reader sees (title page, cover, OPF, PDF info), curled once here so that every renderer
 * shows `O’Neill`. Not the identifier, language, date, rating or cover path. Slugs ignore the difference (slug.ts),
 * and the derived book identifier folds author names' quotes back (identifier.ts), so neither changes.
 */
function smartenMeta(meta: Meta, style: QuoteStyle): void {
  for (const key of ['title', 'subtitle', 'summary', 'disclaimer', 'dedication', 'notes', 'publisher', 'rights', 'status'] as const) {
    const value = meta[key];
    if (value) meta[key] = smarten(value, style);
  }
  meta.authors = meta.authors.map((a) => ({ ...a, name: smarten(a.name, style), ...(a.fileAs ? { fileAs: smarten(a.fileAs, style) } : {}) }));
  if (meta.series) meta.series = { ...meta.series, name: smarten(meta.series.name, style) };
  for (const key of ['fandoms', 'characters', 'relationships', 'warnings', 'tags', 'genres'] as const) meta[key] = meta[key].map((v) => smarten(v, style));
}

/** The typography transform: runs over titles, front matter, the body and footnotes. Metadata strings too. */
export const typography: Transform = {
  name: 'typography',
  run(book: Book) {
    const style = languageOf(book).quotes;
    const inlines = (node: { children: Inline[] }) => {
      smartenInlines(node.children, style);
      return SKIP;
    };
    visit(book, {
      section: (node) => smartenInlines(node.title, style),
      matter: (node) => {
        if (node.title) smartenInlines(node.title, style);
      },
      paragraph: inlines,
      heading: inlines,
      verseLine: inlines,
      tableCell: inlines,
      imageBlock: (node) => {
        if (node.caption) smartenInlines(node.caption, style);
        node.alt = smarten(node.alt, style);
        return SKIP;
      },
    });
    smartenMeta(book.meta, style);
  },
};
