/** The fonts quire ships, by key: files in npm packages, found where npm installed them. */
import * as path from 'node:path';
import { packageDir } from '../files/packages';

/**
 * Font keys → files in npm packages, all under the SIL Open Font License. Source Serif 4 covers Latin, Greek and
 * Cyrillic in four styles; the PDF falls back per character run to the Noto fonts for the scripts it lacks (fonts.ts),
 * in a regular and a bold weight: Noto Serif for polytonic Greek (with italics), Noto Serif Hebrew and Amiri (a
 * Naskh for Arabic) from Fontsource's per-script files, and Noto Sans JP, KR and SC (simplified Chinese) for Han, kana
 * and Hangul (whole OpenType files from EmbedPDF's packages). Amiri, not Noto Naskh Arabic: Noto Naskh draws a letter's
 * dots as separate glyphs, so the text copied out of the PDF confuses ب with ن and ج with خ.
 */
const FONTS: Record<string, [pkg: string, file: string]> = {
  'serif-regular': ['source-serif', 'TTF/SourceSerif4-Regular.ttf'],
  'serif-italic': ['source-serif', 'TTF/SourceSerif4-It.ttf'],
  'serif-bold': ['source-serif', 'TTF/SourceSerif4-Bold.ttf'],
  'serif-bold-italic': ['source-serif', 'TTF/SourceSerif4-BoldIt.ttf'],
  'hebrew-regular': ['@fontsource/noto-serif-hebrew', 'files/noto-serif-hebrew-hebrew-400-normal.woff'],
  'hebrew-bold': ['@fontsource/noto-serif-hebrew', 'files/noto-serif-hebrew-hebrew-700-normal.woff'],
  'arabic-regular': ['@fontsource/amiri', 'files/amiri-arabic-400-normal.woff'],
  'arabic-bold': ['@fontsource/amiri', 'files/amiri-arabic-700-normal.woff'],
  'greek-regular': ['@fontsource/noto-serif', 'files/noto-serif-greek-ext-400-normal.woff'],
  'greek-italic': ['@fontsource/noto-serif', 'files/noto-serif-greek-ext-400-italic.woff'],
  'greek-bold': ['@fontsource/noto-serif', 'files/noto-serif-greek-ext-700-normal.woff'],
  'greek-bold-italic': ['@fontsource/noto-serif', 'files/noto-serif-greek-ext-700-italic.woff'],
  'jp-regular': ['@embedpdf/fonts-jp', 'fonts/NotoSansJP-Regular.otf'],
  'jp-bold': ['@embedpdf/fonts-jp', 'fonts/NotoSansJP-Bold.otf'],
  'kr-regular': ['@embedpdf/fonts-kr', 'fonts/NotoSansKR-Regular.otf'],
  'kr-bold': ['@embedpdf/fonts-kr', 'fonts/NotoSansKR-Bold.otf'],
  'sc-regular': ['@embedpdf/fonts-sc', 'fonts/NotoSansHans-Regular.otf'],
  'sc-bold': ['@embedpdf/fonts-sc', 'fonts/NotoSansHans-Bold.otf'],
};

/** The absolute path of a font by key. */
export function fontPath(key: string): string {
  const entry = FONTS[key];
  if (!entry) throw new Error(`unknown font key ${key}`);
  return path.join(packageDir(entry[0]), entry[1]);
}
