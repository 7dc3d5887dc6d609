/** The PDF renderer's options and the page sizes it knows. */
import { boolean, choice, defaultsOf, type OptionsOf } from '../option-spec';

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

/** The PDF renderer's options, declared once: the schema, the flags, the help and the README follow them. */
export const PDF_OPTIONS = [
  choice({
    name: 'pageSize',
    values: Object.keys(PAGE_SIZES) as [PageSize, ...PageSize[]],
    default: 'a5',
    metavar: 'SIZE',
    help: "PDF trim size (`ereader` is the 3.6×4.8 in screen of a 6-inch e-reader).",
    details: 'Margins and type size follow the size (`sizes` in `pdf/theme.json`).',
  }),
  boolean({ name: 'hyphenate', default: true, help: "Hyphenate the PDF's body text with the patterns for the book's language." }),
  choice({
    name: 'chapterStart',
    values: ['any', 'right'],
    default: 'any',
    metavar: 'PAGE',
    help: "Where the PDF's chapters and parts open: on the next page, or the next right-hand page.",
    details: 'With `right`, a blank page comes before when need be.',
  }),
  choice({
    name: 'chapterOpening',
    values: ['plain', 'small-caps'],
    default: 'plain',
    metavar: 'STYLE',
    help: "How the PDF's chapters begin: plainly, or with their first words in small capitals.",
    details: "`small-caps` sets the first words, up to four or to the end of the first clause, in the font's small capitals.",
  }),
] as const;

/** Options of the PDF renderer. */
export type PdfOptions = OptionsOf<typeof PDF_OPTIONS>;

export const DEFAULT_PDF_OPTIONS: PdfOptions = defaultsOf(PDF_OPTIONS);
