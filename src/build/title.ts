/** The title a book without one takes from its input's name. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Names that do not name a book: chapter files (`Chapter 1`, `chapter-01`, `01`, `Ch 3`, `ch.3`, `Part 2`) and the
 * folders that hold them (`manuscript`, as `quire init` lays a book out, and `chapters`).
 */
const UNTELLING_NAME = /^(?:manuscripts?|chapters?|(?:(?:chapter|chap|ch|part|section)\.?[\s._-]*)?\d+)$/i;

/**
 * A file's own name, unless it is a chapter's; else the name of the nearest folder above that is not a chapters
 * folder (`night-ferry/manuscript/` → "Night ferry"). A folder's files never name the book: they are its chapters.
 */
export function titleFromName(input: string): string {
  let at = path.resolve(input);
  const names: string[] = [];
  if (!fs.statSync(at).isDirectory()) {
    names.push(path.basename(at, path.extname(at)));
    at = path.dirname(at);
  }
  names.push(path.basename(at), path.basename(path.dirname(at)));
  const name = names.find((n) => n.trim() && !UNTELLING_NAME.test(n.trim())) ?? '';
  return name.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\p{Ll}/u, (c) => c.toUpperCase()) || 'Untitled';
}
