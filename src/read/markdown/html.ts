/**
 * Raw HTML in Markdown, through an allow-list: formatting tags writers use (`<i>`, `<b>`, `<br>`, `<a href>`, `<p>`,
 * `<hr>`) become model nodes; active content (`<script>`, `<iframe>`, `<object>`, `<form>`, …) is removed with
 * everything inside it; every other tag is dropped and its text kept. No attribute ever passes through, and links
 * keep only safe URLs, so nothing executable can reach an output.
 */
import { whenUsed } from '../../files/packages';
import type { Block, Inline, Position } from '../../model/types';

/** htmlparser2, loaded the first time a manuscript has HTML in it (the plain-text reader's too). */
export const htmlparser2 = whenUsed(() => require('htmlparser2') as typeof import('htmlparser2'));

/** Elements removed together with their content. */
export const REMOVED = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select',
  'textarea', 'template', 'noscript', 'canvas', 'audio', 'video', 'source', 'track', 'svg', 'math', 'head', 'title',
  'meta', 'link', 'base', 'param', 'dialog', 'portal',
]);

/** Elements that end a paragraph (their text becomes paragraphs of its own); shared with the HTML reader. */
export const BLOCKS = new Set([
  'p', 'div', 'center', 'section', 'article', 'aside', 'header', 'footer', 'main', 'nav', 'blockquote', 'pre', 'address',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'td', 'th',
  'figure', 'figcaption', 'details', 'summary', 'body', 'html',
]);

type FrameKind = 'emphasis' | 'strong' | 'strikethrough';
/** Formatting elements and the inline node each becomes (shared with the HTML reader). */
export const FORMATTING: Record<string, FrameKind> = {
  // The model has no underline. In a manuscript, underlining marks what the typesetter sets in italics (Chicago
  // Manual of Style, 17th ed., 2.15), so `<u>` is emphasis, in every reader.
  i: 'emphasis', em: 'emphasis', cite: 'emphasis', var: 'emphasis', dfn: 'emphasis', u: 'emphasis',
  b: 'strong', strong: 'strong',
  s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough',
};

/** URLs quire will link to: web, mail, fragments and relative paths. Never `javascript:`, `data:`, `vbscript:`… */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme (`java\tscript:`); so does this check.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  return !scheme || ['http', 'https', 'mailto', 'ftp'].includes(scheme[1]);
}

/** A parsed single tag: `<a href="x">`, `</i>`, `<br/>`. */
export interface Tag {
  name: string;
  closing: boolean;
  attributes: Record<string, string>;
}

/** Parses one tag as markdown-it hands it over in an `html_inline` token; undefined for comments and other markup. */
export function parseTag(html: string): Tag | undefined {
  const m = /^<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9-]*)/.exec(html);
  if (!m) return undefined;
  let attributes: Record<string, string> = {};
  if (!m[1]) {
    const parser = new (htmlparser2().Parser)({ onopentag: (_name, attribs) => (attributes = attribs) }, { decodeEntities: true, lowerCaseAttributeNames: true });
    parser.end(html);
  }
  return { name: m[2].toLowerCase(), closing: m[1] === '/', attributes };
}

/** What an allowed opening tag becomes inline: a container to fill, a leaf, or nothing (dropped, text kept). */
export function inlineForTag(tag: Tag): { open: Inline & { children: Inline[] } } | { leaf: Inline } | undefined {
  const kind = FORMATTING[tag.name];
  if (kind) return { open: { type: kind, children: [] } };
  if (tag.name === 'br') return { leaf: { type: 'break' } };
  if (tag.name === 'a' && tag.attributes.href && isSafeUrl(tag.attributes.href)) {
    const title = tag.attributes.title;
    return { open: { type: 'link', url: tag.attributes.href, ...(title ? { title } : {}), children: [] } };
  }
  if (tag.name === 'img' && tag.attributes.src) return { leaf: { type: 'image', url: tag.attributes.src, alt: tag.attributes.alt ?? '' } };
  return undefined;
}

/** The kind of container a closing tag ends, for matching it to its opening tag. */
export function closingKind(tag: Tag): string | undefined {
  return FORMATTING[tag.name] ?? (tag.name === 'a' ? 'link' : undefined);
}

/**
 * An HTML block as model blocks: block elements separate paragraphs, `<hr>` is a scene break, formatting maps to
 * inlines, removed elements vanish with their content. Iterative (a SAX parser and an explicit stack).
 */
export function htmlToBlocks(html: string, position: Position | undefined, onRemoved: (name: string) => void): Block[] {
  const blocks: Block[] = [];
  const withPosition = <T extends Block>(block: T): T => (position ? { ...block, position } : block);
  let stack: (Inline & { children: Inline[] })[] = [];
  let root: Inline[] = [];
  let removing = 0;
  const top = () => (stack.length ? stack[stack.length - 1].children : root);
  const flush = () => {
    if (hasContent(root)) blocks.push(withPosition({ type: 'paragraph', children: trimInlines(root) }));
    root = [];
    stack = [];
  };
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(name, attributes) {
        if (removing || REMOVED.has(name)) {
          if (REMOVED.has(name)) {
            removing++;
            onRemoved(name);
          }
          return;
        }
        if (BLOCKS.has(name)) return flush();
        if (name === 'hr') {
          flush();
          blocks.push(withPosition({ type: 'sceneBreak', marker: '<hr>' }));
          return;
        }
        const inline = inlineForTag({ name, closing: false, attributes });
        if (!inline) return;
        if ('leaf' in inline) top().push(inline.leaf);
        else if (stack.length < 32) {
          top().push(inline.open);
          stack.push(inline.open);
        }
      },
      ontext(text) {
        if (removing) return;
        const children = top();
        const last = children[children.length - 1];
        const value = text.replace(/\s+/g, ' ');
        if (last?.type === 'text') last.value += value;
        else if (value) children.push({ type: 'text', value });
      },
      onclosetag(name, implied) {
        if (REMOVED.has(name)) {
          if (removing) removing--;
          return;
        }
        if (removing) return;
        if (BLOCKS.has(name)) return flush();
        const kind = FORMATTING[name] ?? (name === 'a' ? 'link' : undefined);
        if (kind && !implied) {
          const at = stack.map((n) => n.type).lastIndexOf(kind as Inline['type']);
          if (at >= 0) stack.length = at;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  flush();
  return blocks;
}

/** Whether inlines hold anything visible (text other than whitespace, an image, code). */
function hasContent(nodes: readonly Inline[]): boolean {
  return nodes.some((n) => (n.type === 'text' ? n.value.trim() !== '' : n.type === 'image' || n.type === 'code' || ('children' in n && hasContent(n.children))));
}

/** Trims the whitespace HTML source leaves at the start and end of a paragraph. */
function trimInlines(inlines: Inline[]): Inline[] {
  const first = inlines[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = inlines[inlines.length - 1];
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return inlines.filter((n) => n.type !== 'text' || n.value !== '');
}
