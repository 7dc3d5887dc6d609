/**
 * Footnote numbers through the book, decided in one place: a note's number is the order in which the book first
 * cites it, reading front matter, body and back matter in order; a note cited only from other notes comes after
 * those, in the order of the notes that cite it; a note nobody cites comes last, in the order of definition. The
 * `footnotes` transform stores each number on its note, and the EPUB and the PDF print it.
 */
import type { Book, Footnote } from './types';
import { visit } from './visit';

/** The first definition of each identifier (later ones are reported by the readers and never shown). */
export function footnotesById(book: Book): Map<string, Footnote> {
  const byId = new Map<string, Footnote>();
  for (const note of book.footnotes) if (!byId.has(note.identifier)) byId.set(note.identifier, note);
  return byId;
}

/** Computes every defined note's number (see the module's comment), by identifier. Does not change the book. */
export function numberFootnotes(book: Book): Map<string, number> {
  const byId = footnotesById(book);
  const numbers = new Map<string, number>();
  const order: Footnote[] = [];
  const cite = (identifier: string) => {
    const note = byId.get(identifier);
    if (!note || numbers.has(identifier)) return;
    numbers.set(identifier, numbers.size + 1);
    order.push(note);
  };
  visit([...book.front, ...book.body, ...book.back], { footnoteReference: (ref) => cite(ref.identifier) });
  // The notes' own citations, walking the notes in number order; the list grows as they cite new notes.
  for (let i = 0; i < order.length; i++) visit(order[i].children, { footnoteReference: (ref) => cite(ref.identifier) });
  for (const identifier of byId.keys()) cite(identifier);
  return numbers;
}

/** Each note's number by identifier: the numbers the `footnotes` transform stored, or computed when it has not run. */
export function footnoteNumbers(book: Book): ReadonlyMap<string, number> {
  const byId = footnotesById(book);
  const stored = new Map<string, number>();
  for (const [identifier, note] of byId) if (note.number !== undefined) stored.set(identifier, note.number);
  return stored.size === byId.size ? stored : numberFootnotes(book);
}
