/**
 * markdown-it's block token stream → the model's blocks and footnotes. The stream is flat (`*_open` … `*_close`);
 * containers are kept on an explicit stack, so a deeply nested document cannot overflow the call stack.
 */
import type MarkdownIt from 'markdown-it';
import type { Block, Footnote, Heading, List, Position } from '../../model/types';
import { attr, footnoteIdentifier, footnoteMeta, isHtmlComment, toInlines } from './inlines';
import type { FootnoteMeta, InlineOptions } from './inlines';
import { spanOf, type LineMap, type Locate } from './source';
import { htmlToBlocks } from './html';
import { readTable } from './table';
import { verseFromParagraph } from './verse';

type Token = MarkdownIt.Token;

/** A container whose closing token is still ahead. */
type Frame =
  | { kind: 'root'; blocks: Block[] }
  | { kind: 'blockquote'; blocks: Block[]; position?: Position }
  | { kind: 'listItem'; blocks: Block[]; position?: Position }
  | { kind: 'footnote'; blocks: Block[]; meta: FootnoteMeta }
  | { kind: 'list'; list: List };

/** What the walk needs besides the tokens. */
export interface BlockOptions {
  locate: Locate;
  /** Called with the place and element name of each piece of raw HTML removed (active content, unknown markup). */
  onRawHtml?: (position: Position | undefined, element: string) => void;
}

/** The blocks of a Markdown text. Headings at the top level are `heading` blocks; `makeSections` splits on them. */
export interface BlockResult {
  blocks: Block[];
  footnotes: Footnote[];
}

interface Walk {
  tokens: readonly Token[];
  stack: Frame[];
  footnotes: Footnote[];
  options: BlockOptions;
}

const mapOf = (token: Token): LineMap => token.map as LineMap;
const withPosition = <T extends object>(node: T, position: Position | undefined): T =>
  position ? { ...node, position } : node;
/** A paragraph of literal text (raw HTML, or an unknown token's content). */
const textParagraph = (value: string, position: Position | undefined): Block =>
  withPosition({ type: 'paragraph', children: [{ type: 'text', value }] }, position);

function inlineOptions(walk: Walk, map: LineMap): InlineOptions {
  const { onRawHtml, locate } = walk.options;
  return { softbreak: 'space', onRawHtml: onRawHtml && ((element) => onRawHtml(locate(map), element)) };
}

/** Adds a block to the innermost container. Verse paragraphs in a row become the stanzas of one verse. */
function add(walk: Walk, block: Block): void {
  const frame = walk.stack[walk.stack.length - 1];
  if (frame.kind === 'list') return; // markdown-it puts nothing but items directly in a list
  const previous = frame.blocks[frame.blocks.length - 1];
  if (block.type === 'verse' && previous?.type === 'verse') {
    previous.stanzas.push(...block.stanzas);
    const position = spanOf(previous.position, block.position);
    if (position) previous.position = position;
    return;
  }
  frame.blocks.push(block);
}

function paragraph(walk: Walk, i: number): number {
  const inline = walk.tokens[i + 1];
  const map = mapOf(walk.tokens[i]);
  const position = walk.options.locate(map);
  const children = inline.children ?? [];
  const options = inlineOptions(walk, map);
  const only = children.length === 1 ? children[0] : undefined;
  if (only?.type === 'image') {
    const [image] = toInlines(children, options);
    if (image.type === 'image') add(walk, withPosition({ ...image, type: 'imageBlock' as const }, position));
    return i + 3;
  }
  const verse = verseFromParagraph(inline, map, walk.options.locate, options);
  if (verse) {
    add(walk, verse);
    return i + 3;
  }
  const inlines = toInlines(children, options);
  // A paragraph that held only an HTML comment is empty now, and not worth keeping.
  if (inlines.length > 0) add(walk, withPosition({ type: 'paragraph' as const, children: inlines }, position));
  return i + 3;
}

function heading(walk: Walk, i: number): number {
  const token = walk.tokens[i];
  const depth = Number(token.tag.slice(1)) as Heading['depth'];
  const children = toInlines(walk.tokens[i + 1].children ?? [], inlineOptions(walk, mapOf(token)));
  add(walk, withPosition({ type: 'heading' as const, depth, children }, walk.options.locate(mapOf(token))));
  return i + 3;
}

/** A thematic break; its marker is markdown-it's markup (`***`, `---`: the marks without the spaces between). */
function sceneBreak(walk: Walk, i: number): number {
  const token = walk.tokens[i];
  const position = walk.options.locate(mapOf(token));
  add(walk, withPosition({ type: 'sceneBreak' as const, marker: token.markup }, position));
  return i + 1;
}

function code(walk: Walk, i: number): number {
  const token = walk.tokens[i];
  const lang = token.type === 'fence' ? token.info.trim().split(/\s+/)[0] : '';
  const block: Block = { type: 'codeBlock', value: token.content.replace(/\n$/, '') };
  if (lang) block.lang = lang;
  add(walk, withPosition(block, walk.options.locate(mapOf(token))));
  return i + 1;
}

/** Raw HTML through the allow-list of html.ts: formatting becomes blocks and inlines, active content is removed. */
function htmlBlock(walk: Walk, i: number): number {
  const token = walk.tokens[i];
  if (isHtmlComment(token.content)) return i + 1;
  const position = walk.options.locate(mapOf(token));
  const removed = (element: string) => walk.options.onRawHtml?.(position, element);
  for (const block of htmlToBlocks(token.content, position, removed)) add(walk, block);
  return i + 1;
}

function openFrame(make: (token: Token, walk: Walk) => Frame): (walk: Walk, i: number) => number {
  return (walk, i) => {
    walk.stack.push(make(walk.tokens[i], walk));
    return i + 1;
  };
}

/** Ends the innermost container and hands the finished node to its parent. */
function closeFrame(walk: Walk, i: number): number {
  if (walk.stack.length === 1) return i + 1; // an unmatched close: markdown-it never emits one
  const frame = walk.stack.pop() as Exclude<Frame, { kind: 'root' }>;
  const parent = walk.stack[walk.stack.length - 1];
  switch (frame.kind) {
    case 'blockquote':
      add(walk, withPosition({ type: 'blockquote' as const, children: frame.blocks }, frame.position));
      break;
    case 'list':
      add(walk, frame.list);
      break;
    case 'listItem':
      if (parent.kind !== 'list') break;
      parent.list.items.push(withPosition({ type: 'listItem' as const, children: frame.blocks }, frame.position));
      break;
    case 'footnote': {
      const { meta, blocks } = frame;
      const position = spanOf(blocks[0]?.position, blocks[blocks.length - 1]?.position);
      const note: Footnote = { type: 'footnote', identifier: footnoteIdentifier(meta), children: blocks };
      if (meta.label !== undefined) note.label = meta.label;
      walk.footnotes.push(withPosition(note, position));
      break;
    }
  }
  return i + 1;
}

function list(token: Token, walk: Walk): Frame {
  const ordered = token.type === 'ordered_list_open';
  const position = walk.options.locate(mapOf(token));
  const start = Number(attr(token, 'start') ?? 1);
  const node: List = { type: 'list', ordered, items: [] };
  if (ordered) node.start = start;
  return { kind: 'list', list: withPosition(node, position) };
}

const skip = (_walk: Walk, i: number): number => i + 1;

/** One handler per block token type; each returns the index of the next token to read. */
const handlers: Record<string, (walk: Walk, i: number) => number> = {
  paragraph_open: paragraph,
  heading_open: heading,
  hr: sceneBreak,
  fence: code,
  code_block: code,
  html_block: htmlBlock,
  table_open: (walk, i) => {
    const options = inlineOptions(walk, mapOf(walk.tokens[i]));
    const [table, next] = readTable(walk.tokens, i, walk.options.locate, options);
    add(walk, table);
    return next;
  },
  blockquote_open: openFrame((token, walk) => ({
    kind: 'blockquote',
    blocks: [],
    position: walk.options.locate(mapOf(token)),
  })),
  bullet_list_open: openFrame(list),
  ordered_list_open: openFrame(list),
  list_item_open: openFrame((token, walk) => ({
    kind: 'listItem',
    blocks: [],
    position: walk.options.locate(mapOf(token)),
  })),
  footnote_open: openFrame((token) => ({ kind: 'footnote', blocks: [], meta: footnoteMeta(token) })),
  blockquote_close: closeFrame,
  bullet_list_close: closeFrame,
  ordered_list_close: closeFrame,
  list_item_close: closeFrame,
  footnote_close: closeFrame,
  // The footnote block is only a wrapper; anchors are the back-links renderers make themselves.
  footnote_block_open: skip,
  footnote_block_close: skip,
  footnote_anchor: skip,
};

/** Converts a token stream into blocks and footnotes. Unknown tokens keep their text as a paragraph. */
export function toBlocks(tokens: readonly Token[], options: BlockOptions): BlockResult {
  const walk: Walk = { tokens, stack: [{ kind: 'root', blocks: [] }], footnotes: [], options };
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    const handler = handlers[token.type];
    if (handler) {
      i = handler(walk, i);
      continue;
    }
    if (token.content) add(walk, textParagraph(token.content, options.locate(mapOf(token))));
    i++;
  }
  return { blocks: (walk.stack[0] as { blocks: Block[] }).blocks, footnotes: walk.footnotes };
}
