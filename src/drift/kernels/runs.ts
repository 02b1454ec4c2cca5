import { SCRATCH_MAX_LENGTH, scratchFloat64, scratchOpen } from './scratch.js';

/**
 * End of a run of equal values in an ascending array, found by galloping: a linear look at the first few
 * elements, then exponential and binary search. Columns with few distinct values (prices in cents, counts) have
 * runs of hundreds of equal values; this finds each run's end in `O(log run)` instead of `O(run)`.
 *
 * @param sorted ascending values
 * @param start index of the run's first element (`sorted[start] === value`), or where the run would start
 * @param end exclusive end of the range to search
 * @param value the run's value
 * @returns the first index in `[start, end)` whose value differs from `value` (or `end`)
 * @example
 * runEnd(new Float64Array([1, 1, 1, 2]), 0, 4, 1); // => 3
 */
export function runEnd(sorted: Float64Array, start: number, end: number, value: number): number {
  let i = start;
  // Short runs: a few linear steps are cheapest.
  for (let step = 0; step < 8; step++) {
    if (i >= end || sorted[i] !== value) return i;
    i++;
  }
  // Gallop: double the stride while still inside the run.
  let low = i - 1; // known equal
  let stride = 8;
  let high = low + stride;
  while (high < end && sorted[high] === value) {
    low = high;
    stride *= 2;
    high = low + stride;
  }
  if (high > end) high = end;
  // Binary search for the first index in (low, high] that differs (high may be end).
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] === value) low = middle;
    else high = middle;
  }
  return high;
}

/** Shorter samples take the general path (their arrays are lent from the kept ones anyway). */
const ALL_DISTINCT_MIN = 4096;

/**
 * Whether an ascending array has no two equal neighbours (by `!==`, so -0 next to 0 is a repeat). Each value is
 * compared with the one before kept in a local: one load a value (measured 0.95 → 0.63 ms on a million doubles
 * against reading both neighbours from the array).
 */
function allDistinct(sorted: Float64Array): boolean {
  let last = sorted[0]!;
  for (let i = 1; i < sorted.length; i++) {
    const value = sorted[i]!;
    if (value === last) return false;
    last = value;
  }
  return true;
}

/**
 * Per thread, an array of ones as long as the longest all-distinct sample seen (up to {@link ONES_KEPT_MAX}): the
 * counts of such a sample's runs (a view of it, shared by both sides; runs are read-only).
 */
let ones = new Float64Array(0);
/** Longer samples get their own array of ones (the kept one stays at most 16 MiB per thread). */
const ONES_KEPT_MAX = 1 << 21;

/** `n` ones, a view of the kept array (grown when shorter). */
function onesOf(n: number): Float64Array {
  if (n > ONES_KEPT_MAX) return new Float64Array(n).fill(1);
  if (ones.length < n) ones = new Float64Array(n).fill(1);
  return ones.subarray(0, n);
}

/**
 * Whether `counts` are the ones {@link runsOfSorted} lends an all-distinct sample (a view of the kept array): every
 * count is then 1 and the runs' values are the sorted sample itself.
 *
 * @param counts the counts of some runs
 * @returns true only for counts known to be all ones (false says nothing)
 */
export function countedOnce(counts: Float64Array): boolean {
  return counts.buffer === ones.buffer && ones.length > 0;
}

/** A sample as runs: its distinct values ascending, how often each occurs, and the sample size. */
export interface Runs {
  readonly values: Float64Array;
  readonly counts: Float64Array;
  readonly total: number;
  /** The largest count (0 for no runs), when whoever made the runs knew it; else it is read from the counts. */
  readonly largest?: number;
  /** The sample itself in ascending order, when the runs were made from it: its order statistics by index. */
  readonly sorted?: Float64Array;
  /**
   * The running totals of the counts (`prefix[k]`: how many values are below `values[k]`, one more than the runs),
   * when whoever made the runs had them.
   */
  readonly prefix?: Float64Array;
}

/** Values read per call of {@link fillRunsBlock}. */
const RUNS_BLOCK = 16_384;
/** The index of the run being filled and the largest count so far, kept between blocks (small integers). */
let runIndex = 0;
let runLargest = 0;

/**
 * Writes the runs of an ascending sample into `values` and `counts` (long enough for them); returns how many. A value
 * unlike the one before (most, in a sample of nearly distinct values) costs one comparison with the last key kept in
 * a local, and starts a run of 1; a repeat gallops to its run's end ({@link runEnd}).
 *
 * The values go by blocks ({@link fillRunsBlock}), for V8. A function that is one loop over a whole sample, called
 * once a side of each column, is compiled on the fly from inside its loop on its first call, and every later call
 * entered that same code: 4.4 ns a value, where the function once compiled whole took 1.5, which V8 got to only
 * after some 200 calls. A block function is compiled whole within a few columns; its state comes in with `| 0`
 * (2.7 → 2.1 ns a value with the hints) and the key before the block is read from the array. Measured on Node 24
 * with samples of 100,000 six-decimal floats with 2.5 % repeats: 4.4 → 1.9 ns a value in a loop over 40 samples,
 * and 6.0–6.3 → 3.4–4.3 ns a value in `compare` of 400 such columns.
 */
function fillRuns(sorted: Float64Array, values: Float64Array, counts: Float64Array): number {
  const n = sorted.length;
  filledLargest = 0;
  if (n === 0) return 0;
  values[0] = sorted[0]!;
  counts[0] = 1;
  runIndex = 0;
  runLargest = 1;
  for (let i = 1; i < n;) i = fillRunsBlock(sorted, values, counts, i, Math.min(i + RUNS_BLOCK, n));
  filledLargest = runLargest;
  return runIndex + 1;
}

/**
 * {@link fillRuns} from index `from` (at least 1) while below `to`, from and back into {@link runIndex} and
 * {@link runLargest}; returns the next index to read (past `to` when a run's gallop went beyond it: a run is counted
 * whole where its first repeat is read, and the key before a block is its last run's value).
 */
function fillRunsBlock(
  sorted: Float64Array,
  values: Float64Array,
  counts: Float64Array,
  from: number,
  to: number,
): number {
  const n = sorted.length | 0;
  const end = to | 0;
  let k = runIndex | 0;
  let largest = runLargest | 0;
  let last = sorted[from - 1]!;
  let i = from | 0;
  for (; i < end; i++) {
    const value = sorted[i]!;
    if (value !== last) {
      k++;
      values[k] = value;
      counts[k] = 1;
      last = value;
    } else {
      // The run started at i - 1 (a repeat is only ever read right after its run's first value).
      const runStop = runEnd(sorted, i + 1, n, value);
      const count = runStop - i + 1;
      counts[k] = count;
      if (count > largest) largest = count;
      i = runStop - 1;
    }
  }
  runIndex = k;
  runLargest = largest;
  return i;
}

/**
 * The largest count the last {@link fillRuns} wrote: the data summary's mode count, known here without a pass over
 * the counts (measured ~0.1 ms a side of 100,000 values, 40 ms a thread on 400 such columns).
 */
let filledLargest = 0;

/**
 * The runs of an ascending sample (equal values by `===`, so -0 and 0 form one run, keyed by the first).
 *
 * This runs in `O(k log(n / k))` for k distinct values, by galloping over each run.
 *
 * @param sorted ascending values
 * @returns distinct values with their counts
 * @example
 * runsOfSorted(new Float64Array([1, 1, 2])); // => { values: [1, 2], counts: [2, 1], total: 3 }
 */
export function runsOfSorted(sorted: Float64Array): Runs {
  const n = sorted.length;
  // Continuous values (floats at full precision) are all distinct: the runs are then the sorted values themselves
  // with a count of 1 each, read from a kept array of ones. Neither is copied: two fewer arrays of the sample's
  // length per side (16 MB for a million rows), and no walk that writes them.
  if (n >= ALL_DISTINCT_MIN && allDistinct(sorted))
    return { values: sorted, counts: onesOf(n), total: n, largest: 1 };
  // Lent arrays cost nothing to take at the sample's length: one walk fills them, the runs are a view of their start.
  if (n <= SCRATCH_MAX_LENGTH && scratchOpen()) {
    const values = scratchFloat64(n, false);
    const counts = scratchFloat64(n, false);
    const k = fillRuns(sorted, values, counts);
    return {
      values: values.subarray(0, k),
      counts: counts.subarray(0, k),
      total: n,
      largest: filledLargest,
      sorted,
    };
  }
  // Count the runs first, so the arrays are allocated once at their size.
  let runs = 0;
  for (let i = 0; i < n;) {
    const value = sorted[i]!;
    i = i + 1 < n && sorted[i + 1] === value ? runEnd(sorted, i + 2, n, value) : i + 1;
    runs++;
  }
  const values = scratchFloat64(runs, false);
  const counts = scratchFloat64(runs, false);
  fillRuns(sorted, values, counts);
  return { values, counts, total: n, largest: filledLargest, sorted };
}
