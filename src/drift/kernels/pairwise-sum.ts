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
export const REDUCE_BUFFER_SIZE = 8192;

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

/**
 * A sequence given run by run, never laid out in memory: run `r` holds `lengths[r]` elements, each equal to
 * `values[r]` (constant runs), or the `offset`-th equal to `element(r, offset)` when `element` is given.
 */
export interface RunSequence {
  readonly lengths: ArrayLike<number>;
  readonly values?: ArrayLike<number>;
  readonly element?: (run: number, offset: number) => number;
}

/** Walks a {@link RunSequence} element by element, or a whole stretch of one constant run at once. */
class RunCursor {
  private run = 0;
  private offset = 0;
  private memoValue = Number.NaN;
  private readonly memo = new Map<number, number>();

  constructor(private readonly sequence: RunSequence) {
    this.skipEmpty();
  }

  private skipEmpty(): void {
    const { lengths } = this.sequence;
    while (this.run < lengths.length && this.offset >= lengths[this.run]!) {
      this.run++;
      this.offset = 0;
    }
  }

  /** The sum numpy forms for `length` elements, when they all lie in one constant run; else undefined. */
  constantStretch(length: number): number | undefined {
    const { lengths, values, element } = this.sequence;
    if (element !== undefined || values === undefined || lengths[this.run]! - this.offset < length)
      return undefined;
    const value = values[this.run]!;
    this.offset += length;
    this.skipEmpty();
    if (!Object.is(value, this.memoValue)) {
      this.memoValue = value;
      this.memo.clear();
    }
    return this.constantBlock(value, length);
  }

  /** pairwiseBlock of `length` copies of `value`, memoised by length (a run's blocks come in few lengths). */
  private constantBlock(value: number, length: number): number {
    const known = this.memo.get(length);
    if (known !== undefined) return known;
    let result: number;
    if (length < 8) {
      result = 0;
      for (let i = 0; i < length; i++) result += value;
    } else if (length <= PAIRWISE_BLOCK_SIZE) {
      // The 8 accumulators all hold the same partial sum.
      let r = value;
      const unrolledEnd = length - (length % 8);
      for (let i = 8; i < unrolledEnd; i += 8) r += value;
      result = r + r + (r + r) + (r + r + (r + r));
      for (let i = unrolledEnd; i < length; i++) result += value;
    } else {
      let half = Math.floor(length / 2);
      half -= half % 8;
      result = this.constantBlock(value, half) + this.constantBlock(value, length - half);
    }
    this.memo.set(length, result);
    return result;
  }

  next(): number {
    const { values, element } = this.sequence;
    const value = element !== undefined ? element(this.run, this.offset) : values![this.run]!;
    this.offset++;
    this.skipEmpty();
    return value;
  }
}

function virtualBlock(cursor: RunCursor, length: number): number {
  const stretch = cursor.constantStretch(length);
  if (stretch !== undefined) return stretch;
  if (length < 8) {
    let result = 0;
    for (let i = 0; i < length; i++) result += cursor.next();
    return result;
  }
  if (length <= PAIRWISE_BLOCK_SIZE) {
    let r0 = cursor.next();
    let r1 = cursor.next();
    let r2 = cursor.next();
    let r3 = cursor.next();
    let r4 = cursor.next();
    let r5 = cursor.next();
    let r6 = cursor.next();
    let r7 = cursor.next();
    const unrolledEnd = length - (length % 8);
    let i = 8;
    for (; i < unrolledEnd; i += 8) {
      r0 += cursor.next();
      r1 += cursor.next();
      r2 += cursor.next();
      r3 += cursor.next();
      r4 += cursor.next();
      r5 += cursor.next();
      r6 += cursor.next();
      r7 += cursor.next();
    }
    let result = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < length; i++) result += cursor.next();
    return result;
  }
  let half = Math.floor(length / 2);
  half -= half % 8;
  const first = virtualBlock(cursor, half);
  return first + virtualBlock(cursor, length - half);
}

/**
 * {@link pairwiseSum} of a sequence described by runs, bit-identical to laying the sequence out and summing it,
 * without laying it out: a stretch of a constant run is summed from its value and length (memoised), so a sample of
 * `n` values in `k` runs is summed in about `O(k log n)` steps and `O(k)` memory; other runs are walked element by
 * element in `O(1)` memory.
 *
 * @param sequence the runs
 * @returns the sum `np.sum` would give for the laid-out sequence
 * @example
 * pairwiseSumOfRuns({ lengths: [2, 1], values: [0.1, 0.2] }); // => 0.4
 */
export function pairwiseSumOfRuns(sequence: RunSequence): number {
  let length = 0;
  for (let r = 0; r < sequence.lengths.length; r++) length += sequence.lengths[r]!;
  const cursor = new RunCursor(sequence);
  if (length <= REDUCE_BUFFER_SIZE) return virtualBlock(cursor, length);
  let result = 0;
  for (let offset = 0; offset < length; offset += REDUCE_BUFFER_SIZE) {
    result += virtualBlock(cursor, Math.min(REDUCE_BUFFER_SIZE, length - offset));
  }
  return result;
}

/**
 * {@link pairwiseSum} of a virtual array of `length` elements that is zero except at `positions[i]`, where it holds
 * `terms[i]` (`positions` strictly ascending, the terms non-negative or at least never `-0`), without laying the
 * array out. Adding a zero leaves a partial sum unchanged, so every group numpy forms keeps its value and the
 * result is bit-identical to the dense sum; groups without a non-zero element are skipped.
 *
 * This runs in `O(count · log(length / count))` at worst, and `O(count)` when the non-zero elements are dense.
 *
 * @param positions where the non-zero elements are, ascending
 * @param terms their values, aligned with `positions`
 * @param count how many of `positions`/`terms` are used
 * @param length length of the virtual array
 * @returns the sum, bit-identical to `pairwiseSum` of the laid-out array
 * @example
 * sparsePairwiseSum(new Int32Array([1, 5]), new Float64Array([0.1, 0.2]), 2, 9); // => 0.30000000000000004
 */
export function sparsePairwiseSum(
  positions: Int32Array,
  terms: Float64Array,
  count: number,
  length: number,
): number {
  if (count === 0) return 0;
  if (length <= REDUCE_BUFFER_SIZE) return sparseBlock(positions, terms, 0, count, 0, length);
  let result = 0;
  let lo = 0;
  for (let offset = 0; offset < length && lo < count; offset += REDUCE_BUFFER_SIZE) {
    const end = Math.min(offset + REDUCE_BUFFER_SIZE, length);
    const hi = lowerBound(positions, lo, count, end);
    if (hi > lo) result += sparseBlock(positions, terms, lo, hi, offset, end - offset);
    lo = hi;
  }
  return result;
}

/**
 * {@link sparsePairwiseSum} fed one non-zero term at a time, in ascending position, without the arrays of all the
 * terms: numpy sums one reduction buffer (8192 elements) at a time, so only the current buffer's terms are held
 * (in 96 KiB kept by the summer) and each full buffer is summed as `sparsePairwiseSum` sums it. The result is the
 * same double, bit for bit.
 */
export class SparseSumStream {
  private readonly positions = new Int32Array(REDUCE_BUFFER_SIZE);
  private readonly terms = new Float64Array(REDUCE_BUFFER_SIZE);
  private count = 0;
  private offset = 0;
  private length = 0;
  private result = 0;
  private any = false;

  /**
   * Starts a new sum.
   *
   * @param length length of the virtual array the terms are laid out in
   */
  reset(length: number): void {
    this.count = 0;
    this.offset = 0;
    this.length = length;
    this.result = 0;
    this.any = false;
  }

  /**
   * Adds a term: its position is above every position added since {@link reset} and below the length.
   *
   * @param position where the term sits in the virtual array
   * @param term its value
   */
  add(position: number, term: number): void {
    if (position >= this.offset + REDUCE_BUFFER_SIZE) {
      this.flush();
      this.offset = position - (position % REDUCE_BUFFER_SIZE);
    }
    this.positions[this.count] = position;
    this.terms[this.count++] = term;
    this.any = true;
  }

  private flush(): void {
    if (this.count === 0) return;
    const end = Math.min(this.offset + REDUCE_BUFFER_SIZE, this.length);
    this.result += sparseBlock(this.positions, this.terms, 0, this.count, this.offset, end - this.offset);
    this.count = 0;
  }

  /**
   * The sum of the terms added since {@link reset}.
   *
   * @returns `sparsePairwiseSum` of the same positions and terms
   */
  finish(): number {
    if (!this.any) return 0;
    if (this.length <= REDUCE_BUFFER_SIZE)
      return sparseBlock(this.positions, this.terms, 0, this.count, 0, this.length);
    this.flush();
    return this.result;
  }
}

/** First index in `[lo, hi)` whose position is `>= target` (or `hi`). */
function lowerBound(positions: Int32Array, lo: number, hi: number, target: number): number {
  // Dense runs are common: a short linear look before the binary search.
  if (hi - lo <= 16) {
    while (lo < hi && positions[lo]! < target) lo++;
    return lo;
  }
  while (lo < hi) {
    const middle = (lo + hi) >>> 1;
    if (positions[middle]! < target) lo = middle + 1;
    else hi = middle;
  }
  return lo;
}

/** {@link pairwiseBlock} over the virtual range `[start, start + length)`, whose non-zeros are `[lo, hi)`. */
function sparseBlock(
  positions: Int32Array,
  terms: Float64Array,
  lo: number,
  hi: number,
  start: number,
  length: number,
): number {
  if (lo >= hi) return 0;
  if (length < 8) {
    let result = 0;
    for (let k = lo; k < hi; k++) result += terms[k]!;
    return result;
  }
  if (length <= PAIRWISE_BLOCK_SIZE) {
    // The 8 lanes each sum their own elements left to right; zeros change nothing.
    let r0 = 0;
    let r1 = 0;
    let r2 = 0;
    let r3 = 0;
    let r4 = 0;
    let r5 = 0;
    let r6 = 0;
    let r7 = 0;
    const unrolledEnd = start + length - (length % 8);
    let k = lo;
    for (; k < hi; k++) {
      const at = positions[k]!;
      if (at >= unrolledEnd) break;
      const term = terms[k]!;
      switch ((at - start) & 7) {
        case 0:
          r0 += term;
          break;
        case 1:
          r1 += term;
          break;
        case 2:
          r2 += term;
          break;
        case 3:
          r3 += term;
          break;
        case 4:
          r4 += term;
          break;
        case 5:
          r5 += term;
          break;
        case 6:
          r6 += term;
          break;
        default:
          r7 += term;
      }
    }
    let result = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; k < hi; k++) result += terms[k]!;
    return result;
  }
  let half = Math.floor(length / 2);
  half -= half % 8;
  const split = lowerBound(positions, lo, hi, start + half);
  return (
    sparseBlock(positions, terms, lo, split, start, half) +
    sparseBlock(positions, terms, split, hi, start + half, length - half)
  );
}

/**
 * `pairwiseSum` of `(center − values[i])²` over `values`, without laying the squares out: the same groups as
 * numpy's pairwise sum of the squared deviations (pandas' second pass of `nanvar`).
 *
 * @param values the sample, in row order
 * @param center the value subtracted (the mean)
 * @returns the sum of squared deviations, bit-identical to `pairwiseSum` of the squares array
 * @example
 * pairwiseSumOfSquaredDeviations(new Float64Array([1, 2, 3, 4]), 2.5); // => 5
 */
export function pairwiseSumOfSquaredDeviations(values: Float64Array, center: number): number {
  const length = values.length;
  if (length <= REDUCE_BUFFER_SIZE) return squaresBlock(values, center, 0, length);
  let result = 0;
  for (let offset = 0; offset < length; offset += REDUCE_BUFFER_SIZE) {
    result += squaresBlock(values, center, offset, Math.min(REDUCE_BUFFER_SIZE, length - offset));
  }
  return result;
}

function squaresBlock(values: Float64Array, c: number, start: number, length: number): number {
  if (length < 8) {
    let result = 0;
    for (let i = 0; i < length; i++) {
      const d = c - values[start + i]!;
      result += d * d;
    }
    return result;
  }
  if (length <= PAIRWISE_BLOCK_SIZE) {
    let d = c - values[start]!;
    let r0 = d * d;
    d = c - values[start + 1]!;
    let r1 = d * d;
    d = c - values[start + 2]!;
    let r2 = d * d;
    d = c - values[start + 3]!;
    let r3 = d * d;
    d = c - values[start + 4]!;
    let r4 = d * d;
    d = c - values[start + 5]!;
    let r5 = d * d;
    d = c - values[start + 6]!;
    let r6 = d * d;
    d = c - values[start + 7]!;
    let r7 = d * d;
    const unrolledEnd = length - (length % 8);
    let i = 8;
    for (; i < unrolledEnd; i += 8) {
      const at = start + i;
      d = c - values[at]!;
      r0 += d * d;
      d = c - values[at + 1]!;
      r1 += d * d;
      d = c - values[at + 2]!;
      r2 += d * d;
      d = c - values[at + 3]!;
      r3 += d * d;
      d = c - values[at + 4]!;
      r4 += d * d;
      d = c - values[at + 5]!;
      r5 += d * d;
      d = c - values[at + 6]!;
      r6 += d * d;
      d = c - values[at + 7]!;
      r7 += d * d;
    }
    let result = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < length; i++) {
      d = c - values[start + i]!;
      result += d * d;
    }
    return result;
  }
  let half = Math.floor(length / 2);
  half -= half % 8;
  return squaresBlock(values, c, start, half) + squaresBlock(values, c, start + half, length - half);
}
