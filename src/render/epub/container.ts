/**
 * The EPUB's container: quire's finished documents and files in a zip, in a fixed order (the `mimetype` first and
 * stored, then the style sheet, the spine documents, `container.xml`, the package document, the NCX, the navigation
 * document, and the images and fonts), every entry dated 1980-01-01, so that the same book gives the same bytes.
 *
 * epub-gen-memory, which the design card named, did this until issue 15. By then it contributed nothing quire kept:
 * it fetched images, fonts and the cover by URL (we stored our own bytes), ran chapters through an attribute
 * allow-list that drops valid XHTML (we handed it finished documents), hard-coded the OPF's language, date,
 * identifier and one `dc:creator` (we handed it our templates), and zipped with JSZip and pako on the main thread
 * (we re-zipped its tree). What was left cost a one-shot a quarter of its build in a batch: loading it and its
 * dependencies (0.15 s a process), validating its options with `ow`, compiling our three package templates again
 * with its bundled ejs on every book, and filling a JSZip tree to read back. The entry order is the one it used, so
 * books are unchanged.
 */
import { zip, type ZipEntry } from './zip';

const CONTAINER_XML =
  '<?xml version="1.0" encoding="utf-8"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">' +
  '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>\n';

/** Files stored without compression: JPEG, PNG, GIF, WebP and WOFF are compressed already. */
const COMPRESSED = /\.(jpe?g|png|gif|webp|woff2?)$/i;

/** A file stored by its path in the zip (`OEBPS/images/image-1.png`, `META-INF/…`). */
export interface StoredFile {
  path: string;
  data: Buffer | Uint8Array | string;
}

/** What goes into the container, all of it finished. */
export interface ContainerParts {
  css: string;
  /** The spine documents, by file name under `OEBPS/`. */
  pages: readonly { file: string; document: string }[];
  opf: string;
  ncx: string;
  /** The navigation document and its file name under `OEBPS/`. */
  nav: { file: string; document: string };
  /** Images, fonts and extra files (`META-INF/…`), after the package documents. */
  files: readonly StoredFile[];
}

const bytes = (data: StoredFile['data']): Buffer =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** The EPUB's bytes. */
export function packEpub(parts: ContainerParts): Buffer {
  // By path, in order of first appearance: a later file with the same path replaces the earlier one in its place.
  const entries = new Map<string, StoredFile>();
  const add = (path: string, data: StoredFile['data']) => entries.set(path, { path, data });
  add('mimetype', 'application/epub+zip');
  add('OEBPS/style.css', parts.css);
  for (const page of parts.pages) add(`OEBPS/${page.file}`, page.document);
  add('META-INF/container.xml', CONTAINER_XML);
  add('OEBPS/content.opf', parts.opf);
  add('OEBPS/toc.ncx', parts.ncx);
  add(`OEBPS/${parts.nav.file}`, parts.nav.document);
  for (const file of parts.files) add(file.path, file.data);
  const list: ZipEntry[] = [...entries.values()].map((e) => ({ path: e.path, data: bytes(e.data), compress: e.path !== 'mimetype' && !COMPRESSED.test(e.path) }));
  return zip(list);
}
