/**
 * Radix sort of doubles, several times faster than `Float64Array.prototype.sort` on the million-row columns
 * driftwatch sorts (once per column and side). No library sorts typed doubles by radix, hence this file.
 *
 * Each double's IEEE-754 bits are mapped to an unsigned 64-bit key with the same order (positive: flip the sign bit;
 * negative: flip every bit), split in a high and a low word. The keys are sorted by their high word only, LSD in
 * three digits (11, 11 and 10 bits), a pass whose digit is the same for every value skipped; then each stretch of
 * equal high words is put in order by its low words. The high word holds the sign, the exponent and 20 bits of the
 * significand: a million floats spread over a few binades (data at full precision) share it for a few percent of
 * values, in pairs, so two radix passes and a read replace the five or six passes that sorting the whole key takes.
 * A stretch of many equal high words (values that differ only far down their significand) is sorted by the typed
 * array sort of its low words, `O(r log r)` for r values. The order equals the numeric sort for every non-NaN
 * double, with -0 before +0 as `Float64Array.prototype.sort` does. Inputs must hold no NaN (cleaned columns never do).
 */

const DIGITS = 2048;

/** Shift and mask of each digit of the high word, least significant first (11, 11 and 10 bits). */
const SHIFTS = [0, 11, 22] as const;
const MASKS = [0x7ff, 0x7ff, 0x3ff] as const;

/** Stretches of equal high words at most this long are put in order by insertion, longer ones by the typed sort. */
const INSERTION_MAX = 16;

/** Sorts `words[start, end)` ascending (unsigned). */
function sortWords(words: Uint32Array, start: number, end: number): void {
  if (end - start > INSERTION_MAX) {
    words.subarray(start, end).sort();
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const word = words[i]!;
    let j = i - 1;
    while (j >= start && words[j]! > word) {
      words[j + 1] = words[j]!;
      j--;
    }
    words[j + 1] = word;
  }
}

/**
 * The key arrays of {@link radixSortedCopy} (high and low words, and their next pass), kept between calls: a wide
 * table sorts hundreds of columns of the same length per thread, and fresh arrays cost zeroing and page faults each
 * time (sorts run one at a time per thread, and no key array outlives its call). Grown to the longest column seen
 * up to {@link SCRATCH_MAX}.
 */
let keyScratch: Uint32Array[] = [new Uint32Array(0)];
/** Longer columns get their own key arrays (the kept ones stay at most 16 MiB per thread). */
const SCRATCH_MAX = 1 << 20;

/**
 * Sorted copy of `values` (never mutated).
 *
 * This runs in `O(n)` (one counting read, at most three moves, one read of the high words) plus `O(2048)` per pass,
 * and `O(r log r)` more for each stretch of r values sharing a high word.
 *
 * @param values doubles without NaN
 * @param allocate gives the output array of the length asked (every element is written)
 * @returns a new ascending Float64Array
 * @example
 * radixSortedCopy(new Float64Array([2.5, -1, 0, -0, 1e300])); // => [-1, -0, 0, 2.5, 1e300]
 */
export function radixSortedCopy(
  values: Float64Array,
  allocate: (length: number) => Float64Array = (length) => new Float64Array(length),
): Float64Array {
  const n = values.length;
  // Keys as (high, low) 32-bit words, read through a little-endian view of the doubles (not copied), with the
  // three digit histograms of the high words counted in the same read.
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const keys =
    n > SCRATCH_MAX
      ? [0, 1, 2, 3].map(() => new Uint32Array(n))
      : keyScratch[0]!.length >= n
        ? keyScratch
        : (keyScratch = [0, 1, 2, 3].map(() => new Uint32Array(n)));
  let [high, low, nextHigh, nextLow] = keys as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  const counts = new Uint32Array(3 * DIGITS);
  for (let i = 0; i < n; i++) {
    let lo = words[2 * i]!;
    let hi = words[2 * i + 1]!;
    if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else {
      hi = (hi | 0x80000000) >>> 0;
    }
    high[i] = hi;
    low[i] = lo;
    counts[hi & 0x7ff]!++;
    counts[DIGITS + ((hi >>> 11) & 0x7ff)]!++;
    counts[2 * DIGITS + (hi >>> 22)]!++;
  }
  for (let pass = 0; pass < 3; pass++) {
    const base = pass * DIGITS;
    const shift = SHIFTS[pass];
    const mask = MASKS[pass];
    // Every value has this digit: nothing to move.
    if (counts[base + ((high[0]! >>> shift) & mask)] === n) continue;
    let total = 0;
    for (let d = base; d < base + DIGITS; d++) {
      const count = counts[d]!;
      counts[d] = total;
      total += count;
    }
    for (let i = 0; i < n; i++) {
      const hi = high[i]!;
      const slot = counts[base + ((hi >>> shift) & mask)]!++;
      nextHigh[slot] = hi;
      nextLow[slot] = low[i]!;
    }
    [high, nextHigh] = [nextHigh, high];
    [low, nextLow] = [nextLow, low];
  }
  const sorted = allocate(n);
  const out = new Uint32Array(sorted.buffer, sorted.byteOffset, 2 * n);
  // In order of high words; each stretch of equal high words is put in order by its low words (the key's rest)
  // before it is written out as doubles.
  for (let i = 0; i < n;) {
    const hi = high[i]!;
    let end = i + 1;
    if (end < n && high[end] === hi) {
      while (++end < n && high[end] === hi);
      sortWords(low, i, end);
    }
    if (hi & 0x80000000) {
      const top = (hi & 0x7fffffff) >>> 0;
      for (; i < end; i++) {
        out[2 * i + 1] = top;
        out[2 * i] = low[i]!;
      }
    } else {
      const top = ~hi >>> 0;
      for (; i < end; i++) {
        out[2 * i + 1] = top;
        out[2 * i] = ~low[i]! >>> 0;
      }
    }
  }
  return sorted;
}

/** Above this many distinct values, hash counting gives up (a radix sort is then as fast). */
const COUNTING_MAX_DISTINCT = 1 << 15;
const TABLE_BITS = 16;

/** Distinct values in ascending order with how often each occurs. */
export interface DistinctCounts {
  readonly keys: Float64Array;
  readonly counts: Float64Array;
}

/** Columns hash counting gave up on: a second attempt (sorting after counting failed) goes straight to the sort. */
const MANY_DISTINCT = new WeakSet<Float64Array>();

/**
 * A column with more than {@link EARLY_GIVE_UP_DISTINCT} keys among its first {@link EARLY_LOOK} values almost
 * surely has more than 32768 in all (uniform draws from ~50k keys give 14000): counting stops there. Only the
 * speed depends on this guess; the sort gives the same keys and counts.
 */
const EARLY_LOOK = 16_384;
const EARLY_GIVE_UP_DISTINCT = 14_000;
/**
 * A first look: 4,000 keys among the first 4,096 values (uniform draws from 32,768 keys give about 3,850) stops
 * counting a column of mostly distinct values (a float with six decimals: about 4,090) after a quarter of the work.
 */
const FIRST_LOOK = 4096;
const FIRST_GIVE_UP_DISTINCT = 4000;

/** The hash table of {@link hashCounts} at its full size, kept between calls once made (cleared before use). */
let fullTable: { keyLow: Uint32Array; keyHigh: Uint32Array; tally: Float64Array } | undefined;

/**
 * Counts by bit pattern (so -0 and 0 apart), keys ascending with -0 before 0; undefined past 32768 keys. With
 * `finiteOnly`, NaN and ±Infinity cells are passed over.
 */
function hashCounts(values: Float64Array, finiteOnly = false): DistinctCounts | undefined {
  if (MANY_DISTINCT.has(values)) return undefined;
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  // A short column cannot fill the full table: at most n keys, kept at most half full.
  const bits = Math.min(TABLE_BITS, Math.max(4, 32 - Math.clz32(2 * n)));
  const size = 1 << bits;
  const mask = size - 1;
  // The full-size table is kept between calls (cleared here): most calls on a wide table use it.
  const full = bits === TABLE_BITS;
  const table = full
    ? (fullTable ??= {
        keyLow: new Uint32Array(size),
        keyHigh: new Uint32Array(size),
        tally: new Float64Array(size),
      })
    : undefined;
  const keyLow = table?.keyLow ?? new Uint32Array(size);
  const keyHigh = table?.keyHigh ?? new Uint32Array(size);
  const tally = table?.tally.fill(0) ?? new Float64Array(size); // 0 = empty slot
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    if (
      ((i === FIRST_LOOK && distinct > FIRST_GIVE_UP_DISTINCT) ||
        (i === EARLY_LOOK && distinct > EARLY_GIVE_UP_DISTINCT)) &&
      n > COUNTING_MAX_DISTINCT
    ) {
      MANY_DISTINCT.add(values);
      return undefined;
    }
    if (finiteOnly && values[i]! - values[i]! !== 0) continue;
    const lo = words[2 * i]!;
    const hi = words[2 * i + 1]!;
    let slot = (Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> (32 - bits)) & mask;
    for (;;) {
      const count = tally[slot]!;
      if (count === 0) {
        if (++distinct > COUNTING_MAX_DISTINCT) {
          MANY_DISTINCT.add(values);
          return undefined;
        }
        keyLow[slot] = lo;
        keyHigh[slot] = hi;
        tally[slot] = 1;
        break;
      }
      if (keyLow[slot] === lo && keyHigh[slot] === hi) {
        tally[slot] = count + 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const found = new Float64Array(distinct);
  const foundWords = new Uint32Array(found.buffer);
  const slots = new Int32Array(distinct);
  for (let slot = 0, k = 0; slot < size; slot++) {
    if (tally[slot] === 0) continue;
    foundWords[2 * k] = keyLow[slot]!;
    foundWords[2 * k + 1] = keyHigh[slot]!;
    slots[k++] = slot;
  }
  const order = Array.from(slots.keys()).sort(
    (a, b) => found[a]! - found[b]! || (Object.is(found[a], -0) ? -1 : Object.is(found[b], -0) ? 1 : 0),
  );
  const keys = new Float64Array(distinct);
  const counts = new Float64Array(distinct);
  order.forEach((index, k) => {
    keys[k] = found[index]!;
    counts[k] = tally[slots[index]!]!;
  });
  return { keys, counts };
}

/**
 * The distinct values of a sample with few of them (a feature rounded to cents, a count), counted in an
 * open-addressing hash table keyed by their bits, keys ascending. `-0` and `0` are one key (as `===` has it),
 * kept as whichever sorts first. Returns undefined, having done little work, as soon as the sample shows more than
 * 32768 distinct values.
 *
 * This runs in `O(n + k log k)` for k distinct values.
 *
 * @param values doubles without NaN, unless `finiteOnly`
 * @param finiteOnly count only the finite values (NaN and ±Infinity cells are passed over)
 * @returns the distinct values and their counts, or undefined when the sample has too many distinct values
 * @example
 * countDistinct(new Float64Array([2, 1, 2])); // => { keys: [1, 2], counts: [1, 2] }
 */
export function countDistinct(values: Float64Array, finiteOnly = false): DistinctCounts | undefined {
  const dense = denseIntegerCounts(values, finiteOnly);
  if (dense) return dense;
  const hashed = hashCounts(values, finiteOnly);
  if (!hashed) return undefined;
  const { keys, counts } = hashed;
  // -0 and 0 have different bits but are one value: fold the second into the first (they are adjacent).
  let k = 0;
  for (let i = 1; i < keys.length; i++) {
    if (keys[i] === keys[k]) counts[k]! += counts[i]!;
    else {
      k++;
      keys[k] = keys[i]!;
      counts[k] = counts[i]!;
    }
  }
  return keys.length === 0 ? hashed : { keys: keys.subarray(0, k + 1), counts: counts.subarray(0, k + 1) };
}

/**
 * Sorted copy of a sample with few distinct values: counted by bit pattern, then each value repeated its count
 * (so -0 and 0 keep their signs, as `Float64Array.prototype.sort` has them). Undefined when there are too many.
 *
 * @param values doubles without NaN
 * @param allocate gives the output array of the length asked (every element is written)
 * @returns a new ascending Float64Array, or undefined when the sample has too many distinct values
 */
export function countingSortedCopy(
  values: Float64Array,
  allocate: (length: number) => Float64Array = (length) => new Float64Array(length),
): Float64Array | undefined {
  const distinct = hashCounts(values);
  if (!distinct) return undefined;
  const sorted = allocate(values.length);
  let position = 0;
  for (let k = 0; k < distinct.keys.length; k++) {
    const count = distinct.counts[k]!;
    sorted.fill(distinct.keys[k]!, position, position + count);
    position += count;
  }
  return sorted;
}

/**
 * Sorted copy of a sample, by counting when it has few distinct values and by radix sort otherwise.
 *
 * @param values doubles without NaN
 * @param allocate gives the output array of a long sample (every element is written)
 * @returns a new ascending Float64Array
 */
export function fastSortedCopy(
  values: Float64Array,
  allocate: (length: number) => Float64Array = (length) => new Float64Array(length),
): Float64Array {
  if (values.length < 4096) return Float64Array.from(values).sort();
  return countingSortedCopy(values, allocate) ?? radixSortedCopy(values, allocate);
}

/** Widest range of whole numbers {@link denseIntegerCounts} tallies in a plain array. */
const DENSE_RANGE = 1 << 16;

/**
 * Distinct values with counts of a column of whole numbers spanning fewer than 65536 values (counts, flags, ages),
 * tallied by offset from the minimum without hashing; undefined as soon as a value is not whole, the range grows
 * too wide, or a -0 appears (the hash path keeps -0 as the key of zero). With `finiteOnly`, NaN and ±Infinity cells
 * are passed over (and a side with no finite value is left to the hash path).
 */
function denseIntegerCounts(values: Float64Array, finiteOnly: boolean): DistinctCounts | undefined {
  const n = values.length;
  let first = 0;
  if (finiteOnly) while (first < n && values[first]! - values[first]! !== 0) first++;
  if (first === n) return undefined;
  let min = values[first]!;
  let max = min;
  for (let i = first; i < n; i++) {
    const v = values[i]!;
    if (finiteOnly && v - v !== 0) continue;
    if (Math.floor(v) !== v) return undefined; // also NaN
    if (v === 0 && 1 / v < 0) return undefined;
    if (v < min) min = v;
    else if (v > max) max = v;
    if (!(max - min < DENSE_RANGE)) return undefined; // also ±Infinity (Infinity − Infinity is NaN)
  }
  const tally = new Float64Array(max - min + 1);
  if (finiteOnly) {
    for (let i = first; i < n; i++) {
      const v = values[i]!;
      if (v - v === 0) tally[v - min]!++;
    }
  } else for (let i = 0; i < n; i++) tally[values[i]! - min]!++;
  return countsOfTally(tally, min);
}

/**
 * The distinct values and counts of a tally by offset: `tally[d]` occurrences of the integer `min + d`, each key
 * written as `(min + d) / scale` (exact for whole numbers, and the decoding of scaled integers), ascending.
 *
 * @param tally occurrences by offset from `min`
 * @param min the integer at offset 0
 * @param scale what each integer is divided by (10^decimals for scaled integers)
 * @returns keys ascending with their counts, offsets that never occur left out
 */
export function countsOfTally(tally: Float64Array | Int32Array, min: number, scale = 1): DistinctCounts {
  let distinct = 0;
  for (let d = 0; d < tally.length; d++) if (tally[d]! > 0) distinct++;
  const keys = new Float64Array(distinct);
  const counts = new Float64Array(distinct);
  for (let d = 0, k = 0; d < tally.length; d++) {
    if (tally[d] === 0) continue;
    keys[k] = (min + d) / scale;
    counts[k++] = tally[d]!;
  }
  return { keys, counts };
}
