/**
 * Average ranks (scipy `rankdata(method="average")`) of the pooled sample and its tie-group sizes, derived
 * from the merged distribution without re-sorting.
 */
import type { ColumnPair } from '../types.js';
import { mergedDistribution, type MergedDistribution } from './merged.js';
import { cachedOnPair } from './sorted.js';

/** Ranks per distinct pooled value. */
export interface PooledRanks {
  /** Average (mid) rank of `merged.values[k]` in the pooled sample, 1-based. Always a multiple of 0.5. */
  readonly averageRanks: Float64Array;
  /** Size of the tie group of `merged.values[k]` (reference + current occurrences). */
  readonly tieCounts: Float64Array;
  /** 1-based rank of the first element of each tie group (scipy `method="min"`). */
  readonly minRanks: Float64Array;
  /** Sum of the reference elements' average ranks (scipy's `R1` in `mannwhitneyu`); exact below 2^53. */
  readonly referenceRankSum: number;
  /** `Σ (t³ - t)` over tie groups (the tie correction of rank tests). */
  readonly tieCorrection: number;
}

const RANKS = 'kernels:pooled-ranks';

/**
 * Average ranks with tie counts from a merged distribution (column data or database aggregates).
 *
 * Rank of a tie group occupying pooled positions `c+1 .. c+t` is `c + (t + 1) / 2`, which is exactly what
 * scipy's `rankdata` computes as `0.5 * (count[dense] + count[dense - 1] + 1)`. This runs in `O(K)`.
 *
 * @param merged distinct pooled values with per-side counts
 * @returns ranks per distinct value, tie sizes, the reference rank sum and the tie correction
 * @example
 * pooledRanksOf(mergeSorted(new Float64Array([1, 2]), new Float64Array([2, 3])));
 * // => { averageRanks: [1, 2.5, 4], tieCounts: [1, 2, 1], referenceRankSum: 3.5, tieCorrection: 6 }
 */
export function pooledRanksOf(merged: MergedDistribution): PooledRanks {
  const distinct = merged.values.length;
  const averageRanks = new Float64Array(distinct);
  const tieCounts = new Float64Array(distinct);
  const minRanks = new Float64Array(distinct);
  let before = 0;
  let referenceRankSum = 0;
  let tieCorrection = 0;
  for (let k = 0; k < distinct; k++) {
    const t = merged.referenceCounts[k]! + merged.currentCounts[k]!;
    tieCounts[k] = t;
    minRanks[k] = before + 1;
    averageRanks[k] = before + (t + 1) / 2;
    referenceRankSum += merged.referenceCounts[k]! * averageRanks[k]!;
    tieCorrection += t * t * t - t;
    before += t;
  }
  return { averageRanks, tieCounts, minRanks, referenceRankSum, tieCorrection };
}

/**
 * {@link pooledRanksOf} of a column, computed once and cached on the pair.
 *
 * @param pair the cleaned column pair
 * @returns the shared ranks
 */
export function pooledRanks(pair: ColumnPair): PooledRanks {
  return cachedOnPair(pair, RANKS, () => pooledRanksOf(mergedDistribution(pair)));
}

/**
 * Index of `value` in the ascending distinct array `values` (binary search). The value must be present.
 *
 * @param values strictly ascending distinct values
 * @param value a value known to be in `values`
 * @returns its index
 */
export function indexOfDistinct(values: Float64Array, value: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Average rank of every element of reference ++ current, in that concatenation and row order (what
 * `scipy.stats.rankdata(np.concatenate([reference, current]))` returns).
 *
 * This runs in `O((n1 + n2) log K)`.
 *
 * @param pair the cleaned column pair
 * @returns a new array of length `n1 + n2`
 */
export function pooledAverageRanks(pair: ColumnPair): Float64Array {
  const merged = mergedDistribution(pair);
  const { averageRanks } = pooledRanks(pair);
  const n1 = pair.reference.length;
  const out = new Float64Array(n1 + pair.current.length);
  for (let i = 0; i < n1; i++) out[i] = averageRanks[indexOfDistinct(merged.values, pair.reference[i]!)]!;
  for (let i = 0; i < pair.current.length; i++) {
    out[n1 + i] = averageRanks[indexOfDistinct(merged.values, pair.current[i]!)]!;
  }
  return out;
}
