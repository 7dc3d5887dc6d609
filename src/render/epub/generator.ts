/**
 * epub-gen-memory behind a narrow door. It assembles the zip (mimetype first and stored, container, OPF, NCX, nav,
 * documents, CSS) from our templates; this subclass closes the gaps that matter for quire:
 *
 * - It downloads every image, font and cover by URL (node-fetch). We give it no `<img>` to find, no fonts and no
 *   cover, and override the download steps to store the bytes we read ourselves (images, the generated cover, fonts).
 * - It runs chapter HTML through htmlparser2 and an attribute allow-list that drops valid XHTML (`<ol start>`,
 *   `epub:type` on asides), and registers each `<img>` under a random UUID. quire writes each document completely
 *   (with its own `chapter.xhtml.ejs`, through ejs 7), so each chapter's `content` is empty and the finished
 *   document travels in a `document` field that the chapter template we hand epub-gen-memory prints as it is.
 * - It zips with JSZip and pako (deflate in JavaScript, on the main thread), with wall-clock dates. We let it
 *   assemble its JSZip tree and then write the zip ourselves with yazl, which deflates with Node's zlib on libuv's
 *   threads: in insertion order (fixed), every entry dated 1980-01-01 00:00 with no extended-timestamp field, the
 *   `mimetype` first and stored, and files that are compressed already (images, fonts) stored as they are. The
 *   same book gives the same bytes, and War and Peace zips in a fraction of pako's time.
 * - Its OPF hard-codes `xml:lang="en"`, the rights text, `new Date()`, a random UUID, an empty `dc:description` and
 *   all authors in one `dc:creator`; its NCX and nav are flat and have no landmarks beyond the TOC. We replace the
 *   `contentOPF`, `tocNCX` and `tocXHTML` templates with ours from `templates/epub/`, fed through an extra `quire`
 *   option; epub-gen-memory renders those three with its own bundled ejs 3.1.
 * - It writes Apple's display-options file only for EPUB 2 and cannot add other files: extra files (under
 *   `META-INF/` or `OEBPS/`) are added here, and `container.xml` is rewritten with the lower-case `utf-8`
 *   declaration Kindle's converter expects.
 */
import { EPub, type Chapter, type Options } from 'epub-gen-memory';
import { ZipFile } from 'yazl';

/**
 * DOS time starts in 1980; every entry gets this date so that output does not depend on when it was built. yazl
 * writes an entry's date in local time, so this is local midnight: the same DOS fields in every time zone.
 */
const zipDate = (): Date => new Date(1980, 0, 1, 0, 0, 0);

/** Files stored without compression: JPEG, PNG, GIF, WebP and WOFF are compressed already. */
const COMPRESSED = /\.(jpe?g|png|gif|webp|woff2?)$/i;

/** The template epub-gen-memory renders for each document: quire's finished document, unchanged. */
export const PASS_THROUGH_TEMPLATE = '<%- document %>';

const CONTAINER_XML =
  '<?xml version="1.0" encoding="utf-8"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">' +
  '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>\n';

/** A spine document for epub-gen-memory: its own fields plus quire's finished XHTML. */
export interface PageChapter extends Chapter {
  filename: string;
  document: string;
}

/** A file stored as is, by its path in the zip (`OEBPS/images/image-1.png`, `META-INF/…`). */
export interface StoredFile {
  path: string;
  data: Buffer | string;
}

class QuireEPub extends EPub {
  constructor(
    options: Options,
    content: PageChapter[],
    private readonly files: readonly StoredFile[],
  ) {
    super(options, content);
  }

  /** Stores the files we read or made ourselves instead of fetching URLs. */
  protected override async downloadAllImages(): Promise<void> {
    this.zip.file('META-INF/container.xml', CONTAINER_XML);
    for (const file of this.files) this.zip.file(file.path, file.data);
  }

  /** quire passes no fonts by URL (embedded fonts are among `files`); this keeps any from being fetched. */
  protected override async downloadAllFonts(): Promise<void> {}

  /** quire passes no `cover` option (the cover is one of our files); this keeps it from ever being fetched. */
  protected override async makeCover(): Promise<void> {}

  /** The EPUB's bytes: epub-gen-memory's tree, zipped by yazl (see the module comment). */
  async bytes(): Promise<Buffer> {
    await this.render();
    const zip = new ZipFile();
    const mtime = zipDate();
    for (const entry of Object.values(this.zip.files)) {
      if (entry.dir) continue;
      const data = await entry.async('nodebuffer');
      const compress = entry.name !== 'mimetype' && !COMPRESSED.test(entry.name);
      zip.addBuffer(data, entry.name, { mtime, forceDosTimestamp: true, compressionLevel: compress ? 9 : 0 });
    }
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}

/** Zips a book: `options` carries our templates and their data, `pages` the spine documents, `files` everything else. */
export function generateEpub(options: Options, pages: PageChapter[], files: readonly StoredFile[]): Promise<Buffer> {
  return new QuireEPub(options, pages, files).bytes();
}
