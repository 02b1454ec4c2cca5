import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);

// src/util/sort.ts
var DIGITS = 2048;
var SHIFTS = [0, 11, 22];
var MASKS = [2047, 2047, 1023];
var INSERTION_MAX = 16;
function sortWords(words, start, end) {
  if (end - start > INSERTION_MAX) {
    words.subarray(start, end).sort();
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const word = words[i];
    let j = i - 1;
    while (j >= start && words[j] > word) {
      words[j + 1] = words[j];
      j--;
    }
    words[j + 1] = word;
  }
}
var keyScratch = [new Uint32Array(0)];
var SCRATCH_MAX = 1 << 20;
function radixSortedCopy(values, allocate = (length) => new Float64Array(length)) {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const keys = n > SCRATCH_MAX ? [0, 1, 2, 3].map(() => new Uint32Array(n)) : keyScratch[0].length >= n ? keyScratch : keyScratch = [0, 1, 2, 3].map(() => new Uint32Array(n));
  let [high, low, nextHigh, nextLow] = keys;
  const counts = new Uint32Array(3 * DIGITS);
  for (let i = 0; i < n; i++) {
    let lo = words[2 * i];
    let hi = words[2 * i + 1];
    if (hi & 2147483648) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else {
      hi = (hi | 2147483648) >>> 0;
    }
    high[i] = hi;
    low[i] = lo;
    counts[hi & 2047]++;
    counts[DIGITS + (hi >>> 11 & 2047)]++;
    counts[2 * DIGITS + (hi >>> 22)]++;
  }
  for (let pass = 0; pass < 3; pass++) {
    const base = pass * DIGITS;
    const shift = SHIFTS[pass];
    const mask = MASKS[pass];
    if (counts[base + (high[0] >>> shift & mask)] === n) continue;
    let total = 0;
    for (let d = base; d < base + DIGITS; d++) {
      const count = counts[d];
      counts[d] = total;
      total += count;
    }
    for (let i = 0; i < n; i++) {
      const hi = high[i];
      const slot = counts[base + (hi >>> shift & mask)]++;
      nextHigh[slot] = hi;
      nextLow[slot] = low[i];
    }
    [high, nextHigh] = [nextHigh, high];
    [low, nextLow] = [nextLow, low];
  }
  const sorted = allocate(n);
  const out = new Uint32Array(sorted.buffer, sorted.byteOffset, 2 * n);
  for (let i = 0; i < n; ) {
    const hi = high[i];
    let end = i + 1;
    if (end < n && high[end] === hi) {
      while (++end < n && high[end] === hi) ;
      sortWords(low, i, end);
    }
    if (hi & 2147483648) {
      const top = (hi & 2147483647) >>> 0;
      for (; i < end; i++) {
        out[2 * i + 1] = top;
        out[2 * i] = low[i];
      }
    } else {
      const top = ~hi >>> 0;
      for (; i < end; i++) {
        out[2 * i + 1] = top;
        out[2 * i] = ~low[i] >>> 0;
      }
    }
  }
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
  radixSortedCopy,
  countDistinct,
  countingSortedCopy,
  fastSortedCopy,
  countsOfTally
};
