/**
 * Footnotes in HTML, as the tools people export from write them: a reference is a link to `#id` inside `<sup>` (or
 * marked `role="doc-noteref"`, `class="footnote-ref"`, `epub:type="noteref"`), and its text is the element with that
 * id: a list item (mammoth's `<ol><li id="footnote-1">`, pandoc's `<li id="fn1">`) or an element marked as a note
 * (`role="doc-footnote"`, `epub:type="footnote"`, an `<aside>`). The notes' own list, and pandoc's wrapping
 * `section.footnotes`, are taken out of the story; back-links (`↑`, `↩`) inside a note are dropped.
 */
import { findElements, hasClass, isElement, nameOf, type HtmlElement, type HtmlNode } from './dom';

/** The notes of one document. */
export interface NoteIndex {
  /** Note texts by id, in the order of their first reference. */
  readonly targets: Map<string, HtmlElement>;
  /** The `id`s of reference links, which a note's back-link points to. */
  readonly referenceIds: ReadonlySet<string>;
  /** Elements the story leaves out because they hold the notes (each target, or the list and section around them). */
  readonly skip: ReadonlySet<HtmlElement>;
}

const NOTE_ROLES = /\b(?:doc-footnote|doc-endnote|footnote|endnote|rearnote)\b/;
const NOTE_CONTAINER = /\b(?:doc-endnotes|footnotes|endnotes|rearnotes)\b/;

/** The `#id` a link points to inside the document, if it does. */
function fragmentOf(element: HtmlElement): string | undefined {
  const href = element.attribs.href?.trim();
  if (!href?.startsWith('#') || href.length < 2) return undefined;
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}

/** Whether a link is marked up as a note reference, or set as one (inside `<sup>`, or holding only a `<sup>`). */
function looksLikeReference(link: HtmlElement): boolean {
  const marks = `${link.attribs.role ?? ''} ${link.attribs['epub:type'] ?? ''} ${link.attribs.class ?? ''}`;
  if (/\b(?:doc-noteref|noteref|footnote-ref|footnote-reference)\b/.test(marks)) return true;
  const parent = link.parent && isElement(link.parent as HtmlNode) ? (link.parent as HtmlElement) : undefined;
  if (parent && nameOf(parent) === 'sup') return true;
  const inner = link.children.filter((c) => !(c.type === 'text' && !c.data.trim()));
  return inner.length === 1 && isElement(inner[0]) && nameOf(inner[0]) === 'sup';
}

/** Whether an element can hold a note's text. */
function isNoteText(element: HtmlElement): boolean {
  const marks = `${element.attribs.role ?? ''} ${element.attribs['epub:type'] ?? ''}`;
  return nameOf(element) === 'li' || nameOf(element) === 'aside' || NOTE_ROLES.test(marks);
}

/** What a note's text leaves behind in the story: its list when the list holds only notes, and a notes section around that. */
function container(target: HtmlElement, targets: ReadonlySet<HtmlElement>): HtmlElement {
  let out = target;
  const list = target.parent as HtmlElement | null;
  if (nameOf(target) === 'li' && list && isElement(list) && list.children.filter(isElement).every((c) => targets.has(c))) out = list;
  const around = out.parent as HtmlElement | null;
  if (around && isElement(around) && NOTE_CONTAINER.test(`${around.attribs.role ?? ''} ${around.attribs.class ?? ''} ${around.attribs['epub:type'] ?? ''}`)) {
    out = around;
  }
  return out;
}

/** Finds the notes of a document (or of any part of one). */
export function findNotes(root: { children: HtmlNode[] }): NoteIndex {
  const byId = new Map<string, HtmlElement>();
  for (const element of findElements(root, (e) => e.attribs.id !== undefined)) if (!byId.has(element.attribs.id)) byId.set(element.attribs.id, element);
  const targets = new Map<string, HtmlElement>();
  const referenceIds = new Set<string>();
  for (const link of findElements(root, (e) => nameOf(e) === 'a' && e.attribs.href !== undefined)) {
    const id = fragmentOf(link);
    const target = id === undefined ? undefined : byId.get(id);
    if (!target || !isNoteText(target) || !looksLikeReference(link)) continue;
    if (!targets.has(id!)) targets.set(id!, target);
    if (link.attribs.id) referenceIds.add(link.attribs.id);
  }
  const targetSet = new Set(targets.values());
  const skip = new Set([...targetSet].map((target) => container(target, targetSet)));
  return { targets, referenceIds, skip };
}

/** The note a link refers to (its id), if it is a reference. */
export function noteReferenced(link: HtmlElement, notes: NoteIndex): string | undefined {
  const id = fragmentOf(link);
  return id !== undefined && notes.targets.has(id) && looksLikeReference(link) ? id : undefined;
}

/** Whether a link inside a note leads back to its reference (`<a href="#footnote-ref-1">↑</a>`): it is dropped. */
export function isBackLink(link: HtmlElement, notes: NoteIndex): boolean {
  const id = fragmentOf(link);
  const marks = `${link.attribs.role ?? ''} ${link.attribs.class ?? ''}`;
  return (id !== undefined && notes.referenceIds.has(id)) || /\b(?:doc-backlink|footnote-back)\b/.test(marks) || hasClass(link, 'backlink');
}
