/**
 * Sorting a column of short decimals (prices, measurements written with a few decimals: 1.234567) as the integers
 * they scale to, which a radix sort orders in one to three passes of at most 12 bits instead of the six a
 * double's 64-bit key needs.
 *
 * A value `v` is taken as the integer `m = round(v × 10^d)` only when `m / 10^d === v`: the division of two exact
 * doubles is correctly rounded, so the sorted copy written as `m / 10^d` holds that very double again. Dividing by a
 * positive constant never reverses an order, so ascending integers give ascending doubles, and equal doubles have
 * equal integers (`m` is a function of `v`). The result is therefore bit for bit the array
 * `Float64Array.prototype.sort` gives, -0 aside: `-0` and `0` both scale to 0, so a column holding a -0 (or anything
 * else that fails the check: too many decimals, beyond ±2^31 once scaled, infinities) is left to the general sort.
 *
 * A compact column (`ScaledDecimals`) already holds those integers, at its own decimals: its decoded values are
 * sorted from them directly, without the read that scales and checks each value.
 */
import { COMPILED_SORT_MAX, COMPILED_SORT_MIN } from '../../util/sort.js';
import { ThreadKernel } from '../../util/thread-kernel.js';

/** Widest range of offsets (in bits) sorted by a single counting pass. */
const SINGLE_PASS_BITS = 11;
/** Widest digit of a two-pass sort: 4,096 counts (16 KiB) per pass. */
const DIGIT_BITS_MAX = 12;

/** Most decimals tried: 10^9 keeps the scaled values of a unit-sized range well inside 32 bits. */
const MAX_DECIMALS = 9;
const POWERS = Array.from({ length: MAX_DECIMALS + 1 }, (_, d) => 10 ** d);
/** The decimals a column needs are guessed from its first values; only the speed depends on the guess. */
const GUESS_FROM = 64;
const INT32_MAX = 2 ** 31 - 1;

/**
 * A sort of compact columns faster than {@link sortScaled}'s loops (the reader's compiled one, which the job layer
 * hands to {@link useScaledSorter}): the same doubles in the same order, written to `sorted[0, n)`.
 */
export interface ScaledSorting {
  sortScaled(
    scaled: Int32Array,
    n: number,
    scale: number,
    min: number,
    max: number,
    sorted: Float64Array,
  ): void;
}

/** This thread's compiled sorter, if the job layer handed one in. */
const compiledSorter = new ThreadKernel<ScaledSorting>();

/**
 * Has this thread sort compact columns of 4,096 to 2^21 cells (`COMPILED_SORT_MIN`, `COMPILED_SORT_MAX`) with the
 * sorter `make` makes (undefined: the loops below). The sorter made is kept while `make` stays the same.
 */
export function useScaledSorter(make: (() => ScaledSorting | undefined) | undefined): void {
  compiledSorter.use(make);
}

/** Key arrays kept between calls (one sort at a time per thread), grown to the longest column up to the cap. */
let kept: { scaled: Int32Array; keys: Uint32Array; next: Uint32Array } | undefined;
/** Longer columns get their own key arrays (the kept ones stay at most 12 MiB per thread). */
const KEPT_MAX = 1 << 20;

function keyArrays(n: number): { scaled: Int32Array; keys: Uint32Array; next: Uint32Array } {
  if (kept !== undefined && kept.scaled.length >= n) return kept;
  const arrays = { scaled: new Int32Array(n), keys: new Uint32Array(n), next: new Uint32Array(n) };
  if (n <= KEPT_MAX) kept = arrays;
  return arrays;
}

/** Fewest decimals (at most {@link MAX_DECIMALS}) that write `value` exactly, or -1. */
function decimalsOf(value: number): number {
  for (let d = 0; d <= MAX_DECIMALS; d++) if (Math.round(value * POWERS[d]!) / POWERS[d]! === value) return d;
  return -1;
}

/** The least and greatest integer {@link rangeOf} found. */
const extremes = new Int32Array(2);

/**
 * Writes the least and greatest of the first `n` integers to `out[0]` and `out[1]`: a function that is only its loop
 * (see the note on the sort's loops).
 */
function rangeOf(digits: Int32Array, n: number, out: Int32Array): void {
  let min = INT32_MAX;
  let max = -INT32_MAX;
  for (let i = 0; i < n; i++) {
    const m = digits[i]!;
    if (m < min) min = m;
    if (m > max) max = m;
  }
  out[0] = min;
  out[1] = max;
}

/**
 * Ascending copy of a sample whose values are all short decimals, or undefined (having read at most the sample once)
 * when one is not.
 *
 * This runs in `O(n)`: one read that scales and checks each value, then two or three radix passes, the last of which
 * writes the doubles.
 *
 * @param values doubles without NaN
 * @param allocate gives the output array of the length asked (every element is written)
 * @param source the scaled integers `values` were decoded from, if so (`values[i] === digits[i] / 10^decimals`,
 *   none missing, no -0 among the values): they are sorted as they are, without scaling and checking each value;
 *   with their least and greatest integer (`min`, `max`) if known, else those are found first
 * @returns the sorted copy, equal bit for bit to `Float64Array.from(values).sort()`, or undefined
 * @example
 * decimalSortedCopy(Float64Array.of(1.25, -3.5, 0.125)); // => [-3.5, 0.125, 1.25]
 * decimalSortedCopy(Float64Array.of(Math.PI)); // => undefined (more than 9 decimals)
 */
export function decimalSortedCopy(
  values: Float64Array,
  allocate: (length: number) => Float64Array = (length) => new Float64Array(length),
  source?: {
    readonly digits: Int32Array;
    readonly decimals: number;
    readonly min?: number;
    readonly max?: number;
  },
): Float64Array | undefined {
  const n = values.length;
  if (n === 0) return allocate(0);
  if (source !== undefined && source.digits.length === n) {
    const scale = 10 ** source.decimals;
    if (source.min !== undefined && source.max !== undefined)
      return sortScaled(source.digits, n, scale, source.min, source.max, allocate);
    rangeOf(source.digits, n, extremes);
    return sortScaled(source.digits, n, scale, extremes[0]!, extremes[1]!, allocate);
  }
  let decimals = 0;
  for (let i = 0; i < Math.min(n, GUESS_FROM); i++) {
    const d = decimalsOf(values[i]!);
    if (d < 0) return undefined;
    if (d > decimals) decimals = d;
  }
  const scale = POWERS[decimals]!;
  const { scaled } = keyArrays(n);
  let min = INT32_MAX;
  let max = -INT32_MAX;
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    const m = Math.round(value * scale);
    // Not exact at this scale, too large (±Infinity included), or -0 (which would come back as 0).
    if (m / scale !== value || !(m <= INT32_MAX && m >= -INT32_MAX) || (value === 0 && 1 / value < 0))
      return undefined;
    scaled[i] = m;
    if (m < min) min = m;
    if (m > max) max = m;
  }
  return sortScaled(scaled, n, scale, min, max, allocate);
}

/**
 * The doubles `scaled[i] / scale` of the first `n` integers in ascending order (`scale` a power of ten, `min` and
 * `max` the least and greatest integer, every one below 2^31 in size), by a radix sort of the integers: dividing by
 * a positive constant keeps their order, and equal integers give equal doubles.
 *
 * The offsets from `min` are sorted in as few passes as digits of at most 12 bits cover them (one up to 11 bits, two
 * up to 24, three beyond), the digits split evenly between the passes: a range of a few million (six decimals over a
 * few units) takes two passes of 12 bits instead of three of 11. The first pass reads the integers themselves and
 * the last writes the doubles.
 */
function sortScaled(
  scaled: Int32Array,
  n: number,
  scale: number,
  min: number,
  max: number,
  allocate: (length: number) => Float64Array,
): Float64Array {
  const sorted = allocate(n);
  const range = max - min;
  if (range === 0) {
    sorted.fill(min / scale);
    return sorted;
  }
  if (n >= COMPILED_SORT_MIN && n <= COMPILED_SORT_MAX) {
    const compiled = compiledSorter.get();
    if (compiled !== undefined) {
      compiled.sortScaled(scaled, n, scale, min, max, sorted);
      return sorted;
    }
  }
  const bits = 32 - Math.clz32(range);
  if (bits <= SINGLE_PASS_BITS) return sortOnePass(scaled, n, scale, min, bits, sorted);
  if (bits <= 2 * DIGIT_BITS_MAX) return sortTwoPasses(scaled, n, scale, min, Math.ceil(bits / 2), sorted);
  return sortThreePasses(scaled, n, scale, min, Math.ceil(bits / 3), sorted);
}

/*
 * Each loop below is a function of its own that returns once its loop ends. V8 compiles a long loop run on a
 * function's first call on the fly, from inside the loop, and keeps that code for the later calls: code after the
 * loop that had not yet run when it was compiled then sends every call back to the interpreter once the loop ends.
 * A function that is only its loop has no such code.
 */

/** Turns the digit counts of `counts[base, base + digits)` into the first position of each digit. */
function startsOf(counts: Uint32Array, base: number, digits: number): void {
  let total = 0;
  for (let d = base; d < base + digits; d++) {
    const count = counts[d]!;
    counts[d] = total;
    total += count;
  }
}

/** Counts the offsets `scaled[i] - min` of the first `n` integers by their value (all below `counts.length`). */
function countOffsets(scaled: Int32Array, n: number, min: number, counts: Uint32Array): void {
  for (let i = 0; i < n; i++) counts[scaled[i]! - min]!++;
}

/** Writes `scaled[i] / scale` of the first `n` integers at the positions `counts` gives their offsets. */
function placeByOffset(
  scaled: Int32Array,
  n: number,
  min: number,
  scale: number,
  counts: Uint32Array,
  sorted: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const m = scaled[i]!;
    sorted[counts[m - min]!++] = m / scale;
  }
}

/** Counts both digits of `digitBits` bits of the offsets `scaled[i] - min` (high digits from `counts[digits]` on). */
function countTwoDigits(
  scaled: Int32Array,
  n: number,
  min: number,
  digitBits: number,
  counts: Uint32Array,
): void {
  const digits = 1 << digitBits;
  const mask = digits - 1;
  for (let i = 0; i < n; i++) {
    const key = scaled[i]! - min;
    counts[key & mask]!++;
    counts[digits + (key >>> digitBits)]!++;
  }
}

/** Counts the three digits of `digitBits` bits of the offsets `scaled[i] - min`, each in its `counts` block. */
function countThreeDigits(
  scaled: Int32Array,
  n: number,
  min: number,
  digitBits: number,
  counts: Uint32Array,
): void {
  const digits = 1 << digitBits;
  const mask = digits - 1;
  for (let i = 0; i < n; i++) {
    const key = scaled[i]! - min;
    counts[key & mask]!++;
    counts[digits + ((key >>> digitBits) & mask)]!++;
    counts[2 * digits + (key >>> (2 * digitBits))]!++;
  }
}

/** First pass: the offsets `scaled[i] - min`, placed by their low digit (`key & mask`) into `to`. */
function placeOffsets(
  scaled: Int32Array,
  n: number,
  min: number,
  mask: number,
  counts: Uint32Array,
  to: Uint32Array,
): void {
  for (let i = 0; i < n; i++) {
    const key = scaled[i]! - min;
    to[counts[key & mask]!++] = key;
  }
}

/** A middle pass: the offsets of `from`, placed by the digit `(key >>> shift) & mask` (counted from `base`). */
function placeKeys(
  from: Uint32Array,
  n: number,
  shift: number,
  mask: number,
  counts: Uint32Array,
  base: number,
  to: Uint32Array,
): void {
  for (let i = 0; i < n; i++) {
    const key = from[i]!;
    to[counts[base + ((key >>> shift) & mask)]!++] = key;
  }
}

/** Last pass: the offsets of `from`, placed by their top digit `key >>> shift` as the doubles `(key + min) / scale`. */
function placeDoubles(
  from: Uint32Array,
  n: number,
  shift: number,
  min: number,
  scale: number,
  counts: Uint32Array,
  base: number,
  sorted: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const key = from[i]!;
    sorted[counts[base + (key >>> shift)]!++] = (key + min) / scale;
  }
}

/** {@link sortScaled} of offsets below 2^`bits`: one counting pass. */
function sortOnePass(
  scaled: Int32Array,
  n: number,
  scale: number,
  min: number,
  bits: number,
  sorted: Float64Array,
): Float64Array {
  const counts = new Uint32Array(1 << bits);
  countOffsets(scaled, n, min, counts);
  startsOf(counts, 0, 1 << bits);
  placeByOffset(scaled, n, min, scale, counts, sorted);
  return sorted;
}

/** {@link sortScaled} of offsets below 2^(2 × `digitBits`): two passes. */
function sortTwoPasses(
  scaled: Int32Array,
  n: number,
  scale: number,
  min: number,
  digitBits: number,
  sorted: Float64Array,
): Float64Array {
  const { next } = keyArrays(n);
  const digits = 1 << digitBits;
  const counts = new Uint32Array(2 * digits);
  countTwoDigits(scaled, n, min, digitBits, counts);
  startsOf(counts, 0, digits);
  placeOffsets(scaled, n, min, digits - 1, counts, next);
  startsOf(counts, digits, digits);
  placeDoubles(next, n, digitBits, min, scale, counts, digits, sorted);
  return sorted;
}

/** {@link sortScaled} of offsets below 2^(3 × `digitBits`): three passes. */
function sortThreePasses(
  scaled: Int32Array,
  n: number,
  scale: number,
  min: number,
  digitBits: number,
  sorted: Float64Array,
): Float64Array {
  const { keys, next } = keyArrays(n);
  const digits = 1 << digitBits;
  const counts = new Uint32Array(3 * digits);
  countThreeDigits(scaled, n, min, digitBits, counts);
  startsOf(counts, 0, digits);
  placeOffsets(scaled, n, min, digits - 1, counts, keys);
  startsOf(counts, digits, digits);
  placeKeys(keys, n, digitBits, digits - 1, counts, digits, next);
  startsOf(counts, 2 * digits, digits);
  placeDoubles(next, n, 2 * digitBits, min, scale, counts, 2 * digits, sorted);
  return sorted;
}
