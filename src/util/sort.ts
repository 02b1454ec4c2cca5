/**
 * Bucket sort of doubles, several times faster than `Float64Array.prototype.sort` on the million-row columns
 * driftwatch sorts (once per column and side). No library sorts typed doubles this way, hence this file.
 *
 * A range of values is dealt into buckets by value: bucket `⌊(v − min) · buckets / (max − min)⌋` (the last one for
 * `v = max`). Rounding preserves order, so that bucket never decreases as `v` grows, and buckets come in the order
 * of their values. Each bucket is then sorted the same way on its own, down to a few values, which are put in order
 * by insertion. A column of a million values is dealt into 2048 buckets (only this deal walks the whole column, from
 * the input straight into the output), and each bucket, a few hundred values, into about one bucket per value while
 * it sits in the cache: two deals and an insertion pass that moves each value at most a few places. The scatters over
 * memory of a least-significant-digit radix sort, slow on a column this long, are avoided.
 *
 * Infinities go to the first or last bucket (the range is that of the finite values). A bucket holding more than
 * half its range (values bunched up against outliers), and a range that cannot be scaled (equal values, a span
 * beyond the largest double, subnormals spread too narrowly to scale, whose arithmetic is slow besides) are dealt by
 * their keys instead: each double's IEEE-754 bits map to an unsigned 64-bit key with the same order (positive: flip
 * the sign bit; negative: flip every bit), and the range goes by up to 11 bits of the keys from the top bit in which
 * they differ. A deal by key always splits its range, unless its values are all the same double, so the sort ends
 * on any input. The order equals the numeric sort for every non-NaN double; -0 and +0, equal as values, are put in
 * the order of `Float64Array.prototype.sort` (-0 first) at the end. Inputs must hold no NaN (cleaned columns never
 * do).
 */
import { ThreadKernel } from './thread-kernel.js';

/** Most buckets a range is dealt into. */
const MAX_BUCKETS = 2048;
/** Most bits of the keys a range is dealt by at once (2048 buckets). */
const MAX_DIGIT_BITS = 11;
/** Ranges at most this long are put in order by insertion. */
const INSERTION_MAX = 16;

/** Bucket starts and ends (fill points while dealing) of each depth of the sort, made once per thread. */
const depthStarts: Uint32Array[] = [];
const depthEnds: Uint32Array[] = [];
/** How a range is dealt: by value, by key (then its buckets by value again), or by key down to single values. */
const BY_VALUE = 0;
const BY_KEY = 1;
const BY_KEY_ONLY = 2;
/** How the buckets of each depth are dealt. */
const depthHow: number[] = [];
/** The most values a bucket of each depth got. */
const depthLargest: number[] = [];
/**
 * Where a range being sorted is dealt before it is copied back, kept between calls: fresh arrays cost page faults
 * each time. Grown to the longest range seen up to {@link SCRATCH_MAX} values.
 */
let dealt = new Float64Array(0);
/** Longer ranges get their own array (the kept one stays at most 8 MiB per thread). */
const SCRATCH_MAX = 1 << 20;

/** Sorts `a[start, end)` ascending by insertion (-0 and +0 as equal: they keep their order). */
function insertionSort(a: Float64Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const value = a[i]!;
    let j = i;
    for (; j > start && a[j - 1]! > value; j--) a[j] = a[j - 1]!;
    a[j] = value;
  }
}

/** Puts the -0s of an ascending array before its +0s (the sort takes them as equal: by value they share a bucket). */
function zerosInOrder(sorted: Float64Array): void {
  // The zeros lie between the last negative and the first positive value.
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < 0) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < sorted.length && sorted[end] === 0) end++;
  let negative = low;
  for (let i = low; i < end; i++) if (1 / sorted[i]! < 0) negative++;
  if (negative > low && negative < end) {
    sorted.fill(-0, low, negative);
    sorted.fill(0, negative, end);
  }
}

/** The bucket arrays of a depth. */
function bucketArrays(depth: number): [Uint32Array, Uint32Array] {
  return [
    (depthStarts[depth] ??= new Uint32Array(MAX_BUCKETS)),
    (depthEnds[depth] ??= new Uint32Array(MAX_BUCKETS)),
  ];
}

/** Turns the counts in `ends[0, buckets)` into starts (from `at`) in both arrays; returns the largest count. */
function startBuckets(starts: Uint32Array, ends: Uint32Array, buckets: number, at: number): number {
  let largest = 0;
  for (let d = 0, total = at; d < buckets; d++) {
    const count = ends[d]!;
    if (count > largest) largest = count;
    starts[d] = total;
    ends[d] = total;
    total += count;
  }
  return largest;
}

/**
 * Deals `source[from, to)` into `target[at, at + to - from)` by value, ascending by bucket and in input order
 * within one; the depth's starts and ends (from `at`) mark the buckets.
 *
 * @returns the number of buckets, else (nothing written) 0 when the finite values span more than the largest double,
 *   and -1 when they span nothing (none, or all equal) or too little to scale (subnormals, whose arithmetic is slow,
 *   spread over less than 2048 × 2^-1022)
 */
function dealByValue(
  source: Float64Array,
  from: number,
  to: number,
  target: Float64Array,
  at: number,
  depth: number,
): number {
  const length = to - from;
  let min = source[from]!;
  let max = min;
  for (let i = from + 1; i < to; i++) {
    const value = source[i]!;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min === -Infinity || max === Infinity) {
    // The range of the finite values: -Infinity goes to the first bucket (`-Infinity | 0` is 0), Infinity to the last.
    min = Infinity;
    max = -Infinity;
    for (let i = from; i < to; i++) {
      const value = source[i]!;
      if (value - value !== 0) continue;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  const buckets = Math.min(MAX_BUCKETS, length);
  // No finite values (then max − min is -Infinity), equal ones, a span too wide or too narrow to scale.
  const scale = buckets / (max - min);
  if (!(scale > 0 && scale < Infinity)) return max - min < Infinity ? -1 : 0;
  const [starts, ends] = bucketArrays(depth);
  const last = buckets - 1;
  ends.fill(0, 0, buckets);
  for (let i = from; i < to; i++) {
    const offset = (source[i]! - min) * scale;
    ends[offset < buckets ? offset | 0 : last]!++;
  }
  const largest = startBuckets(starts, ends, buckets, at);
  depthLargest[depth] = largest;
  for (let i = from; i < to; i++) {
    const value = source[i]!;
    const offset = (value - min) * scale;
    target[ends[offset < buckets ? offset | 0 : last]!++] = value;
  }
  // A bucket holding most of the range (values bunched up against outliers): its values go by their keys.
  depthHow[depth] = largest > length >>> 1 ? BY_KEY : BY_VALUE;
  return buckets;
}

/**
 * The bits `shift` up (under `mask`) of the 64-bit key of the double whose 32-bit words are `high` and `low`; a digit
 * may span both words.
 */
function keyDigit(high: number, low: number, shift: number, mask: number): number {
  const sign = high >> 31;
  const keyHigh = high ^ (sign | 0x80000000);
  if (shift >= 32) return (keyHigh >>> (shift - 32)) & mask;
  const keyLow = low ^ sign;
  return (shift === 0 ? keyLow : (keyHigh << (32 - shift)) | (keyLow >>> shift)) & mask;
}

/**
 * Deals `source[from, to)` into `target[at, at + to - from)` by the top bits (at most 11) in which their keys
 * differ, as {@link dealByValue} deals them by value.
 *
 * @returns the number of buckets, or 0 when the values are all the same double (nothing written)
 */
function dealByKey(
  source: Float64Array,
  words: Uint32Array,
  from: number,
  to: number,
  target: Float64Array,
  at: number,
  depth: number,
): number {
  const highFirst = words[2 * from + 1]!;
  const lowFirst = words[2 * from]!;
  // The bits in which the doubles differ from the first one are those in which their keys do (flipping bits by the
  // sign changes no difference, but that of the sign bit, which differs either way).
  let highDiffer = 0;
  let lowDiffer = 0;
  for (let i = from + 1; i < to; i++) {
    highDiffer |= words[2 * i + 1]! ^ highFirst;
    lowDiffer |= words[2 * i]! ^ lowFirst;
  }
  if (highDiffer === 0 && lowDiffer === 0) return 0;
  const top = highDiffer !== 0 ? 64 - Math.clz32(highDiffer) : 32 - Math.clz32(lowDiffer);
  // About one bucket per value, at most 2048.
  const bits = Math.min(MAX_DIGIT_BITS, top, 32 - Math.clz32(to - from));
  const shift = top - bits;
  const mask = (1 << bits) - 1;
  const buckets = 1 << bits;
  const [starts, ends] = bucketArrays(depth);
  ends.fill(0, 0, buckets);
  for (let i = from; i < to; i++) ends[keyDigit(words[2 * i + 1]!, words[2 * i]!, shift, mask)]!++;
  depthLargest[depth] = startBuckets(starts, ends, buckets, at);
  for (let i = from; i < to; i++)
    target[ends[keyDigit(words[2 * i + 1]!, words[2 * i]!, shift, mask)]!++] = source[i]!;
  depthHow[depth] = BY_VALUE;
  return buckets;
}

/**
 * Deals a range by value or by key as `how` says, by key when by value cannot; returns the number of buckets (0
 * when all the values are the same double).
 */
function deal(
  source: Float64Array,
  words: Uint32Array,
  from: number,
  to: number,
  target: Float64Array,
  at: number,
  how: number,
  depth: number,
): number {
  const byValue = how === BY_VALUE ? dealByValue(source, from, to, target, at, depth) : 0;
  if (byValue > 0) return byValue;
  const buckets = dealByKey(source, words, from, to, target, at, depth);
  // A range too narrow to scale makes buckets narrower still: they go by their keys too.
  if (how === BY_KEY_ONLY || byValue < 0) depthHow[depth] = BY_KEY_ONLY;
  return buckets;
}

/**
 * Sorts the buckets a deal at `depth` left in `a[start, end)` (the depth's starts and ends count from `start`):
 * long ones each on their own, then the short ones by one insertion pass over the range (a value moves only within
 * its bucket).
 */
function sortBuckets(
  a: Float64Array,
  words: Uint32Array,
  start: number,
  end: number,
  buckets: number,
  depth: number,
): void {
  const largest = depthLargest[depth]!;
  if (largest <= INSERTION_MAX) {
    if (largest > 1) insertionSort(a, start, end);
    return;
  }
  const starts = depthStarts[depth]!;
  const ends = depthEnds[depth]!;
  const how = depthHow[depth]!;
  let short = false;
  for (let d = 0; d < buckets; d++) {
    const length = ends[d]! - starts[d]!;
    if (length > INSERTION_MAX) sortRange(a, words, start + starts[d]!, start + ends[d]!, how, depth + 1);
    else if (length > 1) short = true;
  }
  if (short) insertionSort(a, start, end);
}

/** Sorts `a[start, end)` in place (`words` is its 32-bit view). */
function sortRange(
  a: Float64Array,
  words: Uint32Array,
  start: number,
  end: number,
  how: number,
  depth: number,
): void {
  const length = end - start;
  if (dealt.length < length && length <= SCRATCH_MAX)
    dealt = new Float64Array(Math.max(length, Math.min(SCRATCH_MAX, 2 * dealt.length)));
  // A range too long to keep the array for is dealt into an array of its own.
  const into = length <= SCRATCH_MAX ? dealt : new Float64Array(length);
  const buckets = deal(a, words, start, end, into, 0, how, depth);
  if (buckets === 0) return;
  a.set(into.subarray(0, length), start);
  sortBuckets(a, words, start, end, buckets, depth);
}

/**
 * A sort of doubles faster than the bucket sort here on columns of thousands to millions of values (the compiled radix
 * sort of the CSV reader's module, which the job layer hands to {@link useDoubleSorter}): the same array, -0 before 0.
 */
export interface DoubleSorting {
  sortDoubles(values: Float64Array, sorted: Float64Array): void;
}

/** This thread's compiled sorter of doubles, if the job layer handed one in. */
const doubleSorter = new ThreadKernel<DoubleSorting>();
/**
 * The lengths of the columns a compiled sort takes (of doubles here, of a compact column's integers in
 * decimal-sort.ts): below, copying them into its memory and back costs about what it saves; above, its memory (16 or
 * 20 bytes a value, kept by the thread) would pass ~40 MiB.
 */
export const COMPILED_SORT_MIN = 4096;
export const COMPILED_SORT_MAX = 1 << 21;

/**
 * Has this thread sort columns of 4,096 to 2^21 doubles with the sorter `make` makes (undefined: the bucket sort).
 * The sorter made is kept while `make` stays the same.
 */
export function useDoubleSorter(make: (() => DoubleSorting | undefined) | undefined): void {
  doubleSorter.use(make);
}

/**
 * Sorted copy of `values` (never mutated): by this thread's compiled sort ({@link useDoubleSorter}) for 4,096 to 2^21
 * values, else by the bucket sort of this file.
 *
 * A deal reads its range three times (the extremes or the differing bits, the counts, the moves) and costs
 * `O(buckets)` more; a million values spread evenly are dealt twice each. A deal by value leaves buckets of at most
 * half its range or hands its large bucket to a deal by key, which leaves at least one more key bit agreeing in each
 * bucket; so no value is dealt more than about `2 · (64 + log2 n)` times, and this runs in `O(n)` for values spread
 * evenly, `O(n · 64)` at worst.
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
  const sorted = allocate(n);
  if (n >= COMPILED_SORT_MIN && n <= COMPILED_SORT_MAX) {
    const compiled = doubleSorter.get();
    if (compiled !== undefined) {
      compiled.sortDoubles(values, sorted);
      return sorted;
    }
  }
  if (n <= INSERTION_MAX) {
    sorted.set(values);
    insertionSort(sorted, 0, n);
    zerosInOrder(sorted);
    return sorted;
  }
  // The first deal goes from the input straight into the output; the buckets are then sorted there.
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const buckets = deal(values, words, 0, n, sorted, 0, BY_VALUE, 0);
  if (buckets === 0) sorted.set(values);
  else sortBuckets(sorted, new Uint32Array(sorted.buffer, sorted.byteOffset, 2 * n), 0, n, buckets, 0);
  zerosInOrder(sorted);
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
