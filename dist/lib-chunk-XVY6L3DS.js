import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);

// src/util/thread-kernel.ts
var ThreadKernel = class {
  #make;
  /** The kernel once made, null when the maker made none. */
  #made;
  /** Hands in the maker (undefined: none); another maker drops the kernel made before. */
  use(make) {
    if (make === this.#make) return;
    this.#make = make;
    this.#made = void 0;
  }
  /** The kernel, made at the first call after {@link use}, or undefined when there is none. */
  get() {
    if (this.#made === void 0) this.#made = this.#make?.() ?? null;
    return this.#made ?? void 0;
  }
};

// src/util/sort.ts
var MAX_BUCKETS = 2048;
var MAX_DIGIT_BITS = 11;
var INSERTION_MAX = 16;
var depthStarts = [];
var depthEnds = [];
var BY_VALUE = 0;
var BY_KEY = 1;
var BY_KEY_ONLY = 2;
var depthHow = [];
var depthLargest = [];
var dealt = new Float64Array(0);
var SCRATCH_MAX = 1 << 20;
function insertionSort(a, start, end) {
  for (let i = start + 1; i < end; i++) {
    const value = a[i];
    let j = i;
    for (; j > start && a[j - 1] > value; j--) a[j] = a[j - 1];
    a[j] = value;
  }
}
function zerosInOrder(sorted) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = low + high >>> 1;
    if (sorted[middle] < 0) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < sorted.length && sorted[end] === 0) end++;
  let negative = low;
  for (let i = low; i < end; i++) if (1 / sorted[i] < 0) negative++;
  if (negative > low && negative < end) {
    sorted.fill(-0, low, negative);
    sorted.fill(0, negative, end);
  }
}
function bucketArrays(depth) {
  return [
    depthStarts[depth] ??= new Uint32Array(MAX_BUCKETS),
    depthEnds[depth] ??= new Uint32Array(MAX_BUCKETS)
  ];
}
function startBuckets(starts, ends, buckets, at) {
  let largest = 0;
  for (let d = 0, total = at; d < buckets; d++) {
    const count = ends[d];
    if (count > largest) largest = count;
    starts[d] = total;
    ends[d] = total;
    total += count;
  }
  return largest;
}
function dealByValue(source, from, to, target, at, depth) {
  const length = to - from;
  let min = source[from];
  let max = min;
  for (let i = from + 1; i < to; i++) {
    const value = source[i];
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min === -Infinity || max === Infinity) {
    min = Infinity;
    max = -Infinity;
    for (let i = from; i < to; i++) {
      const value = source[i];
      if (value - value !== 0) continue;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  const buckets = Math.min(MAX_BUCKETS, length);
  const scale = buckets / (max - min);
  if (!(scale > 0 && scale < Infinity)) return max - min < Infinity ? -1 : 0;
  const [starts, ends] = bucketArrays(depth);
  const last = buckets - 1;
  ends.fill(0, 0, buckets);
  for (let i = from; i < to; i++) {
    const offset = (source[i] - min) * scale;
    ends[offset < buckets ? offset | 0 : last]++;
  }
  const largest = startBuckets(starts, ends, buckets, at);
  depthLargest[depth] = largest;
  for (let i = from; i < to; i++) {
    const value = source[i];
    const offset = (value - min) * scale;
    target[ends[offset < buckets ? offset | 0 : last]++] = value;
  }
  depthHow[depth] = largest > length >>> 1 ? BY_KEY : BY_VALUE;
  return buckets;
}
function keyDigit(high, low, shift, mask) {
  const sign = high >> 31;
  const keyHigh = high ^ (sign | 2147483648);
  if (shift >= 32) return keyHigh >>> shift - 32 & mask;
  const keyLow = low ^ sign;
  return (shift === 0 ? keyLow : keyHigh << 32 - shift | keyLow >>> shift) & mask;
}
function dealByKey(source, words, from, to, target, at, depth) {
  const highFirst = words[2 * from + 1];
  const lowFirst = words[2 * from];
  let highDiffer = 0;
  let lowDiffer = 0;
  for (let i = from + 1; i < to; i++) {
    highDiffer |= words[2 * i + 1] ^ highFirst;
    lowDiffer |= words[2 * i] ^ lowFirst;
  }
  if (highDiffer === 0 && lowDiffer === 0) return 0;
  const top = highDiffer !== 0 ? 64 - Math.clz32(highDiffer) : 32 - Math.clz32(lowDiffer);
  const bits = Math.min(MAX_DIGIT_BITS, top, 32 - Math.clz32(to - from));
  const shift = top - bits;
  const mask = (1 << bits) - 1;
  const buckets = 1 << bits;
  const [starts, ends] = bucketArrays(depth);
  ends.fill(0, 0, buckets);
  for (let i = from; i < to; i++) ends[keyDigit(words[2 * i + 1], words[2 * i], shift, mask)]++;
  depthLargest[depth] = startBuckets(starts, ends, buckets, at);
  for (let i = from; i < to; i++)
    target[ends[keyDigit(words[2 * i + 1], words[2 * i], shift, mask)]++] = source[i];
  depthHow[depth] = BY_VALUE;
  return buckets;
}
function deal(source, words, from, to, target, at, how, depth) {
  const byValue = how === BY_VALUE ? dealByValue(source, from, to, target, at, depth) : 0;
  if (byValue > 0) return byValue;
  const buckets = dealByKey(source, words, from, to, target, at, depth);
  if (how === BY_KEY_ONLY || byValue < 0) depthHow[depth] = BY_KEY_ONLY;
  return buckets;
}
function sortBuckets(a, words, start, end, buckets, depth) {
  const largest = depthLargest[depth];
  if (largest <= INSERTION_MAX) {
    if (largest > 1) insertionSort(a, start, end);
    return;
  }
  const starts = depthStarts[depth];
  const ends = depthEnds[depth];
  const how = depthHow[depth];
  let short = false;
  for (let d = 0; d < buckets; d++) {
    const length = ends[d] - starts[d];
    if (length > INSERTION_MAX) sortRange(a, words, start + starts[d], start + ends[d], how, depth + 1);
    else if (length > 1) short = true;
  }
  if (short) insertionSort(a, start, end);
}
function sortRange(a, words, start, end, how, depth) {
  const length = end - start;
  if (dealt.length < length && length <= SCRATCH_MAX)
    dealt = new Float64Array(Math.max(length, Math.min(SCRATCH_MAX, 2 * dealt.length)));
  const into = length <= SCRATCH_MAX ? dealt : new Float64Array(length);
  const buckets = deal(a, words, start, end, into, 0, how, depth);
  if (buckets === 0) return;
  a.set(into.subarray(0, length), start);
  sortBuckets(a, words, start, end, buckets, depth);
}
var doubleSorter = new ThreadKernel();
var COMPILED_SORT_MIN = 4096;
var COMPILED_SORT_MAX = 1 << 21;
function useDoubleSorter(make) {
  doubleSorter.use(make);
}
function radixSortedCopy(values, allocate = (length) => new Float64Array(length)) {
  const n = values.length;
  const sorted = allocate(n);
  if (n >= COMPILED_SORT_MIN && n <= COMPILED_SORT_MAX) {
    const compiled = doubleSorter.get();
    if (compiled !== void 0) {
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
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const buckets = deal(values, words, 0, n, sorted, 0, BY_VALUE, 0);
  if (buckets === 0) sorted.set(values);
  else sortBuckets(sorted, new Uint32Array(sorted.buffer, sorted.byteOffset, 2 * n), 0, n, buckets, 0);
  zerosInOrder(sorted);
  return sorted;
}
var COUNTING_MAX_DISTINCT = 1 << 15;
var TABLE_BITS = 16;
var MANY_DISTINCT = /* @__PURE__ */ new WeakSet();
var EARLY_LOOK = 16384;
var EARLY_GIVE_UP_DISTINCT = 14e3;
var FIRST_LOOK = 4096;
var FIRST_GIVE_UP_DISTINCT = 4e3;
var fullTable;
function hashCounts(values, finiteOnly = false) {
  if (MANY_DISTINCT.has(values)) return void 0;
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  const bits = Math.min(TABLE_BITS, Math.max(4, 32 - Math.clz32(2 * n)));
  const size = 1 << bits;
  const mask = size - 1;
  const full = bits === TABLE_BITS;
  const table = full ? fullTable ??= {
    keyLow: new Uint32Array(size),
    keyHigh: new Uint32Array(size),
    tally: new Float64Array(size)
  } : void 0;
  const keyLow = table?.keyLow ?? new Uint32Array(size);
  const keyHigh = table?.keyHigh ?? new Uint32Array(size);
  const tally = table?.tally.fill(0) ?? new Float64Array(size);
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    if ((i === FIRST_LOOK && distinct > FIRST_GIVE_UP_DISTINCT || i === EARLY_LOOK && distinct > EARLY_GIVE_UP_DISTINCT) && n > COUNTING_MAX_DISTINCT) {
      MANY_DISTINCT.add(values);
      return void 0;
    }
    if (finiteOnly && values[i] - values[i] !== 0) continue;
    const lo = words[2 * i];
    const hi = words[2 * i + 1];
    let slot = Math.imul(hi ^ Math.imul(lo, 2654435761), 2246822507) >>> 32 - bits & mask;
    for (; ; ) {
      const count = tally[slot];
      if (count === 0) {
        if (++distinct > COUNTING_MAX_DISTINCT) {
          MANY_DISTINCT.add(values);
          return void 0;
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
      slot = slot + 1 & mask;
    }
  }
  const found = new Float64Array(distinct);
  const foundWords = new Uint32Array(found.buffer);
  const slots = new Int32Array(distinct);
  for (let slot = 0, k = 0; slot < size; slot++) {
    if (tally[slot] === 0) continue;
    foundWords[2 * k] = keyLow[slot];
    foundWords[2 * k + 1] = keyHigh[slot];
    slots[k++] = slot;
  }
  const order = Array.from(slots.keys()).sort(
    (a, b) => found[a] - found[b] || (Object.is(found[a], -0) ? -1 : Object.is(found[b], -0) ? 1 : 0)
  );
  const keys = new Float64Array(distinct);
  const counts = new Float64Array(distinct);
  order.forEach((index, k) => {
    keys[k] = found[index];
    counts[k] = tally[slots[index]];
  });
  return { keys, counts };
}
function countDistinct(values, finiteOnly = false) {
  const dense = denseIntegerCounts(values, finiteOnly);
  if (dense) return dense;
  const hashed = hashCounts(values, finiteOnly);
  if (!hashed) return void 0;
  const { keys, counts } = hashed;
  let k = 0;
  for (let i = 1; i < keys.length; i++) {
    if (keys[i] === keys[k]) counts[k] += counts[i];
    else {
      k++;
      keys[k] = keys[i];
      counts[k] = counts[i];
    }
  }
  return keys.length === 0 ? hashed : { keys: keys.subarray(0, k + 1), counts: counts.subarray(0, k + 1) };
}
function countingSortedCopy(values, allocate = (length) => new Float64Array(length)) {
  const distinct = hashCounts(values);
  if (!distinct) return void 0;
  const sorted = allocate(values.length);
  let position = 0;
  for (let k = 0; k < distinct.keys.length; k++) {
    const count = distinct.counts[k];
    sorted.fill(distinct.keys[k], position, position + count);
    position += count;
  }
  return sorted;
}
function fastSortedCopy(values, allocate = (length) => new Float64Array(length)) {
  if (values.length < 4096) return Float64Array.from(values).sort();
  return countingSortedCopy(values, allocate) ?? radixSortedCopy(values, allocate);
}
var DENSE_RANGE = 1 << 16;
function denseIntegerCounts(values, finiteOnly) {
  const n = values.length;
  let first = 0;
  if (finiteOnly) while (first < n && values[first] - values[first] !== 0) first++;
  if (first === n) return void 0;
  let min = values[first];
  let max = min;
  for (let i = first; i < n; i++) {
    const v = values[i];
    if (finiteOnly && v - v !== 0) continue;
    if (Math.floor(v) !== v) return void 0;
    if (v === 0 && 1 / v < 0) return void 0;
    if (v < min) min = v;
    else if (v > max) max = v;
    if (!(max - min < DENSE_RANGE)) return void 0;
  }
  const tally = new Float64Array(max - min + 1);
  if (finiteOnly) {
    for (let i = first; i < n; i++) {
      const v = values[i];
      if (v - v === 0) tally[v - min]++;
    }
  } else for (let i = 0; i < n; i++) tally[values[i] - min]++;
  return countsOfTally(tally, min);
}
function countsOfTally(tally, min, scale = 1) {
  let distinct = 0;
  for (let d = 0; d < tally.length; d++) if (tally[d] > 0) distinct++;
  const keys = new Float64Array(distinct);
  const counts = new Float64Array(distinct);
  for (let d = 0, k = 0; d < tally.length; d++) {
    if (tally[d] === 0) continue;
    keys[k] = (min + d) / scale;
    counts[k++] = tally[d];
  }
  return { keys, counts };
}

export {
  ThreadKernel,
  COMPILED_SORT_MIN,
  COMPILED_SORT_MAX,
  useDoubleSorter,
  radixSortedCopy,
  countDistinct,
  countingSortedCopy,
  fastSortedCopy,
  countsOfTally
};
