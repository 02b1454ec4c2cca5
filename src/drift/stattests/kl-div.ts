/**
 * `kl_div`: Evidently's Kullback–Leibler divergence (`kl_div.py`):
 * `scipy.stats.entropy(reference_shares, current_shares)` on the binned shares with zero fill, i.e. both
 * renormalised to sum 1 and `Σ p ln(p/q)`, KL(reference ‖ current) in nats. Drift if and only if
 * `KL >= threshold`. `options.bins` as for `psi`.
 */
import { binnedCounts, binnedSharesFromCounts, pairwiseSum, type BinnedCounts } from '../kernels/index.js';
import type { ColumnPair, StatTest, StatTestOptions, StatTestOutcome } from '../types.js';
import { normalised, relEntr } from './binned-entropy.js';

/**
 * scipy `entropy(p, q)` (natural log) from shares (the aggregate entry point).
 *
 * This runs in `O(bins)`.
 *
 * @param reference reference share per bin (zero-filled)
 * @param current current share per bin (zero-filled)
 * @returns KL(reference ‖ current)
 * @example
 * klDivFromShares(new Float64Array([0.5, 0.5]), new Float64Array([0.25, 0.75])); // => 0.14384103622589042
 */
export function klDivFromShares(reference: Float64Array, current: Float64Array): number {
  const p = normalised(reference);
  const q = normalised(current);
  const terms = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) terms[i] = relEntr(p[i]!, q[i]!);
  return pairwiseSum(terms);
}

/**
 * KL divergence from counts per bin, applying Evidently's shares and zero fill.
 *
 * @param binned counts per bin of both sides with the sample sizes
 * @returns KL(reference ‖ current)
 */
export function klDivFromCounts(binned: BinnedCounts): number {
  const shares = binnedSharesFromCounts(binned, true);
  return klDivFromShares(shares.reference, shares.current);
}

/**
 * Evidently's KL divergence of a column.
 *
 * @param pair the cleaned column pair
 * @param bins optional equal-width bin count for numerical histogram columns
 * @returns KL(reference ‖ current)
 */
export function klDivergence(pair: ColumnPair, bins?: number): number {
  return klDivFromCounts(binnedCounts(pair, bins));
}

/** The `kl_div` registry entry: `Kullback-Leibler divergence`, categorical and numerical, 0.1, `KL >= threshold`. */
export const klDiv: StatTest = {
  id: 'kl_div',
  displayName: 'Kullback-Leibler divergence',
  allowedTypes: ['categorical', 'numerical'],
  defaultThreshold: 0.1,
  scoreKind: 'distance',
  comparison: 'd>=thr',
  compute(pair: ColumnPair, options: StatTestOptions): StatTestOutcome {
    return { score: klDivergence(pair, options.bins) };
  },
};
