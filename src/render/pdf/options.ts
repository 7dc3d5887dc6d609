/** The PDF renderer's options and the page sizes it knows. */

/**
 * Trim sizes in points (width, height): A5 (the default), the two trade sizes 5.5×8.5 in (digest) and 6×9 in, US
 * Letter and A4, and `ereader`, 3.6×4.8 in, the screen of a 6-inch e-reader (600×800 pixels at 167 ppi). Margins and
 * type size per size are in theme.json's `sizes`.
 */
export const PAGE_SIZES = {
  a5: [419.53, 595.28],
  '5.5x8.5': [396, 612],
  '6x9': [432, 648],
  letter: [612, 792],
  a4: [595.28, 841.89],
  ereader: [259.2, 345.6],
} as const satisfies Record<string, readonly [number, number]>;

export type PageSize = keyof typeof PAGE_SIZES;

export const CHAPTER_STARTS = ['any', 'right'] as const;
export const CHAPTER_OPENINGS = ['plain', 'small-caps'] as const;

export interface PdfOptions {
  /** Trim size; `a5` by default. */
  pageSize: PageSize;
  /** Hyphenate body text with the patterns for the book's language. */
  hyphenate: boolean;
  /** Where a chapter or part starts: on the next page (`any`), or on the next right-hand page (`right`). */
  chapterStart: (typeof CHAPTER_STARTS)[number];
  /** How a chapter's text begins: plainly, or with its first words in small capitals. */
  chapterOpening: (typeof CHAPTER_OPENINGS)[number];
}

export const DEFAULT_PDF_OPTIONS: PdfOptions = { pageSize: 'a5', hyphenate: true, chapterStart: 'any', chapterOpening: 'plain' };
