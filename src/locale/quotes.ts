/** The quotation marks each language prints, for the typography transform (decided once, in the language step). */

import type { QuoteStyle } from '../model/types';

export type { QuoteStyle };

export const ENGLISH_QUOTES: QuoteStyle = { open2: '\u201c', close2: '\u201d', open1: '\u2018', close1: '\u2019' };

/** Quote styles by primary language subtag; languages not listed use English quotes. */
const STYLES: Record<string, QuoteStyle> = {
  en: ENGLISH_QUOTES,
  de: { open2: '\u201e', close2: '\u201c', open1: '\u201a', close1: '\u2018' },
  cs: { open2: '\u201e', close2: '\u201c', open1: '\u201a', close1: '\u2018' },
  fr: { open2: '\u00ab\u00a0', close2: '\u00a0\u00bb', open1: '\u2039\u00a0', close1: '\u00a0\u203a' },
  ru: { open2: '\u00ab', close2: '\u00bb', open1: '\u201e', close1: '\u201c' },
  uk: { open2: '\u00ab', close2: '\u00bb', open1: '\u201e', close1: '\u201c' },
  es: { open2: '\u00ab', close2: '\u00bb', open1: '\u201c', close1: '\u201d' },
  it: { open2: '\u00ab', close2: '\u00bb', open1: '\u201c', close1: '\u201d' },
  pl: { open2: '\u201e', close2: '\u201d', open1: '\u00ab', close1: '\u00bb' },
  sv: { open2: '\u201d', close2: '\u201d', open1: '\u2019', close1: '\u2019' },
  ja: { open2: '\u300c', close2: '\u300d', open1: '\u300e', close1: '\u300f' },
};

/** The quote style for a primary language subtag (`de`); English quotes for a language not listed. */
export function quoteStyle(primary: string): QuoteStyle {
  return STYLES[primary] ?? ENGLISH_QUOTES;
}
