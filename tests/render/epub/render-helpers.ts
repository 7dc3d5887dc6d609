/** Shared set-up for the EPUB renderer tests: a render context, rendering to a temp file, reading entries back. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileAssets } from '../../../src/assets';
import { CollectingReporter } from '../../../src/diagnostics/reporter';
import type { Book } from '../../../src/model/types';
import { epubRenderer, type EpubArtifact, type EpubOptions } from '../../../src/render/epub';
import { epubcheck, tempDir, unzip } from '../../helpers/tools';

export const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'render', 'epub');
export const NOW = new Date('2024-01-01T00:00:00Z');

export interface Rendered {
  artifact: EpubArtifact;
  data: Uint8Array;
  file: string;
  files: Map<string, string>;
  report: CollectingReporter;
}

/** Renders `book` with the built-in templates and `options` over the defaults, and writes it to a fresh temp file. */
export async function renderBook(book: Book, now = NOW, options: Partial<EpubOptions> = {}): Promise<Rendered> {
  const report = new CollectingReporter();
  const assets = new FileAssets({ root: book.root });
  const artifact = (await epubRenderer.render(book, { options: { ...epubRenderer.defaultOptions, ...options }, report, assets, now })) as EpubArtifact;
  const file = path.join(tempDir('quire-epub-'), `book${artifact.extension}`);
  fs.writeFileSync(file, artifact.data);
  const files = new Map<string, string>();
  for (const [name, bytes] of await unzip(artifact.data)) files.set(name, bytes.toString('utf8'));
  return { artifact, data: artifact.data, file, files, report };
}

/** Runs EPUBCheck and fails with its messages unless it reports nothing at all. */
export function expectCleanEpubcheck(file: string): void {
  const result = epubcheck(file);
  // Compared as one string so that a failure prints every message.
  const summary = `${result.fatals} fatals / ${result.errors} errors / ${result.warnings} warnings\n${result.messages.join('\n')}`;
  expect(summary).toBe('0 fatals / 0 errors / 0 warnings\n');
}

/** The `href`s of the spine in order, read from the OPF. */
export function spineHrefs(opf: string): string[] {
  const hrefs = new Map<string, string>();
  for (const m of opf.matchAll(/<item id="([^"]+)" href="([^"]+)"/g)) hrefs.set(m[1], m[2]);
  return [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => hrefs.get(m[1]) ?? `?${m[1]}`);
}

/** A file of the rendered EPUB by its path under OEBPS/, failing the test when it is absent. */
export function entry(r: Rendered, name: string): string {
  const text = r.files.get(`OEBPS/${name}`);
  if (text === undefined) throw new Error(`OEBPS/${name} missing; entries: ${[...r.files.keys()].join(', ')}`);
  return text;
}
