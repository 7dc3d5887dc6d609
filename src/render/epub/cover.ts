/**
 * The cover: the manuscript's `cover:` image (JPEG or PNG, checked for size and shape), or a typographic cover made
 * from `templates/epub/cover.svg.ejs` and rendered to a 1600×2560 PNG by resvg. Its lettering is not SVG text but
 * glyph outlines set by `CoverType` in the PDF's faces (Source Serif 4 and the per-script fallbacks of `FontSet`),
 * in the book's direction, so a Hebrew, Arabic or Japanese title is drawn and every machine draws the same pixels.
 * resvg draws on a libuv thread, so the rest of the EPUB is serialised while the cover is drawn.
 */
import { fontPath } from '../font-files';
import { languageOf, localeOf } from '../../locale';
import type { Book } from '../../model/types';
import { FontSet } from '../pdf/fonts';
import type { RenderContext } from '../types';
import { CoverType, type OutlinedLine } from './cover-type';
import { rasterizeCover } from './cover-raster';
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
/** The family resvg knows, for a user's template that still sets `<text>`. */
const FONT_FAMILY = 'Source Serif 4';

/** The template's data: the lines as text (for `<text>` in a user's template) and as outlines (what quire draws). */
function coverData(book: Book, ctx: RenderContext<unknown>): Record<string, unknown> {
  const { meta } = book;
  const locale = localeOf(book);
  const type = new CoverType(new FontSet(ctx.assets, languageOf(book)), locale.direction);
  const authorNames = meta.authors.map((a) => a.name).join(', ');
  const series = meta.series ? `${meta.series.name}${meta.series.index !== undefined ? ` · ${meta.series.index}` : ''}` : '';
  const missing = type.missing([meta.title, meta.subtitle ?? '', authorNames, series].join(' '));
  if (missing.length) {
    ctx.report.warn('cover-glyphs-missing', `the generated cover's fonts have no glyphs for ${missing.slice(0, 10).join(' ')}; those letters are left out of the cover`, {
      position: book.metaPositions.title,
      source: 'render:epub',
      hint: 'Give the book a cover image: `cover: cover.jpg` (1600×2560 pixels).',
    });
  }
  // Left out before the lines are set, with the marks and joiners that cling to them, so no gap is left either.
  const gone = new Set(missing);
  const drawable = (text: string) => (gone.size ? text.replace(/(\P{M})[\p{M}\u200c\u200d\ufe00-\ufe0f]*/gu, (m, c: string) => (gone.has(c) ? '' : m)).replace(/\s+/g, ' ').trim() : text);
  const title = type.fit(drawable(meta.title), { font: 'serif-bold' }, [180, 150, 124, 104, 88, 72], 5, TEXT_WIDTH);
  const subtitle = type.fit(drawable(meta.subtitle ?? ''), { font: 'serif-italic' }, [80, 64, 52], 3, TEXT_WIDTH);
  const authors = type.fit(drawable(authorNames), { font: 'serif-regular', letterSpacing: 4 }, [88, 72, 60, 48], 3, TEXT_WIDTH);
  const outlines = (lines: string[], font: 'serif-bold' | 'serif-italic' | 'serif-regular', size: number, letterSpacing = 0): string[] =>
    lines.map((line) => type.outline(line, { font, size, letterSpacing }, TEXT_WIDTH).path);
  const seriesLine: OutlinedLine | undefined = series ? type.outline(drawable(series), { font: 'serif-italic', size: authors.size * 0.7 }, TEXT_WIDTH) : undefined;
  return {
    width: COVER_WIDTH,
    height: COVER_HEIGHT,
    font: FONT_FAMILY,
    title: title.lines,
    titleSize: title.size,
    titleOutlines: outlines(title.lines, 'serif-bold', title.size),
    subtitle: meta.subtitle ? subtitle.lines : [],
    subtitleSize: subtitle.size,
    subtitleOutlines: meta.subtitle ? outlines(subtitle.lines, 'serif-italic', subtitle.size) : [],
    authors: authors.lines,
    authorSize: authors.size,
    authorOutlines: outlines(authors.lines, 'serif-regular', authors.size, 4),
    series,
    seriesOutline: seriesLine?.path ?? '',
  };
}

/** The generated cover's SVG: the cover template filled in for the book. */
export function coverSvg(book: Book, ctx: RenderContext<unknown>): string {
  return renderTemplate('cover.svg.ejs', coverData(book, ctx), ctx);
}

/** Renders the cover template to PNG bytes (cover-raster.ts: resvg draws, and png.ts deflates, on libuv's threads). */
export async function generatedCover(book: Book, ctx: RenderContext<unknown>): Promise<Buffer> {
  const svg = coverSvg(book, ctx);
  // The serif is still given to resvg for a user's template that sets `<text>`; quire's own draws outlines only.
  const fontFiles = /<text[\s>]/.test(svg) ? ['serif-regular', 'serif-italic', 'serif-bold', 'serif-bold-italic'].map(fontPath) : [];
  return rasterizeCover(svg, { font: { loadSystemFonts: false, fontFiles, defaultFontFamily: FONT_FAMILY, serifFamily: FONT_FAMILY }, fitTo: { mode: 'original' } });
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
  const locale = localeOf(book);
  const authors = book.meta.authors.map((a) => a.name);
  const alt = authors.length
    ? locale.text('coverAlt', { title: book.meta.title, authors: locale.list(authors) })
    : locale.text('coverAltNoAuthor', { title: book.meta.title });
  return renderTemplate('cover.ejs', { src: image.href, alt, label: locale.labels.cover, width: image.width ?? '', height: image.height ?? '' }, ctx);
}
