/**
 * EPIGRAPH: an untitled opening before the first heading of a book with headings that is only quotation material
 * (block quotes and verse, with at most one image beside them, such as a signature, and attribution lines such as
 * `— Walt Whitman`) is the book's epigraph, a front-matter page, not a section of the body. Opening prose (a
 * preface, a note to the reader) stays an untitled opening section (sections.ts).
 */
import { plainText } from '../../model/build-helpers';
import type { Block, Matter, Section } from '../../model/types';

/** The longest attribution line (`— Walt Whitman, 1855`) an epigraph may have beside its quotation, in characters. */
const ATTRIBUTION_MAX_CHARS = 120;
const ATTRIBUTION = /^\s*(?:[—―–]|--)/;

const isAttribution = (block: Block): boolean => {
  if (block.type !== 'paragraph') return false;
  const text = plainText(block.children);
  return ATTRIBUTION.test(text) && text.trim().length <= ATTRIBUTION_MAX_CHARS;
};

/** Whether blocks are only quotation: at least one block quote or verse, at most one image, attribution lines. */
export function isQuotation(blocks: readonly Block[]): boolean {
  let quotes = 0;
  let images = 0;
  for (const block of blocks) {
    if (block.type === 'blockquote' || block.type === 'verse') quotes++;
    else if (block.type === 'imageBlock') images++;
    else if (!isAttribution(block)) return false;
  }
  return quotes > 0 && images <= 1;
}

/**
 * Takes the epigraph out of a body made by `makeSections`: its first section when that is the untitled opening
 * (role `section`, no title, no sub-sections: chapters follow it) and is only quotation. Returns it as front matter.
 */
export function takeEpigraph(body: Section[]): Matter | undefined {
  const [first] = body;
  if (!first || body.length < 2 || first.role !== 'section' || first.title.length > 0 || first.label !== undefined) return undefined;
  if (first.sections.length > 0 || !isQuotation(first.children)) return undefined;
  body.shift();
  return { type: 'matter', role: 'epigraph', id: 'epigraph', children: first.children, ...(first.position ? { position: first.position } : {}) };
}
