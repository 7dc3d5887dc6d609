/**
 * The direction a language is written in, decided once for every reader and renderer. The script comes from ICU's
 * likely-subtags data (CLDR) through `Intl.Locale#maximize`, so `ckb` (Sorani, Arabic script) is right to left and
 * `ku` (Kurmanji, Latin script) left to right, and an explicit script subtag (`ku-Arab`, `pa-Arab`) wins. The set
 * below lists the ISO 15924 scripts whose letters are right to left (Unicode bidi classes R and AL).
 */
const RTL_SCRIPTS = new Set([
  'Adlm', 'Arab', 'Aran', 'Armi', 'Avst', 'Chrs', 'Cprt', 'Elym', 'Hatr', 'Hebr', 'Khar', 'Lydi', 'Mand', 'Mani', 'Mend',
  'Narb', 'Nbat', 'Nkoo', 'Orkh', 'Ougr', 'Palm', 'Phli', 'Phlp', 'Phnx', 'Prti', 'Rohg', 'Samr', 'Sarb', 'Sogd', 'Sogo',
  'Syrc', 'Thaa', 'Yezi',
]);

/** The ISO 15924 script a language tag is most likely written in (`he` → `Hebr`), or undefined for an unknown tag. */
export function scriptOf(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).maximize().script;
  } catch {
    return undefined;
  }
}

/** `rtl` for a script written right to left, else `ltr` (also for an unknown script). */
export function directionOfScript(script: string | undefined): 'ltr' | 'rtl' {
  return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}

/** `rtl` when the language's script is written right to left, else `ltr` (also for a tag ICU cannot read). */
export function directionOfLanguage(tag: string): 'ltr' | 'rtl' {
  return directionOfScript(scriptOf(tag));
}
