/** A GFM table's tokens (`table_open` … `table_close`) → the model's `Table`. Cells hold inlines only. */
import type MarkdownIt from 'markdown-it';
import type { Alignment, Table, TableCell, TableRow } from '../../model/types';
import { attr, toInlines, type InlineOptions } from './inlines';
import type { Locate } from './source';

type Token = MarkdownIt.Token;

/** markdown-it writes a column's alignment as `style="text-align:left"` on every cell of the column. */
function alignment(cell: Token): Alignment {
  const match = /text-align:\s*(left|center|right)/.exec(attr(cell, 'style') ?? '');
  return match ? (match[1] as Alignment) : null;
}

/** Reads the table that opens at `tokens[start]`; returns it and the index just past its `table_close`. */
export function readTable(tokens: readonly Token[], start: number, locate: Locate, options: InlineOptions): [Table, number] {
  const head: TableRow[] = [];
  const rows: TableRow[] = [];
  const align: Alignment[] = [];
  let inHead = false;
  let row: TableRow | undefined;
  let i = start + 1;
  for (; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
    const token = tokens[i];
    switch (token.type) {
      case 'thead_open':
        inHead = true;
        break;
      case 'thead_close':
        inHead = false;
        break;
      case 'tr_open': {
        const position = locate(token.map as [number, number] | null);
        row = { type: 'tableRow', cells: [], ...(position ? { position } : {}) };
        (inHead ? head : rows).push(row);
        break;
      }
      case 'th_open':
      case 'td_open': {
        if (inHead) align.push(alignment(token));
        const cell: TableCell = { type: 'tableCell', children: toInlines(tokens[i + 1]?.children ?? [], options) };
        row?.cells.push(cell);
        break;
      }
      default:
        break;
    }
  }
  // A header row of empty cells (`|  |  |`) is how Markdown writes a table without a header.
  const emptyHead = head.every((r) => r.cells.every((c) => c.children.length === 0));
  const position = locate(tokens[start].map as [number, number] | null);
  const table: Table = { type: 'table', align, head: emptyHead ? [] : head, rows, ...(position ? { position } : {}) };
  return [table, i + 1];
}
