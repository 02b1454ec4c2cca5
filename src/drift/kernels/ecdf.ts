/**
 * One walk over the merged distribution that yields the two-sample ECDF statistics: the Kolmogorov–Smirnov
 * D (scipy `ks_2samp`), the first Wasserstein distance W1 and the energy-distance integral (scipy
 * `_cdf_distance` with p = 1 and p = 2).
 *
 * scipy evaluates both ECDFs at every pooled value (with duplicates) via `searchsorted(side="right")`, takes
 * `deltas = np.diff(all_values)` and sums `|F_ref - F_cur| * deltas` with `np.sum`. Duplicate values give
 * zero-width terms; they add nothing but they do shift numpy's pairwise grouping, so the terms are summed as if
 * laid out at their exact pooled positions (described by runs, never allocated per value). That keeps W1 and the
 * energy distance bit-equal to scipy instead of merely close.
 */
import type { ColumnPair } from '../types.js';
import { mergedDistribution, type MergedDistribution } from './merged.js';
import { pairwiseSumOfRuns } from './pairwise-sum.js';
import { cachedOnPair } from './sorted.js';

/** Results of {@link ecdfWalk}. */
export interface EcdfWalk {
  /** Two-sided KS statistic `max(clip(-min(F_ref - F_cur), 0, 1), max(F_ref - F_cur))`, as scipy computes it. */
  readonly ksStatistic: number;
  /** `max(F_ref - F_cur)` over the pooled values (scipy's `maxS`, the "greater" one-sided statistic). */
  readonly ksPlus: number;
  /** `clip(-min(F_ref - F_cur), 0, 1)` (scipy's `minS`, the "less" one-sided statistic). */
  readonly ksMinus: number;
  /** First Wasserstein distance `∫|F_ref - F_cur| dx` (scipy `wasserstein_distance`). */
  readonly wasserstein1: number;
  /**
   * `Σ (F_ref - F_cur)² Δx` over the pooled values; scipy's `energy_distance` is `sqrt(2) * sqrt(this)`.
   */
  readonly energyIntegral: number;
}

const WALK = 'kernels:ecdf-walk';

/**
 * Walks both right-continuous ECDFs over a merged distribution (column data or database aggregates).
 *
 * ECDF values are `count / n` divisions exactly as numpy forms them (`searchsorted(...) / n`), so D snaps to
 * the same double as scipy's. This runs in `O(K log n)` time and `O(K)` memory for K distinct pooled values.
 *
 * @param merged distinct pooled values with per-side counts (both sides non-empty)
 * @throws {Error} if either side is empty
 * @returns KS D (two-sided and one-sided), W1 and the energy integral
 * @example
 * ecdfWalk(mergeSorted(new Float64Array([1, 2]), new Float64Array([2, 3])));
 * // => { ksStatistic: 0.5, wasserstein1: 1, energyIntegral: 0.5 }
 */
export function ecdfWalk(merged: MergedDistribution): EcdfWalk {
  const { values, referenceCounts, currentCounts, referenceSize: n1, currentSize: n2 } = merged;
  if (n1 <= 0 || n2 <= 0) throw new Error('ecdfWalk requires at least 1 data point on each side');
  const distinct = values.length;
  // scipy's term arrays have one slot per pooled value but the last (np.diff); the slot of the last copy of each
  // distinct value (but the largest) holds its term, every other slot 0. They are described as runs (zeros, then
  // the term) and summed as numpy would sum them laid out, in O(distinct) memory.
  const lengths = new Float64Array(2 * distinct);
  const absTerms = new Float64Array(2 * distinct);
  const squareTerms = new Float64Array(2 * distinct);
  let cumRef = 0;
  let cumCur = 0;
  let maxDiff = -Infinity;
  let minDiff = Infinity;
  for (let k = 0; k < distinct; k++) {
    cumRef += referenceCounts[k]!;
    cumCur += currentCounts[k]!;
    const diff = cumRef / n1 - cumCur / n2;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
    lengths[2 * k] = referenceCounts[k]! + currentCounts[k]! - 1;
    if (k + 1 < distinct) {
      const delta = values[k + 1]! - values[k]!;
      lengths[2 * k + 1] = 1;
      absTerms[2 * k + 1] = Math.abs(diff) * delta;
      squareTerms[2 * k + 1] = diff * diff * delta;
    }
  }
  const ksMinus = Math.min(Math.max(-minDiff, 0), 1);
  return {
    ksStatistic: Math.max(ksMinus, maxDiff),
    ksPlus: maxDiff,
    ksMinus,
    wasserstein1: pairwiseSumOfRuns({ lengths, values: absTerms }),
    energyIntegral: pairwiseSumOfRuns({ lengths, values: squareTerms }),
  };
}

/**
 * {@link ecdfWalk} of a column, computed once and cached on the pair.
 *
 * @param pair the cleaned column pair
 * @returns the shared walk result
 */
export function columnEcdfWalk(pair: ColumnPair): EcdfWalk {
  return cachedOnPair(pair, WALK, () => ecdfWalk(mergedDistribution(pair)));
}
