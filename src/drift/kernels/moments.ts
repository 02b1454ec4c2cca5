/**
 * Moments with numpy/pandas summation semantics.
 */
import type { ColumnPair } from '../types.js';
import { pairwiseSum, pairwiseSumOfSquaredDeviations } from './pairwise-sum.js';
import { cachedOnPair } from './sorted.js';

/**
 * Mean as pandas computes it: numpy pairwise sum divided by the count.
 *
 * @param values sample of one or more data points (row order matters for the last bit)
 * @throws {Error} if values is empty
 * @returns the mean
 * @example
 * mean(new Float64Array([1, 2, 3, 4])); // => 2.5
 */
export function mean(values: Float64Array): number {
  if (values.length === 0) throw new Error('mean requires at least 1 data point');
  return pairwiseSum(values) / values.length;
}

/**
 * Standard deviation with `ddof` delta degrees of freedom, as pandas `nanops.nanvar` computes it: a two-pass
 * algorithm, `avg = sum(x) / n`, then `sum((avg - x)²) / (n - ddof)`, both sums pairwise, then `sqrt`.
 * `np.std(series)` on a pandas Series dispatches here with ddof 0 (Evidently's normed Wasserstein).
 *
 * This runs in `O(n)`.
 *
 * @param values sample in row order
 * @param ddof delta degrees of freedom (0 = population, 1 = sample)
 * @throws {Error} if values has no more than ddof elements
 * @returns the standard deviation
 * @example
 * standardDeviation(new Float64Array([1, 2, 3, 4]), 0); // => 1.118033988749895
 */
export function standardDeviation(values: Float64Array, ddof: number): number {
  const n = values.length;
  if (n <= ddof) throw new Error(`standardDeviation requires at least ${ddof + 1} data point(s)`);
  const avg = pairwiseSum(values) / n;
  return Math.sqrt(pairwiseSumOfSquaredDeviations(values, avg) / (n - ddof));
}

/**
 * Population (ddof 0) standard deviation of the reference side, cached on the pair.
 *
 * @param pair the cleaned column pair
 * @returns `np.std(reference)`
 */
export function referencePopulationStd(pair: ColumnPair): number {
  return cachedOnPair(pair, 'kernels:reference-std0', () => standardDeviation(pair.reference, 0));
}
