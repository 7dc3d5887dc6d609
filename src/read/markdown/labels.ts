/** Splits a chapter heading's numbering label from its title: `CHAPTER 1. Loomings.` → `CHAPTER 1.` + `Loomings.` */
import type { Inline } from '../../model/types';

const KEYWORDS = 'chapter|part|book|volume|section|canto|act|scene|letter|stave|episode';
/**
 * A keyword and a number (group 2), then a period (group 3, kept in the label as written) or a colon or dash
 * (group 4, dropped). Without either the label must be the whole heading: in `Chapter 3 The Loft` there is no
 * telling where the label ends.
 */
const LABEL = new RegExp(
  `^((?:${KEYWORDS})\\s+([\\p{L}\\d]+(?:-\\p{L}+)*))(?:(\\.)(?=\\s|$)\\s*|(\\s*[:—–]\\s*|\\s+-\\s+))?`,
  'iu',
);

const ROMAN = /^(?=[mdclxvi])m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/i;
const WORDS = new Set(
  (
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen ' +
    'eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred first second third fourth fifth ' +
    'sixth seventh eighth ninth tenth last final'
  ).split(' '),
);

/**
 * Whether a heading's whole text is a bare number, Arabic or Roman, with an optional trailing period: `1`, `12.`,
 * `II`, `xiv.` — how the sections of a long poem or story are headed (`## 1` in Song of Myself).
 */
export function isBareNumber(text: string): boolean {
  const word = text.trim().replace(/\.$/, '');
  return /^\d+$/.test(word) || ROMAN.test(word);
}

/** Whether a word numbers a chapter: `12`, `XII`, `Twelve`, `Twenty-One`. */
function isNumber(word: string): boolean {
  return /^\d+$/.test(word) || ROMAN.test(word) || word.toLowerCase().split('-').every((w) => WORDS.has(w));
}

/** A heading's label and title. `label` is undefined when the heading does not start with one. */
export interface LabelledTitle {
  label?: string;
  title: Inline[];
}

/**
 * Splits a leading `Chapter 3:`, `CHAPTER 1.`, `Part I —`, `Book Two` off a heading. The label keeps a trailing
 * period as written and drops a colon or dash; the rest, possibly empty, is the title.
 */
export function splitLabel(heading: readonly Inline[]): LabelledTitle {
  const first = heading[0];
  if (first?.type !== 'text') return { title: [...heading] };
  const match = LABEL.exec(first.value);
  if (!match || !isNumber(match[2])) return { title: [...heading] };
  const rest = first.value.slice(match[0].length);
  const separated = match[3] !== undefined || match[4] !== undefined || (rest === '' && heading.length === 1);
  if (!separated) return { title: [...heading] };
  const title: Inline[] = rest ? [{ ...first, value: rest }, ...heading.slice(1)] : heading.slice(1);
  return { label: match[1] + (match[3] ?? ''), title };
}
