/**
 * Adding up the value counts of a numeric column's partitions into the counts of the whole column, held in
 * Float64Arrays (16 bytes per distinct value) instead of a map keyed by value texts.
 *
 * Each partition's `GROUP BY x` gives its distinct values with their counts, in no order. The values counted once
 * (nearly all of a continuous column's) are sorted together by the house radix sort, the others (few, or a column
 * of few distinct values) by comparison; a k-way merge of the sorted runs then adds the counts of equal values.
 */
import { radixSortedCopy } from '../../util/sort.js';
import type { SideCounts } from '../table.js';

/** One partition's counts of a numeric column: distinct values, their counts, NULL cells. */
export interface PartCounts {
  /** Distinct values (booleans as 0/1, dates as epoch ms; NaN allowed). */
  readonly values: Float64Array;
  /** Occurrences of `values[i]`. */
  readonly counts: Float64Array;
  /** NULL cells. */
  readonly missing: number;
}

/** Counts in ascending value order ({@link compareCountKeys}); without `counts`, each value counted once. */
export interface SortedCounts {
  readonly values: Float64Array;
  readonly counts?: Float64Array;
  readonly missing: number;
}

/**
 * The merge order: ascending, with -0 before +0 as two values (a value count keyed by the text `-0` and one keyed by
 * `0` stay two keys, as they would when counted by text), and every NaN equal and after every number.
 */
export function compareCountKeys(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) {
    if (a !== 0) return 0;
    const aNegative = Object.is(a, -0);
    return aNegative === Object.is(b, -0) ? 0 : aNegative ? -1 : 1;
  }
  const aNaN = Number.isNaN(a);
  return aNaN === Number.isNaN(b) ? 0 : aNaN ? 1 : -1;
}

/**
 * The counts of the whole column from its partitions' sorted counts: values in ascending order (see
 * {@link compareCountKeys}), the counts of a value found in several partitions added, the NULL cells added.
 * A run that is not in order still gives the right multiset; a value may then appear as more than one key (as
 * {@link SideCounts} allows).
 *
 * This runs in `O(n log k)` for n values over k partitions.
 *
 * @param parts each partition's counts (an empty partition has no values)
 * @returns the merged counts as a side of a counted column
 * @example
 * mergeSortedCounts([
 *   { values: Float64Array.of(1, 3), counts: Float64Array.of(2, 1), missing: 1 },
 *   { values: Float64Array.of(3, 4), counts: Float64Array.of(5, 1), missing: 0 },
 * ]);
 * // => { keys: [1, 3, 4], counts: [2, 6, 1], missing: 1 }
 */
export function mergeSortedCounts(parts: readonly SortedCounts[]): SideCounts & { keys: Float64Array } {
  let missing = 0;
  let total = 0;
  for (const part of parts) {
    if (part.counts && part.values.length !== part.counts.length)
      throw new Error('mergeSortedCounts requires one count per value');
    missing += part.missing;
    total += part.values.length;
  }
  const keys = new Float64Array(total);
  const counts = new Float64Array(total);
  // A binary min-heap of the partitions that have values left, keyed by their next value (ties by partition).
  const position = new Int32Array(parts.length);
  const heap = new Int32Array(parts.length);
  let size = 0;
  const less = (p: number, q: number): boolean => {
    const order = compareCountKeys(parts[p]!.values[position[p]!]!, parts[q]!.values[position[q]!]!);
    return order < 0 || (order === 0 && p < q);
  };
  const siftDown = (from: number): void => {
    let at = from;
    const item = heap[at]!;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && less(heap[child + 1]!, heap[child]!)) child++;
      if (!less(heap[child]!, item)) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = item;
  };
  for (let p = 0; p < parts.length; p++) if (parts[p]!.values.length > 0) heap[size++] = p;
  for (let at = (size >> 1) - 1; at >= 0; at--) siftDown(at);
  let n = 0;
  while (size > 0) {
    const p = heap[0]!;
    const part = parts[p]!;
    const at = position[p]!;
    const value = part.values[at]!;
    const count = part.counts ? part.counts[at]! : 1;
    if (n > 0 && compareCountKeys(keys[n - 1]!, value) === 0) counts[n - 1]! += count;
    else {
      keys[n] = value;
      counts[n++] = count;
    }
    position[p] = at + 1;
    if (at + 1 === part.values.length) heap[0] = heap[--size]!;
    siftDown(0);
  }
  if (n === total) return { keys, counts, missing };
  return { keys: keys.slice(0, n), counts: counts.slice(0, n), missing };
}

/**
 * The counts of the whole column from its partitions' counts in any order: every value once, in ascending order
 * ({@link compareCountKeys}), with the counts of all partitions added, and the NULL cells added.
 *
 * The values counted once are gathered and sorted by radix sort; the rest by comparison. This runs
 * in `O(n + m log m)` for n values of which m are counted more than once or NaN.
 *
 * @param parts each partition's counts (an empty partition has no values)
 * @returns the merged counts as a side of a counted column
 * @example
 * mergeCounts([
 *   { values: Float64Array.of(3, 1), counts: Float64Array.of(1, 2), missing: 1 },
 *   { values: Float64Array.of(4, 3), counts: Float64Array.of(1, 5), missing: 0 },
 * ]);
 * // => { keys: [1, 3, 4], counts: [2, 6, 1], missing: 1 }
 */
export function mergeCounts(parts: readonly PartCounts[]): SideCounts & { keys: Float64Array } {
  let singles = 0;
  let others = 0;
  let missing = 0;
  for (const part of parts) {
    if (part.values.length !== part.counts.length)
      throw new Error('mergeCounts requires one count per value');
    missing += part.missing;
    for (let k = 0; k < part.counts.length; k++) {
      if (part.counts[k] === 1 && !Number.isNaN(part.values[k])) singles++;
      else others++;
    }
  }
  const once = new Float64Array(singles);
  const otherValues = new Float64Array(others);
  const otherCounts = new Float64Array(others);
  let s = 0;
  let o = 0;
  for (const part of parts) {
    for (let k = 0; k < part.counts.length; k++) {
      const value = part.values[k]!;
      const count = part.counts[k]!;
      if (count === 1 && !Number.isNaN(value)) once[s++] = value;
      else {
        otherValues[o] = value;
        otherCounts[o++] = count;
      }
    }
  }
  const order = Array.from({ length: others }, (_, k) => k).sort((a, b) =>
    compareCountKeys(otherValues[a]!, otherValues[b]!),
  );
  // The values counted once are distinct within a partition, so a counting sort could not help: radix sort.
  const sortedOnce = once.length < 4096 ? once.sort() : radixSortedCopy(once);
  return mergeSortedCounts([
    { values: sortedOnce, missing },
    {
      values: Float64Array.from(order, (k) => otherValues[k]!),
      counts: Float64Array.from(order, (k) => otherCounts[k]!),
      missing: 0,
    },
  ]);
}
