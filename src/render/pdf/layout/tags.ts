/** Structure tags for the tagged PDF: which element each laid-out box belongs to, nested as the model nests blocks. */
import type { FlowBlock, StructTag, StructType } from './types';

/** The root of a tag's chain of parents. */
function root(tag: StructTag): StructTag {
  let t = tag;
  while (t.parent) t = t.parent;
  return t;
}

/**
 * Puts the boxes of `blocks` into `tag`: untagged boxes get it, and elements already tagged (a paragraph inside a
 * list item) become its children. Decorative boxes (no text, or ornaments marked `artifact`) stay untagged.
 */
export function adopt(blocks: readonly FlowBlock[], tag: StructTag): void {
  for (const block of blocks) {
    for (const box of block.boxes) {
      if (!box.ops.some((op) => op.type !== 'rule')) continue;
      if (!box.tag) box.tag = tag;
      else {
        const top = root(box.tag);
        if (top !== tag) top.parent = tag;
      }
    }
  }
}

/**
 * Gives the boxes of `block` that no handler tagged one new element of `type` (a title page's lines read as a
 * paragraph). Boxes already tagged keep their elements as they are: adopting them would nest their root (the
 * contents' TOC, shared by every entry) under each block's new element in turn, a chain as long as the contents.
 */
export function tagUntagged(block: FlowBlock, type: StructType): void {
  let own: StructTag | undefined;
  for (const box of block.boxes) {
    if (box.tag || !box.ops.some((op) => op.type !== 'rule')) continue;
    box.tag = own ??= tag(type);
  }
}

/** A new element of `type`. */
export function tag(type: StructType, alt?: string): StructTag {
  return alt ? { type, alt } : { type };
}
