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
 * ```
 *
 * `[11]` is a node's source line (`[7-9]` a span of lines); generated nodes have none. Inlines: `_emphasis_`, `**strong**`, `~~strike~~`, `` `code` ``, `[text](url)`, `<br>` for a line break, `[^id]`
 * for a note reference, `![alt](url)` for an image. A diagnostic shows its line:column.
 */
import type { Diagnostic } from '../../src/diagnostics/types';
import type { Block, Book, Inline, Matter, Meta, Position, Section } from '../../src/model/types';

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
        out += `[${inlines(node.children)}](${node.url})`;
        break;
      case 'break':
        out += '<br>';
        break;
      case 'footnoteReference':
        out += `[^${node.identifier}]`;
        break;
      case 'image':
        out += `![${node.alt}](${node.url})`;
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
  return p.start.line === p.end.line ? `[${p.start.line}]` : `[${p.start.line}-${p.end.line}]`;
}

function blocks(nodes: readonly Block[], indent: string, out: string[]): void {
  for (const node of nodes) block(node, indent, out);
}

function block(node: Block, indent: string, out: string[]): void {
  switch (node.type) {
    case 'paragraph':
      out.push(`${indent}p${at(node)}: ${inlines(node.children)}`);
      break;
    case 'heading':
      out.push(`${indent}h${node.depth}${at(node)}: ${inlines(node.children)}`);
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
        for (const line of stanza) out.push(`${indent}  |${'  '.repeat(line.indent)} ${inlines(line.children)}`);
      });
      break;
    case 'list':
      out.push(`${indent}${node.ordered ? `ol${node.start !== undefined && node.start !== 1 ? ` start=${node.start}` : ''}` : 'ul'}:`);
      for (const item of node.items) {
        out.push(`${indent}  - item:`);
        blocks(item.children, `${indent}    `, out);
      }
      break;
    case 'table':
      out.push(`${indent}table${at(node)}: ${node.head.length + node.rows.length} rows`);
      for (const row of [...node.head, ...node.rows]) out.push(`${indent}  | ${row.cells.map((c) => inlines(c.children)).join(' | ')} |`);
      break;
    case 'imageBlock':
      out.push(`${indent}image${at(node)}: ![${node.alt}](${node.url})${node.caption ? ` ${inlines(node.caption)}` : ''}`);
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

function section(node: Section, indent: string, out: string[]): void {
  const label = node.label !== undefined ? ` "${node.label}"` : '';
  const title = node.title.length ? ` ${inlines(node.title)}` : '';
  out.push(`${indent}${node.role}${at(node)}${label}${title}`);
  blocks(node.children, `${indent}  `, out);
  for (const sub of node.sections) section(sub, `${indent}  `, out);
}

function matter(where: 'front' | 'back', node: Matter, out: string[]): void {
  const title = node.title?.length ? ` "${inlines(node.title)}"` : '';
  out.push(`${where} ${node.role}${at(node)}${title}:`);
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
export function outline(book: Book | undefined, messages: readonly Diagnostic[] = []): string {
  const out: string[] = [];
  if (book) {
    meta(book.meta, out);
    for (const m of book.front) matter('front', m, out);
    for (const s of book.body) section(s, '', out);
    for (const m of book.back) matter('back', m, out);
    for (const note of book.footnotes) {
      out.push(`footnote${at(note)} ${note.identifier}:`);
      blocks(note.children, '  ', out);
    }
  }
  for (const d of messages) {
    const at = d.position ? ` ${d.position.start.line}:${d.position.start.column}` : '';
    out.push(`${d.severity}${at} ${d.rule}: ${d.message}`);
  }
  return out.join('\n');
}
