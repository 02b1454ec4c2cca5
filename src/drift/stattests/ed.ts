/**
 * `ed`: energy distance (scipy `energy_distance`), Evidently's `energy_distance.py`.
 *
 * Score = `sqrt(2) * sqrt(Σ (F_ref(v_i) - F_cur(v_i))² (v_{i+1} - v_i))` over the pooled sorted values, from
 * the shared ECDF walk. Drift if and only if the distance is **strictly** greater than the threshold.
 */
import { columnEcdfWalk } from '../kernels/index.js';
import type { ColumnPair, StatTest, StatTestOutcome } from '../types.js';

/**
 * Energy distance between the reference and current samples.
 *
 * This runs in `O(n1 + n2)` after the column's one sort.
 *
 * @param pair the cleaned column pair
 * @returns the energy distance (≥ 0; 0 for identical samples)
 * @example
 * energyDistance(pairOf([38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0],
 *                       [39.2, 39.3, 39.7, 41.4, 41.8, 42.9, 43.3, 45.8])); // => 1.570230874744221
 */
export function energyDistance(pair: ColumnPair): number {
  return Math.SQRT2 * Math.sqrt(columnEcdfWalk(pair).energyIntegral);
}

export const ed: StatTest = {
  id: 'ed',
  displayName: 'Energy-distance',
  allowedTypes: ['numerical'],
  defaultThreshold: 0.1,
  scoreKind: 'distance',
  comparison: 'd>thr',
  compute(pair: ColumnPair): StatTestOutcome {
    return { score: energyDistance(pair) };
  },
};
