/** Comparing names a person typed with the names quire knows: a normal form for keys, and near misses for "did you mean" hints. */

/** `Author's Note` → `authorsnote`; the form keys are compared in. */
export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[\s_\-'’.]/g, '');
}

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/**
 * The option `value` is a near miss of (or the same in another case or spelling of separators), compared in normal
 * form: within a `1/share` of the value's length, and at least 1. The first of equally near options wins.
 */
export function nearMiss(value: string, options: Iterable<string>, share = 3): string | undefined {
  const v = normaliseKey(value);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const option of options) {
    const d = editDistance(v, normaliseKey(option));
    if (d < bestDistance) [best, bestDistance] = [option, d];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(v.length / share)) ? best : undefined;
}
