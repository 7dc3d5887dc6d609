/**
 * A build's settings: explicit options (the CLI's flags, or a library caller's) over `book.yaml`'s `quire:` section
 * over the defaults. Also the output file-name pattern.
 */
import type { Book } from '../model/types';
import { renderers, type RendererOptions } from '../render';
import { bookSlug } from '../text/slug';
import { CONFIG_DEFAULTS, type QuireConfig } from './options';

export type { RendererOptions } from '../render';

/** What a build does, every choice made. */
export interface BuildSettings {
  outDir: string;
  formats: string[];
  /** The output file-name pattern (`{slug}`). */
  output: string;
  rendererOptions: RendererOptions;
  /** A cover image for the book, relative to the manuscript folder (overrides the metadata's `cover:`). */
  cover?: string;
  /** Run EPUBCheck on each EPUB (the CLI does this after the build). */
  check: boolean;
  /** The manuscript files' encoding; found from each file's bytes when absent (src/read/decode.ts). */
  encoding?: string;
}

/** Explicit choices, each overriding the configuration file. */
export interface SettingsOverrides {
  outDir?: string;
  formats?: readonly string[];
  output?: string;
  rendererOptions?: RendererOptions;
  check?: boolean;
  encoding?: string;
}

const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The renderer options a `quire:` configuration gives, by renderer (only those given). */
export function configRendererOptions(config: QuireConfig): RendererOptions {
  const yaml = config as Readonly<Record<string, unknown>>;
  const rendererOptions: RendererOptions = {};
  for (const [name, { options }] of Object.entries(renderers)) {
    const fromConfig = defined(Object.fromEntries(options.map((spec) => [spec.name, yaml[spec.key]])));
    if (Object.keys(fromConfig).length > 0) rendererOptions[name] = fromConfig;
  }
  return rendererOptions;
}

/**
 * Explicit options over the configuration over the defaults. Renderer options are left partial (each renderer fills
 * in its defaults); there is an entry for each format built and each renderer given an option.
 */
export function resolveSettings(config: QuireConfig, explicit: SettingsOverrides = {}): BuildSettings {
  const formats = [...(explicit.formats ?? config.formats ?? CONFIG_DEFAULTS.formats)];
  const rendererOptions = configRendererOptions(config);
  for (const [name, options] of Object.entries(explicit.rendererOptions ?? {})) rendererOptions[name] = { ...rendererOptions[name], ...defined(options ?? {}) };
  for (const format of formats) rendererOptions[format] ??= {};
  return {
    outDir: explicit.outDir ?? config.out ?? CONFIG_DEFAULTS.out,
    formats,
    output: explicit.output ?? config['file-name'] ?? CONFIG_DEFAULTS['file-name'],
    rendererOptions,
    ...(config.cover ? { cover: config.cover } : {}),
    check: explicit.check ?? config.check ?? CONFIG_DEFAULTS.check,
    ...defined({ encoding: explicit.encoding ?? config.encoding }),
  };
}

/** A file name's stem from the pattern: `{slug}`, `{title}`, `{author}`, `{date}`, `{year}`, `{lang}` filled from the book. */
export function outputStem(pattern: string, book: Book, date: Date): string {
  const iso = date.toISOString().slice(0, 10);
  const values: Record<string, string> = {
    slug: bookSlug(book),
    title: book.meta.title,
    author: book.meta.authors.map((a) => a.name).join(', ') || 'Anonymous',
    date: book.meta.date && /^\d{4}-\d{2}-\d{2}/.test(book.meta.date) ? book.meta.date.slice(0, 10) : iso,
    year: (book.meta.date && /^\d{4}/.exec(book.meta.date)?.[0]) || iso.slice(0, 4),
    lang: book.meta.language,
  };
  const name = pattern.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
  // Characters no file system takes, and control characters, become `-`; a name never starts with a dot.
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').replace(/^\.+/, '').trim() || 'book';
}
