/**
 * Compensated (Neumaier) sums: within an ulp or so of the exact sum in any order, without allocating. pandas sums
 * pairwise in row order (see `pairwise-sum.ts`, used where parity needs the same bits); where only accuracy is
 * needed (the data summary's mean and standard deviation), these agree with the exact value to ~1e-16 relative
 * whatever the order, far inside the 1e-12 tolerance of the summary's checks.
 */

/** One Neumaier step: adds `x` to the running `sum`, returning the rounding error to carry. */
function neumaierError(sum: number, x: number, t: number): number {
  return Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
}

/**
 * Compensated sum of the values.
 *
 * This runs in `O(n)`.
 *
 * @example
 * compensatedSum(Float64Array.of(1e16, 1, -1e16)); // => 1
 */
export function compensatedSum(values: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    const t = sum + x;
    compensation += neumaierError(sum, x, t);
    sum = t;
  }
  return sum + compensation;
}

/**
 * Compensated sum of squared deviations `Σ (center − xᵢ)²`.
 *
 * @example
 * compensatedSquaredDeviations(Float64Array.of(1, 2, 3), 2); // => 2
 */
export function compensatedSquaredDeviations(values: ArrayLike<number>, center: number): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const d = center - values[i]!;
    const x = d * d;
    const t = sum + x;
    compensation += neumaierError(sum, x, t);
    sum = t;
  }
  return sum + compensation;
}

/**
 * Compensated weighted sum `Σ valuesₖ·weightsₖ` over the first `count` entries (a sample given as runs: distinct
 * values with their counts). Each product is one rounding, so the result stays within a few ulps of the exact value.
 *
 * @example
 * compensatedWeightedSum(Float64Array.of(1, 2), Float64Array.of(3, 1), 2); // => 5
 */
export function compensatedWeightedSum(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  count: number,
): number {
  let sum = 0;
  let compensation = 0;
  for (let k = 0; k < count; k++) {
    const x = values[k]! * weights[k]!;
    const t = sum + x;
    compensation += neumaierError(sum, x, t);
    sum = t;
  }
  return sum + compensation;
}

/**
 * Compensated weighted sum of squared deviations `Σ (center − valuesₖ)²·weightsₖ` over the first `count` entries.
 *
 * @example
 * compensatedWeightedSquaredDeviations(Float64Array.of(1, 3), Float64Array.of(2, 2), 2, 2); // => 4
 */
export function compensatedWeightedSquaredDeviations(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  count: number,
  center: number,
): number {
  let sum = 0;
  let compensation = 0;
  for (let k = 0; k < count; k++) {
    const d = center - values[k]!;
    const x = d * d * weights[k]!;
    const t = sum + x;
    compensation += neumaierError(sum, x, t);
    sum = t;
  }
  return sum + compensation;
}

/**
 * {@link compensatedSum} of a sample given as repeats (`values[k]` occurring `counts[k]` times, in that order),
 * added one copy at a time: bit-identical to `compensatedSum` of the laid-out sample, in `O(1)` memory.
 *
 * @example
 * compensatedSumOfRepeats(Float64Array.of(1e16, 1), Float64Array.of(1, 2)); // => 10000000000000002
 */
export function compensatedSumOfRepeats(values: ArrayLike<number>, counts: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let k = 0; k < values.length; k++) {
    const x = values[k]!;
    for (let c = counts[k]!; c > 0; c--) {
      const t = sum + x;
      compensation += neumaierError(sum, x, t);
      sum = t;
    }
  }
  return sum + compensation;
}

/**
 * {@link compensatedSquaredDeviations} of a sample given as repeats, bit-identical to the laid-out sample's.
 *
 * @example
 * compensatedSquaredDeviationsOfRepeats(Float64Array.of(1, 3), Float64Array.of(2, 2), 2); // => 4
 */
export function compensatedSquaredDeviationsOfRepeats(
  values: ArrayLike<number>,
  counts: ArrayLike<number>,
  center: number,
): number {
  let sum = 0;
  let compensation = 0;
  for (let k = 0; k < values.length; k++) {
    const d = center - values[k]!;
    const x = d * d;
    for (let c = counts[k]!; c > 0; c--) {
      const t = sum + x;
      compensation += neumaierError(sum, x, t);
      sum = t;
    }
  }
  return sum + compensation;
}
