/**
 * The tagged PDF's structure tree: one pdfkit structure element per layout tag, created as its first box is drawn,
 * and closed (written out, its content references let go) once its pages are behind: a book's tree is as wide as its
 * paragraphs, and War and Peace nineteen times over has a million lines of them. Also which boxes of a page are
 * drawn as one marked-content sequence (`markedRuns`).
 */
import type { DrawOp, Placed, StructTag } from './layout/types';

/** Pages an element goes without content before it is closed (its content lies on consecutive pages). */
const IDLE_PAGES = 2;

/** Maps layout tags to pdfkit structure elements under one Document element. */
export class StructureTree {
  private readonly elements = new Map<StructTag, PDFKit.PDFStructureElement>();
  /** The last page each open element (or a descendant) took content on. */
  private readonly lastPage = new Map<StructTag, number>();
  /** Tags whose elements must stay open: content is still to come (the contents' page numbers). */
  private readonly pinned = new Set<StructTag>();
  private readonly document: PDFKit.PDFStructureElement;
  private page = 0;

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
    for (let t: StructTag | undefined = tag; t; t = t.parent) this.lastPage.set(t, this.page);
  }

  /** Draws `paint` as an artifact: page furniture and ornaments that a screen reader skips. */
  artifact(type: 'Pagination' | 'Layout', paint: () => void): void {
    this.doc.markContent('Artifact', { type });
    paint();
    this.doc.endMarkedContent();
  }

  /** Keeps `tag`'s element (and its parents) open until `end`: more of its content is drawn later. */
  pin(tag: StructTag): void {
    for (let t: StructTag | undefined = tag; t; t = t.parent) this.pinned.add(t);
  }

  /** A page is done: closes the elements whose content lies on pages `IDLE_PAGES` or more behind, innermost first. */
  endPage(): void {
    const done: StructTag[] = [];
    for (const [tag, page] of this.lastPage) if (page <= this.page - IDLE_PAGES && !this.pinned.has(tag)) done.push(tag);
    // Children were made after their parents: closing in reverse order of making closes each child first.
    for (const tag of done.reverse()) {
      this.elements.get(tag)?.end();
      this.elements.delete(tag);
      this.lastPage.delete(tag);
    }
    this.page++;
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

/** Rules are drawn as decoration (artifacts), apart from the content of their box. */
export const isRule = (op: DrawOp): boolean => op.type === 'rule';

/**
 * Placed boxes in the marked-content sequences they are drawn as: a paragraph's lines on a page (boxes of one
 * element, one after another, none with a rule) are one sequence, one reference in the structure tree where a
 * sequence per line made one per line; any other box is a run of its own.
 */
export function markedRuns(placed: readonly Placed[]): Placed[][] {
  const runs: Placed[][] = [];
  const joins = (p: Placed) => p.box.tag !== undefined && !p.box.ops.some(isRule);
  for (const p of placed) {
    const run = runs[runs.length - 1];
    if (run && joins(p) && joins(run[0]) && run[0].box.tag === p.box.tag) run.push(p);
    else runs.push([p]);
  }
  return runs;
}
