/**
 * Moments with numpy/pandas summation semantics.
 */
import type { ColumnPair } from '../types.js';
import { pairwiseSum, pairwiseSumOfRuns, pairwiseSumOfSquaredDeviations } from './pairwise-sum.js';
import type { Runs } from './runs.js';
import { referenceRuns } from './side-runs.js';
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
 * {@link standardDeviation} of the sample that runs describe, laid out in ascending order (each value repeated its
 * count), bit-identical to `standardDeviation` of that ascending array, in `O(k log n)` without laying it out.
 *
 * @param runs distinct values ascending with their counts
 * @param ddof delta degrees of freedom
 * @throws {Error} if the sample has no more than ddof elements
 * @returns the standard deviation
 * @example
 * standardDeviationOfRuns({ values: Float64Array.of(1, 2, 3, 4), counts: Float64Array.of(1, 1, 1, 1), total: 4 }, 0); // => 1.118033988749895
 */
export function standardDeviationOfRuns(runs: Runs, ddof: number): number {
  const n = runs.total;
  if (n <= ddof) throw new Error(`standardDeviationOfRuns requires at least ${ddof + 1} data point(s)`);
  const avg = pairwiseSumOfRuns({ lengths: runs.counts, values: runs.values }) / n;
  const squares = new Float64Array(runs.values.length);
  for (let k = 0; k < squares.length; k++) {
    const d = avg - runs.values[k]!;
    squares[k] = d * d;
  }
  return Math.sqrt(pairwiseSumOfRuns({ lengths: runs.counts, values: squares }) / (n - ddof));
}

/**
 * Population (ddof 0) standard deviation of the reference side, cached on the pair. pandas sums in row order; a pair
 * built from value counts has no row order, and its rows are taken in ascending order (as the counted column
 * expands), summed from the runs without expanding them.
 *
 * @param pair the cleaned column pair
 * @returns `np.std(reference)`
 */
export function referencePopulationStd(pair: ColumnPair): number {
  return cachedOnPair(pair, 'kernels:reference-std0', () =>
    pair.fromCounts ? standardDeviationOfRuns(referenceRuns(pair), 0) : standardDeviation(pair.reference, 0),
  );
}
