/**
 * Moments with numpy/pandas summation semantics.
 */
import type { ColumnPair } from '../types.js';
import {
  REDUCE_BUFFER_SIZE,
  pairwiseSum,
  pairwiseSumOfRuns,
  pairwiseSumOfSquaredDeviations,
} from './pairwise-sum.js';
import type { Runs } from './runs.js';
import { finiteSide, referenceRuns } from './side-runs.js';
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
  return cachedOnPair(pair, 'kernels:reference-std0', () => {
    if (pair.fromCounts) return standardDeviationOfRuns(referenceRuns(pair), 0);
    const gappy = finiteSide(pair, 'reference');
    return gappy
      ? standardDeviationOfFinite(gappy.values, gappy.finite, 0)
      : standardDeviation(pair.reference, 0);
  });
}

/** Where {@link standardDeviationOfFinite} gathers the finite values, one reduction buffer at a time. */
let gathered: Float64Array | undefined;

/**
 * {@link standardDeviation} of the finite values of `values` in row order, bit-identical to `standardDeviation` of
 * their copy, without making it: numpy sums a long array one reduction buffer (8192 values) at a time, so each
 * buffer's worth of finite values is gathered into a kept 64 KiB array and summed as `pairwiseSum` sums it.
 *
 * This runs in `O(n)`: two reads of the column, as `standardDeviation` reads the copy twice.
 *
 * @param values a column whose NaN and ±Infinity cells are left out
 * @param finite how many of its cells are finite
 * @param ddof delta degrees of freedom
 * @throws {Error} if no more than ddof cells are finite
 * @returns the standard deviation of the finite cells
 * @example
 * standardDeviationOfFinite(Float64Array.of(1, NaN, 2, 3, Infinity, 4), 4, 0); // => 1.118033988749895
 */
export function standardDeviationOfFinite(values: Float64Array, finite: number, ddof: number): number {
  if (finite <= ddof) throw new Error(`standardDeviation requires at least ${ddof + 1} data point(s)`);
  const buffer = (gathered ??= new Float64Array(REDUCE_BUFFER_SIZE));
  // One sum per buffer of finite values, added left to right to 0 (as pairwiseSum and
  // pairwiseSumOfSquaredDeviations do past one buffer; the sum of a single buffer is returned as it is, so a -0
  // stays -0 there).
  const sumOf = (term: (chunk: Float64Array) => number): number => {
    let result = 0;
    let filled = 0;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (value - value !== 0) continue;
      buffer[filled++] = value;
      if (filled === REDUCE_BUFFER_SIZE && finite > REDUCE_BUFFER_SIZE) {
        result += term(buffer);
        filled = 0;
      }
    }
    if (finite <= REDUCE_BUFFER_SIZE) return term(buffer.subarray(0, filled));
    return filled > 0 ? result + term(buffer.subarray(0, filled)) : result;
  };
  const avg = sumOf((chunk) => pairwiseSum(chunk)) / finite;
  return Math.sqrt(sumOf((chunk) => pairwiseSumOfSquaredDeviations(chunk, avg)) / (finite - ddof));
}
