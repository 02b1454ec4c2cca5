/**
 * numpy's summation of a contiguous float64 array (`np.sum`, `np.add.reduce`, pandas `Series.sum`).
 *
 * numpy does not sum left to right: it uses partial pairwise summation (blocks of up to 128 elements
 * summed with 8 interleaved accumulators, recursing by halves above that). Reproducing the exact grouping
 * is what makes sums here agree with numpy to the last bit rather than to ~n ulps, so every numpy-side
 * `np.sum` in Evidently's maths goes through this kernel. Port of `@TYPE@_pairwise_sum` in numpy's
 * `numpy/core/src/umath/loops_utils.h.src` (numpy 1.24).
 */

const PAIRWISE_BLOCK_SIZE = 128;
/** numpy's default ufunc buffer size (`np.getbufsize()`), the chunk a reduction's inner loop receives. */
const REDUCE_BUFFER_SIZE = 8192;

/**
 * Pairwise sum of `values[start .. start + length)`, grouping additions exactly as numpy does.
 *
 * This runs in `O(length)`.
 *
 * @param values the array to sum (not modified)
 * @param start first index (default 0)
 * @param length number of elements (default: to the end)
 * @returns the sum, bit-identical to `np.sum` of the same float64 slice
 * @example
 * pairwiseSum(new Float64Array([0.1, 0.2, 0.3])); // => 0.6000000000000001
 */
export function pairwiseSum(values: ArrayLike<number>, start = 0, length = values.length - start): number {
  // numpy's reduction iterator hands the inner loop at most one buffer (8192 elements) at a time and
  // accumulates the per-buffer pairwise sums left to right.
  if (length <= REDUCE_BUFFER_SIZE) return pairwiseBlock(values, start, length);
  let result = 0;
  for (let offset = 0; offset < length; offset += REDUCE_BUFFER_SIZE) {
    result += pairwiseBlock(values, start + offset, Math.min(REDUCE_BUFFER_SIZE, length - offset));
  }
  return result;
}

function pairwiseBlock(values: ArrayLike<number>, start: number, length: number): number {
  if (length < 8) {
    let result = 0;
    for (let i = 0; i < length; i++) result += values[start + i]!;
    return result;
  }
  if (length <= PAIRWISE_BLOCK_SIZE) {
    let r0 = values[start]!;
    let r1 = values[start + 1]!;
    let r2 = values[start + 2]!;
    let r3 = values[start + 3]!;
    let r4 = values[start + 4]!;
    let r5 = values[start + 5]!;
    let r6 = values[start + 6]!;
    let r7 = values[start + 7]!;
    const unrolledEnd = length - (length % 8);
    let i = 8;
    for (; i < unrolledEnd; i += 8) {
      const at = start + i;
      r0 += values[at]!;
      r1 += values[at + 1]!;
      r2 += values[at + 2]!;
      r3 += values[at + 3]!;
      r4 += values[at + 4]!;
      r5 += values[at + 5]!;
      r6 += values[at + 6]!;
      r7 += values[at + 7]!;
    }
    let result = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    // The remainder that does not fill a group of 8 is added left to right.
    for (; i < length; i++) result += values[start + i]!;
    return result;
  }
  // Split in two halves, keeping the first half a multiple of the unroll factor.
  let half = Math.floor(length / 2);
  half -= half % 8;
  return pairwiseBlock(values, start, half) + pairwiseBlock(values, start + half, length - half);
}
