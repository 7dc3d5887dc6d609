/**
 * The only module that touches pdfkit: draws laid-out pages, folios, running heads, links and the outline.
 *
 * Every piece of text is drawn at the position layout computed, with pdfkit's own line wrapping off, so a
 * justified line's gaps are exactly those the line breaker chose.
 */
import PDFDocument from 'pdfkit';
import type { FontSet } from './fonts';
import { FONT_KEYS } from './fonts';
import type { DrawOp, Page, Placed, TextStyle } from './layout/types';
import { StructureTree } from './structure';
import type { Theme } from './theme';
import { xmpDescriptions, type XmpInfo } from './xmp';

/** Document metadata: what the XMP packet says, plus the file identifier. */
export interface DocumentInfo extends XmpInfo {
  /** The trailer's /ID: a hash of the input, so identical input gives identical bytes. */
  fileId: Uint8Array;
}

export interface DrawInput {
  pages: readonly Page[];
  size: readonly [number, number];
  theme: Theme;
  fonts: FontSet;
  info: DocumentInfo;
  /** Page label by mark id, for the contents' page numbers. */
  pageLabels: ReadonlyMap<string, string>;
}

/**
 * The narrow view of pdfkit that drawing uses. @types/pdfkit does not declare the trailer ID, nor `_addInfo`, the
 * hook that writes the XMP packet (pdfkit's own puts the title into XML unescaped and has no language or subjects).
 */
type Doc = PDFKit.PDFDocument & { _id: Uint8Array; _addInfo: () => void };

/** Renders the pages into PDF bytes. */
export function drawPdf(input: DrawInput): Promise<Buffer> {
  const { info, theme } = input;
  const doc = new PDFDocument({
    size: [input.size[0], input.size[1]],
    margin: 0,
    autoFirstPage: false,
    pdfVersion: '1.7',
    lang: info.language,
    displayTitle: true,
    tagged: true,
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
  // pdfkit hashes the info dictionary for /ID; a hash of the input also tells different books apart.
  doc._id = info.fileId;
  doc._addInfo = () => doc.appendXML(xmpDescriptions({ ...info, date: info.date }));
  // pdfkit takes a parsed fontkit font as well as bytes; @types/pdfkit declares only the latter.
  for (const key of FONT_KEYS) doc.registerFont(key, input.fonts.fontkitFont(key) as unknown as Buffer);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const tree = new StructureTree(doc, info.language);
  const canvas = new Canvas(doc);
  let outlineParent: PDFKit.PDFOutline | undefined;
  input.pages.forEach((page, index) => {
    doc.addPage({ size: [input.size[0], input.size[1]], margin: 0 });
    const recto = index % 2 === 0;
    const left = recto ? theme.margins.inner : theme.margins.outer;
    for (const mark of page.marks) {
      doc.addNamedDestination(mark.id, 'XYZ', 0, input.size[1], null);
      if (mark.level === 0 || !outlineParent) {
        const item = doc.outline.addItem(mark.title);
        if (mark.level === 0) outlineParent = item;
      } else outlineParent.addItem(mark.title);
    }
    const place = ({ y, box }: Placed, top: number) => {
      const draw = (ops: readonly DrawOp[]) => () => {
        for (const op of ops) canvas.draw(op, left, top + y, input.pageLabels);
      };
      const rules = box.ops.filter((op) => op.type === 'rule');
      if (rules.length) tree.artifact('Layout', draw(rules));
      const content = box.ops.filter((op) => op.type !== 'rule');
      if (content.length === 0) return;
      if (box.tag) tree.mark(box.tag, draw(content));
      else tree.artifact('Layout', draw(content));
    };
    for (const placed of page.placed) place(placed, theme.margins.top);
    for (const placed of page.notes ?? []) place(placed, theme.margins.top);
    tree.artifact('Pagination', () => drawFurniture(canvas, page, recto, left, input));
  });
  tree.end();
  doc.end();
  return done;
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
    canvas.text(head, headStyle, left + Math.max(0, (measure - width) / 2), theme.margins.top - theme.folio.size * 1.8, width);
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

/** Draws layout ops with pdfkit; coordinates are absolute, y downwards, text at its baseline. */
class Canvas {
  constructor(private readonly doc: Doc) {}

  draw(op: DrawOp, x0: number, y0: number, labels: ReadonlyMap<string, string>): void {
    switch (op.type) {
      case 'text':
        this.text(op.text, op.style, x0 + op.x, y0 + op.baseline, op.width);
        break;
      case 'rule':
        this.doc.save().lineWidth(op.width).moveTo(x0 + op.x1, y0 + op.y1).lineTo(x0 + op.x2, y0 + op.y2).stroke().restore();
        break;
      case 'image':
        this.doc.image(op.data, x0 + op.x, y0 + op.y, { width: op.width, height: op.height });
        break;
      case 'pageRef': {
        const label = labels.get(op.target) ?? '';
        const width = this.doc.font(op.style.font).fontSize(op.style.size).widthOfString(label);
        this.text(label, op.style, x0 + op.right - width, y0 + op.baseline, width);
        this.doc.goTo(x0 + op.right - width, y0 + op.baseline - op.style.size, width, op.style.size * 1.3, op.target);
        break;
      }
    }
  }

  text(text: string, style: TextStyle, x: number, baseline: number, width: number): void {
    this.doc.font(style.font).fontSize(style.size).text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
    if (style.link) this.doc.link(x, baseline - style.size * 0.8, width, style.size * 1.1, style.link);
    if (style.strike) {
      const y = baseline - style.size * 0.28;
      this.doc.save().lineWidth(style.size * 0.05).moveTo(x, y).lineTo(x + width, y).stroke().restore();
    }
  }
}
