/**
 * The only module that uses pdfkit (loaded in fontkit.ts): draws laid-out pages, folios, running heads, links and
 * the outline.
 *
 * Every piece of text is drawn at the position layout computed, with pdfkit's own line wrapping off, so a
 * justified line's gaps are exactly those the line breaker chose. Words of one style on a line (most of a justified
 * line) are drawn as one string (`wordRuns`): each word shaped on its own, as layout measured it, and each gap exactly
 * its width, in one text object instead of one per word. Text objects are written by `TextObjects` (text-object.ts),
 * in the form pdfkit's `_fragment` gives them; pdfkit's own path remains for small capitals and marks.
 */
import type { FaceKey, FontSet } from './fonts';
import { FONT_KEYS, isSerif, SMALL_CAPS } from './fonts';
import { PDFDocument } from './fontkit';
import { drawnText, firstStrongDirection, isRightToLeftScript, linePieces, visualPieces } from './layout/bidi';
import type { DrawOp, Page, Placed, StructTag, TextStyle } from './layout/types';
import { deflateContent, Output, type ContentStream } from './output';
import { isRule, markedRuns, StructureTree } from './structure';
import { TextObjects, type TextDoc } from './text-object';
import { equalGapRuns, gapsOf, SAME_GAP, wordRuns, type TextOp } from './word-runs';
import type { Theme } from './theme';
import { xmpDescriptions, type XmpInfo } from './xmp';

/** Document metadata: what the XMP packet says, plus the file identifier. */
export interface DocumentInfo extends XmpInfo {
  /** The trailer's /ID: a hash of the input, so identical input gives identical bytes. */
  fileId: Uint8Array;
}

export interface DrawInput {
  size: readonly [number, number];
  theme: Theme;
  fonts: FontSet;
  info: DocumentInfo;
}

/**
 * The narrow view of pdfkit that drawing uses. @types/pdfkit does not declare the trailer ID, nor `_addInfo`, the
 * hook that writes the XMP packet (pdfkit's own puts the title into XML unescaped and has no language or subjects),
 * nor the page buffer and `endPageMarkings`, with which pages are written out as they are done (see `flush`).
 */
type Doc = PDFKit.PDFDocument & {
  _id: Uint8Array;
  _addInfo: () => void;
  _fragment: (text: string, x: number, y: number, options: FragmentOptions) => void;
  _pageBuffer: PdfPage[];
  page: PdfPage;
  endPageMarkings(page: PdfPage): void;
  /** Bytes written to the output stream so far. */
  _offset: number;
  /** Writes a piece of the file: bytes, or a line of text (pdfkit adds the newline and keeps each char's low byte). */
  _write(data: Uint8Array | string): void;
};
/** A pdfkit page, written out by `end()`. */
type PdfPage = PDFKit.PDFPage & { end(): void; content: ContentStream };

/**
 * The options of pdfkit's `_fragment`, which draws one string at one place. `text()` wraps it in option merging and,
 * with line breaking off, measures the string again afterwards only to advance its cursor, which quire never reads:
 * on a novel that measuring was a third of the drawing time.
 */
interface FragmentOptions {
  baseline: 'alphabetic';
  wordSpacing?: number;
  /** Glyph width in percent (the PDF's Tz): font expansion. */
  horizontalScaling?: number;
  /** The string's width without word spacing, and its word count: given, pdfkit does not measure them. */
  textWidth: number;
  wordCount: number;
  /** OpenType features to shape with (small capitals). */
  features?: string[];
}

/**
 * Draws pages into a PDF as they are paginated, and writes each out once drawn, so a book's pages need not all be
 * in memory. A page that shows page numbers (the contents, through `pageRef` ops) stays open, its numbers drawn
 * by `end` once every page's label is known.
 */
export class PdfWriter {
  private readonly doc: Doc;
  private readonly tree: StructureTree;
  private readonly canvas: Canvas;
  private readonly done: Promise<Buffer[]>;
  private count = 0;
  private outlineParent: PDFKit.PDFOutline | undefined;
  /** Page numbers to draw once known, with the page and element they belong to. */
  private readonly later: { page: PdfPage; op: DrawOp & { type: 'pageRef' }; x0: number; y0: number; tag: StructTag | undefined }[] = [];
  /** The pages those page numbers go on: they stay open until `end`. */
  private readonly waiting = new Set<PdfPage>();

  constructor(private readonly input: DrawInput) {
    const { info } = input;
    const doc = new PDFDocument({
      size: [input.size[0], input.size[1]],
      margin: 0,
      autoFirstPage: false,
      pdfVersion: '1.7',
      lang: info.language,
      displayTitle: true,
      tagged: true,
      // Pages are written out by `flush`, not by pdfkit as the next is added: the contents wait for their numbers.
      bufferPages: true,
      // The fonts below share one shaping cache with layout (fonts.ts); a second cache here would only hold copies.
      fontLayoutCache: false,
      info: {
        Title: info.title,
        Author: info.authors.join(', '),
        ...(info.subject ? { Subject: info.subject } : {}),
        ...(info.keywords.length ? { Keywords: info.keywords.join(', ') } : {}),
        Creator: 'quire',
        Producer: 'quire (pdfkit)',
        CreationDate: info.date,
        ModDate: info.date,
      },
    }) as Doc;
    this.doc = doc;
    // pdfkit hashes the info dictionary for /ID; a hash of the input also tells different books apart.
    doc._id = info.fileId;
    // A right-to-left book's spreads read from right to left (viewers show page 2 to the left of page 3).
    // (pdfkit made the ViewerPreferences dictionary for `displayTitle`.)
    if (input.fonts.rightToLeft) (doc as unknown as { _root: { data: { ViewerPreferences: { data: Record<string, unknown> } } } })._root.data.ViewerPreferences.data.Direction = 'R2L';
    doc._addInfo = () => doc.appendXML(xmpDescriptions({ ...info, date: info.date }));
    // pdfkit takes a parsed fontkit font as well as bytes; @types/pdfkit declares only the latter.
    for (const key of FONT_KEYS) doc.registerFont(key, input.fonts.fontkitFont(key) as unknown as Buffer);

    const output = new Output();
    // pdfkit pushes every piece it writes into its stream, where it waits (with the larger buffer it is a slice of)
    // until the event loop turns: for a render, which runs to the end without turning it, the whole PDF three times
    // over. Each piece is copied out as it is written instead, after the header pdfkit wrote when it was made.
    const header = doc.read() as Buffer | null;
    if (header) output.add(header);
    doc._write = (data) => {
      doc._offset += output.write(data);
    };
    this.done = new Promise<Buffer[]>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => output.add(chunk));
      doc.on('end', () => resolve(output.parts()));
      doc.on('error', reject);
    });
    this.tree = new StructureTree(doc, info.language);
    this.canvas = new Canvas(doc, input.fonts);
  }

  /** Bytes of the PDF written so far: drawn pages are written out at once, not when the document ends. */
  get written(): number {
    return this.doc._offset;
  }

  /** Draws the next page and writes it out (unless it waits for page numbers). */
  page(page: Page): void {
    const { doc, tree, canvas, input } = this;
    const { theme, size } = input;
    const index = this.count++;
    doc.addPage({ size: [size[0], size[1]], margin: 0 });
    const recto = index % 2 === 0;
    // The inner margin is at the binding: on a recto's left, or, in a book bound on the right (right to left), its right.
    const left = recto !== input.fonts.rightToLeft ? theme.margins.inner : theme.margins.outer;
    for (const mark of page.marks) {
      doc.addNamedDestination(mark.id, 'XYZ', 0, size[1], null);
      if (mark.level === 0 || !this.outlineParent) {
        const item = doc.outline.addItem(mark.title);
        if (mark.level === 0) this.outlineParent = item;
      } else this.outlineParent.addItem(mark.title);
    }
    const oneFace = (op: TextOp) => op.serif !== undefined || input.fonts.inSerif(op.text, op.style.font);
    const drawAt = (ops: readonly DrawOp[], y: number, tag: StructTag | undefined) => {
      for (const run of wordRuns(ops, oneFace)) {
        if (Array.isArray(run)) canvas.words(run, left, y);
        else if (run.type === 'pageRef') {
          this.later.push({ page: doc.page, op: run, x0: left, y0: y, tag });
          this.waiting.add(doc.page);
          if (tag) tree.pin(tag);
        } else canvas.draw(run, left, y);
      }
    };
    const place = (placed: readonly Placed[], top: number) => {
      for (const run of markedRuns(placed)) {
        const [{ y, box }] = run;
        const { tag } = box;
        if (run.length > 1) {
          tree.mark(tag!, () => run.forEach((p) => drawAt(p.box.ops, top + p.y, tag)));
          continue;
        }
        const rules = box.ops.filter(isRule);
        if (rules.length) tree.artifact('Layout', () => drawAt(rules, top + y, tag));
        const content = box.ops.filter((op) => !isRule(op));
        if (content.length === 0) continue;
        if (tag) tree.mark(tag, () => drawAt(content, top + y, tag));
        else tree.artifact('Layout', () => drawAt(content, top + y, tag));
      }
    };
    place(page.placed, theme.margins.top);
    place(page.notes ?? [], theme.margins.top);
    tree.artifact('Pagination', () => drawFurniture(canvas, page, recto, left, input));
    tree.endPage();
    this.flush();
  }

  /** Draws the page numbers that waited for `labels` (by mark id), closes the document and returns its bytes in blocks. */
  end(labels: ReadonlyMap<string, string>): Promise<Buffer[]> {
    const { doc, tree, canvas } = this;
    for (const { page, op, x0, y0, tag } of this.later) {
      doc.page = page;
      const paint = () => canvas.pageRef(op, x0, y0, labels.get(op.target) ?? '');
      if (tag) tree.mark(tag, paint);
      else tree.artifact('Layout', paint);
    }
    this.later.length = 0;
    this.waiting.clear();
    tree.end();
    doc.end();
    return this.done;
  }

  /** Writes out the drawn pages, but those waiting for page numbers (pdfkit's own `flushPages`, with exceptions). */
  private flush(): void {
    const { waiting } = this;
    const pages = this.doc._pageBuffer;
    this.doc._pageBuffer = pages.filter((p) => waiting.has(p));
    for (const page of pages) {
      if (waiting.has(page)) continue;
      this.doc.endPageMarkings(page);
      deflateContent(page.content);
      page.end();
    }
  }
}

/** Folio centred at the foot; running head centred at the top (book title on versos, chapter title on rectos). */
function drawFurniture(canvas: Canvas, page: Page, recto: boolean, left: number, input: DrawInput): void {
  const { theme, size } = input;
  const measure = size[0] - theme.margins.inner - theme.margins.outer;
  const style: TextStyle = { font: 'serif-regular', size: theme.folio.size };
  if (page.folio) {
    const width = input.fonts.width(page.folio, style);
    canvas.text(page.folio, style, left + (measure - width) / 2, size[1] - theme.margins.bottom + theme.folio.size * 2.4, width);
  }
  if (page.head) {
    const headStyle: TextStyle = { font: 'serif-italic', size: theme.folio.size };
    const head = fitText(recto ? page.head.right : page.head.left, measure, headStyle, input.fonts);
    const width = input.fonts.width(head, headStyle);
    canvas.line(head, headStyle, left + Math.max(0, (measure - width) / 2), theme.margins.top - theme.folio.size * 1.8);
  }
}

/** `text`, shortened at a word boundary with an ellipsis until it fits `width`. */
function fitText(text: string, width: number, style: TextStyle, fonts: FontSet): string {
  let words = text.split(' ');
  let out = text;
  while (words.length > 1 && fonts.width(out, style) > width) {
    words = words.slice(0, -1);
    out = `${words.join(' ').replace(/[\s,;:.\u2014-]+$/u, '')}\u2026`;
  }
  return out;
}

/** pdfkit's option for a glyph scale (none at 1, so unexpanded text is drawn exactly as before). */
const scaling = (scale: number): { horizontalScaling?: number } => (scale === 1 ? {} : { horizontalScaling: scale * 100 });

/** Draws layout ops with pdfkit; coordinates are absolute, y downwards, text at its baseline. */
class Canvas {
  /** Fallback faces registered with pdfkit so far (the serif's four are registered up front). */
  private readonly registered = new Set<string>(FONT_KEYS);
  /** Text objects written without pdfkit's `_fragment` (text-object.ts), which stays for what they do not cover. */
  private readonly objects = new TextObjects();
  /** The gaps of the run being written (`gapsOf`), one array for every run. */
  private readonly gaps: number[] = [];
  constructor(
    private readonly doc: Doc,
    private readonly fonts: FontSet,
  ) {}

  private get textDoc(): TextDoc {
    return this.doc as unknown as TextDoc;
  }

  /** Selects a face in pdfkit, registering a fallback face the first time it is drawn with. */
  private use(face: FaceKey, size: number): void {
    if (!this.registered.has(face)) {
      this.doc.registerFont(face, this.fonts.fontkitFont(face) as unknown as Buffer);
      this.registered.add(face);
    }
    this.doc.font(face).fontSize(size);
  }

  draw(op: DrawOp, x0: number, y0: number): void {
    switch (op.type) {
      case 'text':
        this.text(op.text, op.style, x0 + op.x, y0 + op.baseline, op.width, op.scale, op.rtl);
        break;
      case 'rule':
        this.doc.save().lineWidth(op.width).moveTo(x0 + op.x1, y0 + op.y1).lineTo(x0 + op.x2, y0 + op.y2).stroke().restore();
        break;
      case 'image':
        this.doc.image(op.data, x0 + op.x, y0 + op.y, { width: op.width, height: op.height });
        break;
      case 'pageRef':
        throw new Error('internal error: page numbers are drawn by PdfWriter.end, once known');
    }
  }

  /** Draws a page number (`label`) for a `pageRef` op, linked to its target. */
  pageRef(op: DrawOp & { type: 'pageRef' }, x0: number, y0: number, label: string): void {
    const width = this.doc.font(op.style.font).fontSize(op.style.size).widthOfString(label);
    const x = x0 + (op.left ?? op.right - width);
    this.text(label, op.style, x, y0 + op.baseline, width);
    this.doc.goTo(x, y0 + op.baseline - op.style.size, width, op.style.size * 1.3, op.target);
  }

  /**
   * Draws a one-line string from `x` (a running head): as it is when it is all left to right, else its words in
   * visual order by the bidi algorithm, right-to-left words drawn right to left.
   */
  line(text: string, style: TextStyle, x: number, baseline: number): void {
    if (!this.fonts.rightToLeft && !isRightToLeftScript(text)) {
      this.text(text, style, x, baseline, this.fonts.width(text, style));
      return;
    }
    const base = this.fonts.rightToLeft ? 'rtl' : firstStrongDirection(text, 'ltr');
    let at = x;
    for (const piece of visualPieces(linePieces(text), base)) {
      const width = this.fonts.width(piece.text, style);
      if (piece.text.trim() !== '') this.text(piece.text, style, at, baseline, width, 1, piece.level % 2 === 1);
      at += width;
    }
  }

  /**
   * Draws a run of words (see `wordRuns`) as one string, each word where layout put it. pdfkit's path, for words it
   * must draw itself, takes one string per stretch of equal gaps, set apart by its word spacing.
   */
  words(run: readonly TextOp[], x0: number, y0: number): void {
    const [first] = run;
    const { style } = first;
    const scale = first.scale ?? 1;
    this.doc.font(style.font).fontSize(style.size);
    const x = x0 + first.x;
    const y = y0 + first.baseline;
    if (this.objects.writeWords(this.textDoc, run, gapsOf(run, this.gaps), x, y, scale * 100)) return;
    for (const part of equalGapRuns(run)) {
      if (!Array.isArray(part)) {
        this.text(part.text, part.style, x0 + part.x, y, part.width, scale);
        continue;
      }
      const gap = gapsOf(part)[0];
      const space = this.doc.widthOfString(' ');
      // pdfkit sets words apart by space + wordSpacing, in text space, which the glyph scaling widens too; and it
      // only takes that path when wordSpacing is not 0.
      const wordSpacing = gap / scale - space || SAME_GAP;
      const last = part[part.length - 1];
      const textWidth = last.x + last.width - part[0].x - gap * (part.length - 1);
      this.fragment(part.map((op) => op.text), x0 + part[0].x, y, textWidth, scale, undefined, wordSpacing);
    }
  }

  /**
   * Draws `text` from `x`: in one fragment when the serif face has every glyph, else one fragment per face (see
   * `FontSet.segments`), right to left for text at a right-to-left level. Characters no face has are not drawn.
   */
  text(text: string, style: TextStyle, x: number, baseline: number, width: number, scale = 1, rtl = false): void {
    const smallCaps = style.smallCaps ? SMALL_CAPS : undefined;
    if (!rtl && this.fonts.inSerif(text, style.font)) {
      this.doc.font(style.font).fontSize(style.size);
      this.fragment(text, x, baseline, width, scale, smallCaps);
    } else {
      const segments = this.fonts.segments(text, style.font);
      let at = x;
      for (const segment of rtl ? [...segments].reverse() : segments) {
        const advance = this.fonts.segmentWidth(segment, style.size, style.smallCaps) * scale;
        if (segment.face !== undefined && segment.text.trim() !== '') {
          this.use(segment.face, style.size);
          this.fragment(drawnText(segment.text, rtl), at, baseline, advance / scale, scale, isSerif(segment.face) ? smallCaps : undefined);
        }
        at += advance;
      }
    }
    if (style.link) this.doc.link(x, baseline - style.size * 0.8, width, style.size * 1.1, style.link);
    if (style.strike) {
      const y = baseline - style.size * 0.28;
      this.doc.save().lineWidth(style.size * 0.05).moveTo(x, y).lineTo(x + width, y).stroke().restore();
    }
  }

  /**
   * One text object in the current font and size: a string, or a run's words set `wordSpacing` apart (in pdfkit's
   * terms: beyond a space). Written by `TextObjects`; pdfkit's `_fragment` draws what those leave to it (features
   * such as small capitals, glyphs placed with an offset). `textWidth` is the width before glyph scaling.
   */
  private fragment(text: string | readonly string[], x: number, baseline: number, textWidth: number, scale: number, features?: string[], wordSpacing = 0): void {
    if (!features && this.objects.write(this.textDoc, text, x, baseline, wordSpacing, scale * 100)) return;
    const [string, wordCount] = typeof text === 'string' ? [text, 1] : [text.join(' '), text.length];
    const options: FragmentOptions = { baseline: 'alphabetic', textWidth, wordCount, ...scaling(scale), ...(features ? { features } : {}) };
    if (wordSpacing) options.wordSpacing = wordSpacing;
    this.doc._fragment(string, x, baseline, options);
  }
}
