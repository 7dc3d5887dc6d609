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

  /**
   * Closes every element; call once, before `doc.end()`. Innermost first (each was made after its parent), so that
   * pdfkit's `end()`, which recurses into the children it has not closed yet, never goes deeper than one level.
   */
  end(): void {
    for (const element of [...this.elements.values()].reverse()) element.end();
    this.document.end();
  }

  /** `tag`'s element, made with those of its parents not made yet (outermost first; a loop, not a recursion). */
  private element(tag: StructTag): PDFKit.PDFStructureElement {
    const found = this.elements.get(tag);
    if (found) return found;
    const missing: StructTag[] = [];
    for (let t: StructTag | undefined = tag; t && !this.elements.has(t); t = t.parent) missing.push(t);
    for (const t of missing.reverse()) {
      const element = this.doc.struct(t.type, t.alt ? { alt: t.alt } : {});
      (t.parent ? this.elements.get(t.parent)! : this.document).add(element);
      this.elements.set(t, element);
    }
    return this.elements.get(tag)!;
  }
}
