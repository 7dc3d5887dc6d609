/** The EPUB renderer: the book's model serialised to XHTML by quire, packaged (EPUB 3 with NCX) by epub-gen-memory. */
import * as ejs from 'ejs';
import { pointPosition } from '../../diagnostics/reporter';
import { allBlocks, plainText } from '../../model/build-helpers';
import type { Book, Position } from '../../model/types';
import type { Artifact, Renderer, RenderContext } from '../types';
import { generateEpub, type PageChapter, type StoredFile } from './generator';
import { ImageCatalog } from './images';
import { navData, ncxData } from './nav';
import { FootnoteRegistry } from './notes';
import { packageData, type ManifestItem } from './package';
import { pageBody } from './pages';
import { planBook, type Plan } from './plan';
import { blocks } from './xhtml/blocks';
import type { XhtmlContext } from './xhtml/context';
import { chapterBody } from './xhtml/sections';

/** Options of the EPUB renderer. */
export interface EpubOptions {
  /** Heading of the contents page (also its landmark and NCX label). */
  tocTitle: string;
}

/** The navigation document's file; it is also the contents page in the spine. */
const NAV_FILE = 'toc.xhtml';

/** Link schemes a reading system can open; anything else (`javascript:`, `file:`) is dropped with a warning. */
const SAFE_SCHEME = /^(?:https?|mailto|ftp):/i;

/** The language as a well-formed BCP 47 tag (EPUBCheck rejects others); `en` with a warning when it is not one. */
function bookLanguage(book: Book, ctx: RenderContext<unknown>): string {
  try {
    const [tag] = Intl.getCanonicalLocales(book.meta.language);
    if (tag) return tag;
  } catch {
    // Reported below.
  }
  ctx.report.warn('language-invalid', `language \`${book.meta.language}\` is not a BCP 47 tag; using \`en\``, {
    position: book.metaPositions.language,
    source: 'render:epub',
    hint: 'Write a language tag such as `en`, `en-GB` or `fr`.',
  });
  return 'en';
}

/** Resolves a link from `file`: web links as they are, `#id` to the document holding that id; others are reported. */
function linkResolver(plan: Plan, file: string, ctx: RenderContext<unknown>) {
  return (url: string, position: Position | undefined): string | undefined => {
    if (SAFE_SCHEME.test(url)) return url;
    if (url.startsWith('#')) {
      const target = plan.targets.get(decodeURIComponent(url.slice(1)));
      if (target) return target.startsWith(`${file}#`) ? target.slice(file.length) : target;
    }
    ctx.report.warn('link-unresolved', `link target \`${url}\` is not in the book; the link text is kept without the link`, {
      position,
      source: 'render:epub',
      hint: 'Link to a web address, or to a chapter or section id as `#id`.',
    });
    return undefined;
  };
}

/** A package template's text, checked for EJS syntax here so that an error names the template file. */
function packageTemplate(name: string, ctx: RenderContext<unknown>): string {
  const file = `epub/${name}`;
  const text = ctx.assets.template(file);
  try {
    ejs.compile(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.report.fail('template-invalid', `template ${file} failed: ${message}`, { position: pointPosition(ctx.assets.templatePath(file), 1), source: 'render:epub' });
  }
  return text;
}

/** The summary as one plain-text string, for `dc:description`. */
function summaryText(book: Book, plan: Plan): string | undefined {
  if (book.meta.summary?.trim()) return book.meta.summary;
  if (!plan.summary) return undefined;
  const paragraphs = [...allBlocks(plan.summary.children)].flatMap((b) => (b.type === 'paragraph' ? [plainText(b.children)] : []));
  return paragraphs.join('\n\n');
}

async function render(book: Book, ctx: RenderContext<EpubOptions>): Promise<Artifact> {
  const language = bookLanguage(book, ctx);
  const dir = book.meta.direction;
  const plan = planBook(book);
  const notes = new FootnoteRegistry(book.footnotes);
  const images = new ImageCatalog(ctx.assets, ctx.report);
  const cover = book.meta.cover ? images.add(book.meta.cover, book.metaPositions.cover) : undefined;

  // Serialise in reading order: footnote numbers and placement follow the order of first reference.
  const docs = [...plan.front, ...plan.body, ...plan.back];
  const pages: PageChapter[] = docs.map((doc, index) => {
    notes.begin(doc.file);
    const x: XhtmlContext = { report: ctx.report, notes, images, links: linkResolver(plan, doc.file, ctx) };
    let body = doc.kind === 'chapter' ? chapterBody(doc.section, `Chapter ${doc.ordinal}`, x) : pageBody(doc, book, plan.summary, language, x, ctx);
    if (index === docs.length - 1) notes.adoptUnreferenced();
    body += notes.flush((b) => blocks(b, x));
    return { title: doc.title, filename: doc.file, content: '', page: { lang: language, dir, title: doc.title, body } };
  });

  const pkg = packageData(book, { language, now: ctx.now, hasImages: images.files.length > 0, summary: summaryText(book, plan) }, ctx.report);
  const docItem = (file: string): ManifestItem => ({ id: `item-${file.replace(/\.xhtml$/, '')}`, href: file, mediaType: 'application/xhtml+xml' });
  pkg.manifest = [
    { id: 'nav', href: NAV_FILE, mediaType: 'application/xhtml+xml', properties: 'nav' },
    { id: 'ncx', href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml' },
    { id: 'css', href: 'style.css', mediaType: 'text/css' },
    ...docs.map((d) => docItem(d.file)),
    ...images.files.map((f, i) => ({ id: `image-${i + 1}`, href: f.href, mediaType: f.mediaType, properties: f.href === cover ? 'cover-image' : undefined })),
  ];
  pkg.spine = [...plan.front.map((d) => docItem(d.file).id), 'nav', ...[...plan.body, ...plan.back].map((d) => docItem(d.file).id)];

  const tocTitle = ctx.options.tocTitle;
  const quire = {
    pkg,
    nav: navData(plan, tocTitle, NAV_FILE),
    ncx: ncxData(plan, pkg.identifier, book.meta.title, book.meta.authors.map((a) => a.name)),
    page: { lang: language, dir },
  };
  const options = {
    title: book.meta.title,
    lang: language,
    tocTitle,
    css: ctx.assets.template('epub/style.css'),
    contentOPF: packageTemplate('content.opf.ejs', ctx),
    tocNCX: packageTemplate('toc.ncx.ejs', ctx),
    tocXHTML: packageTemplate('nav.xhtml.ejs', ctx),
    chapterXHTML: packageTemplate('chapter.xhtml.ejs', ctx),
    verbose: false,
    quire,
  };
  const files: StoredFile[] = images.files.map((f) => ({ href: f.href, data: f.data }));
  const data = await generateEpub(options, pages, files);
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), extension: '.epub', mediaType: 'application/epub+zip' };
}

/** Renders a book as an EPUB 3 file (with an NCX for EPUB 2 readers) that passes EPUBCheck. */
export const epubRenderer: Renderer<EpubOptions> = {
  name: 'epub',
  extension: '.epub',
  defaultOptions: { tocTitle: 'Contents' },
  render,
};
