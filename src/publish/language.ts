/** Language names and codes the archives ask for, from the book's language as the language step decided it. */
import type { Language } from '../model/types';

/**
 * MARC language codes (ISO 639-2/B, which the Internet Archive's `language` field uses) for the ISO 639-1 languages
 * fan fiction is most often written in. Other tags pass through as written.
 */
const MARC: Record<string, string> = {
  af: 'afr', ar: 'ara', be: 'bel', bg: 'bul', bn: 'ben', ca: 'cat', cs: 'cze', cy: 'wel', da: 'dan', de: 'ger',
  el: 'gre', en: 'eng', eo: 'epo', es: 'spa', et: 'est', eu: 'baq', fa: 'per', fi: 'fin', fr: 'fre', ga: 'gle',
  gl: 'glg', he: 'heb', hi: 'hin', hr: 'hrv', hu: 'hun', hy: 'arm', id: 'ind', is: 'ice', it: 'ita', ja: 'jpn',
  ka: 'geo', ko: 'kor', la: 'lat', lt: 'lit', lv: 'lav', mk: 'mac', ms: 'may', nb: 'nor', nl: 'dut', nn: 'nor',
  no: 'nor', pl: 'pol', pt: 'por', ro: 'rum', ru: 'rus', sk: 'slo', sl: 'slv', sq: 'alb', sr: 'srp', sv: 'swe',
  sw: 'swa', ta: 'tam', th: 'tha', tl: 'tgl', tr: 'tur', uk: 'ukr', ur: 'urd', vi: 'vie', zh: 'chi',
};

/** The MARC / ISO 639-2 code for a BCP 47 tag (`en-GB` → `eng`); a three-letter primary subtag is already one. */
export function marcLanguage(language: Pick<Language, 'primary'>): string | undefined {
  const code = language.primary;
  if (MARC[code]) return MARC[code];
  return /^[a-z]{3}$/.test(code) ? code : undefined;
}

/** The language's English name, as both archives' language menus show it (`en-GB` → `English`, `pt-BR` → `Portuguese`). */
export function languageName(language: Pick<Language, 'primary' | 'tag'>): string {
  const code = language.primary;
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code);
    return name ?? language.tag;
  } catch {
    // Intl.DisplayNames throws on a subtag that is not well-formed; the tag as written is the best name left.
    return language.tag;
  }
}
