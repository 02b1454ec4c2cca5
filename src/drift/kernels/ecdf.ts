/**
 * One walk over the merged distribution that yields the two-sample ECDF statistics: the Kolmogorov–Smirnov
 * D (scipy `ks_2samp`), the first Wasserstein distance W1 and the energy-distance integral (scipy
 * `_cdf_distance` with p = 1 and p = 2).
 *
 * scipy evaluates both ECDFs at every pooled value (with duplicates) via `searchsorted(side="right")`, takes
 * `deltas = np.diff(all_values)` and sums `|F_ref - F_cur| * deltas` with `np.sum`. Duplicate values give
 * zero-width terms; they add nothing but they do shift numpy's pairwise grouping, so the terms are summed
 * as if laid out at their exact pooled positions (kept sparse, never allocated per value). That keeps W1 and the energy distance bit-equal to
 * scipy instead of merely close.
 */
import type { ColumnPair } from '../types.js';
import { mergedDistribution, type MergedDistribution } from './merged.js';
import { sparsePairwiseSum } from './pairwise-sum.js';
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

/** Term arrays of {@link ecdfWalk} kept between walks (each walk writes every slot it sums; none outlives it). */
let kept: { slots: Int32Array; absTerms: Float64Array; squareTerms: Float64Array } | undefined;
/** Longer walks get their own arrays (the kept ones stay at most 20 MiB per thread). */
const KEPT_MAX_TERMS = 1 << 20;

/**
 * Term arrays of at least `terms` slots. Fresh arrays of a few MB per column cost zeroing and page faults each time
 * (on 100,000 rows × 400 float columns, about as much as the walk itself); a thread walks one column at a time.
 */
function termArrays(terms: number): { slots: Int32Array; absTerms: Float64Array; squareTerms: Float64Array } {
  if (kept !== undefined && kept.slots.length >= terms) return kept;
  const arrays = {
    slots: new Int32Array(terms),
    absTerms: new Float64Array(terms),
    squareTerms: new Float64Array(terms),
  };
  if (terms <= KEPT_MAX_TERMS) kept = arrays;
  return arrays;
}

/**
 * Walks both right-continuous ECDFs over a merged distribution (column data or database aggregates).
 *
 * ECDF values are `count / n` divisions exactly as numpy forms them (`searchsorted(...) / n`), so D snaps to
 * the same double as scipy's. This runs in `O(k)` for k distinct pooled values (at worst `O(k log(n / k))` for the pairwise sums).
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
  const pooled = n1 + n2;
  // scipy's term arrays have one slot per pooled value but the last (np.diff), zero wherever deltas are 0: only the
  // last slot of each distinct value's block can be non-zero, so the terms are kept sparse (slot and value) and
  // summed with numpy's grouping over the full length.
  const terms = Math.max(distinct - 1, 0);
  const { slots, absTerms } = termArrays(terms);
  let cumRef = 0;
  let cumCur = 0;
  let position = 0;
  let maxDiff = -Infinity;
  let minDiff = Infinity;
  for (let k = 0; k < distinct; k++) {
    cumRef += referenceCounts[k]!;
    cumCur += currentCounts[k]!;
    position += referenceCounts[k]! + currentCounts[k]!;
    const diff = cumRef / n1 - cumCur / n2;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
    if (k + 1 < distinct) {
      slots[k] = position - 1;
      absTerms[k] = Math.abs(diff) * (values[k + 1]! - values[k]!);
    }
  }
  const ksMinus = Math.min(Math.max(-minDiff, 0), 1);
  // Only the energy distance reads the energy integral: its terms are walked again when it is asked for.
  let energy: number | undefined;
  return {
    ksStatistic: Math.max(ksMinus, maxDiff),
    ksPlus: maxDiff,
    ksMinus,
    wasserstein1: sparsePairwiseSum(slots, absTerms, terms, Math.max(pooled - 1, 0)),
    get energyIntegral(): number {
      return (energy ??= energyIntegralOf(merged));
    },
  };
}

/** The energy integral `Σ (F_ref - F_cur)² Δx` of {@link ecdfWalk}: the same walk, squared terms, numpy's sum. */
function energyIntegralOf(merged: MergedDistribution): number {
  const { values, referenceCounts, currentCounts, referenceSize: n1, currentSize: n2 } = merged;
  const distinct = values.length;
  const terms = Math.max(distinct - 1, 0);
  const { slots, squareTerms } = termArrays(terms);
  let cumRef = 0;
  let cumCur = 0;
  let position = 0;
  for (let k = 0; k + 1 < distinct; k++) {
    cumRef += referenceCounts[k]!;
    cumCur += currentCounts[k]!;
    position += referenceCounts[k]! + currentCounts[k]!;
    const diff = cumRef / n1 - cumCur / n2;
    slots[k] = position - 1;
    squareTerms[k] = diff * diff * (values[k + 1]! - values[k]!);
  }
  return sparsePairwiseSum(slots, squareTerms, terms, Math.max(n1 + n2 - 1, 0));
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
