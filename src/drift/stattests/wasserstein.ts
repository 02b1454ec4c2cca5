/**
 * `wasserstein`: Evidently's normed Wasserstein distance (`wasserstein_distance_norm.py`):
 * `scipy.stats.wasserstein_distance(reference, current) / max(np.std(reference), 0.001)`, with the population
 * (ddof 0) standard deviation as pandas computes it. Drift if and only if `distance >= threshold`.
 */
import { columnEcdfWalk, referencePopulationStd } from '../kernels/index.js';
import type { ColumnPair, StatTest, StatTestOutcome } from '../types.js';

/** Evidently's floor on the normaliser, so a constant reference does not divide by zero. */
export const WASSERSTEIN_MIN_NORM = 0.001;

/**
 * Normalises a first Wasserstein distance by the reference's population standard deviation, floored at 0.001
 * (the aggregate entry point: W1 and the std may come from a database).
 *
 * @param wasserstein1 `∫|F_ref − F_cur| dx`
 * @param referenceStd population (ddof 0) standard deviation of the reference
 * @returns the normed distance
 * @example
 * normedWasserstein(2.2807833333333334, 29.12982180599272); // => 0.0782971948309042 (column x of golden report 2)
 */
export function normedWasserstein(wasserstein1: number, referenceStd: number): number {
  return wasserstein1 / Math.max(referenceStd, WASSERSTEIN_MIN_NORM);
}

/**
 * Normed Wasserstein distance of a column.
 *
 * This runs in `O(n log n)` for the (cached) sort and `O(n)` for the walk and the std.
 *
 * @param pair the cleaned column pair
 * @returns the normed distance
 */
export function wassersteinDistanceNorm(pair: ColumnPair): number {
  return normedWasserstein(columnEcdfWalk(pair).wasserstein1, referencePopulationStd(pair));
}

/** The `wasserstein` registry entry: `Wasserstein distance (normed)`, numerical, 0.1, drift when `distance >= threshold`. */
export const wasserstein: StatTest = {
  id: 'wasserstein',
  displayName: 'Wasserstein distance (normed)',
  allowedTypes: ['numerical'],
  defaultThreshold: 0.1,
  scoreKind: 'distance',
  comparison: 'd>=thr',
  compute(pair: ColumnPair): StatTestOutcome {
    return { score: wassersteinDistanceNorm(pair) };
  },
};
