/** The EPUB renderer's options and the device profiles: what each family of reading systems needs beyond the standard. */
import { boolean, choice, defaultsOf, text, type OptionsOf } from '../option-spec';

/** The EPUB renderer's options, declared once: the schema, the flags, the help and the README follow them. */
export const EPUB_OPTIONS = [
  choice({
    name: 'profile',
    values: ['generic', 'kindle', 'kobo', 'apple'],
    default: 'generic',
    metavar: 'NAME',
    help: 'EPUB for a family of reading systems (`kobo` writes `<slug>.kepub.epub`).',
  }),
  choice({ name: 'notes', values: ['chapter', 'book'], default: 'chapter', metavar: 'WHERE', help: 'EPUB footnotes after each chapter, or in a Notes section at the end of the book.' }),
  boolean({ name: 'embedFonts', default: false, help: 'Embed Source Serif 4 in the EPUB (Apple Books then uses it).' }),
  text({
    name: 'tocTitle',
    metavar: 'TITLE',
    defaultText: "the language's `contents` label",
    example: 'Contents',
    help: "Heading of the EPUB's contents page, also its landmark and NCX label.",
    details: "The book's `labels: {contents: …}` does the same for the EPUB and the PDF.",
  }),
] as const;

/** Options of the EPUB renderer. */
export type EpubOptions = OptionsOf<typeof EPUB_OPTIONS>;

/** A family of reading systems with its own quirks; `generic` is plain, standard EPUB 3 with an NCX. */
export type EpubProfile = EpubOptions['profile'];

/** Where footnotes go: after the chapter that first cites them, or all together in a Notes section at the end. */
export type NotePlacement = EpubOptions['notes'];

export const PROFILES: readonly EpubProfile[] = EPUB_OPTIONS[0].values;

export const DEFAULT_OPTIONS: EpubOptions = defaultsOf(EPUB_OPTIONS);

/** What a profile changes. Rules that are harmless elsewhere (lower-case `utf-8` declarations, single landmark types) apply to every profile. */
export interface ProfileRules {
  /** File name ending of the output: Kobo's reader treats `.kepub.epub` files as kepubs. */
  extension: `.${string}`;
  /** `epub:type` of a note: Kobo ignores `noteref`/`footnote` pop-ups but handles `endnote`. */
  noteType: 'footnote' | 'endnote';
  /** Deepest NCX level kept (Kindle's converter reads two); `undefined` keeps the whole tree. */
  ncxDepth?: number;
  /** An EPUB 2 `<guide>` (Kindle uses its `text` reference as the start of the book). */
  guide: boolean;
  /** Resolve CSS custom properties and drop comments from the stylesheet (Kindle's converter rejects both). */
  plainCss: boolean;
  /** `koboSpan` spans around sentences and Kobo's `book-columns` wrappers. */
  koboSpans: boolean;
  /** `META-INF/com.apple.ibooks.display-options.xml` (Apple Books ignores embedded fonts without it). */
  appleDisplayOptions: boolean;
}

export const PROFILE_RULES: Record<EpubProfile, ProfileRules> = {
  generic: { extension: '.epub', noteType: 'footnote', guide: false, plainCss: false, koboSpans: false, appleDisplayOptions: false },
  kindle: { extension: '.epub', noteType: 'footnote', ncxDepth: 2, guide: true, plainCss: true, koboSpans: false, appleDisplayOptions: false },
  kobo: { extension: '.kepub.epub', noteType: 'endnote', guide: false, plainCss: false, koboSpans: true, appleDisplayOptions: false },
  apple: { extension: '.epub', noteType: 'footnote', guide: false, plainCss: false, koboSpans: false, appleDisplayOptions: true },
};
