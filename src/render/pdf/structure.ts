/** The tagged PDF's structure tree: one pdfkit structure element per layout tag, created as its first box is drawn. */
import type { StructTag } from './layout/types';

/** Maps layout tags to pdfkit structure elements under one Document element. */
export class StructureTree {
  private readonly elements = new Map<StructTag, PDFKit.PDFStructureElement>();
  private readonly document: PDFKit.PDFStructureElement;

  constructor(private readonly doc: PDFKit.PDFDocument, language: string) {
    this.document = doc.struct('Document', { lang: language });
    doc.addStructure(this.document);
  }

  /** Draws `paint` as marked content of `tag`'s element (created with its parents on first use). */
  mark(tag: StructTag, paint: () => void): void {
    const content = this.doc.markStructureContent(tag.type);
    paint();
    this.doc.endMarkedContent();
    this.element(tag).add(content);
  }

  /** Draws `paint` as an artifact: page furniture and ornaments that a screen reader skips. */
  artifact(type: 'Pagination' | 'Layout', paint: () => void): void {
    this.doc.markContent('Artifact', { type });
    paint();
    this.doc.endMarkedContent();
  }

  /** Closes every element; call once, before `doc.end()`. */
  end(): void {
    this.document.end();
  }

  private element(tag: StructTag): PDFKit.PDFStructureElement {
    let element = this.elements.get(tag);
    if (!element) {
      element = this.doc.struct(tag.type, tag.alt ? { alt: tag.alt } : {});
      (tag.parent ? this.element(tag.parent) : this.document).add(element);
      this.elements.set(tag, element);
    }
    return element;
  }
}
