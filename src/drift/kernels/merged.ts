/**
 * The merged distribution of a column: the distinct values of reference ∪ current in ascending order, with
 * how many times each occurs on each side. It is simultaneously
 * - the support of both right-continuous ECDFs (numpy `searchsorted(side="right")` counts are its prefix sums),
 * - Evidently's value counts over the union of keys (a key absent on one side counts 0),
 * - the aggregate form a database can return (`SELECT value, count(*) ... GROUP BY value` per side).
 */
import type { ColumnPair } from '../types.js';
import { histogramCountsFromPrefix } from './histogram.js';
import { countedOnce, runsOfSorted, type Runs } from './runs.js';
import { cachedSortedSide, currentRuns, referenceRuns } from './side-runs.js';
import { scratchFloat64 } from './scratch.js';
import { cachedOnPair } from './sorted.js';

/** Distinct pooled values with per-side counts. All arrays have the same length `values.length`. */
export interface MergedDistribution {
  /** Distinct values of reference ∪ current, strictly ascending. */
  readonly values: Float64Array;
  /** Occurrences of `values[i]` in the reference (0 when the key is absent there). */
  readonly referenceCounts: Float64Array;
  /** Occurrences of `values[i]` in the current sample. */
  readonly currentCounts: Float64Array;
  /** Reference size (sum of `referenceCounts`). */
  readonly referenceSize: number;
  /** Current size (sum of `currentCounts`). */
  readonly currentSize: number;
}

const MERGED = 'kernels:merged';

/**
 * Merges two ascending samples into their {@link MergedDistribution}.
 *
 * `0` and `-0` are one key (Python: `0.0 == -0.0`), kept as the smaller head (the reference's on a tie): the
 * runs of each side, merged by {@link mergeRuns}. This runs in `O(k log(n / k))` per side plus `O(k1 + k2)`.
 *
 * @param sortedRef reference values, ascending
 * @param sortedCur current values, ascending
 * @returns distinct values with per-side counts
 * @example
 * mergeSorted(new Float64Array([1, 1, 2]), new Float64Array([2, 3]));
 * // => { values: [1, 2, 3], referenceCounts: [2, 1, 0], currentCounts: [0, 1, 1] }
 */
export function mergeSorted(sortedRef: Float64Array, sortedCur: Float64Array): MergedDistribution {
  return mergeRuns(runsOfSorted(sortedRef), runsOfSorted(sortedCur));
}

/**
 * Merges the runs of two samples into their {@link MergedDistribution}: keys by `===` (so -0 and 0 are one),
 * the reference's key on a tie, in `O(k1 + k2)`.
 *
 * @param reference runs of the reference sample
 * @param current runs of the current sample
 * @returns distinct values with per-side counts
 */
export function mergeRuns(reference: Runs, current: Runs): MergedDistribution {
  const refValues = reference.values;
  const refCounts = reference.counts;
  const curValues = current.values;
  const curCounts = current.counts;
  const k1 = refValues.length;
  const k2 = curValues.length;
  // Every value is written; each count only where its side has the key.
  const values = scratchFloat64(k1 + k2, false);
  const referenceCounts = scratchFloat64(k1 + k2);
  const currentCounts = scratchFloat64(k1 + k2);
  let i = 0;
  let j = 0;
  let k = 0;
  // Both sides present: no read past either end.
  while (i < k1 && j < k2) {
    const r = refValues[i]!;
    const c = curValues[j]!;
    if (r < c) {
      values[k] = r;
      referenceCounts[k] = refCounts[i++]!;
    } else if (c < r) {
      values[k] = c;
      currentCounts[k] = curCounts[j++]!;
    } else {
      values[k] = r; // equal keys (=== also holds for -0 and 0): the reference's, as mergeSorted keeps the smaller head
      referenceCounts[k] = refCounts[i++]!;
      currentCounts[k] = curCounts[j++]!;
    }
    k++;
  }
  for (; i < k1; i++, k++) {
    values[k] = refValues[i]!;
    referenceCounts[k] = refCounts[i]!;
  }
  for (; j < k2; j++, k++) {
    values[k] = curValues[j]!;
    currentCounts[k] = curCounts[j]!;
  }
  // Mostly disjoint sides (continuous values) fill most of the arrays: a view then costs less than a copy.
  const trim = (array: Float64Array) => (k >= 0.75 * array.length ? array.subarray(0, k) : array.slice(0, k));
  return {
    values: trim(values),
    referenceCounts: trim(referenceCounts),
    currentCounts: trim(currentCounts),
    referenceSize: reference.total,
    currentSize: current.total,
  };
}

/**
 * Builds a {@link MergedDistribution} from per-side aggregates (e.g. two `GROUP BY value` result sets).
 *
 * Keys need not be sorted or shared; they are unioned and sorted here. This runs in `O(K log K)`.
 *
 * @param referenceValues distinct reference values
 * @param referenceValueCounts counts aligned with `referenceValues`
 * @param currentValues distinct current values
 * @param currentValueCounts counts aligned with `currentValues`
 * @throws {Error} if a values array and its counts differ in length, or a key repeats on one side
 * @returns the merged distribution
 */
export function mergedFromValueCounts(
  referenceValues: ArrayLike<number>,
  referenceValueCounts: ArrayLike<number>,
  currentValues: ArrayLike<number>,
  currentValueCounts: ArrayLike<number>,
): MergedDistribution {
  if (
    referenceValues.length !== referenceValueCounts.length ||
    currentValues.length !== currentValueCounts.length
  ) {
    throw new Error('mergedFromValueCounts requires one count per value');
  }
  const byValue = new Map<number, [number, number]>();
  const add = (values: ArrayLike<number>, counts: ArrayLike<number>, side: 0 | 1): void => {
    for (let i = 0; i < values.length; i++) {
      const key = values[i]! === 0 ? 0 : values[i]!; // -0 and 0 are one key
      let entry = byValue.get(key);
      if (entry === undefined) {
        entry = [0, 0];
        byValue.set(key, entry);
      } else if (entry[side] !== 0) {
        throw new Error(`mergedFromValueCounts requires distinct values per side; ${key} repeats`);
      }
      entry[side] = counts[i]!;
    }
  };
  add(referenceValues, referenceValueCounts, 0);
  add(currentValues, currentValueCounts, 1);
  const values = Float64Array.from(byValue.keys()).sort();
  const referenceCounts = new Float64Array(values.length);
  const currentCounts = new Float64Array(values.length);
  let referenceSize = 0;
  let currentSize = 0;
  for (let k = 0; k < values.length; k++) {
    const entry = byValue.get(values[k]!)!;
    referenceCounts[k] = entry[0];
    currentCounts[k] = entry[1];
    referenceSize += entry[0];
    currentSize += entry[1];
  }
  return { values, referenceCounts, currentCounts, referenceSize, currentSize };
}

/**
 * The column's {@link MergedDistribution}, the merge of its two sides' runs, cached on the pair; its arrays are built
 * when first read (see {@link lazyMerge}).
 *
 * This runs in `O(k1 + k2)` after the runs, once per column, when the arrays are read.
 *
 * @param pair the cleaned column pair
 * @returns the shared merged distribution (treat as read-only)
 */
export function mergedDistribution(pair: ColumnPair): MergedDistribution {
  return cachedOnPair(pair, MERGED, () => {
    const merged = lazyMerge(referenceRuns(pair), currentRuns(pair));
    const reference = cachedSortedSide(pair, 'reference');
    const current = cachedSortedSide(pair, 'current');
    if (reference !== undefined || current !== undefined) SORTED_SIDES.set(merged, { reference, current });
    return merged;
  });
}

/** The runs a {@link lazyMerge} distribution merges, while its arrays are not built yet. */
const UNBUILT = new WeakMap<MergedDistribution, { reference: Runs; current: Runs }>();

/**
 * {@link mergeRuns} of two sides, its arrays built only when first read. The default test of a continuous column
 * (Wasserstein) and its summaries need no more than the pooled extremes, the number of distinct pooled values and
 * one ECDF walk, all of which read the two sides' runs directly (see {@link unmergedRuns}): on a million distinct
 * floats a side, building the arrays would cost three arrays of two million doubles (48 MB) and a pass.
 *
 * @param reference runs of the reference sample
 * @param current runs of the current sample
 * @returns the merged distribution, equal to `mergeRuns(reference, current)` in every field
 */
export function lazyMerge(reference: Runs, current: Runs): MergedDistribution {
  let built: MergedDistribution | undefined;
  const build = (): MergedDistribution => {
    if (built === undefined) {
      built = mergeRuns(reference, current);
      UNBUILT.delete(merged);
    }
    return built;
  };
  const merged: MergedDistribution = {
    get values() {
      return build().values;
    },
    get referenceCounts() {
      return build().referenceCounts;
    },
    get currentCounts() {
      return build().currentCounts;
    },
    referenceSize: reference.total,
    currentSize: current.total,
  };
  UNBUILT.set(merged, { reference, current });
  return merged;
}

/**
 * The two sides' runs of a merged distribution whose arrays were not built yet, else undefined (read the arrays).
 *
 * @param merged a merged distribution
 * @returns the reference and current runs it merges, or undefined
 */
export function unmergedRuns(merged: MergedDistribution): { reference: Runs; current: Runs } | undefined {
  return UNBUILT.get(merged);
}

/**
 * The smallest and largest pooled values, as `merged.values[0]` and `merged.values[last]` (on a tie between the
 * sides, the reference's key, as the merge keeps it: -0 or 0), without building the arrays.
 *
 * @param merged a merged distribution
 * @returns the first and last merged keys (Infinity and -Infinity when there is none)
 */
export function mergedExtremes(merged: MergedDistribution): { minimum: number; maximum: number } {
  const sides = unmergedRuns(merged);
  if (sides === undefined) {
    const values = merged.values;
    return values.length > 0
      ? { minimum: values[0]!, maximum: values[values.length - 1]! }
      : { minimum: Infinity, maximum: -Infinity };
  }
  const ref = sides.reference.values;
  const cur = sides.current.values;
  if (ref.length === 0)
    return cur.length > 0
      ? { minimum: cur[0]!, maximum: cur[cur.length - 1]! }
      : { minimum: Infinity, maximum: -Infinity };
  if (cur.length === 0) return { minimum: ref[0]!, maximum: ref[ref.length - 1]! };
  const refLast = ref[ref.length - 1]!;
  const curLast = cur[cur.length - 1]!;
  return {
    minimum: cur[0]! < ref[0]! ? cur[0]! : ref[0]!,
    maximum: curLast > refLast ? curLast : refLast,
  };
}

/**
 * `merged.values.length` (the number of distinct pooled values), counted from the sides' runs when the arrays are not
 * built: every key of either side, less the keys both share. With `atMost`, a count above it may be returned as any
 * number above it: a side with more keys than that answers at once, without a walk.
 *
 * @param merged a merged distribution
 * @param atMost above this, the exact count is not needed
 * @returns how many distinct values the two sides hold together (or, past `atMost`, a number past it)
 */
export function mergedDistinctCount(merged: MergedDistribution, atMost = Infinity): number {
  const sides = unmergedRuns(merged);
  if (sides === undefined) return merged.values.length;
  const ref = sides.reference.values;
  const cur = sides.current.values;
  const k1 = ref.length;
  const k2 = cur.length;
  // The union has at least as many keys as either side.
  if (Math.max(k1, k2) > atMost) return Math.max(k1, k2);
  let shared = 0;
  for (let i = 0, j = 0; i < k1 && j < k2;) {
    const r = ref[i]!;
    const c = cur[j]!;
    if (r < c) i++;
    else if (c < r) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return k1 + k2 - shared;
}

/**
 * Whether every pooled value is a whole number (`Number.isInteger` of each of `merged.values`), from the sides' runs
 * when the arrays are not built (the same values, whichever side's key a shared one keeps).
 *
 * @param merged a merged distribution
 * @returns true when no pooled value has a fraction
 */
export function mergedAllIntegers(merged: MergedDistribution): boolean {
  const sides = unmergedRuns(merged);
  const arrays = sides === undefined ? [merged.values] : [sides.reference.values, sides.current.values];
  for (const values of arrays)
    for (let i = 0; i < values.length; i++) if (!Number.isInteger(values[i]!)) return false;
  return true;
}

/**
 * Evidently's value counts over the union of keys: identical to {@link mergedDistribution}, named for
 * the categorical use. Keys are in ascending (Python `sorted`) order.
 *
 * @param pair the cleaned column pair
 * @returns keys with per-side counts
 */
export function valueCounts(pair: ColumnPair): MergedDistribution {
  return mergedDistribution(pair);
}

/**
 * Number of distinct values present in the reference (pandas `reference.nunique()`).
 *
 * @param merged the merged distribution
 * @returns how many keys have a non-zero reference count
 */
export function referenceDistinctCount(merged: MergedDistribution): number {
  const counts = merged.referenceCounts;
  let count = 0;
  for (let k = 0; k < counts.length; k++) if (counts[k]! > 0) count++;
  return count;
}

/**
 * Number of distinct values present in the current sample (pandas `current.nunique()`).
 *
 * @param merged the merged distribution
 * @returns how many keys have a non-zero current count
 */
export function currentDistinctCount(merged: MergedDistribution): number {
  const counts = merged.currentCounts;
  let count = 0;
  for (let k = 0; k < counts.length; k++) if (counts[k]! > 0) count++;
  return count;
}

/**
 * The sorted sides a column's merged distribution was made from, when they were sorted (dropped with it): a side's
 * histogram is then two binary searches per bin in the sorted side itself, with no running totals to build. An
 * element compares with an edge as its merged key does (-0 and 0 compare equal), so the counts are the same.
 */
const SORTED_SIDES = new WeakMap<
  MergedDistribution,
  { reference: Float64Array | undefined; current: Float64Array | undefined }
>();

/**
 * Writes the running totals of `counts` to `prefix` (`prefix[i]` the sum of the counts before `i`, one more than
 * the counts). A function that is only its loop: V8 compiles a long loop on the fly from inside it at its first call,
 * and code after the loop that had not run yet then sends every later call back to the interpreter when the loop ends
 * (measured in CPU profiles of `compare` on 400 columns: ~0.4 ms a side of ~100,000 runs with its caller's code after
 * the loop, ~0.25 ms as a function of its own).
 */
function fillPrefix(counts: Float64Array, prefix: Float64Array): void {
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    prefix[i] = total;
    total += counts[i]!;
  }
  prefix[counts.length] = total;
}

/** Running totals of each side's counts, per merged distribution (dropped with it). */
const PREFIXES = new WeakMap<MergedDistribution, { reference: Float64Array; current: Float64Array }>();

function prefixesOf(merged: MergedDistribution): { reference: Float64Array; current: Float64Array } {
  let prefixes = PREFIXES.get(merged);
  if (prefixes === undefined) {
    const k = merged.values.length;
    const reference = scratchFloat64(k + 1, false);
    const current = scratchFloat64(k + 1, false);
    fillPrefix(merged.referenceCounts, reference);
    fillPrefix(merged.currentCounts, current);
    prefixes = { reference, current };
    PREFIXES.set(merged, prefixes);
  }
  return prefixes;
}

/**
 * `np.histogram` counts of one side of a merged distribution (bin `i` counts `edges[i] <= x < edges[i+1]`, the
 * last bin also `x == edges[last]`), from running totals of the counts computed once per distribution: every
 * further histogram of the column costs `O(bins log k)` instead of a walk over its k distinct values.
 *
 * @param merged the merged distribution
 * @param side which side's counts
 * @param edges ascending bin edges
 * @returns counts per bin
 */
export function mergedHistogram(
  merged: MergedDistribution,
  side: 'reference' | 'current',
  edges: ArrayLike<number>,
): Float64Array {
  const sorted = SORTED_SIDES.get(merged)?.[side];
  if (sorted !== undefined) return histogramCountsFromPrefix(sorted, undefined, edges);
  // While the merged arrays are not built, the side's own runs: the same counts without building them.
  const runs = unmergedRuns(merged)?.[side];
  // Runs with running totals (pooled sides) are read by them: their counts are made only when read.
  if (runs !== undefined)
    return histogramCountsFromPrefix(
      runs.values,
      runs.prefix ?? (countedOnce(runs.counts) ? undefined : runsPrefix(runs)),
      edges,
    );
  return histogramCountsFromPrefix(merged.values, prefixesOf(merged)[side], edges);
}

/** Running totals of a side's run counts, per runs (dropped with them). */
const RUNS_PREFIXES = new WeakMap<Runs, Float64Array>();

/** Running totals of the counts of `runs` (`prefix[k]` = the count of values below `runs.values[k]`), once per runs. */
function runsPrefix(runs: Runs): Float64Array {
  if (runs.prefix !== undefined) return runs.prefix;
  let prefix = RUNS_PREFIXES.get(runs);
  if (prefix === undefined) {
    prefix = scratchFloat64(runs.values.length + 1, false);
    fillPrefix(runs.counts, prefix);
    RUNS_PREFIXES.set(runs, prefix);
  }
  return prefix;
}
