/**
 * The values of the `quire:` options (formats, profiles, page sizes, defaults) without the zod schema that checks
 * them (schema.ts): the command line reads these on every run, and zod is loaded only when a book.yaml needs checking.
 */
import { renderers } from '../render';
import { CHAPTER_OPENINGS, CHAPTER_STARTS, PAGE_SIZES } from '../render/pdf/options';
import type { QuireConfig } from './schema';

/** Output formats: the renderer table's names, so that a new renderer is a new format here too. */
export const FORMATS = Object.keys(renderers) as [string, ...string[]];
export const PROFILES = ['generic', 'kindle', 'kobo', 'apple'] as const;
export const NOTE_PLACEMENTS = ['chapter', 'book'] as const;
export const PAGE_SIZE_NAMES = Object.keys(PAGE_SIZES) as [keyof typeof PAGE_SIZES, ...(keyof typeof PAGE_SIZES)[]];
export { CHAPTER_OPENINGS, CHAPTER_STARTS };

/** Placeholders of the output file-name pattern. */
export const NAME_PLACEHOLDERS = ['slug', 'title', 'author', 'date', 'year', 'lang'] as const;

/** Every option with its default and a line of documentation (the README's table and `quire init`'s book.yaml follow it). */
export const CONFIG_DEFAULTS = {
  formats: ['epub', 'pdf'],
  out: 'dist',
  'file-name': '{slug}',
  profile: 'generic',
  notes: 'chapter',
  'page-size': 'a5',
  hyphenate: true,
  'chapter-start': 'any',
  'chapter-opening': 'plain',
  'embed-fonts': false,
  'toc-title': 'Contents',
  check: false,
} as const satisfies Omit<Required<QuireConfig>, 'cover' | 'encoding' | 'formats'> & { formats: readonly string[] };
