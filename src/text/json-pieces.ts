/**
 * `JSON.stringify(value, replacer)`'s text in pieces, for hashing a value too large to hold as one string (a
 * ten-million-word book's model is over 100 MB of JSON). Containers down to `depth` are written here, key by key and
 * item by item, as JSON.stringify writes them (each value's `toJSON` first, then the replacer, which sees every key;
 * undefined and functions are left out of objects and become null in arrays); below that depth each value is
 * JSON.stringify's own text.
 */
export type Replacer = (key: string, value: unknown) => unknown;

export function* jsonPieces(value: unknown, replacer: Replacer, depth: number): Generator<string> {
  yield* piece(replacer('', toJSON(value, '')), replacer, depth);
}

const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** What JSON.stringify serialises for `value` under `key`: its `toJSON(key)`, when it has one. */
function toJSON(value: unknown, key: string): unknown {
  const method = value !== null && typeof value === 'object' ? (value as { toJSON?: unknown }).toJSON : undefined;
  return typeof method === 'function' ? (method as (key: string) => unknown).call(value, key) : value;
}

/** The text of `value`, which has been through `toJSON` and the replacer already. */
function* piece(value: unknown, replacer: Replacer, depth: number): Generator<string> {
  if (depth === 0 || value === null || typeof value !== 'object') {
    // JSON.stringify would give its root to the replacer (and `toJSON`) once more: that was done for this value.
    let root = true;
    const rest = (key: string, v: unknown) => {
      if (!root) return replacer(key, v);
      root = false;
      return v;
    };
    yield JSON.stringify(value, rest) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const item = replacer(String(i), toJSON(value[i], String(i)));
      if (omitted(item)) yield 'null';
      else yield* piece(item, replacer, depth - 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const k of Object.keys(value)) {
    const item = replacer(k, toJSON((value as Record<string, unknown>)[k], k));
    if (omitted(item)) continue;
    if (!first) yield ',';
    first = false;
    yield `${JSON.stringify(k)}:`;
    yield* piece(item, replacer, depth - 1);
  }
  yield '}';
}
