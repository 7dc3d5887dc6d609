/** What every block handler is given besides the block (insets, scale, indent), and the leading for a scale. */
import type { LayoutEnv } from './env';

/** Where a block sits: its left and right insets from the text block, its size scale, and whether to indent. */
export interface BlockCtx {
  left: number;
  right: number;
  scale: number;
  /** Indent the first line of a paragraph (not after a heading or scene break, nor at a chapter's start). */
  indentFirst: boolean;
  /** The blocks open a chapter: its first paragraph may set its first words in small capitals. */
  opening?: boolean;
}

/** The leading for a size scale, rounded so that scaled text still sits on whole points. */
export function leadingOf(env: LayoutEnv, scale: number): number {
  return Math.round(env.theme.body.leading * scale * 2) / 2;
}
