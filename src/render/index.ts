/**
 * The renderer table. Each entry loads its renderer on first use, so a build that writes only an EPUB never loads
 * the PDF stack (pdfkit, fonts, hyphenation patterns). Adding a renderer is one line here; readers are untouched.
 */
import { fail } from '../diagnostics/reporter';
import type { Renderer } from './types';

export const renderers: Record<string, () => Renderer<any>> = {
  epub: () => require('./epub').epubRenderer,
  pdf: () => require('./pdf').pdfRenderer,
  html: () => require('./html').htmlRenderer,
  txt: () => require('./txt').txtRenderer,
};

/** The renderer for a format name, or a usage error naming the known formats. */
export function rendererFor(format: string): Renderer<any> {
  const load = renderers[format];
  if (!load) fail('format-unknown', `unknown format \`${format}\` (known: ${Object.keys(renderers).join(', ')})`);
  return load();
}
