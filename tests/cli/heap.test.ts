/**
 * A build lets V8's heap grow by half (`HEAP_GROWTH`) only once the heap has passed `HEAP_TIGHT_FROM`: a novel's
 * build keeps V8's faster default, a long book's memory stays flat (src/cli/main.ts).
 */
import { HEAP_GROWTH, HEAP_TIGHT_FROM, heapWatch } from '../../src/cli/main';

test('the heap watch sets the tighter growth once, the first time the heap is past the limit', () => {
  const sizes = [HEAP_TIGHT_FROM / 4, HEAP_TIGHT_FROM, HEAP_TIGHT_FROM + 1, HEAP_TIGHT_FROM * 2, HEAP_TIGHT_FROM / 2];
  const set: string[] = [];
  let at = 0;
  const watch = heapWatch(HEAP_TIGHT_FROM, () => sizes[at], (flags) => set.push(flags));
  const seen: number[] = [];
  for (at = 0; at < sizes.length; at++) {
    watch();
    seen.push(set.length);
  }
  expect(seen).toEqual([0, 0, 1, 1, 1]);
  expect(set).toEqual([HEAP_GROWTH]);
  expect(HEAP_GROWTH).toBe('--heap-growing-percent=50');
});
