/**
 * Sorting a column of short decimals (prices, measurements written with a few decimals: 1.234567) as the integers
 * they scale to, which a radix sort orders in two or three passes of 11 bits instead of the six a double's 64-bit key
 * needs.
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

const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;
/** Most decimals tried: 10^9 keeps the scaled values of a unit-sized range well inside 32 bits. */
const MAX_DECIMALS = 9;
const POWERS = Array.from({ length: MAX_DECIMALS + 1 }, (_, d) => 10 ** d);
/** The decimals a column needs are guessed from its first values; only the speed depends on the guess. */
const GUESS_FROM = 64;
const INT32_MAX = 2 ** 31 - 1;

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
 *   none missing, no -0 among the values): they are sorted as they are, without scaling and checking each value
 * @returns the sorted copy, equal bit for bit to `Float64Array.from(values).sort()`, or undefined
 * @example
 * decimalSortedCopy(Float64Array.of(1.25, -3.5, 0.125)); // => [-3.5, 0.125, 1.25]
 * decimalSortedCopy(Float64Array.of(Math.PI)); // => undefined (more than 9 decimals)
 */
export function decimalSortedCopy(
  values: Float64Array,
  allocate: (length: number) => Float64Array = (length) => new Float64Array(length),
  source?: { readonly digits: Int32Array; readonly decimals: number },
): Float64Array | undefined {
  const n = values.length;
  if (n === 0) return allocate(0);
  if (source !== undefined && source.digits.length === n) {
    const digits = source.digits;
    let min = INT32_MAX;
    let max = -INT32_MAX;
    for (let i = 0; i < n; i++) {
      const m = digits[i]!;
      if (m < min) min = m;
      if (m > max) max = m;
    }
    return sortScaled(digits, n, 10 ** source.decimals, min, max, allocate);
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
 */
function sortScaled(
  scaled: Int32Array,
  n: number,
  scale: number,
  min: number,
  max: number,
  allocate: (length: number) => Float64Array,
): Float64Array {
  const { keys, next } = keyArrays(n);
  const sorted = allocate(n);
  const range = max - min;
  const passes = range === 0 ? 0 : Math.ceil((32 - Math.clz32(range)) / DIGIT_BITS);
  if (passes === 0) {
    sorted.fill(min / scale);
    return sorted;
  }
  // Keys from 0 (the minimum) up, with every pass's digit histogram counted in the same read.
  const counts = new Uint32Array(passes * DIGITS);
  for (let i = 0; i < n; i++) {
    const key = scaled[i]! - min;
    keys[i] = key;
    counts[key & (DIGITS - 1)]!++;
    if (passes > 1) counts[DIGITS + ((key >>> DIGIT_BITS) & (DIGITS - 1))]!++;
    if (passes > 2) counts[2 * DIGITS + (key >>> (2 * DIGIT_BITS))]!++;
  }
  let from = keys;
  let to = next;
  for (let pass = 0; pass < passes; pass++) {
    const base = pass * DIGITS;
    const shift = pass * DIGIT_BITS;
    let total = 0;
    for (let d = base; d < base + DIGITS; d++) {
      const count = counts[d]!;
      counts[d] = total;
      total += count;
    }
    if (pass + 1 < passes) {
      for (let i = 0; i < n; i++) {
        const key = from[i]!;
        to[counts[base + ((key >>> shift) & (DIGITS - 1))]!++] = key;
      }
      [from, to] = [to, from];
    } else {
      // The last pass places each value as the double it came from.
      for (let i = 0; i < n; i++) {
        const key = from[i]!;
        sorted[counts[base + ((key >>> shift) & (DIGITS - 1))]!++] = (key + min) / scale;
      }
    }
  }
  return sorted;
}
