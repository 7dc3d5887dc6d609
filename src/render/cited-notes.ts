/**
 * Footnotes numbered 1, 2, … within one scope, in the order first cited there: for the formats that restart their
 * notes in each chapter because each chapter is read (or posted) on its own, AO3's HTML and plain text. The EPUB and
 * the PDF number notes through the book, with the numbers the model gives them (model/footnotes.ts).
 */
import type { Footnote } from '../model/types';

export class CitedNotes {
  private readonly numbers = new Map<string, number>();
  /** Cited notes in citation order (a note may cite a further note, which joins the list). */
  readonly cited: Footnote[] = [];

  constructor(private readonly footnotes: ReadonlyMap<string, Footnote>) {}

  /** The note's number in this scope and whether this is its first citation here; undefined when the book has no such note. */
  cite(identifier: string): { number: number; first: boolean } | undefined {
    const known = this.numbers.get(identifier);
    if (known !== undefined) return { number: known, first: false };
    const note = this.footnotes.get(identifier);
    if (!note) return undefined;
    this.cited.push(note);
    this.numbers.set(identifier, this.cited.length);
    return { number: this.cited.length, first: true };
  }
}
