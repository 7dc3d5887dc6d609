/** The simplest pieces of a designed page: vertical space and centred lines. */
import type { Inline } from '../../../model/types';
import { leadingOf } from './block-ctx';
import { bodyStyle, wordsOf, wordsOfText, type LayoutEnv } from './env';
import { setParagraph } from './paragraph';
import type { FlowBox, FontKey } from './types';

/** Empty vertical space that, unlike `spaceBefore`, survives at the top of a page. */
export function spacer(height: number): FlowBox {
  return { height, ops: [] };
}

/** Centred lines of inline content in one style. */
export function centred(content: readonly Inline[] | string, scale: number, font: FontKey, env: LayoutEnv, inset = 0): FlowBox[] {
  const style = { ...bodyStyle(env, 1, font), size: env.theme.body.size * scale };
  const words = typeof content === 'string' ? wordsOfText(content, style) : wordsOf(content, style, env);
  return setParagraph(words, { width: env.measure - inset, indent: inset, align: 'center', leading: leadingOf(env, scale) }, env.fonts);
}
