/**
 * The language step's facts, decided once for the whole pipeline: a manuscript's language written as a tag or a name
 * becomes one canonical BCP 47 tag, and the tag gives the script, the direction, the quotation marks and the
 * hyphenation patterns. Readers call `languageTagFrom` on what the manuscript says; the `language` transform stores
 * `decideLanguage`'s answer in the model; renderers read it through `languageOf`.
 */
import type { Book, Language, Meta } from '../model/types';
import { directionOfScript, scriptOf } from './direction';
import { quoteStyle } from './quotes';

/** The shape of a BCP 47 tag; ICU then decides whether it is one. */
const BCP47 = /^(?:[a-zA-Z]{2,3}|[a-zA-Z]{4,8})(?:-[a-zA-Z0-9]{1,8})*$/;

/**
 * Names ICU lacks among the ones fan-fiction sites use: FanFiction.net's `Farsi` and `Filipino`, and AO3's language
 * menu's own names where they differ from ICU's (`Bahasa Indonesia`, `Português brasileiro`, `中文-普通话 國語`).
 */
const LANGUAGE_ALIASES: Record<string, string> = {
  farsi: 'fa', filipino: 'fil', 'bahasa indonesia': 'id', 'bahasa melayu': 'ms', 'bahasa malaysia': 'ms',
  'português brasileiro': 'pt-BR', 'português europeu': 'pt-PT', '中文-普通话 國語': 'zh', '中文-广东话 粵語': 'yue',
  '中文-客家话': 'hak', '中文-闽南话 臺語': 'nan', 'tiếng việt': 'vi', 'af soomaali': 'so',
};
let languageNamesTable: Map<string, string> | undefined;

/**
 * The tag of a language written as a name (`English`, `Français`, `Deutsch`), as FanFiction.net pages and FanFicFare
 * exports write it. The names are ICU's (`Intl.DisplayNames`), in English and in the language itself, for every
 * two-letter ISO 639-1 code, so no table of names is kept here; deprecated codes (`iw`) give their canonical tag.
 */
export function languageTagOf(name: string): string | undefined {
  if (!languageNamesTable) {
    languageNamesTable = new Map(Object.entries(LANGUAGE_ALIASES));
    const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    for (let a = 97; a <= 122; a++) {
      for (let b = 97; b <= 122; b++) {
        const code = String.fromCharCode(a, b);
        const inEnglish = english.of(code);
        if (!inEnglish) continue;
        const tag = Intl.getCanonicalLocales(code)[0];
        const native = new Intl.DisplayNames([tag], { type: 'language', fallback: 'none' }).of(tag);
        for (const known of [inEnglish, native]) if (known && !languageNamesTable.has(known.toLowerCase())) languageNamesTable.set(known.toLowerCase(), tag);
      }
    }
  }
  return languageNamesTable.get(name.trim().toLowerCase());
}

/**
 * The canonical tag for a language as a manuscript writes it: a tag (`pt_br`, `EN-gb`) or a name (`Français`);
 * undefined when it is neither.
 */
export function languageTagFrom(written: string): string | undefined {
  const trimmed = written.trim();
  // A two-letter code (`en`, `pt_br`) is no language's name (tests/locale holds ICU to that): the table of names,
  // which takes ICU some milliseconds to build, is not needed for it.
  if (TWO_LETTER_TAG.test(trimmed)) return canonicalTag(trimmed.replace(/_/g, '-'));
  return canonicalTag(languageTagOf(written) ?? trimmed.replace(/_/g, '-'));
}

/** A tag whose language subtag has two letters. */
const TWO_LETTER_TAG = /^[A-Za-z]{2}(?:[-_][A-Za-z0-9]+)*$/;

/** Every language name `languageTagOf` knows, lower-cased (for tests). */
export function languageNames(): string[] {
  languageTagOf('');
  return [...(languageNamesTable ?? new Map()).keys()];
}

/** A BCP 47 tag in its canonical form (`en-us` → `en-US`), or undefined when it is not one. */
function canonicalTag(tag: string): string | undefined {
  if (!BCP47.test(tag)) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** The first of the tag's hyphenation pattern modules that the `hyphen` package has (`en-gb`, else `en`). */
function hyphenationOf(tag: string, primary: string): string | undefined {
  const lower = tag.toLowerCase();
  const candidates = [...new Set([lower, primary, ...(primary === 'el' ? ['el-monoton'] : [])])];
  return candidates.find((name) => {
    if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(name)) return false;
    try {
      require.resolve(`hyphen/${name}`);
      return true;
    } catch {
      return false;
    }
  });
}

/** Everything the pipeline needs to know about the book's language, from its metadata. */
export function decideLanguage(meta: Pick<Meta, 'language' | 'direction'>): Language {
  // The reader stored a tag (`languageTagFrom`); a book made in code may hold anything, and gets `en` for a non-tag.
  const tag = canonicalTag(meta.language) ?? 'en';
  const primary = tag.split('-')[0].toLowerCase();
  const script = scriptOf(tag);
  const hyphenation = hyphenationOf(tag, primary);
  return {
    tag,
    primary,
    ...(script ? { script } : {}),
    direction: meta.direction ?? directionOfScript(script),
    quotes: quoteStyle(primary),
    ...(hyphenation ? { hyphenation } : {}),
  };
}

/** The book's decided language; a book that has not been through the transforms has it decided here, the same way. */
export function languageOf(book: Pick<Book, 'meta' | 'language'>): Language {
  return book.language ?? decideLanguage(book.meta);
}
