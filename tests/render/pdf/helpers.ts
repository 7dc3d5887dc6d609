/** A render context for PDF tests: real assets and fonts, a collecting reporter, a fixed clock. */
import * as path from 'node:path';
import { FileAssets } from '../../../src/assets';
import { CollectingReporter } from '../../../src/diagnostics/reporter';
import type { Book } from '../../../src/model/types';
import { DEFAULT_PDF_OPTIONS, pdfRenderer, type PdfOptions } from '../../../src/render/pdf';
import type { RenderContext } from '../../../src/render/types';

export const NOW = new Date('2024-01-01T00:00:00Z');

/** A context whose manuscript root is the book's root (resolved from the repository). */
export function pdfContext(book: Book, options: Partial<PdfOptions> = {}): RenderContext<PdfOptions> & { report: CollectingReporter } {
  return {
    options: { ...DEFAULT_PDF_OPTIONS, ...options },
    report: new CollectingReporter(),
    assets: new FileAssets({ root: path.resolve(__dirname, '..', '..', '..', book.root) }),
    now: NOW,
  };
}

/** Renders a book to PDF bytes. */
export async function renderPdf(book: Book, options: Partial<PdfOptions> = {}): Promise<{ data: Uint8Array; ctx: ReturnType<typeof pdfContext> }> {
  const ctx = pdfContext(book, options);
  const artifact = await pdfRenderer.render(book, ctx);
  return { data: artifact.data, ctx };
}
