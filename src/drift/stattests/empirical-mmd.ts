/**
 * `empirical_mmd`: maximum mean discrepancy with a one-dimensional RBF kernel and a 100-permutation p-value,
 * Evidently's `mmd_stattest.py`.
 *
 * Evidently uses numpy's **unseeded** global generator, so its p-value varies run to run; driftwatch seeds the
 * ported legacy `RandomState` with the `seed` setting (default 0), which equals Evidently's output when numpy's
 * global generator was seeded with the same value just before the call. Drift if and only if `p < threshold`
 * (default 0.1).
 *
 * The kernel matrix is (n1+n2)² doubles and every permutation is `O((n1+n2)²)` (as in Evidently); above
 * {@link MMD_MAX_POOLED_SIZE} pooled values the column is skipped with that reason rather than running for
 * minutes (Evidently would allocate (n1+n2)² doubles several times over, e.g. 320 GB at 200k rows).
 */
import { pairwiseSum } from '../kernels/index.js';
import { RandomState } from '../random/random-state.js';
import {
  StatTestSkip,
  type ColumnPair,
  type StatTest,
  type StatTestOptions,
  type StatTestOutcome,
} from '../types.js';

/** Evidently's number of permutations. */
export const MMD_ITERATIONS = 100;
/** Largest pooled sample size driftwatch runs this O(N²)-memory test on. */
export const MMD_MAX_POOLED_SIZE = 2000;

/**
 * Evidently's `sigma_median`: `sqrt(0.5 · percentile(d, 50, method="nearest"))`, or `sqrt(0.5)` when that is 0.
 * numpy's "nearest" takes the sorted element at `round_half_even(0.5 · (len − 1))`.
 *
 * @param distances flattened squared distances
 * @returns the kernel bandwidth
 * @example
 * sigmaMedian(Float64Array.of(0, 1, 4, 1, 0, 1, 4, 1, 0)); // => 0.7071067811865476
 */
export function sigmaMedian(distances: Float64Array): number {
  const sorted = Float64Array.from(distances).sort();
  const virtual = 0.5 * (sorted.length - 1);
  const floor = Math.floor(virtual);
  const index = virtual - floor === 0.5 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(virtual);
  const sigma = Math.sqrt(0.5 * sorted[index]!);
  return sigma === 0 ? Math.sqrt(0.5) : sigma;
}

/** Squared distance as Evidently forms it: `y² − 2·x·y + x²` (numpy evaluation order). */
function squaredDistance(x: number, y: number): number {
  return y * y - 2 * (x * y) + x * x;
}

/**
 * Sum of a block of the (permuted) kernel matrix the way numpy reduces a 2-D view: pairwise along each row,
 * rows accumulated in order.
 */
function blockSum(
  kernel: Float64Array,
  size: number,
  order: Int32Array,
  rowStart: number,
  rowEnd: number,
  colStart: number,
  colEnd: number,
  buffer: Float64Array,
): number {
  let total = 0;
  const width = colEnd - colStart;
  for (let r = rowStart; r < rowEnd; r++) {
    const rowOffset = order[r]! * size;
    for (let c = 0; c < width; c++) buffer[c] = kernel[rowOffset + order[colStart + c]!]!;
    total += pairwiseSum(buffer, 0, width);
  }
  return total;
}

/**
 * Evidently's MMD of the (permuted) kernel matrix: `ΣKxx/(n(n−1)) + ΣKyy/(m(m−1)) − 2·mean(Kxy)`.
 */
function mmdOf(
  kernel: Float64Array,
  size: number,
  currentSize: number,
  order: Int32Array,
  buffer: Float64Array,
): number {
  const referenceSize = size - currentSize;
  const a = 1 / (referenceSize * (referenceSize - 1));
  const b = 1 / (currentSize * (currentSize - 1));
  const kxx = blockSum(kernel, size, order, 0, referenceSize, 0, referenceSize, buffer);
  const kyy = blockSum(kernel, size, order, referenceSize, size, referenceSize, size, buffer);
  const kxy =
    blockSum(kernel, size, order, referenceSize, size, 0, referenceSize, buffer) /
    (currentSize * referenceSize);
  return a * kxx + b * kyy - 2.0 * kxy;
}

/**
 * Empirical MMD and its permutation p-value.
 *
 * This runs in `O(iterations · (n1+n2)²)` time and `O((n1+n2)²)` memory.
 *
 * @param pair the cleaned column pair
 * @param seed seed of the legacy `RandomState` that draws the permutations
 * @param iterations number of permutations (Evidently: 100)
 * @throws {StatTestSkip} above {@link MMD_MAX_POOLED_SIZE} pooled values
 * @returns the MMD statistic and the p-value
 */
export function empiricalMmd(
  pair: ColumnPair,
  seed: number,
  iterations: number = MMD_ITERATIONS,
): { statistic: number; pValue: number } {
  const x = pair.reference;
  const y = pair.current;
  const n = x.length;
  const m = y.length;
  const size = n + m;
  if (size > MMD_MAX_POOLED_SIZE) {
    throw new StatTestSkip(
      `empirical_mmd builds a (n1+n2)² kernel matrix; ${size} pooled values exceed driftwatch's limit of ` +
        `${MMD_MAX_POOLED_SIZE} (sample the column or choose another test)`,
    );
  }
  // sigma from the reference-reference distances (diagonal included), shared by all three blocks.
  const referenceDistances = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) referenceDistances[i * n + j] = squaredDistance(x[i]!, x[j]!);
  const sigma = sigmaMedian(referenceDistances);
  const gamma = 1.0 / (2.0 * sigma ** 2);
  const kernel = new Float64Array(size * size);
  const value = (i: number): number => (i < n ? x[i]! : y[i - n]!);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (r === c) continue; // the diagonal is zeroed
      // Kxy.T fills the lower-left block: entry (y_r, x_c) is Kxy[c][r], i.e. dist(x_c, y_r).
      const distance =
        r >= n && c < n ? squaredDistance(value(c), value(r)) : squaredDistance(value(r), value(c));
      kernel[r * size + c] = Math.exp(-gamma * distance);
    }
  }
  const buffer = new Float64Array(size);
  const identity = new Int32Array(size);
  for (let i = 0; i < size; i++) identity[i] = i;
  const statistic = mmdOf(kernel, size, m, identity, buffer);
  const random = new RandomState(seed);
  let atLeastObserved = 0;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const order = random.permutation(size);
    if (statistic <= mmdOf(kernel, size, m, order, buffer)) atLeastObserved++;
  }
  return { statistic, pValue: atLeastObserved / iterations };
}

export const empiricalMmdStatTest: StatTest = {
  id: 'empirical_mmd',
  displayName: 'empirical_mmd',
  allowedTypes: ['numerical'],
  defaultThreshold: 0.1,
  scoreKind: 'p_value',
  comparison: 'p<thr',
  compute(pair: ColumnPair, options: StatTestOptions): StatTestOutcome {
    const { statistic, pValue } = empiricalMmd(pair, options.seed);
    return { score: pValue, statistic, method: `permutation (${MMD_ITERATIONS}, seed ${options.seed})` };
  },
};
