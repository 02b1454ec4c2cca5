import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  COMPILED_SORT_MAX,
  COMPILED_SORT_MIN,
  ThreadKernel,
  countDistinct,
  countingSortedCopy,
  countsOfTally,
  fastSortedCopy,
  radixSortedCopy
} from "./lib-chunk-XVY6L3DS.js";
import {
  MISSING_DIGITS,
  cellsOf,
  countMissing,
  decodeScaled,
  isCounted,
  isScaled,
  scaleOf
} from "./lib-chunk-B5PSUBWR.js";

// src/drift/expand-counted.ts
function sideRows(column) {
  let rows = column.counts.missing;
  for (const count of column.counts.counts) rows += count;
  return rows;
}
function checkCounts(column) {
  const counts = column.counts;
  if (counts.keys.length !== counts.counts.length)
    throw new Error("expandCounted requires one count per key");
  for (const count of counts.counts) {
    if (!(Number.isInteger(count) && count >= 0))
      throw new Error(`expandCounted requires whole counts, got ${count}`);
  }
}
function compareNumbers(a, b) {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
function expandCounted(column) {
  checkCounts(column);
  const counts = column.counts;
  const rows = sideRows(column);
  const name = column.name;
  if (column.storage === "string") {
    const keys2 = counts.keys;
    const dictionary = [];
    const codes = new Int32Array(rows);
    let at2 = 0;
    for (let k = 0; k < keys2.length; k++) {
      const count = counts.counts[k];
      if (count === 0) continue;
      const code = dictionary.length;
      dictionary.push(keys2[k]);
      codes.fill(code, at2, at2 + count);
      at2 += count;
    }
    codes.fill(-1, at2);
    return { name, type: "string", codes, dictionary };
  }
  const keys = counts.keys;
  const order = Array.from({ length: keys.length }, (_, k) => k).sort(
    (a, b) => compareNumbers(keys[a], keys[b])
  );
  const values = new Float64Array(rows);
  let at = 0;
  for (const k of order) {
    const count = counts.counts[k];
    values.fill(keys[k], at, at + count);
    at += count;
  }
  values.fill(Number.NaN, at);
  switch (column.storage) {
    case "bool":
      return { name, type: "bool", values };
    case "datetime":
      return { name, type: "datetime", values };
    case "int":
      return { name, type: counts.missing === 0 ? "int" : "float", values };
    case "float":
      return { name, type: "float", values };
  }
}

// src/drift/counted.ts
var COUNTS = /* @__PURE__ */ new WeakMap();
function countsOf(column) {
  return COUNTS.get(column);
}
function lazyColumn(counted) {
  checkCounts(counted);
  let expanded;
  const expand = () => expanded ??= expandCounted(counted);
  const name = counted.name;
  let column;
  if (counted.storage === "string") {
    column = {
      name,
      type: "string",
      get codes() {
        return expand().codes;
      },
      get dictionary() {
        return expand().dictionary;
      }
    };
  } else {
    const type = counted.storage === "int" ? counted.counts.missing === 0 ? "int" : "float" : counted.storage;
    column = {
      name,
      type,
      get values() {
        return expand().values;
      }
    };
  }
  COUNTS.set(column, counted);
  return column;
}
function tableOfCounts(snapshot) {
  return {
    source: snapshot.source,
    rows: snapshot.rows,
    columns: snapshot.counted.map(lazyColumn),
    ...snapshot.unloaded ? { unloaded: snapshot.unloaded } : {}
  };
}
function compareWithSignedZero(a, b) {
  if (a < b) return -1;
  if (a > b) return 1;
  return Object.is(a, -0) && !Object.is(b, -0) ? -1 : Object.is(b, -0) && !Object.is(a, -0) ? 1 : 0;
}
function numericRuns(counted, keep) {
  const keys = counted.counts.keys;
  const order = [];
  for (let k = 0; k < keys.length; k++) {
    if (counted.counts.counts[k] > 0 && keep(keys[k])) order.push(k);
  }
  order.sort((a, b) => compareWithSignedZero(keys[a], keys[b]));
  const values = new Float64Array(order.length);
  const counts = new Float64Array(order.length);
  let runs = 0;
  let total = 0;
  for (const k of order) {
    const value = keys[k];
    const count = counted.counts.counts[k];
    total += count;
    if (runs > 0 && values[runs - 1] === value) counts[runs - 1] += count;
    else {
      values[runs] = value;
      counts[runs++] = count;
    }
  }
  return { values: values.slice(0, runs), counts: counts.slice(0, runs), total };
}
function finiteRunsOfCounts(counted) {
  return numericRuns(counted, Number.isFinite);
}
function presentRunsOfCounts(counted) {
  return numericRuns(counted, (value) => !Number.isNaN(value));
}
function labelCountsOf(counted) {
  const keys = counted.counts.keys;
  const labels = [];
  const counts = [];
  for (let k = 0; k < keys.length; k++) {
    const count = counted.counts.counts[k];
    if (count === 0) continue;
    labels.push(keys[k]);
    counts.push(count);
  }
  return { labels, counts };
}
function cellCount(column) {
  const counted = countsOf(column);
  if (counted) return sideRows(counted);
  return column.type === "string" ? column.codes.length : cellsOf(column.values);
}
function missingCount(column) {
  const counted = countsOf(column);
  if (!counted) return countMissing(column);
  let missing = counted.counts.missing;
  if (counted.storage !== "string") {
    const keys = counted.counts.keys;
    for (let k = 0; k < keys.length; k++) if (Number.isNaN(keys[k])) missing += counted.counts.counts[k];
  }
  return missing;
}
function asTable(snapshot) {
  return isCounted(snapshot) ? tableOfCounts(snapshot) : snapshot;
}

// src/drift/doubles.ts
var decoded = [void 0, void 0, void 0];
var decoders = [0, 1, 2].map(() => new ThreadKernel());
function useScaledDecoders(make) {
  for (const decoder of decoders) decoder.use(make);
}
var COMPILED_DECODE_MAX_CELLS = 1 << 18;
var finiteCells = /* @__PURE__ */ new WeakMap();
var sources = /* @__PURE__ */ new WeakMap();
var decodedRange = new Int32Array(2);
function scaledSource(values) {
  const decoded2 = sources.get(values);
  return decoded2 && !decoded2.missing ? decoded2.source : void 0;
}
function scaledSourceWithMissing(values) {
  return sources.get(values)?.source;
}
function decodedFinite(column) {
  return finiteCells.get(column);
}
function withDoubles(column, slot) {
  if (column.type === "string" || column.type === "datetime" || countsOf(column)) return column;
  const values = column.values;
  if (!isScaled(values)) return column;
  const length = values.digits.length;
  const decoder = length <= COMPILED_DECODE_MAX_CELLS ? decoders[slot].get() : void 0;
  let out;
  let missing;
  if (decoder !== void 0) ({ out, missing } = decoder.decode(values, decodedRange));
  else {
    let kept2 = decoded[slot];
    if (kept2 === void 0 || kept2.length < length) decoded[slot] = kept2 = new Float64Array(length);
    out = kept2.subarray(0, length);
    missing = decodeScaled(values, out, decodedRange);
  }
  const doubles = { ...column, values: out };
  finiteCells.set(doubles, length - missing);
  const source = {
    digits: values.digits,
    decimals: values.decimals,
    min: decodedRange[0],
    max: decodedRange[1]
  };
  sources.set(out, { source, missing: missing > 0 });
  return doubles;
}

// src/drift/kernels/decimal-sort.ts
var SINGLE_PASS_BITS = 11;
var DIGIT_BITS_MAX = 12;
var MAX_DECIMALS = 9;
var POWERS = Array.from({ length: MAX_DECIMALS + 1 }, (_, d) => 10 ** d);
var GUESS_FROM = 64;
var INT32_MAX = 2 ** 31 - 1;
var compiledSorter = new ThreadKernel();
function useScaledSorter(make) {
  compiledSorter.use(make);
}
var kept;
var KEPT_MAX = 1 << 20;
function keyArrays(n) {
  if (kept !== void 0 && kept.scaled.length >= n) return kept;
  const arrays = { scaled: new Int32Array(n), keys: new Uint32Array(n), next: new Uint32Array(n) };
  if (n <= KEPT_MAX) kept = arrays;
  return arrays;
}
function decimalsOf(value) {
  for (let d = 0; d <= MAX_DECIMALS; d++) if (Math.round(value * POWERS[d]) / POWERS[d] === value) return d;
  return -1;
}
var extremes = new Int32Array(2);
function rangeOf(digits, n, out) {
  let min = INT32_MAX;
  let max = -INT32_MAX;
  for (let i = 0; i < n; i++) {
    const m = digits[i];
    if (m < min) min = m;
    if (m > max) max = m;
  }
  out[0] = min;
  out[1] = max;
}
function decimalSortedCopy(values, allocate = (length) => new Float64Array(length), source) {
  const n = values.length;
  if (n === 0) return allocate(0);
  if (source !== void 0 && source.digits.length === n) {
    const scale2 = 10 ** source.decimals;
    if (source.min !== void 0 && source.max !== void 0)
      return sortScaled(source.digits, n, scale2, source.min, source.max, allocate);
    rangeOf(source.digits, n, extremes);
    return sortScaled(source.digits, n, scale2, extremes[0], extremes[1], allocate);
  }
  let decimals = 0;
  for (let i = 0; i < Math.min(n, GUESS_FROM); i++) {
    const d = decimalsOf(values[i]);
    if (d < 0) return void 0;
    if (d > decimals) decimals = d;
  }
  const scale = POWERS[decimals];
  const { scaled } = keyArrays(n);
  let min = INT32_MAX;
  let max = -INT32_MAX;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    const m = Math.round(value * scale);
    if (m / scale !== value || !(m <= INT32_MAX && m >= -INT32_MAX) || value === 0 && 1 / value < 0)
      return void 0;
    scaled[i] = m;
    if (m < min) min = m;
    if (m > max) max = m;
  }
  return sortScaled(scaled, n, scale, min, max, allocate);
}
function sortScaled(scaled, n, scale, min, max, allocate) {
  const sorted = allocate(n);
  const range = max - min;
  if (range === 0) {
    sorted.fill(min / scale);
    return sorted;
  }
  if (n >= COMPILED_SORT_MIN && n <= COMPILED_SORT_MAX) {
    const compiled = compiledSorter.get();
    if (compiled !== void 0) {
      compiled.sortScaled(scaled, n, scale, min, max, sorted);
      return sorted;
    }
  }
  const bits = 32 - Math.clz32(range);
  if (bits <= SINGLE_PASS_BITS) return sortOnePass(scaled, n, scale, min, bits, sorted);
  if (bits <= 2 * DIGIT_BITS_MAX) return sortTwoPasses(scaled, n, scale, min, Math.ceil(bits / 2), sorted);
  return sortThreePasses(scaled, n, scale, min, Math.ceil(bits / 3), sorted);
}
function startsOf(counts, base, digits) {
  let total = 0;
  for (let d = base; d < base + digits; d++) {
    const count = counts[d];
    counts[d] = total;
    total += count;
  }
}
function countOffsets(scaled, n, min, counts) {
  for (let i = 0; i < n; i++) counts[scaled[i] - min]++;
}
function placeByOffset(scaled, n, min, scale, counts, sorted) {
  for (let i = 0; i < n; i++) {
    const m = scaled[i];
    sorted[counts[m - min]++] = m / scale;
  }
}
function countTwoDigits(scaled, n, min, digitBits, counts) {
  const digits = 1 << digitBits;
  const mask = digits - 1;
  for (let i = 0; i < n; i++) {
    const key = scaled[i] - min;
    counts[key & mask]++;
    counts[digits + (key >>> digitBits)]++;
  }
}
function countThreeDigits(scaled, n, min, digitBits, counts) {
  const digits = 1 << digitBits;
  const mask = digits - 1;
  for (let i = 0; i < n; i++) {
    const key = scaled[i] - min;
    counts[key & mask]++;
    counts[digits + (key >>> digitBits & mask)]++;
    counts[2 * digits + (key >>> 2 * digitBits)]++;
  }
}
function placeOffsets(scaled, n, min, mask, counts, to) {
  for (let i = 0; i < n; i++) {
    const key = scaled[i] - min;
    to[counts[key & mask]++] = key;
  }
}
function placeKeys(from, n, shift, mask, counts, base, to) {
  for (let i = 0; i < n; i++) {
    const key = from[i];
    to[counts[base + (key >>> shift & mask)]++] = key;
  }
}
function placeDoubles(from, n, shift, min, scale, counts, base, sorted) {
  for (let i = 0; i < n; i++) {
    const key = from[i];
    sorted[counts[base + (key >>> shift)]++] = (key + min) / scale;
  }
}
function sortOnePass(scaled, n, scale, min, bits, sorted) {
  const counts = new Uint32Array(1 << bits);
  countOffsets(scaled, n, min, counts);
  startsOf(counts, 0, 1 << bits);
  placeByOffset(scaled, n, min, scale, counts, sorted);
  return sorted;
}
function sortTwoPasses(scaled, n, scale, min, digitBits, sorted) {
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
function sortThreePasses(scaled, n, scale, min, digitBits, sorted) {
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

// src/drift/kernels/scratch.ts
var SCRATCH_MAX_LENGTH = 1 << 18;
var LARGE_KEPT_BYTES = 48 * 1024 * 1024;
var SCRATCH_SLOTS = 16;
var slots = [];
var large = [];
var lent = 0;
var open = false;
function withColumnScratch(work) {
  if (open) return work();
  open = true;
  lent = 0;
  try {
    return work();
  } finally {
    open = false;
    lent = 0;
    for (const kept2 of large) kept2.lent = false;
  }
}
function largeBytes() {
  let bytes = 0;
  for (const kept2 of large) bytes += kept2.array.byteLength;
  return bytes;
}
function largeFloat64(length, zeroed) {
  let best;
  for (const kept2 of large)
    if (!kept2.lent && kept2.array.length >= length && (best === void 0 || kept2.array.length < best.array.length))
      best = kept2;
  if (best !== void 0) {
    best.lent = true;
    const view = best.array.subarray(0, length);
    return zeroed ? view.fill(0) : view;
  }
  if (largeBytes() + 8 * length > LARGE_KEPT_BYTES) {
    for (let i = large.length - 1; i >= 0; i--) if (!large[i].lent) large.splice(i, 1);
  }
  const array = new Float64Array(length);
  if (largeBytes() + array.byteLength <= LARGE_KEPT_BYTES) large.push({ array, lent: true });
  return array;
}
function scratchFloat64(length, zeroed = true) {
  if (open && length > SCRATCH_MAX_LENGTH) return largeFloat64(length, zeroed);
  if (!open || length > SCRATCH_MAX_LENGTH || lent >= SCRATCH_SLOTS) return new Float64Array(length);
  const slot = lent++;
  let kept2 = slots[slot];
  if (kept2 === void 0 || kept2.length < length) {
    kept2 = new Float64Array(Math.min(SCRATCH_MAX_LENGTH, 2 ** Math.ceil(Math.log2(Math.max(length, 1024)))));
    slots[slot] = kept2;
    return kept2.subarray(0, length);
  }
  const view = kept2.subarray(0, length);
  return zeroed ? view.fill(0) : view;
}
function scratchOpen() {
  return open;
}

// src/drift/kernels/pooled.ts
var POOLED_WALK = "kernels:pooled-walk";
var POOL_RANGE_MIN = 1 << 16;
var POOL_MAX = 1 << 20;
var pooler = new ThreadKernel();
function useScaledPooler(make) {
  pooler.use(make);
}
function pooledRuns(pair) {
  const n1 = pair.reference.length;
  const n2 = pair.current.length;
  if (n1 < COMPILED_SORT_MIN || n2 < COMPILED_SORT_MIN || n1 + n2 > POOL_MAX) return void 0;
  const reference = scaledSource(pair.reference);
  const current = scaledSource(pair.current);
  if (reference === void 0 || current === void 0 || reference.decimals !== current.decimals)
    return void 0;
  if (reference.digits.length !== n1 || current.digits.length !== n2) return void 0;
  if (reference.max - reference.min < POOL_RANGE_MIN || current.max - current.min < POOL_RANGE_MIN)
    return void 0;
  const min = Math.min(reference.min, current.min);
  const max = Math.max(reference.max, current.max);
  if (max - min >= 2 ** 31) return void 0;
  if (!scratchOpen()) return void 0;
  const compiled = pooler.get();
  if (compiled === void 0) return void 0;
  const pooled = compiled.poolScaled(reference.digits, current.digits, min, max, scaleOf(reference.decimals));
  const sums = {
    wasserstein1: pooled.wasserstein1,
    maxDiff: pooled.maxDiff,
    minDiff: pooled.minDiff
  };
  pair.cache.set(POOLED_WALK, sums);
  return { reference: pooledSideRuns(pooled.reference, n1), current: pooledSideRuns(pooled.current, n2) };
}
function pooledSideRuns(side, total) {
  let counts;
  return {
    values: side.values,
    get counts() {
      return counts ??= countsOfPrefix(side.prefix);
    },
    total,
    largest: side.largest,
    prefix: side.prefix
  };
}
function countsOfPrefix(prefix) {
  const counts = scratchFloat64(prefix.length - 1, false);
  for (let k = 0; k < counts.length; k++) counts[k] = prefix[k + 1] - prefix[k];
  return counts;
}

// src/drift/kernels/runs.ts
function runEnd(sorted, start, end, value) {
  let i = start;
  for (let step = 0; step < 8; step++) {
    if (i >= end || sorted[i] !== value) return i;
    i++;
  }
  let low = i - 1;
  let stride = 8;
  let high = low + stride;
  while (high < end && sorted[high] === value) {
    low = high;
    stride *= 2;
    high = low + stride;
  }
  if (high > end) high = end;
  while (high - low > 1) {
    const middle = low + high >>> 1;
    if (sorted[middle] === value) low = middle;
    else high = middle;
  }
  return high;
}
var ALL_DISTINCT_MIN = 4096;
function allDistinct(sorted) {
  let last = sorted[0];
  for (let i = 1; i < sorted.length; i++) {
    const value = sorted[i];
    if (value === last) return false;
    last = value;
  }
  return true;
}
var ones = new Float64Array(0);
var ONES_KEPT_MAX = 1 << 21;
function onesOf(n) {
  if (n > ONES_KEPT_MAX) return new Float64Array(n).fill(1);
  if (ones.length < n) ones = new Float64Array(n).fill(1);
  return ones.subarray(0, n);
}
function countedOnce(counts) {
  return counts.buffer === ones.buffer && ones.length > 0;
}
var RUNS_BLOCK = 16384;
var runIndex = 0;
var runLargest = 0;
function fillRuns(sorted, values, counts) {
  const n = sorted.length;
  filledLargest = 0;
  if (n === 0) return 0;
  values[0] = sorted[0];
  counts[0] = 1;
  runIndex = 0;
  runLargest = 1;
  for (let i = 1; i < n; ) i = fillRunsBlock(sorted, values, counts, i, Math.min(i + RUNS_BLOCK, n));
  filledLargest = runLargest;
  return runIndex + 1;
}
function fillRunsBlock(sorted, values, counts, from, to) {
  const n = sorted.length | 0;
  const end = to | 0;
  let k = runIndex | 0;
  let largest = runLargest | 0;
  let last = sorted[from - 1];
  let i = from | 0;
  for (; i < end; i++) {
    const value = sorted[i];
    if (value !== last) {
      k++;
      values[k] = value;
      counts[k] = 1;
      last = value;
    } else {
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
var filledLargest = 0;
function runsOfSorted(sorted) {
  const n = sorted.length;
  if (n >= ALL_DISTINCT_MIN && allDistinct(sorted))
    return { values: sorted, counts: onesOf(n), total: n, largest: 1 };
  if (n <= SCRATCH_MAX_LENGTH && scratchOpen()) {
    const values2 = scratchFloat64(n, false);
    const counts2 = scratchFloat64(n, false);
    const k = fillRuns(sorted, values2, counts2);
    return {
      values: values2.subarray(0, k),
      counts: counts2.subarray(0, k),
      total: n,
      largest: filledLargest,
      sorted
    };
  }
  let runs = 0;
  for (let i = 0; i < n; ) {
    const value = sorted[i];
    i = i + 1 < n && sorted[i + 1] === value ? runEnd(sorted, i + 2, n, value) : i + 1;
    runs++;
  }
  const values = scratchFloat64(runs, false);
  const counts = scratchFloat64(runs, false);
  fillRuns(sorted, values, counts);
  return { values, counts, total: n, largest: filledLargest, sorted };
}

// src/drift/kernels/scaled-counts.ts
var DENSE_RANGE = 1 << 16;
function scaledDenseCounts(source, skipMissing = false) {
  const digits = source.digits;
  const n = digits.length;
  let first = 0;
  let min;
  let max;
  if (source.min !== void 0 && source.max !== void 0) {
    if (source.min > source.max || source.max - source.min >= DENSE_RANGE) return void 0;
    min = source.min;
    max = source.max;
  } else {
    if (skipMissing) while (first < n && digits[first] === MISSING_DIGITS) first++;
    if (first === n) return void 0;
    min = digits[first];
    max = min;
    for (let i = first + 1; i < n; i++) {
      const m = digits[i];
      if (skipMissing && m === MISSING_DIGITS) continue;
      if (m < min) min = m;
      else if (m > max) max = m;
      if (max - min >= DENSE_RANGE) return void 0;
    }
  }
  const tally = new Int32Array(max - min + 1);
  if (skipMissing) {
    for (let i = first; i < n; i++) {
      const m = digits[i];
      if (m !== MISSING_DIGITS) tally[m - min]++;
    }
  } else for (let i = 0; i < n; i++) tally[digits[i] - min]++;
  return countsOfTally(tally, min, scaleOf(source.decimals));
}

// src/drift/kernels/sorted.ts
var SORTED_REFERENCE = "kernels:sorted-reference";
var SORTED_CURRENT = "kernels:sorted-current";
function sortedCopy(values) {
  if (values.length < 4096) return fastSortedCopy(values);
  const allocate = (length) => scratchFloat64(length, false);
  return countingSortedCopy(values, allocate) ?? decimalSortedCopy(values, allocate, scaledSource(values)) ?? radixSortedCopy(values, allocate);
}
function cached(pair, key, build) {
  const hit = pair.cache.get(key);
  if (hit !== void 0) return hit;
  const value = build();
  pair.cache.set(key, value);
  return value;
}
function sortedReference(pair) {
  return cached(
    pair,
    SORTED_REFERENCE,
    () => pair.fromCounts ? pair.reference : sortedCopy(pair.reference)
  );
}
function sortedCurrent(pair) {
  return cached(pair, SORTED_CURRENT, () => pair.fromCounts ? pair.current : sortedCopy(pair.current));
}
function cachedOnPair(pair, key, build) {
  return cached(pair, key, build);
}

// src/drift/kernels/side-runs.ts
var RUNS_REFERENCE = "kernels:runs-reference";
var RUNS_CURRENT = "kernels:runs-current";
var FINITE_REFERENCE = "kernels:finite-reference";
var FINITE_CURRENT = "kernels:finite-current";
var UNSCORABLE = "kernels:unscorable";
function sideRuns(pair, side, sortedKey, sorted) {
  const already = pair.cache.get(sortedKey);
  if (already) return runsOfSorted(already);
  const gappy = finiteSide(pair, side);
  const source = gappy ? scaledSourceWithMissing(gappy.values) : scaledSource(pair[side]);
  const counted = source && scaledDenseCounts(source, gappy !== void 0);
  if (counted)
    return { values: counted.keys, counts: counted.counts, total: gappy ? gappy.finite : pair[side].length };
  const pooled = source && !gappy ? pooledRuns(pair) : void 0;
  if (pooled) {
    pair.cache.set(side === "reference" ? RUNS_CURRENT : RUNS_REFERENCE, pooled[otherSide(side)]);
    return pooled[side];
  }
  const distinct = gappy ? countDistinct(gappy.values, true) : countDistinct(pair[side]);
  return distinct ? { values: distinct.keys, counts: distinct.counts, total: gappy ? gappy.finite : pair[side].length } : runsOfSorted(sorted());
}
function otherSide(side) {
  return side === "reference" ? "current" : "reference";
}
function finiteSide(pair, side) {
  return pair.cache.get(side === "reference" ? FINITE_REFERENCE : FINITE_CURRENT);
}
function referenceRuns(pair) {
  return cachedOnPair(
    pair,
    RUNS_REFERENCE,
    () => sideRuns(pair, "reference", SORTED_REFERENCE, () => sortedReference(pair))
  );
}
function currentRuns(pair) {
  return cachedOnPair(
    pair,
    RUNS_CURRENT,
    () => sideRuns(pair, "current", SORTED_CURRENT, () => sortedCurrent(pair))
  );
}
function referenceSize(pair) {
  const runs = pair.cache.get(RUNS_REFERENCE);
  return runs ? runs.total : finiteSide(pair, "reference")?.finite ?? pair.reference.length;
}
function currentSize(pair) {
  const runs = pair.cache.get(RUNS_CURRENT);
  return runs ? runs.total : finiteSide(pair, "current")?.finite ?? pair.current.length;
}
function expandRuns(runs) {
  const out = new Float64Array(runs.total);
  let at = 0;
  for (let k = 0; k < runs.values.length; k++) {
    const count = runs.counts[k];
    out.fill(runs.values[k], at, at + count);
    at += count;
  }
  return out;
}
function cachedSortedSide(pair, side) {
  return pair.cache.get(side === "reference" ? SORTED_REFERENCE : SORTED_CURRENT);
}

// src/drift/kernels/histogram.ts
function sturgesBinCount(min, max, size) {
  const range = max - min;
  const width = range / (Math.log2(size) + 1);
  if (width === 0 || Number.isNaN(width)) return 1;
  return Math.ceil(range / width);
}
function equalWidthEdges(min, max, bins) {
  if (!Number.isInteger(bins) || bins < 1)
    throw new Error(`equalWidthEdges requires a positive integer bin count, got ${bins}`);
  let first = min;
  let last = max;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const edges = new Float64Array(bins + 1);
  const delta = last - first;
  const step = delta / bins;
  if (step === 0) {
    for (let i = 0; i <= bins; i++) edges[i] = i / bins * delta + first;
  } else {
    for (let i = 0; i <= bins; i++) edges[i] = i * step + first;
  }
  edges[bins] = last;
  return edges;
}
function sturgesEdges(min, max, size) {
  return equalWidthEdges(min, max, sturgesBinCount(min, max, size));
}
function lowerBound(sorted, value) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function upperBound(sorted, value) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function histogramCountsFromValueCounts(values, counts, edges) {
  const bins = edges.length - 1;
  const out = new Float64Array(bins);
  const first = edges[0];
  const last = edges[bins];
  let bin = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    const c = counts[k];
    if (c === 0 || v < first || v > last) continue;
    if (v === last) {
      out[bins - 1] += c;
      continue;
    }
    while (bin + 1 < bins && v >= edges[bin + 1]) bin++;
    out[bin] += c;
  }
  return out;
}
function histogramCountsFromPrefix(values, prefix, edges) {
  const bins = edges.length - 1;
  const out = new Float64Array(Math.max(bins, 0));
  if (bins < 1) return out;
  let previous = lowerBound(values, edges[0]);
  for (let i = 0; i < bins; i++) {
    const next = i + 1 === bins ? upperBound(values, edges[bins]) : lowerBound(values, edges[i + 1]);
    out[i] = next > previous ? prefix ? prefix[next] - prefix[previous] : next - previous : 0;
    if (next > previous) previous = next;
  }
  return out;
}

// src/drift/kernels/merged.ts
var MERGED = "kernels:merged";
function mergeRuns(reference, current) {
  const refValues = reference.values;
  const refCounts = reference.counts;
  const curValues = current.values;
  const curCounts = current.counts;
  const k1 = refValues.length;
  const k2 = curValues.length;
  const values = scratchFloat64(k1 + k2, false);
  const referenceCounts = scratchFloat64(k1 + k2);
  const currentCounts = scratchFloat64(k1 + k2);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < k1 && j < k2) {
    const r = refValues[i];
    const c = curValues[j];
    if (r < c) {
      values[k] = r;
      referenceCounts[k] = refCounts[i++];
    } else if (c < r) {
      values[k] = c;
      currentCounts[k] = curCounts[j++];
    } else {
      values[k] = r;
      referenceCounts[k] = refCounts[i++];
      currentCounts[k] = curCounts[j++];
    }
    k++;
  }
  for (; i < k1; i++, k++) {
    values[k] = refValues[i];
    referenceCounts[k] = refCounts[i];
  }
  for (; j < k2; j++, k++) {
    values[k] = curValues[j];
    currentCounts[k] = curCounts[j];
  }
  const trim = (array) => k >= 0.75 * array.length ? array.subarray(0, k) : array.slice(0, k);
  return {
    values: trim(values),
    referenceCounts: trim(referenceCounts),
    currentCounts: trim(currentCounts),
    referenceSize: reference.total,
    currentSize: current.total
  };
}
function mergedDistribution(pair) {
  return cachedOnPair(pair, MERGED, () => {
    const merged = lazyMerge(referenceRuns(pair), currentRuns(pair));
    const reference = cachedSortedSide(pair, "reference");
    const current = cachedSortedSide(pair, "current");
    if (reference !== void 0 || current !== void 0) SORTED_SIDES.set(merged, { reference, current });
    return merged;
  });
}
var UNBUILT = /* @__PURE__ */ new WeakMap();
function lazyMerge(reference, current) {
  let built;
  const build = () => {
    if (built === void 0) {
      built = mergeRuns(reference, current);
      UNBUILT.delete(merged);
    }
    return built;
  };
  const merged = {
    get values() {
      return build().values;
    },
    get referenceCounts() {
      return build().referenceCounts;
    },
    get currentCounts() {
      return build().currentCounts;
    },
    referenceSize: reference.total,
    currentSize: current.total
  };
  UNBUILT.set(merged, { reference, current });
  return merged;
}
function unmergedRuns(merged) {
  return UNBUILT.get(merged);
}
function mergedExtremes(merged) {
  const sides = unmergedRuns(merged);
  if (sides === void 0) {
    const values = merged.values;
    return values.length > 0 ? { minimum: values[0], maximum: values[values.length - 1] } : { minimum: Infinity, maximum: -Infinity };
  }
  const ref = sides.reference.values;
  const cur = sides.current.values;
  if (ref.length === 0)
    return cur.length > 0 ? { minimum: cur[0], maximum: cur[cur.length - 1] } : { minimum: Infinity, maximum: -Infinity };
  if (cur.length === 0) return { minimum: ref[0], maximum: ref[ref.length - 1] };
  const refLast = ref[ref.length - 1];
  const curLast = cur[cur.length - 1];
  return {
    minimum: cur[0] < ref[0] ? cur[0] : ref[0],
    maximum: curLast > refLast ? curLast : refLast
  };
}
function mergedDistinctCount(merged, atMost = Infinity) {
  const sides = unmergedRuns(merged);
  if (sides === void 0) return merged.values.length;
  const ref = sides.reference.values;
  const cur = sides.current.values;
  const k1 = ref.length;
  const k2 = cur.length;
  if (Math.max(k1, k2) > atMost) return Math.max(k1, k2);
  let shared = 0;
  for (let i = 0, j = 0; i < k1 && j < k2; ) {
    const r = ref[i];
    const c = cur[j];
    if (r < c) i++;
    else if (c < r) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return k1 + k2 - shared;
}
function mergedAllIntegers(merged) {
  const sides = unmergedRuns(merged);
  const arrays = sides === void 0 ? [merged.values] : [sides.reference.values, sides.current.values];
  for (const values of arrays)
    for (let i = 0; i < values.length; i++) if (!Number.isInteger(values[i])) return false;
  return true;
}
function valueCounts(pair) {
  return mergedDistribution(pair);
}
function referenceDistinctCount(merged) {
  const counts = merged.referenceCounts;
  let count = 0;
  for (let k = 0; k < counts.length; k++) if (counts[k] > 0) count++;
  return count;
}
function currentDistinctCount(merged) {
  const counts = merged.currentCounts;
  let count = 0;
  for (let k = 0; k < counts.length; k++) if (counts[k] > 0) count++;
  return count;
}
var SORTED_SIDES = /* @__PURE__ */ new WeakMap();
function fillPrefix(counts, prefix) {
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    prefix[i] = total;
    total += counts[i];
  }
  prefix[counts.length] = total;
}
var PREFIXES = /* @__PURE__ */ new WeakMap();
function prefixesOf(merged) {
  let prefixes = PREFIXES.get(merged);
  if (prefixes === void 0) {
    const k = merged.values.length;
    const reference = scratchFloat64(k + 1, false);
    const current = scratchFloat64(k + 1, false);
    fillPrefix(merged.referenceCounts, reference);
    fillPrefix(merged.currentCounts, current);
    prefixes = { reference, current };
    PREFIXES.set(merged, prefixes);
  }
  return prefixes;
}
function mergedHistogram(merged, side, edges) {
  const sorted = SORTED_SIDES.get(merged)?.[side];
  if (sorted !== void 0) return histogramCountsFromPrefix(sorted, void 0, edges);
  const runs = unmergedRuns(merged)?.[side];
  if (runs !== void 0)
    return histogramCountsFromPrefix(
      runs.values,
      runs.prefix ?? (countedOnce(runs.counts) ? void 0 : runsPrefix(runs)),
      edges
    );
  return histogramCountsFromPrefix(merged.values, prefixesOf(merged)[side], edges);
}
var RUNS_PREFIXES = /* @__PURE__ */ new WeakMap();
function runsPrefix(runs) {
  if (runs.prefix !== void 0) return runs.prefix;
  let prefix = RUNS_PREFIXES.get(runs);
  if (prefix === void 0) {
    prefix = scratchFloat64(runs.values.length + 1, false);
    fillPrefix(runs.counts, prefix);
    RUNS_PREFIXES.set(runs, prefix);
  }
  return prefix;
}

// src/drift/kernels/pairwise-sum.ts
var PAIRWISE_BLOCK_SIZE = 128;
var REDUCE_BUFFER_SIZE = 8192;
function pairwiseSum(values, start = 0, length = values.length - start) {
  if (length <= REDUCE_BUFFER_SIZE) return pairwiseBlock(values, start, length);
  let result = 0;
  for (let offset = 0; offset < length; offset += REDUCE_BUFFER_SIZE) {
    result += pairwiseBlock(values, start + offset, Math.min(REDUCE_BUFFER_SIZE, length - offset));
  }
  return result;
}
function pairwiseBlock(values, start, length) {
  if (length < 8) {
    let result = 0;
    for (let i = 0; i < length; i++) result += values[start + i];
    return result;
  }
  if (length <= PAIRWISE_BLOCK_SIZE) {
    let r0 = values[start];
    let r1 = values[start + 1];
    let r2 = values[start + 2];
    let r3 = values[start + 3];
    let r4 = values[start + 4];
    let r5 = values[start + 5];
    let r6 = values[start + 6];
    let r7 = values[start + 7];
    const unrolledEnd = length - length % 8;
    let i = 8;
    for (; i < unrolledEnd; i += 8) {
      const at = start + i;
      r0 += values[at];
      r1 += values[at + 1];
      r2 += values[at + 2];
      r3 += values[at + 3];
      r4 += values[at + 4];
      r5 += values[at + 5];
      r6 += values[at + 6];
      r7 += values[at + 7];
    }
    let result = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < length; i++) result += values[start + i];
    return result;
  }
  let half = Math.floor(length / 2);
  half -= half % 8;
  return pairwiseBlock(values, start, half) + pairwiseBlock(values, start + half, length - half);
}
var RunCursor = class {
  constructor(sequence) {
    this.sequence = sequence;
    this.skipEmpty();
  }
  sequence;
  run = 0;
  offset = 0;
  memoValue = Number.NaN;
  memo = /* @__PURE__ */ new Map();
  skipEmpty() {
    const { lengths } = this.sequence;
    while (this.run < lengths.length && this.offset >= lengths[this.run]) {
      this.run++;
      this.offset = 0;
    }
  }
  /** The sum numpy forms for `length` elements, when they all lie in one constant run; else undefined. */
  constantStretch(length) {
    const { lengths, values, element } = this.sequence;
    if (element !== void 0 || values === void 0 || lengths[this.run] - this.offset < length)
      return void 0;
    const value = values[this.run];
    this.offset += length;
    this.skipEmpty();
    if (!Object.is(value, this.memoValue)) {
      this.memoValue = value;
      this.memo.clear();
    }
    return this.constantBlock(value, length);
  }
  /** pairwiseBlock of `length` copies of `value`, memoised by length (a run's blocks come in few lengths). */
  constantBlock(value, length) {
    const known = this.memo.get(length);
    if (known !== void 0) return known;
    let result;
    if (length < 8) {
      result = 0;
      for (let i = 0; i < length; i++) result += value;
    } else if (length <= PAIRWISE_BLOCK_SIZE) {
      let r = value;
      const unrolledEnd = length - length % 8;
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
  next() {
    const { values, element } = this.sequence;
    const value = element !== void 0 ? element(this.run, this.offset) : values[this.run];
    this.offset++;
    this.skipEmpty();
    return value;
  }
};
function virtualBlock(cursor, length) {
  const stretch = cursor.constantStretch(length);
  if (stretch !== void 0) return stretch;
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
    const unrolledEnd = length - length % 8;
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
function pairwiseSumOfRuns(sequence) {
  let length = 0;
  for (let r = 0; r < sequence.lengths.length; r++) length += sequence.lengths[r];
  const cursor = new RunCursor(sequence);
  if (length <= REDUCE_BUFFER_SIZE) return virtualBlock(cursor, length);
  let result = 0;
  for (let offset = 0; offset < length; offset += REDUCE_BUFFER_SIZE) {
    result += virtualBlock(cursor, Math.min(REDUCE_BUFFER_SIZE, length - offset));
  }
  return result;
}
var SparseSumStream = class {
  positions = new Int32Array(REDUCE_BUFFER_SIZE);
  terms = new Float64Array(REDUCE_BUFFER_SIZE);
  count = 0;
  offset = 0;
  length = 0;
  result = 0;
  any = false;
  /**
   * Starts a new sum.
   *
   * @param length length of the virtual array the terms are laid out in
   */
  reset(length) {
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
  add(position, term) {
    if (position >= this.offset + REDUCE_BUFFER_SIZE) {
      this.flush();
      this.offset = position - position % REDUCE_BUFFER_SIZE;
    }
    this.positions[this.count] = position;
    this.terms[this.count++] = term;
    this.any = true;
  }
  flush() {
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
  finish() {
    if (!this.any) return 0;
    if (this.length <= REDUCE_BUFFER_SIZE)
      return sparseBlock(this.positions, this.terms, 0, this.count, 0, this.length);
    this.flush();
    return this.result;
  }
};
function lowerBound2(positions, lo, hi, target) {
  if (hi - lo <= 16) {
    while (lo < hi && positions[lo] < target) lo++;
    return lo;
  }
  while (lo < hi) {
    const middle = lo + hi >>> 1;
    if (positions[middle] < target) lo = middle + 1;
    else hi = middle;
  }
  return lo;
}
function sparseBlock(positions, terms, lo, hi, start, length) {
  if (lo >= hi) return 0;
  if (length < 8) {
    let result = 0;
    for (let k = lo; k < hi; k++) result += terms[k];
    return result;
  }
  if (length <= PAIRWISE_BLOCK_SIZE) {
    let r0 = 0;
    let r1 = 0;
    let r2 = 0;
    let r3 = 0;
    let r4 = 0;
    let r5 = 0;
    let r6 = 0;
    let r7 = 0;
    const unrolledEnd = start + length - length % 8;
    let k = lo;
    for (; k < hi; k++) {
      const at = positions[k];
      if (at >= unrolledEnd) break;
      const term = terms[k];
      switch (at - start & 7) {
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
    for (; k < hi; k++) result += terms[k];
    return result;
  }
  let half = Math.floor(length / 2);
  half -= half % 8;
  const split = lowerBound2(positions, lo, hi, start + half);
  return sparseBlock(positions, terms, lo, split, start, half) + sparseBlock(positions, terms, split, hi, start + half, length - half);
}
function pairwiseSumOfSquaredDeviations(values, center) {
  const length = values.length;
  if (length <= REDUCE_BUFFER_SIZE) return squaresBlock(values, center, 0, length);
  let result = 0;
  for (let offset = 0; offset < length; offset += REDUCE_BUFFER_SIZE) {
    result += squaresBlock(values, center, offset, Math.min(REDUCE_BUFFER_SIZE, length - offset));
  }
  return result;
}
function squaresBlock(values, c, start, length) {
  if (length < 8) {
    let result = 0;
    for (let i = 0; i < length; i++) {
      const d = c - values[start + i];
      result += d * d;
    }
    return result;
  }
  if (length <= PAIRWISE_BLOCK_SIZE) {
    let d = c - values[start];
    let r0 = d * d;
    d = c - values[start + 1];
    let r1 = d * d;
    d = c - values[start + 2];
    let r2 = d * d;
    d = c - values[start + 3];
    let r3 = d * d;
    d = c - values[start + 4];
    let r4 = d * d;
    d = c - values[start + 5];
    let r5 = d * d;
    d = c - values[start + 6];
    let r6 = d * d;
    d = c - values[start + 7];
    let r7 = d * d;
    const unrolledEnd = length - length % 8;
    let i = 8;
    for (; i < unrolledEnd; i += 8) {
      const at = start + i;
      d = c - values[at];
      r0 += d * d;
      d = c - values[at + 1];
      r1 += d * d;
      d = c - values[at + 2];
      r2 += d * d;
      d = c - values[at + 3];
      r3 += d * d;
      d = c - values[at + 4];
      r4 += d * d;
      d = c - values[at + 5];
      r5 += d * d;
      d = c - values[at + 6];
      r6 += d * d;
      d = c - values[at + 7];
      r7 += d * d;
    }
    let result = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < length; i++) {
      d = c - values[start + i];
      result += d * d;
    }
    return result;
  }
  let half = Math.floor(length / 2);
  half -= half % 8;
  return squaresBlock(values, c, start, half) + squaresBlock(values, c, start + half, length - half);
}

// src/drift/kernels/ecdf.ts
var WALK = "kernels:ecdf-walk";
var stream = new SparseSumStream();
function walkMerged(merged, squared) {
  const { values, referenceCounts, currentCounts, referenceSize: n1, currentSize: n2 } = merged;
  const distinct = values.length;
  stream.reset(Math.max(n1 + n2 - 1, 0));
  let cumRef = 0;
  let cumCur = 0;
  let position = 0;
  let maxDiff = -Infinity;
  let minDiff = Infinity;
  for (let k = 0; k < distinct; k++) {
    cumRef += referenceCounts[k];
    cumCur += currentCounts[k];
    position += referenceCounts[k] + currentCounts[k];
    const diff = cumRef / n1 - cumCur / n2;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
    if (k + 1 < distinct) {
      const delta = values[k + 1] - values[k];
      stream.add(position - 1, squared ? diff * diff * delta : Math.abs(diff) * delta);
    }
  }
  return { maxDiff, minDiff, sum: stream.finish() };
}
var CUM_REF = 0;
var CUM_CUR = 1;
var REF_SHARE = 2;
var CUR_SHARE = 3;
var MAX_DIFF = 4;
var MIN_DIFF = 5;
var PREVIOUS = 6;
var PREVIOUS_DIFF = 7;
var PREVIOUS_END = 8;
var FIRST = 9;
var REF_NEXT = 10;
var CUR_NEXT = 11;
var walkState = new Float64Array(12);
var keyPair = new Float64Array(2);
var WALK_BLOCK = 8192;
function walkBlock(reference, current, squared) {
  const refValues = reference.values;
  const refCounts = reference.counts;
  const curValues = current.values;
  const curCounts = current.counts;
  const k1 = refValues.length;
  const k2 = curValues.length;
  const n1 = reference.total;
  const n2 = current.total;
  const state = walkState;
  let cumRef = state[CUM_REF];
  let cumCur = state[CUM_CUR];
  let refShare = state[REF_SHARE];
  let curShare = state[CUR_SHARE];
  let maxDiff = state[MAX_DIFF];
  let minDiff = state[MIN_DIFF];
  let previous = state[PREVIOUS];
  let previousDiff = state[PREVIOUS_DIFF];
  let previousEnd = state[PREVIOUS_END];
  let first = state[FIRST] !== 0;
  let i = state[REF_NEXT] | 0;
  let j = state[CUR_NEXT] | 0;
  const pair = keyPair;
  let more = true;
  for (let step = 0; step < WALK_BLOCK; step++) {
    let value;
    if (i < k1 && j < k2) {
      const r = refValues[i];
      const c = curValues[j];
      const currentFirst = +(c < r);
      const referenceFirst = +(r < c);
      pair[0] = r;
      pair[1] = c;
      value = pair[currentFirst];
      cumRef += (1 - currentFirst) * refCounts[i];
      cumCur += (1 - referenceFirst) * curCounts[j];
      i += 1 - currentFirst;
      j += 1 - referenceFirst;
      refShare = cumRef / n1;
      curShare = cumCur / n2;
    } else if (i < k1) {
      value = refValues[i];
      cumRef += refCounts[i++];
      refShare = cumRef / n1;
    } else if (j < k2) {
      value = curValues[j];
      cumCur += curCounts[j++];
      curShare = cumCur / n2;
    } else {
      more = false;
      break;
    }
    if (!first) {
      const delta = value - previous;
      stream.add(
        previousEnd - 1,
        squared ? previousDiff * previousDiff * delta : Math.abs(previousDiff) * delta
      );
    }
    first = false;
    const diff = refShare - curShare;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
    previous = value;
    previousDiff = diff;
    previousEnd = cumRef + cumCur;
  }
  state[CUM_REF] = cumRef;
  state[CUM_CUR] = cumCur;
  state[REF_SHARE] = refShare;
  state[CUR_SHARE] = curShare;
  state[MAX_DIFF] = maxDiff;
  state[MIN_DIFF] = minDiff;
  state[PREVIOUS] = previous;
  state[PREVIOUS_DIFF] = previousDiff;
  state[PREVIOUS_END] = previousEnd;
  state[FIRST] = first ? 1 : 0;
  state[REF_NEXT] = i;
  state[CUR_NEXT] = j;
  return more;
}
var dense = new Float64Array(REDUCE_BUFFER_SIZE);
var denseOffset = 0;
var denseResult = 0;
var denseLength = 0;
function resetDense(length) {
  dense.fill(0);
  denseOffset = 0;
  denseResult = 0;
  denseLength = length;
}
function flushDense(position) {
  denseResult += pairwiseSum(dense, 0, REDUCE_BUFFER_SIZE);
  dense.fill(0);
  denseOffset = position - position % REDUCE_BUFFER_SIZE;
  return denseOffset;
}
function finishDense() {
  const last = Math.min(REDUCE_BUFFER_SIZE, denseLength - denseOffset);
  if (denseLength <= REDUCE_BUFFER_SIZE) return pairwiseSum(dense, 0, last);
  return denseResult + pairwiseSum(dense, 0, last);
}
function walkDistinctBlock(refValues, curValues, squared) {
  const k1 = refValues.length;
  const k2 = curValues.length;
  const n1 = k1;
  const n2 = k2;
  const state = walkState;
  let refShare = state[REF_SHARE];
  let curShare = state[CUR_SHARE];
  let maxDiff = state[MAX_DIFF];
  let minDiff = state[MIN_DIFF];
  let previous = state[PREVIOUS];
  let previousDiff = state[PREVIOUS_DIFF];
  let i = state[REF_NEXT] | 0;
  let j = state[CUR_NEXT] | 0;
  let offset = denseOffset;
  const terms = dense;
  const pair = keyPair;
  const both = Math.min(WALK_BLOCK, k1 - i, k2 - j);
  for (let step = 0; step < both; ) {
    let at = i + j - 1 - offset;
    if (at >= REDUCE_BUFFER_SIZE) {
      const position = at + offset;
      offset = flushDense(position);
      at = position - offset;
    }
    const stop = Math.min(both, step + (REDUCE_BUFFER_SIZE - at + 1 >> 1));
    for (; step < stop; step++) {
      at = i + j - 1 - offset;
      const r = refValues[i];
      const c = curValues[j];
      const currentFirst = +(c < r);
      const referenceFirst = +(r < c);
      pair[0] = r;
      pair[1] = c;
      const value = pair[currentFirst];
      i += 1 - currentFirst;
      j += 1 - referenceFirst;
      refShare = i / n1;
      curShare = j / n2;
      const delta = value - previous;
      terms[at & REDUCE_BUFFER_SIZE - 1] = squared ? previousDiff * previousDiff * delta : Math.abs(previousDiff) * delta;
      const diff = refShare - curShare;
      if (diff > maxDiff) maxDiff = diff;
      if (diff < minDiff) minDiff = diff;
      previous = value;
      previousDiff = diff;
    }
  }
  state[REF_SHARE] = refShare;
  state[CUR_SHARE] = curShare;
  state[MAX_DIFF] = maxDiff;
  state[MIN_DIFF] = minDiff;
  state[PREVIOUS] = previous;
  state[PREVIOUS_DIFF] = previousDiff;
  state[REF_NEXT] = i;
  state[CUR_NEXT] = j;
  return both === WALK_BLOCK;
}
function walkDenseBlock(reference, current, squared) {
  const refValues = reference.values;
  const refCounts = reference.counts;
  const curValues = current.values;
  const curCounts = current.counts;
  const k1 = refValues.length;
  const k2 = curValues.length;
  const n1 = reference.total;
  const n2 = current.total;
  const state = walkState;
  let cumRef = state[CUM_REF];
  let cumCur = state[CUM_CUR];
  let refShare = state[REF_SHARE];
  let curShare = state[CUR_SHARE];
  let maxDiff = state[MAX_DIFF];
  let minDiff = state[MIN_DIFF];
  let previous = state[PREVIOUS];
  let previousDiff = state[PREVIOUS_DIFF];
  let i = state[REF_NEXT] | 0;
  let j = state[CUR_NEXT] | 0;
  let offset = denseOffset;
  const terms = dense;
  const pair = keyPair;
  let more = true;
  const both = Math.min(WALK_BLOCK, k1 - i, k2 - j);
  let step = 0;
  for (; step < both; step++) {
    let at = cumRef + cumCur - 1 - offset;
    const r = refValues[i];
    const c = curValues[j];
    const currentFirst = +(c < r);
    const referenceFirst = +(r < c);
    pair[0] = r;
    pair[1] = c;
    const value = pair[currentFirst];
    cumRef += (1 - currentFirst) * refCounts[i];
    cumCur += (1 - referenceFirst) * curCounts[j];
    i += 1 - currentFirst;
    j += 1 - referenceFirst;
    refShare = cumRef / n1;
    curShare = cumCur / n2;
    if (at >= REDUCE_BUFFER_SIZE) {
      const position = at + offset;
      offset = flushDense(position);
      at = position - offset;
    }
    const delta = value - previous;
    terms[at] = squared ? previousDiff * previousDiff * delta : Math.abs(previousDiff) * delta;
    const diff = refShare - curShare;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
    previous = value;
    previousDiff = diff;
  }
  for (; step < WALK_BLOCK; step++) {
    let at = cumRef + cumCur - 1 - offset;
    let value;
    if (i < k1 && j < k2) {
      const r = refValues[i];
      const c = curValues[j];
      const currentFirst = +(c < r);
      const referenceFirst = +(r < c);
      pair[0] = r;
      pair[1] = c;
      value = pair[currentFirst];
      cumRef += (1 - currentFirst) * refCounts[i];
      cumCur += (1 - referenceFirst) * curCounts[j];
      i += 1 - currentFirst;
      j += 1 - referenceFirst;
      refShare = cumRef / n1;
      curShare = cumCur / n2;
    } else if (i < k1) {
      value = refValues[i];
      cumRef += refCounts[i++];
      refShare = cumRef / n1;
    } else if (j < k2) {
      value = curValues[j];
      cumCur += curCounts[j++];
      curShare = cumCur / n2;
    } else {
      more = false;
      break;
    }
    if (at >= REDUCE_BUFFER_SIZE) {
      const position = at + offset;
      offset = flushDense(position);
      at = position - offset;
    }
    const delta = value - previous;
    terms[at] = squared ? previousDiff * previousDiff * delta : Math.abs(previousDiff) * delta;
    const diff = refShare - curShare;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
    previous = value;
    previousDiff = diff;
  }
  state[CUM_REF] = cumRef;
  state[CUM_CUR] = cumCur;
  state[REF_SHARE] = refShare;
  state[CUR_SHARE] = curShare;
  state[MAX_DIFF] = maxDiff;
  state[MIN_DIFF] = minDiff;
  state[PREVIOUS] = previous;
  state[PREVIOUS_DIFF] = previousDiff;
  state[REF_NEXT] = i;
  state[CUR_NEXT] = j;
  return more;
}
function takeFirstKey(reference, current) {
  const r = reference.values[0];
  const c = current.values[0];
  const cumRef = c < r ? 0 : reference.counts[0];
  const cumCur = r < c ? 0 : current.counts[0];
  const refShare = cumRef / reference.total;
  const curShare = cumCur / current.total;
  const diff = refShare - curShare;
  walkState[CUM_REF] = cumRef;
  walkState[CUM_CUR] = cumCur;
  walkState[REF_SHARE] = refShare;
  walkState[CUR_SHARE] = curShare;
  walkState[MAX_DIFF] = diff;
  walkState[MIN_DIFF] = diff;
  walkState[PREVIOUS] = c < r ? c : r;
  walkState[PREVIOUS_DIFF] = diff;
  walkState[FIRST] = 0;
  walkState[REF_NEXT] = c < r ? 0 : 1;
  walkState[CUR_NEXT] = r < c ? 0 : 1;
}
function walkRuns(reference, current, squared) {
  const length = Math.max(reference.total + current.total - 1, 0);
  walkState.fill(0);
  walkState[MAX_DIFF] = -Infinity;
  walkState[MIN_DIFF] = Infinity;
  walkState[FIRST] = 1;
  if (4 * (reference.values.length + current.values.length) >= length) {
    resetDense(length);
    takeFirstKey(reference, current);
    if (countedOnce(reference.counts) && countedOnce(current.counts)) {
      while (walkDistinctBlock(reference.values, current.values, squared)) ;
      walkState[CUM_REF] = walkState[REF_NEXT];
      walkState[CUM_CUR] = walkState[CUR_NEXT];
    }
    while (walkDenseBlock(reference, current, squared)) ;
    return { maxDiff: walkState[MAX_DIFF], minDiff: walkState[MIN_DIFF], sum: finishDense() };
  }
  stream.reset(length);
  while (walkBlock(reference, current, squared)) ;
  return { maxDiff: walkState[MAX_DIFF], minDiff: walkState[MIN_DIFF], sum: stream.finish() };
}
function walk(merged, squared) {
  const sides = unmergedRuns(merged);
  return sides ? walkRuns(sides.reference, sides.current, squared) : walkMerged(merged, squared);
}
function ecdfWalk(merged) {
  const { referenceSize: n1, currentSize: n2 } = merged;
  if (n1 <= 0 || n2 <= 0) throw new Error("ecdfWalk requires at least 1 data point on each side");
  const { maxDiff, minDiff, sum } = walk(merged, false);
  return walkResult(merged, maxDiff, minDiff, sum);
}
function walkResult(merged, maxDiff, minDiff, sum) {
  const ksMinus = Math.min(Math.max(-minDiff, 0), 1);
  let energy;
  return {
    ksStatistic: Math.max(ksMinus, maxDiff),
    ksPlus: maxDiff,
    ksMinus,
    wasserstein1: sum,
    get energyIntegral() {
      return energy ??= walk(merged, true).sum;
    }
  };
}
function columnEcdfWalk(pair) {
  return cachedOnPair(pair, WALK, () => {
    const merged = mergedDistribution(pair);
    const pooled = pair.cache.get(POOLED_WALK);
    return pooled ? walkResult(merged, pooled.maxDiff, pooled.minDiff, pooled.wasserstein1) : ecdfWalk(merged);
  });
}

// src/drift/kernels/ranks.ts
var RANKS = "kernels:pooled-ranks";
function pooledRanksOf(merged) {
  const distinct = merged.values.length;
  const averageRanks = new Float64Array(distinct);
  const tieCounts = new Float64Array(distinct);
  const minRanks = new Float64Array(distinct);
  let before = 0;
  let referenceRankSum = 0;
  let tieCorrection = 0;
  for (let k = 0; k < distinct; k++) {
    const t = merged.referenceCounts[k] + merged.currentCounts[k];
    tieCounts[k] = t;
    minRanks[k] = before + 1;
    averageRanks[k] = before + (t + 1) / 2;
    referenceRankSum += merged.referenceCounts[k] * averageRanks[k];
    tieCorrection += t * t * t - t;
    before += t;
  }
  return { averageRanks, tieCounts, minRanks, referenceRankSum, tieCorrection };
}
function pooledRanks(pair) {
  return cachedOnPair(pair, RANKS, () => pooledRanksOf(mergedDistribution(pair)));
}
function indexOfDistinct(values, value) {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// src/drift/kernels/binned.ts
var HISTOGRAM_MIN_REFERENCE_DISTINCT = 20;
var ZERO_FILL_VALUE = 1e-4;
var ZERO_FILL_DIVISOR = 1e6;
function usesHistogramBinning(columnType, referenceDistinct) {
  return columnType === "numerical" && referenceDistinct > HISTOGRAM_MIN_REFERENCE_DISTINCT;
}
function binnedCountsOf(merged, histogram, bins) {
  const { referenceSize: referenceSize2, currentSize: currentSize2 } = merged;
  if (!histogram) {
    const { referenceCounts, currentCounts } = merged;
    return { binning: "values", referenceCounts, currentCounts, referenceSize: referenceSize2, currentSize: currentSize2 };
  }
  const { minimum: min, maximum: max } = mergedExtremes(merged);
  const binCount = bins ?? sturgesBinCount(min, max, referenceSize2 + currentSize2);
  const edges = equalWidthEdges(min, max, binCount);
  return {
    binning: "histogram",
    referenceCounts: mergedHistogram(merged, "reference", edges),
    currentCounts: mergedHistogram(merged, "current", edges),
    referenceSize: referenceSize2,
    currentSize: currentSize2,
    edges
  };
}
function binnedCounts(pair, bins) {
  return cachedOnPair(pair, `kernels:binned:${bins ?? "sturges"}`, () => {
    const merged = mergedDistribution(pair);
    return binnedCountsOf(
      merged,
      // The reference's distinct values are its runs (keys with a non-zero reference count in the merge).
      usesHistogramBinning(pair.columnType, referenceRuns(pair).values.length),
      bins
    );
  });
}
function sharesOf(counts, size) {
  const out = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) out[i] = counts[i] / size;
  return out;
}
function zeroFill(shares, fill) {
  const out = Float64Array.from(shares);
  let smallest = Infinity;
  for (let i = 0; i < out.length; i++) if (out[i] !== 0 && out[i] < smallest) smallest = out[i];
  if (smallest === Infinity) return out;
  const value = fill ?? (smallest <= ZERO_FILL_VALUE ? smallest / ZERO_FILL_DIVISOR : ZERO_FILL_VALUE);
  for (let i = 0; i < out.length; i++) if (out[i] === 0) out[i] = value;
  return out;
}
function binnedSharesFromCounts(binned, fillZeroes) {
  const reference = sharesOf(binned.referenceCounts, binned.referenceSize);
  const current = sharesOf(binned.currentCounts, binned.currentSize);
  return fillZeroes ? { reference: zeroFill(reference), current: zeroFill(current) } : { reference, current };
}

// src/drift/kernels/moments.ts
function standardDeviation(values, ddof) {
  const n = values.length;
  if (n <= ddof) throw new Error(`standardDeviation requires at least ${ddof + 1} data point(s)`);
  const avg = pairwiseSum(values) / n;
  return Math.sqrt(pairwiseSumOfSquaredDeviations(values, avg) / (n - ddof));
}
function standardDeviationOfRuns(runs, ddof) {
  const n = runs.total;
  if (n <= ddof) throw new Error(`standardDeviationOfRuns requires at least ${ddof + 1} data point(s)`);
  const avg = pairwiseSumOfRuns({ lengths: runs.counts, values: runs.values }) / n;
  const squares = new Float64Array(runs.values.length);
  for (let k = 0; k < squares.length; k++) {
    const d = avg - runs.values[k];
    squares[k] = d * d;
  }
  return Math.sqrt(pairwiseSumOfRuns({ lengths: runs.counts, values: squares }) / (n - ddof));
}
function referencePopulationStd(pair) {
  return cachedOnPair(pair, "kernels:reference-std0", () => {
    if (pair.fromCounts) return standardDeviationOfRuns(referenceRuns(pair), 0);
    const gappy = finiteSide(pair, "reference");
    return gappy ? standardDeviationOfFinite(gappy.values, gappy.finite, 0) : standardDeviation(pair.reference, 0);
  });
}
var gathered;
function standardDeviationOfFinite(values, finite, ddof) {
  if (finite <= ddof) throw new Error(`standardDeviation requires at least ${ddof + 1} data point(s)`);
  const buffer = gathered ??= new Float64Array(REDUCE_BUFFER_SIZE);
  const sumOf = (term) => {
    let result = 0;
    let filled = 0;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value - value !== 0) continue;
      buffer[filled++] = value;
      if (filled === REDUCE_BUFFER_SIZE && finite > REDUCE_BUFFER_SIZE) {
        result += term(buffer);
        filled = 0;
      }
    }
    if (finite <= REDUCE_BUFFER_SIZE) return term(buffer.subarray(0, filled));
    return filled > 0 ? result + term(buffer.subarray(0, filled)) : result;
  };
  const avg = sumOf((chunk) => pairwiseSum(chunk)) / finite;
  return Math.sqrt(sumOf((chunk) => pairwiseSumOfSquaredDeviations(chunk, avg)) / (finite - ddof));
}

// src/drift/kernels/quantile.ts
function percentileSorted(sorted, q) {
  if (sorted.length === 0) throw new Error("percentileSorted requires at least 1 data point");
  const position = q / 100 * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const fraction = position - below;
  const low = sorted[below];
  const high = sorted[above];
  const diff = high - low;
  return fraction >= 0.5 ? high - diff * (1 - fraction) : low + diff * fraction;
}
function runHolding(prefix, index, last) {
  let low = 0;
  let high = last;
  while (low < high) {
    const middle = low + high + 1 >>> 1;
    if (prefix[middle] <= index) low = middle;
    else high = middle - 1;
  }
  return low;
}
function percentilesOfRuns(runs, qs) {
  const n = runs.total;
  const values = runs.values;
  const last = values.length - 1;
  const indices = [];
  for (const q of qs) {
    const below = Math.floor(q / 100 * (n - 1));
    indices.push(below, Math.min(below + 1, n - 1));
  }
  const found = [];
  const prefix = runs.prefix;
  const once = prefix === void 0 && countedOnce(runs.counts);
  const sorted = once || prefix !== void 0 ? void 0 : runs.sorted;
  const bySorted = sorted !== void 0 && indices.every((index) => sorted[index] !== 0);
  if (prefix) for (const index of indices) found.push(values[runHolding(prefix, index, last)]);
  else if (once) for (const index of indices) found.push(values[index]);
  else if (bySorted) for (const index of indices) found.push(sorted[index]);
  else {
    const counts = runs.counts;
    let k = 0;
    let seen = counts[0];
    for (const index of indices) {
      if (index < seen - counts[k]) {
        k = 0;
        seen = counts[0];
      }
      while (index >= seen && k < last) seen += counts[++k];
      found.push(values[k]);
    }
  }
  return qs.map((q, i) => {
    const position = q / 100 * (n - 1);
    const below = Math.floor(position);
    const low = found[2 * i];
    const high = found[2 * i + 1];
    const fraction = position - below;
    const diff = high - low;
    return fraction >= 0.5 ? high - diff * (1 - fraction) : low + diff * fraction;
  });
}

export {
  pairwiseSum,
  pairwiseSumOfRuns,
  countsOf,
  finiteRunsOfCounts,
  presentRunsOfCounts,
  labelCountsOf,
  cellCount,
  missingCount,
  asTable,
  useScaledDecoders,
  decodedFinite,
  withDoubles,
  useScaledSorter,
  withColumnScratch,
  scratchFloat64,
  sortedCopy,
  sortedReference,
  sortedCurrent,
  cachedOnPair,
  sturgesBinCount,
  equalWidthEdges,
  sturgesEdges,
  histogramCountsFromValueCounts,
  runsOfSorted,
  useScaledPooler,
  RUNS_REFERENCE,
  RUNS_CURRENT,
  FINITE_REFERENCE,
  FINITE_CURRENT,
  UNSCORABLE,
  referenceRuns,
  currentRuns,
  referenceSize,
  currentSize,
  expandRuns,
  cachedSortedSide,
  mergedDistribution,
  mergedExtremes,
  mergedDistinctCount,
  mergedAllIntegers,
  valueCounts,
  referenceDistinctCount,
  currentDistinctCount,
  mergedHistogram,
  columnEcdfWalk,
  pooledRanks,
  indexOfDistinct,
  usesHistogramBinning,
  binnedCounts,
  binnedSharesFromCounts,
  referencePopulationStd,
  percentileSorted,
  percentilesOfRuns
};
