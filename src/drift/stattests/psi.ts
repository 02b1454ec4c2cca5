/**
 * `psi`: Evidently's Population Stability Index (`psi.py`) on the binned shares with zero fill
 * (docs/drift-semantics.md, "Binning" and "Zero fill"): `PSI = Σ (p_i − q_i) ln(p_i / q_i)` with p the reference and q the current share, no
 * renormalisation. Drift if and only if `PSI >= threshold`.
 *
 * With `options.bins` set, numerical columns that take the histogram branch use that many equal-width bins over
 * the pooled range instead of Sturges (an opt-in improvement; Evidently ignores `n_bins`, issue #1400).
 */
import { binnedCounts, binnedSharesFromCounts, pairwiseSum, type BinnedCounts } from '../kernels/index.js';
import type { ColumnPair, StatTest, StatTestOptions, StatTestOutcome } from '../types.js';

/**
 * PSI from zero-filled shares (the aggregate entry point).
 *
 * This runs in `O(bins)`.
 *
 * @param reference reference share per bin (zero-filled)
 * @param current current share per bin (zero-filled), aligned with `reference`
 * @returns `Σ (p − q) ln(p / q)` summed as numpy does
 * @example
 * psiFromShares(new Float64Array([1, 0.0001]), new Float64Array([0.0001, 1])); // => 18.41883867587797 (numpy: 18.418838675877968)
 */
export function psiFromShares(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const terms = new Float64Array(reference.length);
  for (let i = 0; i < reference.length; i++) {
    const p = reference[i]!;
    const q = current[i]!;
    terms[i] = (p - q) * Math.log(p / q);
  }
  return pairwiseSum(terms);
}

/**
 * PSI from counts per bin (e.g. histogram counts computed in SQL), applying Evidently's shares and zero fill.
 *
 * @param binned counts per bin of both sides with the sample sizes
 * @returns the PSI
 */
export function psiFromCounts(binned: BinnedCounts): number {
  const shares = binnedSharesFromCounts(binned, true);
  return psiFromShares(shares.reference, shares.current);
}

/**
 * Evidently's PSI of a column.
 *
 * @param pair the cleaned column pair
 * @param bins optional equal-width bin count for numerical histogram columns (default: Sturges, as Evidently)
 * @returns the PSI
 */
export function populationStabilityIndex(pair: ColumnPair, bins?: number): number {
  return psiFromCounts(binnedCounts(pair, bins));
}

/** The `psi` registry entry: `PSI`, categorical and numerical, 0.1, drift when `PSI >= threshold`. */
export const psi: StatTest = {
  id: 'psi',
  displayName: 'PSI',
  allowedTypes: ['categorical', 'numerical'],
  defaultThreshold: 0.1,
  scoreKind: 'distance',
  comparison: 'd>=thr',
  compute(pair: ColumnPair, options: StatTestOptions): StatTestOutcome {
    return { score: populationStabilityIndex(pair, options.bins) };
  },
};
