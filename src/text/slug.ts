/**
 * Slugs: `A Moment of Friendship` → `a-moment-of-friendship`, `שיר השירים הקטן` → `שיר-השירים-הקטן`, `月の庭` → `月の庭`.
 * `slugify` keeps the letters of every script (for file names); `asciiSlug` is for identifiers that must be ASCII.
 */
import { whenUsed } from '../files/packages';

const anyAscii = whenUsed(() => require('any-ascii') as typeof import('any-ascii'));

/** Apostrophes, straight or curled (and the modifier letter), vanish inside a word: `O'Neill` and `O’Neill` → `oneill`. */
const APOSTROPHES = /['\u2018\u2019\u02bc]/g;

/** Cuts a slug at a hyphen to at most `maxLength` characters (code points) and 200 UTF-8 bytes (file systems take 255). */
function cut(slug: string, maxLength: number): string {
  const chars = Array.from(slug);
  let n = Math.min(chars.length, maxLength);
  while (n > 0 && Buffer.byteLength(chars.slice(0, n).join('')) > 200) n--;
  if (n === chars.length) return slug;
  const head = chars.slice(0, n).join('');
  return head.replace(/-[^-]*$/, '') || head.replace(/-+$/, '');
}

/**
 * Lower-case words of any script joined by hyphens: NFC, letters (with their combining marks) and digits kept, every
 * other run a hyphen. Empty only when the text has no letter or digit.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFC')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '');
  return cut(slug, maxLength);
}

/**
 * An ASCII slug (`[a-z0-9-]`), for identifiers that must be ASCII (Internet Archive items, npm package names):
 * other scripts are transliterated with any-ascii (`שיר השירים` → `syr-hsyrym`), accents folded (`Café` → `cafe`).
 * With `transliterate: false`, letters outside Latin are dropped instead (element ids: `chapter-3` stays the name of
 * an untitled-in-Latin chapter, as before).
 */
export function asciiSlug(text: string, maxLength = 80, { transliterate = true } = {}): string {
  const folded = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(APOSTROPHES, '');
  // ASCII is left as it is (and any-ascii is loaded only for text that is not).
  const slug = (transliterate && !/^[\x00-\x7f]*$/.test(folded) ? anyAscii().default(folded) : folded)
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cut(slug, maxLength);
}

/** The output file name's stem: the title's slug; else the input file's name; `book` only when neither has a letter or digit. */
export function bookSlug(book: { meta: { title: string }; sources: readonly string[] }): string {
  const source = book.sources.find((s) => !/book\.ya?ml$/.test(s));
  const name = source ? source.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') : '';
  return slugify(book.meta.title) || slugify(name) || 'book';
}

/** Hands out unique ids: the second `intro` becomes `intro-2`. Constant time per id. */
export class IdAllocator {
  private readonly used = new Map<string, number>();
  take(base: string): string {
    if (!this.used.has(base)) {
      this.used.set(base, 1);
      return base;
    }
    let n = this.used.get(base)!;
    let id: string;
    do id = `${base}-${++n}`;
    while (this.used.has(id));
    this.used.set(base, n);
    this.used.set(id, 1);
    return id;
  }
}
