/**
 * A book as a short, readable outline: what a test expects a reader to make of an input, written the way a person
 * would describe it. Used by the reader case files (tests/fixtures/cases, in markdown-it's fixture style) so that
 * each case reads as documentation and a change to the model's JSON shape does not rewrite them.
 *
 * ```text
 * title: The Night Ferry
 * authors: Wren Halloway | Jay Ortiz
 * summary: Two friends, one lantern.
 * front disclaimer[4]:
 *   p[4]: Not mine.
 * chapter[9-14] "Chapter 1" The Dark Window
 *   p[11]: She saw the _dark_ and the **light**.
 *   scene-break[12] ~*~
 *   note[14] A/N:
 *     p[14]: Thanks!
 * warning 12:1 header-in-story: …
 *   hint: …
 * ```
 *
 * `[11]` is a node's source line (`[7-9]` a span of lines); generated nodes have none. Inlines: `_emphasis_`,
 * `**strong**`, `~~strike~~`, `` `code` ``, `[text](url "title")`, `<br>` for a line break, `[^id]` for a note reference (`[^id "label"]` when the label differs), `![alt](url "title")` for an image. A table's
 * second row gives its alignment as Markdown does (`|:--|:-:|--:|---|`). A diagnostic shows its line:column, and
 * its hint on the line below.
 *
 * With `{ positions: true }` (a case file that says `Outline: positions`), a position is the whole span,
 * `[4:1-4:32]`, with the offsets after `@` when the reader gives them (`[4:1-4:32 @47-78]`); each positioned inline
 * follows its block on a line of its own (`· text[4:1-4:32] "…"`), and `key title[1:1-1:24]` says where each
 * metadata key was given. For the cases about positions, not for every case.
 */
import type { Diagnostic } from '../../src/diagnostics/types';
import type { Block, Book, Inline, Matter, Meta, Position, Section } from '../../src/model/types';

export interface OutlineOptions {
  /** Whole spans with columns and offsets, inline positions and metadata key positions. */
  positions?: boolean;
}

let detailed = false;

const titled = (title: string | undefined): string => (title !== undefined ? ` ${JSON.stringify(title)}` : '');

export function inlines(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += node.value;
        break;
      case 'emphasis':
        out += `_${inlines(node.children)}_`;
        break;
      case 'strong':
        out += `**${inlines(node.children)}**`;
        break;
      case 'strikethrough':
        out += `~~${inlines(node.children)}~~`;
        break;
      case 'code':
        out += `\`${node.value}\``;
        break;
      case 'link':
        out += `[${inlines(node.children)}](${node.url}${titled(node.title)})`;
        break;
      case 'break':
        out += '<br>';
        break;
      case 'footnoteReference':
        out += `[^${node.identifier}${node.label !== undefined && node.label !== node.identifier ? titled(node.label) : ''}]`;
        break;
      case 'image':
        out += `![${node.alt}](${node.url}${titled(node.title)})`;
        break;
      default: {
        const other = node as { type: string; children?: Inline[] };
        out += `<${other.type}>${other.children ? inlines(other.children) : ''}</${other.type}>`;
      }
    }
  }
  return out;
}

/** `[7]` for a node on line 7, `[7-9]` for one over lines 7 to 9; nothing for a generated node. */
function at(node: { position?: Position }): string {
  const p = node.position;
  if (!p) return '';
  if (detailed) return `[${span(p)}]`;
  return p.start.line === p.end.line ? `[${p.start.line}]` : `[${p.start.line}-${p.end.line}]`;
}

/** `4:1-4:32`, and ` @47-78` when the position has offsets. */
function span(p: Position): string {
  const offsets = p.start.offset !== undefined ? ` @${p.start.offset}-${p.end.offset}` : '';
  return `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}${offsets}`;
}

/** In positions mode, one line for each positioned inline under the node that holds it. */
function inlinePositions(nodes: readonly Inline[], indent: string, out: string[]): void {
  if (!detailed) return;
  for (const node of nodes) {
    if (node.position) out.push(`${indent}· ${node.type}${at(node)}${'value' in node ? ` ${JSON.stringify(node.value)}` : ''}`);
    if ('children' in node) inlinePositions(node.children, indent, out);
  }
}

function blocks(nodes: readonly Block[], indent: string, out: string[]): void {
  for (const node of nodes) block(node, indent, out);
}

function block(node: Block, indent: string, out: string[]): void {
  switch (node.type) {
    case 'paragraph':
      out.push(`${indent}p${at(node)}: ${inlines(node.children)}`);
      inlinePositions(node.children, `${indent}  `, out);
      break;
    case 'heading':
      out.push(`${indent}h${node.depth}${at(node)}: ${inlines(node.children)}`);
      inlinePositions(node.children, `${indent}  `, out);
      break;
    case 'sceneBreak':
      out.push(`${indent}scene-break${at(node)}${node.marker ? ` ${node.marker}` : ''}`);
      break;
    case 'blockquote':
      out.push(`${indent}quote${at(node)}:`);
      blocks(node.children, `${indent}  `, out);
      break;
    case 'verse':
      out.push(`${indent}verse${at(node)}:`);
      node.stanzas.forEach((stanza, i) => {
        if (i > 0) out.push(`${indent}  --`);
        for (const line of stanza) out.push(`${indent}  |${'  '.repeat(line.indent)} ${inlines(line.children)}${detailed ? ` ${at(line)}` : ''}`);
      });
      break;
    case 'list':
      out.push(`${indent}${node.ordered ? `ol${at(node)}${node.start !== undefined && node.start !== 1 ? ` start=${node.start}` : ''}` : `ul${at(node)}`}:`);
      for (const item of node.items) {
        out.push(`${indent}  - item:`);
        blocks(item.children, `${indent}    `, out);
      }
      break;
    case 'table':
      out.push(`${indent}table${at(node)}: ${node.head.length + node.rows.length} rows`);
      for (const row of node.head) out.push(`${indent}  | ${row.cells.map((c) => inlines(c.children)).join(' | ')} |`);
      if (node.align.some((a) => a !== null)) out.push(`${indent}  |${node.align.map((a) => ALIGN[a ?? 'none']).join('|')}|`);
      for (const row of node.rows) out.push(`${indent}  | ${row.cells.map((c) => inlines(c.children)).join(' | ')} |`);
      break;
    case 'imageBlock':
      out.push(`${indent}image${at(node)}: ![${node.alt}](${node.url}${titled(node.title)})${node.caption ? ` caption: ${inlines(node.caption)}` : ''}`);
      break;
    case 'codeBlock':
      out.push(`${indent}code${at(node)}${node.lang ? ` ${node.lang}` : ''}: ${JSON.stringify(node.value)}`);
      break;
    case 'authorNote':
      out.push(`${indent}note${at(node)} ${node.label}:`);
      blocks(node.children, `${indent}  `, out);
      break;
    default: {
      const other = node as { type: string };
      out.push(`${indent}<${other.type}>`);
    }
  }
}

const ALIGN = { left: ':--', center: ':-:', right: '--:', none: '---' } as const;

function section(node: Section, indent: string, out: string[]): void {
  const label = node.label !== undefined ? ` "${node.label}"` : '';
  const title = node.title.length ? ` ${inlines(node.title)}` : '';
  out.push(`${indent}${node.role}${at(node)}${label}${title}`);
  inlinePositions(node.title, `${indent}  `, out);
  blocks(node.children, `${indent}  `, out);
  for (const sub of node.sections) section(sub, `${indent}  `, out);
}

function matter(where: 'front' | 'back', node: Matter, out: string[]): void {
  const title = node.title?.length ? ` "${inlines(node.title)}"` : '';
  out.push(`${where} ${node.role}${at(node)}${title}:`);
  if (node.title) inlinePositions(node.title, '  ', out);
  blocks(node.children, '  ', out);
}

const LISTS = ['fandoms', 'characters', 'relationships', 'warnings', 'tags', 'genres'] as const;
const TEXTS = ['title', 'subtitle', 'language', 'direction', 'date', 'publisher', 'rights', 'identifier', 'rating', 'status', 'summary', 'disclaimer', 'dedication', 'notes', 'cover'] as const;

function meta(m: Meta, out: string[]): void {
  for (const key of TEXTS) {
    const value = m[key];
    if (value === undefined || value === '' || (key === 'language' && value === 'en')) continue;
    out.push(`${key}: ${value}`);
  }
  if (m.authors.length) out.push(`authors: ${m.authors.map((a) => a.name + (a.fileAs ? ` (${a.fileAs})` : '')).join(' | ')}`);
  for (const key of LISTS) if (m[key].length) out.push(`${key}: ${m[key].join(' | ')}`);
  if (m.series) out.push(`series: ${m.series.name}${m.series.index !== undefined ? ` #${m.series.index}` : ''}`);
  for (const [key, value] of Object.entries(m.labels ?? {})) out.push(`label ${key}: ${JSON.stringify(value)}`);
  for (const [key, value] of Object.entries(m.declared)) out.push(`declared ${key}: ${value}`);
  for (const [key, value] of Object.entries(m.extra)) out.push(`extra ${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
}

/** The outline of a book (none when the read failed), with the reader's diagnostics (errors, warnings and infos) at the end. */
export function outline(book: Book | undefined, messages: readonly Diagnostic[] = [], options: OutlineOptions = {}): string {
  const out: string[] = [];
  detailed = options.positions === true;
  if (book) {
    meta(book.meta, out);
    if (detailed) for (const [key, p] of Object.entries(book.metaPositions)) out.push(`key ${key}[${span(p)}]`);
    for (const m of book.front) matter('front', m, out);
    for (const s of book.body) section(s, '', out);
    for (const m of book.back) matter('back', m, out);
    for (const note of book.footnotes) {
      out.push(`footnote${at(note)} ${note.identifier}:`);
      blocks(note.children, '  ', out);
    }
  }
  for (const d of messages) {
    const at = d.position ? ` ${detailed ? span(d.position) : `${d.position.start.line}:${d.position.start.column}`}` : '';
    out.push(`${d.severity}${at} ${d.rule}: ${d.message}`);
    if (d.hint) out.push(`  hint: ${d.hint}`);
  }
  return out.join('\n');
}
