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
import { mergedDistribution, unmergedRuns, type MergedDistribution } from './merged.js';
import { SparseSumStream } from './pairwise-sum.js';
import type { Runs } from './runs.js';
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

/** The summer of the walks' terms, kept per thread (a walk is synchronous and finishes its sum before returning). */
const stream = new SparseSumStream();

/** What one walk over the pooled values yields: the extreme ECDF differences and numpy's sum of the terms. */
interface WalkSums {
  readonly maxDiff: number;
  readonly minDiff: number;
  readonly sum: number;
}

/**
 * Walks both right-continuous ECDFs over the distinct pooled values (`merged.values` with their counts), summing
 * `|F_ref - F_cur| Δx` (or `(F_ref - F_cur)² Δx` with `squared`) as numpy sums scipy's term array: one term per
 * pooled value but the last, zero wherever `Δx` is (all but the last slot of each distinct value's block), so only
 * the non-zero slots are fed to the summer, as they come.
 */
function walkMerged(merged: MergedDistribution, squared: boolean): WalkSums {
  const { values, referenceCounts, currentCounts, referenceSize: n1, currentSize: n2 } = merged;
  const distinct = values.length;
  stream.reset(Math.max(n1 + n2 - 1, 0));
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
      const delta = values[k + 1]! - values[k]!;
      stream.add(position - 1, squared ? diff * diff * delta : Math.abs(diff) * delta);
    }
  }
  return { maxDiff, minDiff, sum: stream.finish() };
}

/**
 * {@link walkMerged} over the merge of two sides' runs, merged as it walks (as `mergeRuns` merges them: keys by
 * `===`, the reference's on a tie) instead of from built arrays: the same terms in the same order, so the same
 * doubles.
 */
function walkRuns(reference: Runs, current: Runs, squared: boolean): WalkSums {
  const refValues = reference.values;
  const refCounts = reference.counts;
  const curValues = current.values;
  const curCounts = current.counts;
  const k1 = refValues.length;
  const k2 = curValues.length;
  const n1 = reference.total;
  const n2 = current.total;
  stream.reset(Math.max(n1 + n2 - 1, 0));
  let cumRef = 0;
  let cumCur = 0;
  let maxDiff = -Infinity;
  let minDiff = Infinity;
  // The previous distinct value's key, ECDF difference and end position: its term is known once the next key is.
  let previous = 0;
  let previousDiff = 0;
  let previousEnd = 0;
  let first = true;
  let i = 0;
  let j = 0;
  // The next key of each side, read once per key taken (Infinity once the side has run out: the checks on i and j,
  // not that value, decide then).
  let r = k1 > 0 ? refValues[0]! : Infinity;
  let c = k2 > 0 ? curValues[0]! : Infinity;
  while (i < k1 || j < k2) {
    let value: number;
    if (j >= k2 || (i < k1 && r < c)) {
      value = r;
      cumRef += refCounts[i++]!;
      r = i < k1 ? refValues[i]! : Infinity;
    } else if (i >= k1 || c < r) {
      value = c;
      cumCur += curCounts[j++]!;
      c = j < k2 ? curValues[j]! : Infinity;
    } else {
      value = r;
      cumRef += refCounts[i++]!;
      cumCur += curCounts[j++]!;
      r = i < k1 ? refValues[i]! : Infinity;
      c = j < k2 ? curValues[j]! : Infinity;
    }
    if (!first) {
      const delta = value - previous;
      stream.add(
        previousEnd - 1,
        squared ? previousDiff * previousDiff * delta : Math.abs(previousDiff) * delta,
      );
    }
    first = false;
    const diff = cumRef / n1 - cumCur / n2;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
    previous = value;
    previousDiff = diff;
    previousEnd = cumRef + cumCur;
  }
  return { maxDiff, minDiff, sum: stream.finish() };
}

/** {@link walkRuns} while the merged arrays are not built (reading the sides' runs), else {@link walkMerged}. */
function walk(merged: MergedDistribution, squared: boolean): WalkSums {
  const sides = unmergedRuns(merged);
  return sides ? walkRuns(sides.reference, sides.current, squared) : walkMerged(merged, squared);
}

/**
 * Walks both right-continuous ECDFs over a merged distribution (column data or database aggregates).
 *
 * ECDF values are `count / n` divisions exactly as numpy forms them (`searchsorted(...) / n`), so D snaps to
 * the same double as scipy's. This runs in `O(k)` for k distinct pooled values (at worst `O(k log(n / k))` for the pairwise sums).
 * A distribution whose arrays are not built yet is walked from its sides' runs, and its arrays stay unbuilt.
 *
 * @param merged distinct pooled values with per-side counts (both sides non-empty)
 * @throws {Error} if either side is empty
 * @returns KS D (two-sided and one-sided), W1 and the energy integral
 * @example
 * ecdfWalk(mergeSorted(new Float64Array([1, 2]), new Float64Array([2, 3])));
 * // => { ksStatistic: 0.5, wasserstein1: 1, energyIntegral: 0.5 }
 */
export function ecdfWalk(merged: MergedDistribution): EcdfWalk {
  const { referenceSize: n1, currentSize: n2 } = merged;
  if (n1 <= 0 || n2 <= 0) throw new Error('ecdfWalk requires at least 1 data point on each side');
  const { maxDiff, minDiff, sum } = walk(merged, false);
  const ksMinus = Math.min(Math.max(-minDiff, 0), 1);
  // Only the energy distance reads the energy integral: its terms are walked again when it is asked for.
  let energy: number | undefined;
  return {
    ksStatistic: Math.max(ksMinus, maxDiff),
    ksPlus: maxDiff,
    ksMinus,
    wasserstein1: sum,
    get energyIntegral(): number {
      return (energy ??= walk(merged, true).sum);
    },
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
