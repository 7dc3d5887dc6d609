/** The PDF renderer: lays the book out into pages (layout/) and draws them with pdfkit (draw.ts), a chapter at a time. */
import { createHash } from 'node:crypto';
import { subjects } from '../../model/build-helpers';
import { jsonPieces } from '../../text/json-pieces';
import type { Book } from '../../model/types';
import { languageOf, localeOf } from '../../locale';
import { piecedArtifact, type Artifact, type RenderContext, type Renderer } from '../types';
import { PdfWriter } from './draw';
import { FontSet } from './fonts';
import { layoutBook } from './layout/book';
import { Notes, type LayoutEnv } from './layout/env';
import { hyphenatorFor } from './layout/hyphenate';
import { noteSeparator } from './layout/front';
import { mirrorBlocks, mirrorBox } from './layout/mirror';
import { Paginator } from './layout/paginate';
import type { Page } from './layout/types';
import { DEFAULT_PDF_OPTIONS, PAGE_SIZES, type PdfOptions } from './options';
import { loadTheme } from './theme';

export { DEFAULT_PDF_OPTIONS, PAGE_SIZES, type PageSize, type PdfOptions } from './options';

/**
 * The PDF's /ID: a hash of the book, its options and its theme, but not of where its files are (file paths are left
 * out), so the same manuscript gives the same PDF in any folder and on any machine.
 */
function fileId(book: Book, options: PdfOptions, theme: unknown): Buffer {
  const placeless = (key: string, value: unknown) => (key === 'file' || key === 'root' || key === 'sources' ? undefined : value);
  // The same text as JSON.stringify([book, options, theme], placeless), hashed a section at a time: a long book's
  // model is too large to serialise in one string.
  const hash = createHash('md5');
  for (const piece of jsonPieces([book, options, theme], placeless, 4)) hash.update(piece);
  return hash.digest();
}

/** Renders a book as a typeset PDF. */
export const pdfRenderer: Renderer<PdfOptions> = {
  name: 'pdf',
  extension: '.pdf',
  defaultOptions: DEFAULT_PDF_OPTIONS,
  async render(book: Book, ctx: RenderContext<PdfOptions>): Promise<Artifact> {
    const options = { ...DEFAULT_PDF_OPTIONS, ...ctx.options };
    const size = PAGE_SIZES[options.pageSize];
    if (!size) ctx.report.fail('render-failed', `unknown page size \`${options.pageSize}\` (known: ${Object.keys(PAGE_SIZES).join(', ')})`);
    const theme = loadTheme(ctx, options.pageSize);
    const locale = localeOf(book);
    const language = languageOf(book);
    const fonts = new FontSet(ctx.assets, language);
    const env: LayoutEnv = {
      fonts,
      theme,
      locale,
      measure: size[0] - theme.margins.inner - theme.margins.outer,
      textHeight: size[1] - theme.margins.top - theme.margins.bottom,
      hyphenate: options.hyphenate ? hyphenatorFor(language.hyphenation) : undefined,
      rectoChapters: options.chapterStart === 'right',
      smallCapsLead: options.chapterOpening === 'small-caps',
      report: ctx.report,
      assets: ctx.assets,
      notes: new Notes(book),
      progress: ctx.progress,
    };
    const separator = noteSeparator(env);
    // A right-to-left book is laid out mirrored and flipped once here (layout/mirror.ts).
    if (fonts.rightToLeft) mirrorBox(separator, env.measure);
    const paginator = new Paginator({ height: env.textHeight, bookTitle: book.meta.title, line: theme.body.leading, noteSeparator: separator });
    const writer = new PdfWriter({
      size,
      theme,
      fonts,
      info: {
        title: book.meta.title,
        authors: book.meta.authors.map((a) => a.name),
        subject: book.meta.summary,
        keywords: subjects(book.meta),
        language: language.tag,
        date: ctx.now,
        fileId: fileId(book, options, theme),
      },
    });
    // Laid out, paginated and drawn a chapter at a time: a page is let go once drawn. The contents' page numbers are
    // drawn last, from the label of the page each chapter's mark landed on.
    const labels = new Map<string, string>();
    const draw = (pages: readonly Page[]) => {
      for (const page of pages) {
        for (const mark of page.marks) if (!labels.has(mark.id)) labels.set(mark.id, page.label);
        writer.page(page);
      }
    };
    for (const blocks of layoutBook(book, env)) {
      if (fonts.rightToLeft) mirrorBlocks(blocks, env.measure);
      draw(paginator.add(blocks));
    }
    draw(paginator.end());
    return piecedArtifact(await writer.end(labels), '.pdf', 'application/pdf');
  },
};
