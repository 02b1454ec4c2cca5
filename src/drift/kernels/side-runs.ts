/**
 * Each side of a column as runs (distinct values with counts), cached on the pair. A side with few distinct values
 * (the usual feature: cents, counts, labels) is counted in a hash table without ever being sorted in full; other
 * sides are sorted once (the cached sorted side) and walked.
 */
import { countDistinct } from '../../util/sort.js';
import type { ColumnPair } from '../types.js';
import { runsOfSorted, type Runs } from './runs.js';
import { SORTED_CURRENT, SORTED_REFERENCE, cachedOnPair, sortedCurrent, sortedReference } from './sorted.js';

function sideRuns(
  pair: ColumnPair,
  values: Float64Array,
  sortedKey: string,
  sorted: () => Float64Array,
): Runs {
  const already = pair.cache.get(sortedKey) as Float64Array | undefined;
  if (already) return runsOfSorted(already);
  const distinct = countDistinct(values);
  return distinct
    ? { values: distinct.keys, counts: distinct.counts, total: values.length }
    : runsOfSorted(sorted());
}

/**
 * The reference side as runs; computed once per column and cached on `pair.cache`.
 *
 * @param pair the cleaned column pair
 * @returns distinct reference values ascending with their counts
 */
export function referenceRuns(pair: ColumnPair): Runs {
  return cachedOnPair(pair, 'kernels:runs-reference', () =>
    sideRuns(pair, pair.reference, SORTED_REFERENCE, () => sortedReference(pair)),
  );
}

/**
 * The current side as runs; computed once per column and cached on `pair.cache`.
 *
 * @param pair the cleaned column pair
 * @returns distinct current values ascending with their counts
 */
export function currentRuns(pair: ColumnPair): Runs {
  return cachedOnPair(pair, 'kernels:runs-current', () =>
    sideRuns(pair, pair.current, SORTED_CURRENT, () => sortedCurrent(pair)),
  );
}
