/** URL- and file-name-safe slugs: `A Moment of Friendship` → `a-moment-of-friendship`. */

/** Lower-case ASCII words joined by hyphens; accents are folded (`Café` → `cafe`). Empty when nothing is left. */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length > maxLength ? slug.slice(0, maxLength).replace(/-[^-]*$/, '') || slug.slice(0, maxLength) : slug;
}

/** Hands out unique ids: the second `intro` becomes `intro-2`. Constant time per id. */
export class IdAllocator {
  private readonly used = new Map<string, number>();
  take(base: string): string {
    if (!this.used.has(base)) {
      this.used.set(base, 1);
      return base;
    }
    let n = this.used.get(base)!;
    let id: string;
    do id = `${base}-${++n}`;
    while (this.used.has(id));
    this.used.set(base, n);
    this.used.set(id, 1);
    return id;
  }
}
