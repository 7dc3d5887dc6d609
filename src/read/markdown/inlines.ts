/** markdown-it's inline tokens → the model's inlines, walked with an explicit stack (no recursion on nesting). */
import type MarkdownIt from 'markdown-it';
import { plainText } from '../../model/build-helpers';
import type { Inline } from '../../model/types';
import { closingKind, inlineForTag, isSafeUrl, parseTag, REMOVED } from './html';

type Token = MarkdownIt.Token;

/** How to treat what the inline walk meets. */
export interface InlineOptions {
  /** What a soft line break becomes: a space (prose) or a `break` (a line of verse). */
  softbreak: 'space' | 'break';
  /** Called with the element name of each piece of raw HTML removed. */
  onRawHtml?: (element: string) => void;
}

/** An inline node with children, while its closing token is still ahead. */
interface Frame {
  children: Inline[];
}

interface Walk {
  stack: Frame[];
  options: InlineOptions;
  /** How many removed elements (`<script>` …) are open: their content is skipped. */
  removing: number;
  /** Frames opened by raw HTML tags, which only a matching closing tag may close. */
  htmlFrames: WeakSet<Frame>;
}

/** A token attribute as a string (markdown-it types attribute values as strings or numbers). */
export function attr(token: Token, name: string): string | undefined {
  const value = token.attrGet(name);
  return value === null ? undefined : String(value);
}

const top = (walk: Walk): Inline[] => walk.stack[walk.stack.length - 1].children;

/** Appends text, merging it into a text node just before it (so soft breaks do not split words apart). */
export function appendText(children: Inline[], value: string): void {
  if (!value) return;
  const last = children[children.length - 1];
  if (last?.type === 'text') last.value += value;
  else children.push({ type: 'text', value });
}

/** HTML comments are the author's notes to self: dropped, never shown as text. */
export const isHtmlComment = (html: string): boolean => /^\s*<!--[\s\S]*?-->\s*$/.test(html);

/**
 * Emphasis nested deeper than this is flattened into its parent: nobody reads 30 levels of italics, and every
 * consumer of the tree (renderers, serialisers, deep-equality in tests) can then recurse on inlines safely.
 */
export const MAX_INLINE_DEPTH = 32;

/** A handler that opens a node with children; a fresh copy of `node` each time. */
function open(node: Inline & Frame): (walk: Walk) => void {
  return (walk) => {
    if (walk.stack.length > MAX_INLINE_DEPTH) {
      // Past the limit the parent stands in for the node, so its closing token pops the right frame.
      walk.stack.push(walk.stack[walk.stack.length - 1]);
      return;
    }
    const copy: Inline & Frame = { ...node, children: [] };
    top(walk).push(copy);
    walk.stack.push(copy);
  };
}

const close = (walk: Walk): void => {
  if (walk.stack.length > 1) walk.stack.pop();
};

/** One handler per inline token type. */
const handlers: Record<string, (walk: Walk, token: Token) => void> = {
  text: (walk, token) => appendText(top(walk), token.content),
  softbreak: (walk) => {
    if (walk.options.softbreak === 'break') top(walk).push({ type: 'break' });
    else appendText(top(walk), ' ');
  },
  hardbreak: (walk) => top(walk).push({ type: 'break' }),
  code_inline: (walk, token) => top(walk).push({ type: 'code', value: token.content }),
  em_open: open({ type: 'emphasis', children: [] }),
  em_close: close,
  strong_open: open({ type: 'strong', children: [] }),
  strong_close: close,
  s_open: open({ type: 'strikethrough', children: [] }),
  s_close: close,
  link_open: (walk, token) => {
    const url = attr(token, 'href') ?? '';
    if (!isSafeUrl(url)) {
      // The link goes; its text stays. markdown-it is told to accept every URL (parser.ts) so that this is the one check.
      walk.options.onRawHtml?.(`link to ${url.split(':')[0]}:`);
      // An autolink's text is the URL itself: it goes with the link (into a frame attached to nothing).
      walk.stack.push(token.markup === 'autolink' ? { children: [] } : walk.stack[walk.stack.length - 1]);
      return;
    }
    const title = attr(token, 'title');
    open({ type: 'link', url, ...(title ? { title } : {}), children: [] })(walk);
  },
  link_close: close,
  image: (walk, token) => {
    const title = attr(token, 'title');
    // The alt text is parsed as inlines (`![*a* b](…)`); the model keeps what a screen reader would say.
    const alt = plainText(toInlines(token.children ?? [], { softbreak: 'space' }));
    top(walk).push({ type: 'image', url: attr(token, 'src') ?? '', alt, ...(title ? { title } : {}) });
  },
  footnote_ref: (walk, token) => top(walk).push(footnoteReference(footnoteMeta(token))),
  html_inline: htmlInline,
};

/** Elements that never have a closing tag: a removed one must not start skipping text. */
const VOID = new Set(['input', 'source', 'track', 'param', 'meta', 'link', 'base', 'embed', 'frame']);

/** One raw HTML tag, through the allow-list of html.ts. */
function htmlInline(walk: Walk, token: Token): void {
  if (isHtmlComment(token.content)) return;
  const tag = parseTag(token.content);
  if (!tag) return walk.options.onRawHtml?.('markup');
  if (REMOVED.has(tag.name)) {
    if (tag.closing) walk.removing = Math.max(0, walk.removing - 1);
    else {
      walk.options.onRawHtml?.(tag.name);
      if (!VOID.has(tag.name) && !/\/\s*>$/.test(token.content)) walk.removing++;
    }
    return;
  }
  if (walk.removing) return;
  if (tag.closing) {
    const kind = closingKind(tag);
    for (let at = walk.stack.length - 1; kind && at > 0; at--) {
      const frame = walk.stack[at] as Frame & { type?: string };
      if (walk.htmlFrames.has(frame) && frame.type === kind) {
        walk.stack.length = at;
        break;
      }
    }
    return;
  }
  const inline = inlineForTag(tag);
  if (!inline) return;
  if ('leaf' in inline) return void top(walk).push(inline.leaf);
  open(inline.open)(walk);
  const opened = walk.stack[walk.stack.length - 1];
  if (opened !== walk.stack[walk.stack.length - 2]) walk.htmlFrames.add(opened);
}

/** What markdown-it-footnote puts in `token.meta` of references and definitions. */
export interface FootnoteMeta {
  id: number;
  label?: string;
}

/** The footnote fields of a `footnote_ref` or `footnote_open` token. */
export function footnoteMeta(token: Token): FootnoteMeta {
  const meta = token.meta ?? {};
  return typeof meta.label === 'string' ? { id: Number(meta.id), label: meta.label } : { id: Number(meta.id) };
}

/**
 * The identifier of a note: its label as written (`[^note]` → `note`), or for an inline note (`^[…]`), which has
 * none, a name with a space in it, which no written label can have.
 */
export function footnoteIdentifier(meta: FootnoteMeta): string {
  return meta.label ?? `inline ${meta.id + 1}`;
}

function footnoteReference(meta: FootnoteMeta): Inline {
  const reference: Inline = { type: 'footnoteReference', identifier: footnoteIdentifier(meta) };
  if (meta.label !== undefined) reference.label = meta.label;
  return reference;
}

/** Converts an inline token's children. Unknown token types keep their text, so nothing the author wrote is lost. */
export function toInlines(tokens: readonly Token[], options: InlineOptions): Inline[] {
  const root: Frame = { children: [] };
  const walk: Walk = { stack: [root], options, removing: 0, htmlFrames: new WeakSet() };
  for (const token of tokens) {
    if (walk.removing && token.type !== 'html_inline') continue;
    const handler = handlers[token.type];
    if (handler) handler(walk, token);
    else appendText(top(walk), token.content);
  }
  return root.children;
}
