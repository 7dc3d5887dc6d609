/**
 * The renderer table. Each entry holds the options its renderer declares (read by the schema, the command line and
 * the docs without loading the renderer) and loads the renderer on first use, so a build that writes only an EPUB
 * never loads the PDF stack (pdfkit, fonts, hyphenation patterns). Adding a renderer is one line here; readers are
 * untouched.
 */
import { fail } from '../diagnostics/reporter';
import { EPUB_OPTIONS } from './epub/options';
import { HTML_OPTIONS } from './html/options';
import type { OptionsOf, OptionSpec } from './option-spec';
import { PDF_OPTIONS } from './pdf/options';
import { TXT_OPTIONS } from './txt/options';
import type { Renderer } from './types';

/** A renderer's options and how to load it; its options type is the one its specs declare. */
export interface RendererEntry<Specs extends readonly OptionSpec[] = readonly OptionSpec[]> {
  readonly options: Specs;
  load(): Renderer<OptionsOf<Specs>>;
}

const entry = <const Specs extends readonly OptionSpec[]>(options: Specs, load: () => Renderer<OptionsOf<Specs>>): RendererEntry<Specs> => ({ options, load });

export const renderers = {
  epub: entry(EPUB_OPTIONS, () => (require('./epub') as typeof import('./epub')).epubRenderer),
  pdf: entry(PDF_OPTIONS, () => (require('./pdf') as typeof import('./pdf')).pdfRenderer),
  html: entry(HTML_OPTIONS, () => (require('./html') as typeof import('./html')).htmlRenderer),
  txt: entry(TXT_OPTIONS, () => (require('./txt') as typeof import('./txt')).txtRenderer),
};

/** An output format: a renderer's name. */
export type Format = keyof typeof renderers;

/** The options of a format's renderer (`EpubOptions` for `epub`). */
export type OptionsFor<F extends Format> = OptionsOf<(typeof renderers)[F]['options']>;

/** Per-renderer options by renderer name, each partial: a renderer fills what is left out from its defaults. */
export type RendererOptions = { [F in Format]?: Partial<OptionsFor<F>> } & { [renderer: string]: object | undefined };

const table: Readonly<Record<string, { load(): Renderer<object> } | undefined>> = renderers;

/** The renderer for a format name, or a usage error naming the known formats. */
export function rendererFor<F extends Format>(format: F): Renderer<OptionsFor<F>>;
export function rendererFor(format: string): Renderer<object>;
export function rendererFor(format: string): Renderer<object> {
  const found = table[format];
  if (!found) fail('format-unknown', `unknown format \`${format}\` (known: ${Object.keys(renderers).join(', ')})`);
  return found.load();
}
