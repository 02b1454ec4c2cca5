/**
 * `jensenshannon`: Evidently's Jensen–Shannon distance (`jensenshannon.py`):
 * `scipy.spatial.distance.jensenshannon(reference_shares, current_shares)` (natural log) on the binned shares
 * **without** zero fill. Range [0, sqrt(ln 2)]. Drift if and only if `distance >= threshold`. `options.bins` as
 * for `psi`.
 */
import { binnedCounts, binnedSharesFromCounts, pairwiseSum, type BinnedCounts } from '../kernels/index.js';
import type { ColumnPair, StatTest, StatTestOptions, StatTestOutcome } from '../types.js';
import { normalised, relEntr } from './binned-entropy.js';

/**
 * scipy `jensenshannon(p, q)` from shares (the aggregate entry point): normalise both, `m = (p + q) / 2`,
 * `sqrt((Σ rel_entr(p, m) + Σ rel_entr(q, m)) / 2)`.
 *
 * This runs in `O(bins)`.
 *
 * @param reference reference share per bin (not zero-filled)
 * @param current current share per bin (not zero-filled)
 * @returns the Jensen–Shannon distance
 * @example
 * jensenShannonFromShares(new Float64Array([1, 0]), new Float64Array([0, 1])); // => 0.8325546111576977
 */
export function jensenShannonFromShares(reference: Float64Array, current: Float64Array): number {
  const p = normalised(reference);
  const q = normalised(current);
  const left = new Float64Array(p.length);
  const right = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const m = (p[i]! + q[i]!) / 2.0;
    left[i] = relEntr(p[i]!, m);
    right[i] = relEntr(q[i]!, m);
  }
  const js = pairwiseSum(left) + pairwiseSum(right);
  return Math.sqrt(js / 2.0);
}

/**
 * Jensen–Shannon distance from counts per bin, applying Evidently's shares (no zero fill).
 *
 * @param binned counts per bin of both sides with the sample sizes
 * @returns the distance
 */
export function jensenShannonFromCounts(binned: BinnedCounts): number {
  const shares = binnedSharesFromCounts(binned, false);
  return jensenShannonFromShares(shares.reference, shares.current);
}

/**
 * Evidently's Jensen–Shannon distance of a column.
 *
 * @param pair the cleaned column pair
 * @param bins optional equal-width bin count for numerical histogram columns
 * @returns the distance
 */
export function jensenShannonDistance(pair: ColumnPair, bins?: number): number {
  return jensenShannonFromCounts(binnedCounts(pair, bins));
}

/** The `jensenshannon` registry entry: `Jensen-Shannon distance`, categorical and numerical, 0.1, `distance >= threshold`. */
export const jensenshannon: StatTest = {
  id: 'jensenshannon',
  displayName: 'Jensen-Shannon distance',
  allowedTypes: ['categorical', 'numerical'],
  defaultThreshold: 0.1,
  scoreKind: 'distance',
  comparison: 'd>=thr',
  compute(pair: ColumnPair, options: StatTestOptions): StatTestOutcome {
    return { score: jensenShannonDistance(pair, options.bins) };
  },
};
