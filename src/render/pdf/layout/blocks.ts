/** Block layout: one handler per model block type, each turning a block into flow blocks of positioned lines. */
import type { Block, BlockMap } from '../../../model/types';
import type { Word } from './collect';
import { leadingOf, type BlockCtx } from './block-ctx';
import { bodyStyle, wordsOf, wordsOfText, type LayoutEnv } from './env';
import { layoutImage } from './figure';
import { baselineOf, setParagraph, textOp } from './paragraph';
import { layoutTable } from './table';
import { adopt, tag } from './tags';
import type { DrawOp, FlowBlock, FlowBox, FontKey, StructType, TextStyle } from './types';

type Handler<K extends keyof BlockMap> = (node: BlockMap[K], ctx: BlockCtx, env: LayoutEnv) => FlowBlock[];

/** Lines of inline content as one splittable block with widow and orphan control. */
function text(lines: FlowBox[], spaceBefore = 0, spaceAfter = 0): FlowBlock {
  return { boxes: lines, spaceBefore, spaceAfter, splittable: true, widowControl: true };
}

const handlers: { [K in keyof BlockMap]: Handler<K> } = {
  paragraph: (node, ctx, env) => {
    const style = bodyStyle(env, ctx.scale);
    const words = wordsOf(node.children, style, env, node.position);
    const lines = setParagraph(ctx.opening && env.smallCapsLead ? smallCapsLead(words) : words, {
      width: env.measure - ctx.right,
      indent: ctx.left,
      firstIndent: ctx.indentFirst ? env.theme.body.indent * style.size : 0,
      align: 'justify',
      leading: leadingOf(env, ctx.scale),
      hyphenate: env.hyphenate,
      wordSpace: env.theme.body.wordSpace,
    }, env.fonts);
    return lines.length ? [text(lines)] : [];
  },

  heading: (node, ctx, env) => {
    const scale = ctx.scale * (node.depth <= 2 ? 1.25 : node.depth === 3 ? 1.1 : 1);
    const font: FontKey = node.depth <= 4 ? 'serif-bold' : 'serif-bold-italic';
    const leading = leadingOf(env, scale);
    const lines = setParagraph(wordsOf(node.children, bodyStyle(env, scale, font), env, node.position), {
      width: env.measure - ctx.right, indent: ctx.left, align: 'left', leading,
    }, env.fonts);
    return [{ boxes: lines, spaceBefore: leading, spaceAfter: leading / 3, splittable: false, keepWithNext: true }];
  },

  sceneBreak: (_node, ctx, env) => {
    const style = bodyStyle(env, ctx.scale);
    const ornament = env.theme.sceneBreak.find((o) => env.fonts.covers(style.font, o)) ?? '* * *';
    const lines = setParagraph(wordsOfText(ornament, style), {
      width: env.measure - ctx.right, indent: ctx.left, align: 'center', leading: leadingOf(env, ctx.scale),
    }, env.fonts);
    const gap = leadingOf(env, ctx.scale) / 2;
    return [{ boxes: lines, spaceBefore: gap, spaceAfter: gap, splittable: false, keepWithNext: true }];
  },

  blockquote: (node, ctx, env) => {
    const inset = env.theme.body.indent * env.theme.body.size * 1.5;
    const inner = { left: ctx.left + inset, right: ctx.right + inset, scale: ctx.scale * env.theme.small, indentFirst: false };
    return framed(layoutBlocks(node.children, inner, env), leadingOf(env, ctx.scale) / 2);
  },

  verse: (node, ctx, env) => {
    const step = env.theme.body.size * 1.5;
    const style = bodyStyle(env, ctx.scale);
    const leading = leadingOf(env, ctx.scale);
    return node.stanzas.map((stanza, i) => {
      const lines = stanza.flatMap((line) =>
        // A wrapped verse line continues with a deeper hanging indent, so it does not read as a new line.
        setParagraph(wordsOf(line.children, style, env, node.position), {
          width: env.measure - ctx.right, indent: ctx.left + step * (1 + line.indent), hang: step, align: 'left', leading,
          wordSpace: env.theme.body.wordSpace,
        }, env.fonts),
      );
      return { boxes: lines, spaceBefore: leading / 2, spaceAfter: i === node.stanzas.length - 1 ? leading / 2 : 0, splittable: true };
    });
  },

  list: (node, ctx, env) => {
    const hang = env.theme.body.size * 1.8;
    const style = bodyStyle(env, ctx.scale);
    const out: FlowBlock[] = [];
    node.items.forEach((item, i) => {
      const blocks = layoutBlocks(item.children, { ...ctx, left: ctx.left + hang, indentFirst: false }, env);
      adopt(blocks, tag('LI'));
      const marker = node.ordered ? `${(node.start ?? 1) + i}.` : env.theme.bullet;
      hangMarker(blocks, marker, style, ctx.left + hang - style.size * 0.5, env);
      out.push(...blocks);
    });
    return framed(out, leadingOf(env, ctx.scale) / 2);
  },

  table: (node, ctx, env) => layoutTable(node, ctx, env),

  imageBlock: (node, ctx, env) => layoutImage(node, ctx, env),

  codeBlock: (node, ctx, env) => {
    const scale = ctx.scale * 0.88;
    const style = bodyStyle(env, scale);
    const leading = leadingOf(env, scale);
    const space = env.fonts.width(' ', style);
    const lines = node.value.replace(/\t/g, '    ').split('\n').flatMap((line) => {
      const lead = /^ */.exec(line)?.[0].length ?? 0;
      const words = wordsOfText(line.trimStart(), style);
      if (words.length === 0) return [{ height: leading, ops: [] }];
      return setParagraph(words, {
        width: env.measure - ctx.right, indent: ctx.left + style.size * 1.5 + lead * space, hang: style.size * 2, align: 'left', leading,
      }, env.fonts);
    });
    return [{ boxes: lines, spaceBefore: leading / 2, spaceAfter: leading / 2, splittable: true }];
  },

  authorNote: (node, ctx, env) => {
    const inset = env.theme.body.size * 1.5;
    const inner = { left: ctx.left + inset, right: ctx.right, scale: ctx.scale * env.theme.small, indentFirst: false };
    const label = setParagraph(wordsOfText(`${node.label}:`, bodyStyle(env, inner.scale, 'serif-bold-italic')), {
      width: env.measure - inner.right, indent: inner.left, align: 'left', leading: leadingOf(env, inner.scale),
    }, env.fonts);
    // A thin rule at the left marks the note off from the story.
    const blocks: FlowBlock[] = [{ boxes: label, spaceBefore: 0, spaceAfter: 0, splittable: false, keepWithNext: true }, ...layoutBlocks(node.children, inner, env)];
    for (const block of blocks) for (const box of block.boxes) box.ops.push({ type: 'rule', x1: ctx.left + inset / 3, y1: 0, x2: ctx.left + inset / 3, y2: box.height, width: 0.6 });
    return framed(blocks, leadingOf(env, ctx.scale) / 2);
  },
};

/** Puts a list marker or note number in the hanging indent of the first line, right-aligned at `right`. */
export function hangMarker(blocks: FlowBlock[], marker: string, style: TextStyle, right: number, env: LayoutEnv): void {
  const first = blocks[0]?.boxes[0];
  if (!first) return;
  const op = first.ops.find((o): o is Extract<DrawOp, { type: 'text' }> => o.type === 'text');
  const baseline = op ? op.baseline + (op.style.rise ?? 0) : baselineOf(first.height);
  const width = env.fonts.width(marker, style);
  const markerOp = textOp(marker, style, right - width, baseline, width);
  // In a right-to-left book the marker reads right to left too ("1." shows its full stop on the left).
  if (env.fonts.rightToLeft) (markerOp as { rtl?: boolean }).rtl = true;
  first.ops.push(markerOp);
}

/** Notes being laid out: a note that refers to itself (or a cycle of notes) is set once. */
const settingNotes = new Set<number>();

/** A footnote's lines, set small with its number hanging in the margin; a note's own references are not followed. */
function footnoteLines(n: number, env: LayoutEnv): FlowBox[] {
  const note = env.notes.note(n);
  if (!note || settingNotes.has(n)) return [];
  settingNotes.add(n);
  const scale = env.theme.small * 0.9;
  const hang = env.theme.body.size * 1.5;
  const blocks = layoutBlocks(note.children, { left: hang, right: 0, scale, indentFirst: false }, env);
  settingNotes.delete(n);
  hangMarker(blocks, `${n}`, bodyStyle(env, scale), hang - env.theme.body.size * 0.4, env);
  adopt(blocks, tag('Note'));
  return blocks.flatMap((b) => b.boxes);
}

/** Adds space above the first and below the last of a group of blocks. */
function framed(blocks: FlowBlock[], space: number): FlowBlock[] {
  if (blocks.length === 0) return blocks;
  blocks[0].spaceBefore = Math.max(blocks[0].spaceBefore, space);
  const last = blocks[blocks.length - 1];
  last.spaceAfter = Math.max(last.spaceAfter, space);
  return blocks;
}

/** The structure element of each block type; scene breaks are decoration (artifacts). */
const STRUCT: { [K in keyof BlockMap]: ((node: BlockMap[K]) => StructType) | undefined } = {
  paragraph: () => 'P',
  heading: (node) => (node.depth <= 4 ? `H${node.depth + 2}` : 'H6') as StructType,
  sceneBreak: undefined,
  blockquote: () => 'BlockQuote',
  verse: () => 'P',
  list: () => 'L',
  table: () => 'Table',
  imageBlock: () => 'Figure',
  codeBlock: () => 'Code',
  authorNote: () => 'Note',
};

/** Lays out a sequence of blocks; paragraphs after paragraphs get a first-line indent. */
export function layoutBlocks(blocks: readonly Block[], ctx: BlockCtx, env: LayoutEnv): FlowBlock[] {
  const out: FlowBlock[] = [];
  let indent = ctx.indentFirst;
  // A chapter's opening is its first paragraph, after any author's notes before the story.
  let opening = ctx.opening ?? false;
  for (const block of blocks) {
    const handler = handlers[block.type] as Handler<typeof block.type>;
    const laid = handler(block, { ...ctx, indentFirst: indent, opening: opening && block.type === 'paragraph' }, env);
    if (block.type !== 'authorNote') opening = false;
    const struct = STRUCT[block.type] as ((node: typeof block) => StructType) | undefined;
    if (struct) adopt(laid, tag(struct(block), block.type === 'imageBlock' ? block.alt || block.title : undefined));
    for (const flow of laid) for (const box of flow.boxes) if (box.noteNumbers) box.notes = box.noteNumbers.map((n) => footnoteLines(n, env));
    out.push(...laid);
    indent = block.type !== 'heading' && block.type !== 'sceneBreak';
  }
  return out;
}

/** Most words a chapter's small-capital lead runs to; it ends sooner at a word that ends a clause. */
const LEAD_WORDS = 4;

/**
 * The words of a chapter's first paragraph with its lead in small capitals, as books set the first words after a
 * chapter title: up to four words, to the end of the first clause if that comes sooner.
 */
export function smallCapsLead(words: readonly Word[]): Word[] {
  const out = [...words];
  for (let i = 0; i < Math.min(LEAD_WORDS, out.length); i++) {
    const word = out[i];
    out[i] = { ...word, pieces: word.pieces.map((piece) => (piece.style.rise ? piece : { ...piece, style: { ...piece.style, smallCaps: true }, serif: undefined })) };
    if (word.gap?.kind === 'break' || /[,.;:!?\u2014\u2026][\u2019\u201d"')]*$/u.test(word.pieces[word.pieces.length - 1]?.text ?? '')) break;
  }
  return out;
}
