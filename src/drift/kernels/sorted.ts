/**
 * Sorted copies of each side of a column, computed once per column and cached on the {@link ColumnPair}.
 */
import type { ColumnPair } from '../types.js';
import { countingSortedCopy, fastSortedCopy, radixSortedCopy } from '../../util/sort.js';
import { scaledSource } from '../doubles.js';
import { decimalSortedCopy } from './decimal-sort.js';
import { scratchFloat64 } from './scratch.js';

export const SORTED_REFERENCE = 'kernels:sorted-reference';
export const SORTED_CURRENT = 'kernels:sorted-current';

/**
 * Ascending copy of a sample (the input is never mutated).
 *
 * `Float64Array.prototype.sort` compares numerically (not as strings), and cleaned columns hold no NaN.
 * This runs in `O(n log n)`.
 *
 * @param values sample of one or more data points
 * @returns a new sorted `Float64Array`
 * @example
 * sortedCopy(new Float64Array([3, 1, 2])); // => [1, 2, 3]
 */
export function sortedCopy(values: Float64Array): Float64Array {
  // Same order as Float64Array.prototype.sort, several times faster on large columns (see src/util/sort.ts): few
  // distinct values are counted, short decimals sorted as scaled integers (those of a compact column as stored),
  // any other doubles by their 64-bit keys.
  if (values.length < 4096) return fastSortedCopy(values);
  const allocate = (length: number) => scratchFloat64(length, false);
  return (
    countingSortedCopy(values, allocate) ??
    decimalSortedCopy(values, allocate, scaledSource(values)) ??
    radixSortedCopy(values, allocate)
  );
}

function cached<T>(pair: ColumnPair, key: string, build: () => T): T {
  const hit = pair.cache.get(key);
  if (hit !== undefined) return hit as T;
  const value = build();
  pair.cache.set(key, value);
  return value;
}

/**
 * The reference side of the column, sorted ascending; sorted once per column and cached on `pair.cache`.
 *
 * This runs in `O(n log n)` the first time and `O(1)` afterwards.
 *
 * @param pair the cleaned column pair
 * @returns the shared sorted array (treat as read-only)
 */
export function sortedReference(pair: ColumnPair): Float64Array {
  // A pair built from value counts lays its sides out in ascending order already.
  return cached(pair, SORTED_REFERENCE, () =>
    pair.fromCounts ? pair.reference : sortedCopy(pair.reference),
  );
}

/**
 * The current side of the column, sorted ascending; sorted once per column and cached on `pair.cache`.
 *
 * @param pair the cleaned column pair
 * @returns the shared sorted array (treat as read-only)
 */
export function sortedCurrent(pair: ColumnPair): Float64Array {
  return cached(pair, SORTED_CURRENT, () => (pair.fromCounts ? pair.current : sortedCopy(pair.current)));
}

/**
 * Memoises a derived form of a column on `pair.cache` under `key` (namespaced by the caller).
 *
 * @param pair the cleaned column pair
 * @param key cache key, e.g. `kernels:merged`
 * @param build computes the value the first time
 * @returns the cached value
 */
export function cachedOnPair<T>(pair: ColumnPair, key: string, build: () => T): T {
  return cached(pair, key, build);
}
