/** The EPUB renderer: the book's model serialised to XHTML and packaged as EPUB 3 (with an NCX for EPUB 2 readers). */
import { allBlocks, allSections, plainText } from '../../model/build-helpers';
import type { Book, Position } from '../../model/types';
import { localeOf } from '../../locale';
import type { Artifact, Renderer, RenderContext } from '../types';
import { accessibility } from './a11y';
import { coverBody, coverImage } from './cover';
import { EMBEDDED_FONTS, fontFaces, plainCss } from './css';
import { packEpub, type StoredFile } from './container';
import { ImageCatalog, type ManifestFile } from './images';
import { addKoboSpans } from './kobo';
import { guide, navData, ncxData } from './nav';
import { FootnoteRegistry } from './notes';
import { DEFAULT_OPTIONS, PROFILE_RULES, type EpubOptions } from './options';
import { packageData, type ManifestItem } from './package';
import { pageBody, renderTemplate } from './pages';
import { NOTES_FILE, planBook, type Doc, type Plan } from './plan';
import { documentLines, type SourceMap } from './sourcemap';
import { blocks } from './xhtml/blocks';
import type { BlockTrace, XhtmlContext } from './xhtml/context';
import { chapterBody } from './xhtml/sections';

export type { EpubOptions, EpubProfile, NotePlacement } from './options';
export { PROFILES } from './options';

/** An EPUB with the map from its XHTML lines back to the manuscript (for validators' messages). */
export interface EpubArtifact extends Artifact {
  sourceMap: SourceMap;
}

/**
 * The navigation document's file. It is not in the spine: reading systems that show it as a page (calibre's MOBI and
 * AZW3 output) would print its hidden landmarks nav. The plan's `contents` document is the contents page readers see.
 */
const NAV_FILE = 'toc.xhtml';

/** Link schemes a reading system can open; anything else (`javascript:`, `file:`) is dropped with a warning. */
const SAFE_SCHEME = /^(?:https?|mailto|ftp):/i;

/** Apple Books uses the book's own fonts only when this file says so. */
const APPLE_DISPLAY_OPTIONS =
  '<?xml version="1.0" encoding="utf-8"?>\n<display_options><platform name="*"><option name="specified-fonts">true</option></platform></display_options>\n';

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

/** The summary as one plain-text string, for `dc:description`. */
function summaryText(book: Book, plan: Plan): string | undefined {
  if (book.meta.summary?.trim()) return book.meta.summary;
  if (!plan.summary) return undefined;
  const paragraphs = [...allBlocks(plan.summary.children)].flatMap((b) => (b.type === 'paragraph' ? [plainText(b.children)] : []));
  return paragraphs.join('\n\n');
}

/** Where a document's text starts in the manuscript (for the source map's first line). */
function docPosition(doc: Doc): Position | undefined {
  if (doc.kind === 'chapter' || doc.kind === 'part') return doc.section.position;
  if (doc.kind === 'matter') return doc.matter.position;
  return undefined;
}

/** Manifest id of a document or file, from its href. */
const itemId = (href: string): string => `item-${href.replace(/\.[a-z]+$/, '').replace(/[^A-Za-z0-9_-]/g, '-')}`;

async function render(book: Book, ctx: RenderContext<EpubOptions>): Promise<EpubArtifact> {
  const options = { ...DEFAULT_OPTIONS, ...ctx.options };
  const rules = PROFILE_RULES[options.profile] ?? PROFILE_RULES.generic;
  const locale = localeOf(book);
  const language = locale.tag;
  // Written only when right to left: `ltr` is every reading system's default.
  const dir = locale.direction === 'rtl' ? 'rtl' : undefined;
  const notes = new FootnoteRegistry(book, options.notes, rules.noteType, NOTES_FILE);
  // An explicit `toc-title` wins over the book's `contents` label (its own `labels:` or its language's).
  const tocTitle = options.tocTitle ?? locale.labels.contents;
  const plan = planBook(book, { cover: true, notes: notes.needsNotesDocument, contentsTitle: tocTitle });
  const images = new ImageCatalog(ctx.assets, ctx.report, locale.labels.image);
  const { file: cover, ready: coverReady } = coverImage(book, images, ctx);

  // Serialise in reading order: footnote numbers and placement follow the order of first reference.
  const docs = [...plan.front, ...plan.body, ...plan.back];
  const sourceMap: SourceMap = {};
  const chapterCount = docs.filter((d) => d.kind === 'chapter').length;
  let chaptersDone = 0;
  const pages = docs.map((doc, index) => {
    notes.begin(doc.file);
    const trace: BlockTrace = { depth: 0, entries: [] };
    const x: XhtmlContext = { report: ctx.report, notes, images, links: linkResolver(plan, doc.file, ctx), trace, labels: locale.labels };
    // Unreferenced notes are adopted before the last flush: into the Notes document, or the book's last document.
    if (doc.kind === 'notes' || (index === docs.length - 1 && !notes.needsNotesDocument)) notes.adoptUnreferenced();
    let body: string;
    if (doc.kind === 'chapter') body = chapterBody(doc.section, doc.fallback, doc.title, x, (data) => renderTemplate('chapter-opening.ejs', { ...data }, ctx));
    else if (doc.kind === 'cover') body = coverBody(book, cover, ctx);
    else if (doc.kind === 'contents') body = renderTemplate('contents.ejs', { title: doc.title, entries: plan.toc }, ctx);
    else if (doc.kind === 'notes') body = '';
    else body = pageBody(doc, book, plan.summary, x, ctx);
    const flushed = notes.flush((b) => blocks(b, x));
    if (doc.kind === 'notes') body = renderTemplate('notes.ejs', { title: doc.title, epubType: `${rules.noteType}s`, notes: flushed }, ctx);
    else body += flushed;
    if (rules.koboSpans) body = addKoboSpans(body);
    const document = renderTemplate('chapter.xhtml.ejs', { page: { lang: language, dir, title: doc.title, body } }, ctx);
    sourceMap[`OEBPS/${doc.file}`] = documentLines(document, docPosition(doc), trace);
    if (doc.kind === 'chapter') ctx.progress?.(++chaptersDone, chapterCount);
    return { file: doc.file, document };
  });

  const fonts: ManifestFile[] = options.embedFonts ? EMBEDDED_FONTS.map((f) => ({ href: f.file, mediaType: 'font/ttf', data: ctx.assets.font(f.key) })) : [];
  const tables = [...allSections(book.body)].reduce((n, s) => n + [...allBlocks(s.children)].filter((b) => b.type === 'table').length, 0);
  const a11y = accessibility({
    // The cover is left out: its alt text repeats the title page, so a book without pictures stays textual only.
    images: images.shown,
    imagesWithoutAlt: images.withoutAlt,
    animatedCandidates: images.files.filter((f) => f.mediaType === 'image/gif').length,
    footnotes: book.footnotes.length,
    tables,
  }, locale.labels);
  const pkg = packageData(book, { language, direction: dir, now: ctx.now, a11y, summary: summaryText(book, plan) }, ctx.report);
  // A document with inline SVG (the cover page's wrapper) must say so, and one without must not.
  const docItem = (file: string, document: string): ManifestItem => ({
    id: itemId(file),
    href: file,
    mediaType: 'application/xhtml+xml',
    properties: /<svg[\s>]/.test(document) ? 'svg' : undefined,
  });
  const fileItem = (f: ManifestFile): ManifestItem => ({
    id: f === cover ? 'cover-image' : itemId(f.href),
    href: f.href,
    mediaType: f.mediaType,
    fallback: f.fallback ? itemId(f.fallback) : undefined,
    properties: f === cover ? 'cover-image' : undefined,
  });
  pkg.coverId = 'cover-image';
  pkg.manifest = [
    { id: 'nav', href: NAV_FILE, mediaType: 'application/xhtml+xml', properties: 'nav' },
    { id: 'ncx', href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml' },
    { id: 'css', href: 'style.css', mediaType: 'text/css' },
    ...docs.map((d, i) => docItem(d.file, pages[i].document)),
    ...images.files.map(fileItem),
    ...fonts.map(fileItem),
  ];
  pkg.spine = docs.map((d) => itemId(d.file));

  const nav = navData(plan, tocTitle, locale.labels);
  if (rules.guide) pkg.guide = guide(nav.landmarks);
  const quire = {
    pkg,
    nav,
    ncx: ncxData(plan, pkg.identifier, pkg.title, book.meta.authors.map((a) => a.name), rules.ncxDepth),
    page: { lang: language, dir },
  };
  let css = ctx.assets.template('epub/style.css');
  if (options.embedFonts) css = fontFaces() + css;
  if (rules.plainCss) css = plainCss(css);
  // The package documents' data is `quire` (README: Templates).
  const packageDocument = (name: string) => renderTemplate(name, { quire }, ctx);
  await coverReady;
  const files: StoredFile[] = [...images.files, ...fonts].map((f) => ({ path: `OEBPS/${f.href}`, data: f.data }));
  if (rules.appleDisplayOptions && options.embedFonts) files.push({ path: 'META-INF/com.apple.ibooks.display-options.xml', data: APPLE_DISPLAY_OPTIONS });
  const data = packEpub({
    css,
    pages,
    opf: packageDocument('content.opf.ejs'),
    ncx: packageDocument('toc.ncx.ejs'),
    nav: { file: NAV_FILE, document: packageDocument('nav.xhtml.ejs') },
    files,
  });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), extension: rules.extension, mediaType: 'application/epub+zip', sourceMap };
}

/** Renders a book as an EPUB 3 file (with an NCX for EPUB 2 readers) that passes EPUBCheck, for one device profile. */
export const epubRenderer: Renderer<EpubOptions> = {
  name: 'epub',
  extension: '.epub',
  defaultOptions: DEFAULT_OPTIONS,
  render,
};
