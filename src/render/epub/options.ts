/** The EPUB renderer's options and the device profiles: what each family of reading systems needs beyond the standard. */

/** A family of reading systems with its own quirks; `generic` is plain, standard EPUB 3 with an NCX. */
export type EpubProfile = 'generic' | 'kindle' | 'kobo' | 'apple';

export const PROFILES: readonly EpubProfile[] = ['generic', 'kindle', 'kobo', 'apple'];

/** Where footnotes go: after the chapter that first cites them, or all together in a Notes section at the end. */
export type NotePlacement = 'chapter' | 'book';

/** Options of the EPUB renderer. */
export interface EpubOptions {
  /** Heading of the contents page (also its landmark and NCX label); the book's `contents` label when not given. */
  tocTitle?: string;
  /** The reading systems to build for (see `PROFILE_RULES`). */
  profile: EpubProfile;
  /** Where footnotes are placed. */
  notes: NotePlacement;
  /** Embed Source Serif 4 (four styles) and ask for it in the stylesheet. */
  embedFonts: boolean;
}

export const DEFAULT_OPTIONS: EpubOptions = { profile: 'generic', notes: 'chapter', embedFonts: false };

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
