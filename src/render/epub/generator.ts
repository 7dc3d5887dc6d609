/**
 * epub-gen-memory behind a narrow door. It assembles the zip (mimetype, container, OPF, NCX, nav, chapters, CSS)
 * from our templates; this subclass closes the gaps that matter for quire:
 *
 * - It downloads every image, font and cover by URL (node-fetch). We give it no `<img>` to find (see `content`
 *   below), no fonts and no cover, and override the download steps to store the bytes we read from the manuscript.
 * - It runs chapter HTML through htmlparser2 and an attribute allow-list that drops valid XHTML (`<ol start>`), and
 *   registers each `<img>` under a random UUID. Our serialiser already writes XHTML, so each chapter's `content`
 *   is empty and the finished body travels in an extra `page` field that our `chapter.xhtml.ejs` prints.
 * - Zip entries carry the wall-clock time. We set every entry's date to a constant before zipping (the zip
 *   order is the insertion order, which is fixed), so the same book gives the same bytes.
 * - Its OPF hard-codes `xml:lang="en"`, the rights text, `new Date()`, an empty `dc:description` and all authors
 *   in one `dc:creator`; its NCX and nav are flat. We replace all four templates (`contentOPF`, `tocNCX`,
 *   `tocXHTML`, `chapterXHTML` options) with ours from `templates/epub/`, fed through an extra `quire` option.
 *   Note that epub-gen-memory renders those four with its own bundled ejs 3.1; quire's page templates use ejs 7.
 */
import { EPub, type Chapter, type Options } from 'epub-gen-memory';

/** DOS time starts in 1980; every entry gets this date so that output does not depend on when it was built. */
const ZIP_DATE = new Date('1980-01-01T00:00:00Z');

/** A document of the spine as our `chapter.xhtml.ejs` reads it (`page.*`). */
export interface PageData {
  lang: string;
  dir?: 'ltr' | 'rtl';
  title: string;
  body: string;
}

/** A chapter for epub-gen-memory: its own fields plus the finished page. */
export interface PageChapter extends Chapter {
  filename: string;
  page: PageData;
}

/** A file stored as is under `OEBPS/`. */
export interface StoredFile {
  href: string;
  data: Buffer;
}

class QuireEPub extends EPub {
  constructor(
    options: Options,
    content: PageChapter[],
    private readonly files: readonly StoredFile[],
  ) {
    super(options, content);
  }

  /** Stores the images we read ourselves instead of fetching URLs. */
  protected override async downloadAllImages(): Promise<void> {
    for (const file of this.files) this.zip.file(`OEBPS/${file.href}`, file.data);
  }

  /** quire passes no fonts; this keeps any future font from being fetched. */
  protected override async downloadAllFonts(): Promise<void> {}

  /** quire passes no `cover` option (the cover is one of our files); this keeps it from ever being fetched. */
  protected override async makeCover(): Promise<void> {}

  /** The EPUB's bytes, with every entry dated `ZIP_DATE`. */
  async bytes(): Promise<Buffer> {
    await this.render();
    for (const entry of Object.values(this.zip.files)) entry.date = ZIP_DATE;
    return this.generateAsync({ type: 'nodebuffer', mimeType: 'application/epub+zip', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  }
}

/** Zips a book: `options` carries our templates and their data, `pages` the spine documents, `files` the images. */
export function generateEpub(options: Options, pages: PageChapter[], files: readonly StoredFile[]): Promise<Buffer> {
  return new QuireEPub(options, pages, files).bytes();
}
