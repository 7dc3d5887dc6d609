/** The PDF renderer's options and the page sizes it knows. */

/** Trim sizes in points (width, height). */
export const PAGE_SIZES = {
  a5: [419.53, 595.28],
  a4: [595.28, 841.89],
  letter: [612, 792],
  '6x9': [432, 648],
} as const satisfies Record<string, readonly [number, number]>;

export type PageSize = keyof typeof PAGE_SIZES;

export interface PdfOptions {
  /** Trim size; `a5` by default. */
  pageSize: PageSize;
  /** Hyphenate body text with the patterns for the book's language. */
  hyphenate: boolean;
}

export const DEFAULT_PDF_OPTIONS: PdfOptions = { pageSize: 'a5', hyphenate: true };
