/** A stable book identifier: the manuscript's own, or a name-based UUID (RFC 4122 version 5) from title and authors. */
import { createHash } from 'node:crypto';
import type { Meta } from '../../model/types';

/** RFC 4122's URL namespace; the name hashed under it is a `quire:` string, so it never clashes with a real URL's id. */
const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** A version 5 UUID for `name` in `namespace` (SHA-1 of namespace bytes + UTF-8 name, version and variant bits set). */
export function uuidV5(name: string, namespace = NAMESPACE_URL): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The book's `dc:identifier`: `meta.identifier` when given, else `urn:uuid:` + a UUIDv5 of title and author names,
 * so that rebuilding the same book keeps its identity in a reader's library (epub-gen-memory, which quire once used, made a random UUID).
 */
export function bookIdentifier(meta: Meta): string {
  const given = meta.identifier?.trim();
  if (given) return given;
  // Author names are curled by the typography transform (`O’Neill`); hashed with straight quotes, as they were before
  // that, so the identifier of a book already in a reader's library stays the same.
  const straight = (s: string) => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  const name = ['quire:book', meta.title, ...meta.authors.map((a) => straight(a.name))].join('\u0000');
  return `urn:uuid:${uuidV5(name)}`;
}
