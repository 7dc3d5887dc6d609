/** What every layout step shares: fonts, theme, measure, hyphenation, footnote numbering and diagnostics. */
import type { Locale } from '../../../locale';
import type { Reporter } from '../../../diagnostics/types';
import { footnoteNumbers, footnotesById } from '../../../model/footnotes';
import type { Book, Footnote, Inline, Position } from '../../../model/types';
import type { AssetStore } from '../../types';
import type { FontSet } from '../fonts';
import type { Theme } from '../theme';
import { collectRuns, toWords, type CollectEnv, type Word } from './collect';
import type { Hyphenator } from './hyphenate';
import type { FontKey, TextStyle } from './types';

/** The book's footnotes by the numbers the model gave them (model/footnotes.ts). */
export class Notes {
  private readonly numbers: ReadonlyMap<string, number>;
  private readonly byNumber = new Map<number, Footnote>();

  constructor(book: Book) {
    this.numbers = footnoteNumbers(book);
    for (const [identifier, note] of footnotesById(book)) this.byNumber.set(this.numbers.get(identifier) as number, note);
  }

  /** The number of the note `identifier`, or undefined when the book has none. */
  number(identifier: string): number | undefined {
    return this.numbers.get(identifier);
  }

  /** The note printed with number `n`. */
  note(n: number): Footnote | undefined {
    return this.byNumber.get(n);
  }
}

export interface LayoutEnv {
  fonts: FontSet;
  theme: Theme;
  /** The book's language: the labels the PDF prints and its ways of writing numbers, lists and dates. */
  locale: Locale;
  /** Width of the text block. */
  measure: number;
  /** Height of the text block. */
  textHeight: number;
  hyphenate?: Hyphenator;
  /** Chapters and parts open on a right-hand page (a blank page before them if need be). */
  rectoChapters?: boolean;
  /** A chapter's first words are set in small capitals. */
  smallCapsLead?: boolean;
  report: Reporter;
  assets: AssetStore;
  notes: Notes;
  /** Called after each top-level section is laid out (chapters done of the total), for a progress display. */
  progress?: (done: number, total: number) => void;
}

/** A style in the body size times `scale`. */
export function bodyStyle(env: LayoutEnv, scale = 1, font: FontKey = 'serif-regular'): TextStyle {
  return { font, size: env.theme.body.size * scale };
}

/**
 * Inline content → words, with footnote numbers and warnings routed through `env`. Warnings point at the inline,
 * or at `at` (the enclosing block's position) when the reader gave the inline none.
 */
export function wordsOf(inlines: readonly Inline[], style: TextStyle, env: LayoutEnv, at?: Position): Word[] {
  const collectEnv: CollectEnv = {
    noteNumber: (id) => env.notes.number(id),
    warn: (message, node) => env.report.warn('footnote-missing', message, { position: node.position ?? at, source: 'render:pdf' }),
    checkGlyphs: (text, node) => {
      const missing = env.fonts.missing(text);
      if (missing.length === 0) return;
      const names = missing.map((c) => `${c} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
      env.report.warn('glyph-missing', `no font quire ships can draw ${names}: left out of the PDF`, {
        position: node.position ?? at,
        source: 'render:pdf',
        hint: 'The EPUB keeps the character (the reader’s fonts may have it); for the PDF, replace it or leave it out.',
      });
    },
  };
  return toWords(collectRuns(inlines, style, collectEnv));
}

/** Words of a plain string in one style. */
export function wordsOfText(text: string, style: TextStyle): Word[] {
  return toWords([{ text, style }]);
}
