/**
 * `JSON.stringify(value, replacer)`'s text in pieces, for hashing a value too large to hold as one string (a
 * ten-million-word book's model is over 100 MB of JSON). Containers down to `depth` are written here, key by key and
 * item by item, as JSON.stringify writes them (the replacer sees every key, undefined and functions are left out of
 * objects and become null in arrays); below that depth each value is JSON.stringify's own text.
 */
export type Replacer = (key: string, value: unknown) => unknown;

export function* jsonPieces(value: unknown, replacer: Replacer, depth: number): Generator<string> {
  yield* piece('', value, replacer, depth, true);
}

const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function* piece(key: string, raw: unknown, replacer: Replacer, depth: number, root: boolean): Generator<string> {
  const value = root ? replacer(key, raw) : raw;
  const plain = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (depth === 0 || !plain) {
    yield JSON.stringify(value, replacer) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const item = replacer(String(i), value[i]);
      if (omitted(item)) yield 'null';
      else yield* piece(String(i), item, replacer, depth - 1, false);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const k of Object.keys(value)) {
    const item = replacer(k, (value as Record<string, unknown>)[k]);
    if (omitted(item)) continue;
    if (!first) yield ',';
    first = false;
    yield `${JSON.stringify(k)}:`;
    yield* piece(k, item, replacer, depth - 1, false);
  }
  yield '}';
}
