/**
 * Each side of a column as runs (distinct values with counts), cached on the pair. A side with few distinct values
 * (the usual feature: cents, counts, labels) is counted in a hash table without ever being sorted in full; other
 * sides are sorted once (the cached sorted side) and walked.
 */
import { countDistinct } from '../../util/sort.js';
import { scaledSource, scaledSourceWithMissing } from '../doubles.js';
import type { ColumnPair } from '../types.js';
import { pooledRuns } from './pooled.js';
import { runsOfSorted, type Runs } from './runs.js';
import { scaledDenseCounts } from './scaled-counts.js';
import { SORTED_CURRENT, SORTED_REFERENCE, cachedOnPair, sortedCurrent, sortedReference } from './sorted.js';

/** Cache keys of each side's runs (a pair built from value counts is created with both). */
export const RUNS_REFERENCE = 'kernels:runs-reference';
export const RUNS_CURRENT = 'kernels:runs-current';

/**
 * A side whose column holds missing or infinite cells, as the cleaning found it: the column as read and how many of
 * its cells are finite (the side's size). The side's values are those finite cells in row order.
 */
export interface FiniteSide {
  readonly values: Float64Array;
  readonly finite: number;
}

/** Cache keys of each side's {@link FiniteSide}, set by the cleaning only for a side with cells to leave out. */
export const FINITE_REFERENCE = 'kernels:finite-reference';
export const FINITE_CURRENT = 'kernels:finite-current';

/**
 * Cache key of why a pair cannot be scored (the stat-test registry's check), `null` once it is known to be scorable.
 * The cleaning sets it to `null` for a numeric pair whose sides it left finite and non-empty, so that no test scans
 * the sides again for missing or infinite values (a pass over both: ~2 ms a column of 2 × 1M values).
 */
export const UNSCORABLE = 'kernels:unscorable';

function sideRuns(
  pair: ColumnPair,
  side: 'reference' | 'current',
  sortedKey: string,
  sorted: () => Float64Array,
): Runs {
  const already = pair.cache.get(sortedKey) as Float64Array | undefined;
  if (already) return runsOfSorted(already);
  // A side with cells to leave out is counted in its column, past those cells, without copying the rest.
  const gappy = finiteSide(pair, side);
  // A compact side spanning a narrow range of integers is tallied from its integers.
  const source = gappy ? scaledSourceWithMissing(gappy.values) : scaledSource(pair[side]);
  const counted = source && scaledDenseCounts(source, gappy !== undefined);
  if (counted)
    return { values: counted.keys, counts: counted.counts, total: gappy ? gappy.finite : pair[side].length };
  // Both sides compact and wide: sorted together, and the other side's runs kept too.
  const pooled = source && !gappy ? pooledRuns(pair) : undefined;
  if (pooled) {
    pair.cache.set(side === 'reference' ? RUNS_CURRENT : RUNS_REFERENCE, pooled[otherSide(side)]);
    return pooled[side];
  }
  const distinct = gappy ? countDistinct(gappy.values, true) : countDistinct(pair[side]);
  return distinct
    ? { values: distinct.keys, counts: distinct.counts, total: gappy ? gappy.finite : pair[side].length }
    : runsOfSorted(sorted());
}

function otherSide(side: 'reference' | 'current'): 'reference' | 'current' {
  return side === 'reference' ? 'current' : 'reference';
}

/**
 * The column and finite count of a side from which cleaning left cells out, else undefined (the side's values are
 * then its column itself, or a pair built otherwise).
 *
 * @param pair the cleaned column pair
 * @param side which side
 * @returns the side's column with its finite count, or undefined
 */
export function finiteSide(pair: ColumnPair, side: 'reference' | 'current'): FiniteSide | undefined {
  return pair.cache.get(side === 'reference' ? FINITE_REFERENCE : FINITE_CURRENT) as FiniteSide | undefined;
}

/**
 * The reference side as runs; computed once per column and cached on `pair.cache`.
 *
 * @param pair the cleaned column pair
 * @returns distinct reference values ascending with their counts
 */
export function referenceRuns(pair: ColumnPair): Runs {
  return cachedOnPair(pair, RUNS_REFERENCE, () =>
    sideRuns(pair, 'reference', SORTED_REFERENCE, () => sortedReference(pair)),
  );
}

/**
 * The current side as runs; computed once per column and cached on `pair.cache`.
 *
 * @param pair the cleaned column pair
 * @returns distinct current values ascending with their counts
 */
export function currentRuns(pair: ColumnPair): Runs {
  return cachedOnPair(pair, RUNS_CURRENT, () =>
    sideRuns(pair, 'current', SORTED_CURRENT, () => sortedCurrent(pair)),
  );
}

/**
 * The reference sample size: its runs' total when they are known (always, for a pair built from value counts), else
 * its finite count or the length of its values, so asking never expands a counted side nor copies a cleaned one.
 *
 * @param pair the cleaned column pair
 * @returns the number of cleaned reference values
 */
export function referenceSize(pair: ColumnPair): number {
  const runs = pair.cache.get(RUNS_REFERENCE) as Runs | undefined;
  return runs ? runs.total : (finiteSide(pair, 'reference')?.finite ?? pair.reference.length);
}

/**
 * The current sample size, as {@link referenceSize}.
 *
 * @param pair the cleaned column pair
 * @returns the number of cleaned current values
 */
export function currentSize(pair: ColumnPair): number {
  const runs = pair.cache.get(RUNS_CURRENT) as Runs | undefined;
  return runs ? runs.total : (finiteSide(pair, 'current')?.finite ?? pair.current.length);
}

/**
 * The sample that runs describe, laid out in ascending order (each value repeated its count).
 *
 * This runs in `O(n)` and allocates the `n` values: only the tests that need the sample itself call it.
 *
 * @param runs distinct values ascending with their counts
 * @returns a new ascending array of `runs.total` values
 * @example
 * expandRuns({ values: Float64Array.of(1, 2), counts: Float64Array.of(2, 1), total: 3 }); // => [1, 1, 2]
 */
export function expandRuns(runs: Runs): Float64Array {
  const out = new Float64Array(runs.total);
  let at = 0;
  for (let k = 0; k < runs.values.length; k++) {
    const count = runs.counts[k]!;
    out.fill(runs.values[k]!, at, at + count);
    at += count;
  }
  return out;
}

/**
 * The side sorted ascending when the pair already holds it (a side with many distinct values was sorted to find its
 * runs), else undefined. A sum over the sorted side equals the same sum over the side's runs, bit for bit; walking
 * the array is only faster when the runs are mostly single values.
 *
 * @param pair the cleaned column pair
 * @param side which side
 * @returns the cached sorted side, or undefined
 */
export function cachedSortedSide(pair: ColumnPair, side: 'reference' | 'current'): Float64Array | undefined {
  return pair.cache.get(side === 'reference' ? SORTED_REFERENCE : SORTED_CURRENT) as Float64Array | undefined;
}
