/**
 * The cover: the manuscript's `cover:` image (JPEG or PNG, checked for size and shape), or a typographic cover made
 * from `templates/epub/cover.svg.ejs` and rendered to a 1600×2560 PNG by resvg with Source Serif 4 and no system
 * fonts, so that every machine draws the same pixels. resvg draws on a libuv thread, so the rest of the EPUB is
 * serialised while the cover is drawn.
 */
import { localeOf } from '../../locale';
import { renderAsync } from '@resvg/resvg-js';
import { fontPath } from '../../assets';
import type { Book } from '../../model/types';
import type { RenderContext } from '../types';
import type { ImageCatalog, ImageFile } from './images';
import { renderTemplate } from './pages';

export const COVER_WIDTH = 1600;
export const COVER_HEIGHT = 2560;
/** Height ÷ width the stores ask for (1.6:1), with the tolerance we allow before warning. */
const RATIO = 1.6;
const RATIO_TOLERANCE = 0.05;
/** The smallest cover Kindle Direct Publishing and Kobo accept. */
const MIN_WIDTH = 625;
const MIN_HEIGHT = 1000;
/** Room for text inside the cover's frame. */
const TEXT_WIDTH = COVER_WIDTH - 360;
const FONT_FAMILY = 'Source Serif 4';

/** The part of a fontkit font used to measure and check coverage (fontkit ships no type declarations). */
interface FontkitFont {
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}
const fontkit = require('fontkit') as { create(data: Buffer): FontkitFont };

/**
 * Wraps `text` into lines no wider than `width` at `size`; words longer than a line stand alone. Widths are sums of
 * glyph advances, without shaping: kerning moves a cover line by a few pixels of the 180 left on each side, and
 * shaping would cost more than the rest of a short story's EPUB.
 */
function wrap(font: FontkitFont, text: string, size: number, width: number): string[] {
  const measure = (s: string) => {
    let units = 0;
    for (const char of s) units += font.glyphForCodePoint(char.codePointAt(0) as number).advanceWidth;
    return (units / font.unitsPerEm) * size;
  };
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && measure(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The largest size from `sizes` at which `text` wraps into at most `maxLines` lines, with those lines. */
function fit(font: FontkitFont, text: string, sizes: number[], maxLines: number): { size: number; lines: string[] } {
  for (const size of sizes) {
    const lines = wrap(font, text, size, TEXT_WIDTH);
    if (lines.length <= maxLines) return { size, lines };
  }
  const size = sizes[sizes.length - 1];
  return { size, lines: wrap(font, text, size, TEXT_WIDTH) };
}

/** Renders the cover template to PNG bytes, off the main thread. */
async function generatedCover(book: Book, ctx: RenderContext<unknown>): Promise<Buffer> {
  const { meta } = book;
  const font = fontkit.create(ctx.assets.font('serif-bold'));
  const missing = [...`${meta.title}${meta.authors.map((a) => a.name).join('')}`].filter((c) => /\S/.test(c) && !font.hasGlyphForCodePoint(c.codePointAt(0) as number));
  if (missing.length) {
    ctx.report.warn('cover-glyphs-missing', `the generated cover's font has no glyphs for ${[...new Set(missing)].slice(0, 10).join(' ')}; those letters are left out of the cover`, {
      position: book.metaPositions.title,
      source: 'render:epub',
      hint: 'Give the book a cover image: `cover: cover.jpg` (1600×2560 pixels).',
    });
  }
  const title = fit(font, meta.title, [180, 150, 124, 104, 88, 72], 5);
  const subtitle = fit(font, meta.subtitle ?? '', [80, 64, 52], 3);
  const authors = fit(font, meta.authors.map((a) => a.name).join(', '), [88, 72, 60, 48], 3);
  const series = meta.series ? `${meta.series.name}${meta.series.index !== undefined ? ` · ${meta.series.index}` : ''}` : '';
  const svg = renderTemplate('cover.svg.ejs', {
    width: COVER_WIDTH,
    height: COVER_HEIGHT,
    font: FONT_FAMILY,
    title: title.lines,
    titleSize: title.size,
    subtitle: meta.subtitle ? subtitle.lines : [],
    subtitleSize: subtitle.size,
    authors: authors.lines,
    authorSize: authors.size,
    series,
  }, ctx);
  const fontFiles = ['serif-regular', 'serif-italic', 'serif-bold', 'serif-bold-italic'].map(fontPath);
  const image = await renderAsync(svg, { font: { loadSystemFonts: false, fontFiles, defaultFontFamily: FONT_FAMILY, serifFamily: FONT_FAMILY }, fitTo: { mode: 'original' } });
  return image.asPng();
}

/** Warns when a given cover is not 1.6:1 or smaller than the stores' minimum. */
function checkCover(book: Book, file: ImageFile, ctx: RenderContext<unknown>): void {
  const extra = { position: book.metaPositions.cover, source: 'render:epub' };
  const { width, height } = file;
  if (!width || !height) return;
  if (width < MIN_WIDTH || height < MIN_HEIGHT) {
    ctx.report.warn('cover-small', `the cover is ${width}×${height} pixels, smaller than the ${MIN_WIDTH}×${MIN_HEIGHT} stores accept`, {
      ...extra,
      hint: 'Use a cover of 1600×2560 pixels.',
    });
  }
  const ratio = height / width;
  if (Math.abs(ratio - RATIO) > RATIO_TOLERANCE) {
    ctx.report.warn('cover-ratio', `the cover's height is ${ratio.toFixed(2)} times its width; stores expect 1.6`, {
      ...extra,
      hint: 'Crop the cover to 1600×2560 pixels (or another size 1.6 times as high as it is wide).',
    });
  }
}

/** The book's cover image, and a promise that its bytes are in `file.data` (a generated cover is still being drawn). */
export interface Cover {
  file: ImageFile;
  ready: Promise<void>;
}

/** The cover image stored in the book: the given one when it is a usable JPEG or PNG, else a generated one. */
export function coverImage(book: Book, images: ImageCatalog, ctx: RenderContext<unknown>): Cover {
  const given = book.meta.cover?.trim();
  if (given) {
    const file = images.addNamed(given, 'cover', book.metaPositions.cover);
    if (file && (file.mediaType === 'image/jpeg' || file.mediaType === 'image/png')) {
      checkCover(book, file, ctx);
      return { file, ready: Promise.resolve() };
    }
    if (file) {
      ctx.report.warn('cover-format', `the cover \`${given}\` is ${file.mediaType}; stores take JPEG or PNG, so quire generates a cover`, {
        position: book.metaPositions.cover,
        source: 'render:epub',
        hint: 'Convert the cover to JPEG or PNG.',
      });
    }
  }
  const file: ImageFile = { href: 'images/generated-cover.png', mediaType: 'image/png', data: Buffer.alloc(0), width: COVER_WIDTH, height: COVER_HEIGHT };
  images.addGenerated(file);
  const ready = generatedCover(book, ctx).then((data) => {
    file.data = data;
  });
  // Awaited before zipping; this keeps a failure from being reported as unhandled while the chapters are serialised.
  ready.catch(() => undefined);
  return { file, ready };
}

/** The cover page's body: the image, scaled to the screen, with the title and authors as its alt text. */
export function coverBody(book: Book, image: ImageFile, ctx: RenderContext<unknown>): string {
  const locale = localeOf(book.meta);
  const authors = book.meta.authors.map((a) => a.name);
  const alt = authors.length
    ? locale.text('coverAlt', { title: book.meta.title, authors: locale.list(authors) })
    : locale.text('coverAltNoAuthor', { title: book.meta.title });
  return renderTemplate('cover.ejs', { src: image.href, alt, label: locale.labels.cover, width: image.width ?? '', height: image.height ?? '' }, ctx);
}
