import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  MAX_SCALED_DECIMALS,
  MISSING_DIGITS,
  decodeScaled,
  scaleOf
} from "./lib-chunk-B5PSUBWR.js";

// src/util/fmix32.ts
function fmix32(value) {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h;
}

// src/snapshot/label-store.ts
import { isUtf8 } from "node:buffer";

// src/util/repeated-keys.ts
var PART_KEYS = 4096;
var MAX_PART_BITS = 12;
var SIEVE_MIN_KEYS = 1 << 16;
var SIEVE_SLOTS_PER_KEY = 8;
var MAX_SIEVE_BITS = 26;
function partBits(n) {
  let bits = 1;
  while (bits < MAX_PART_BITS && n >>> bits > PART_KEYS) bits++;
  return bits;
}
function randomOdd() {
  return Math.random() * 4294967296 >>> 0 | 1;
}
function partBounds(keys, n, shift, parts) {
  const bounds = new Int32Array(parts + 1);
  for (let i = 0; i < n; i++) bounds[(keys[i] >>> shift) + 1]++;
  for (let p = 0; p < parts; p++) bounds[p + 1] += bounds[p];
  return bounds;
}
function partition(keys, n, shift, bounds, part, index) {
  const next = bounds.slice(0, bounds.length - 1);
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    const to = next[key >>> shift]++;
    part[to] = key;
    index[to] = i;
  }
}
function sieved(keys, n) {
  let bits = 16;
  while (bits < MAX_SIEVE_BITS && 2 ** bits < n * SIEVE_SLOTS_PER_KEY) bits++;
  const shift = 32 - bits;
  const multiplier = randomOdd();
  const sieve = new Int32Array(2 ** (bits - 4));
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const slot = Math.imul(keys[i], multiplier) >>> shift;
    const at = (slot & 15) << 1;
    const word = sieve[slot >>> 4];
    const seen = word >>> at & 1;
    hits += seen;
    sieve[slot >>> 4] = word | 1 << at | seen << at + 1;
  }
  if (hits * 4 > n) return void 0;
  const kept = new Int32Array(2 * hits);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const slot = Math.imul(keys[i], multiplier) >>> shift;
    if (sieve[slot >>> 4] >>> ((slot & 15) << 1) + 1 & 1) kept[count++] = i;
  }
  return kept.subarray(0, count);
}
var PartSearch = class {
  constructor(part, index, largest) {
    this.part = part;
    this.index = index;
    let most = 16;
    while (most < 2 * largest) most *= 2;
    this.head = new Int32Array(most);
    this.chain = new Int32Array(largest);
    this.last = new Int32Array(largest);
    this.after = new Int32Array(largest);
    this.firsts = new Int32Array(largest);
  }
  part;
  index;
  /**
   * head[s]: 1 + the position of the latest distinct key of the part in slot s; chain[j]: the one before it in its
   * slot, for the distinct key at position `from + j`. Parts are searched in order, so an entry left by an earlier
   * part is at most `from` and reads as none: neither array is cleared between parts.
   */
  head;
  chain;
  /** A group's members: last[j] for its first member at `from + j` is its last member, after[j] the one after j. */
  last;
  after;
  /** The first members of the part's groups, in the order they became groups. */
  firsts;
  /** Indices with a repeated key so far, over all parts. */
  count = 0;
  /**
   * Finds the groups of the part `[from, to)` (at least two keys); returns how many, or -1 once {@link count}
   * reaches `limit`.
   */
  search(from, to, limit) {
    const { part, index, head, chain, last, after, firsts } = this;
    let slotBits = 4;
    while (2 ** slotBits < 2 * (to - from)) slotBits++;
    const mask = (1 << slotBits) - 1;
    const counted = this.count;
    let count = counted;
    let grouped = 0;
    let budget = 4 * (to - from) + 64;
    search: for (let i = from; i < to; i++) {
      const key = part[i];
      const slot = key & mask;
      const top = head[slot];
      let held = top;
      while (held > from && part[held - 1] !== key) {
        held = chain[held - 1 - from];
        if (--budget > 0) continue;
        for (let g = 0; g < grouped; g++) index[from + firsts[g]] = ~index[from + firsts[g]];
        grouped = 0;
        count = counted;
        head.fill(0, 0, mask + 1);
        chain.fill(0, 0, to - from);
        const multiplier = randomOdd();
        for (let j = from; j < to; j++) {
          const product = Math.imul(part[j], multiplier);
          part[j] = product << slotBits | product >>> 32 - slotBits;
        }
        budget = 4 * (to - from) + 64;
        i = from - 1;
        continue search;
      }
      if (held <= from) {
        if (top > from) chain[i - from] = top;
        head[slot] = i + 1;
        continue;
      }
      const first = held - 1 - from;
      if (index[held - 1] >= 0) {
        index[held - 1] = ~index[held - 1];
        firsts[grouped++] = first;
        after[first] = i - from;
        count += 2;
      } else {
        after[last[first]] = i - from;
        count += 1;
      }
      last[first] = i - from;
      if (count >= limit) return -1;
    }
    this.count = count;
    return grouped;
  }
  /**
   * Writes the `grouped` groups that {@link search} found in the part from `from` to `out` from `write` on, and
   * where each ends to `ends` from `at` on; restores their first members' indices.
   */
  write(from, grouped, out, write, ends, at) {
    const { index, last, after, firsts } = this;
    for (let g = 0; g < grouped; g++) {
      const first = firsts[g];
      const end = last[first];
      index[from + first] = ~index[from + first];
      for (let j = first; ; j = after[j]) {
        out[write++] = index[from + j];
        if (j === end) break;
      }
      ends[at + g] = write;
    }
  }
};
function repeatedKeys(keys, n = keys.length, limit = n + 1, sieve = true) {
  const bits = partBits(n);
  const kept = sieve && n >= SIEVE_MIN_KEYS ? sieved(keys, n) : void 0;
  if (kept === void 0) return searchParts(keys, n, bits, limit);
  const keptKeys = new Int32Array(kept.length);
  for (let k = 0; k < kept.length; k++) keptKeys[k] = keys[kept[k]];
  const found = searchParts(keptKeys, kept.length, bits, limit);
  if (found === void 0) return void 0;
  const { indices } = found;
  for (let k = 0; k < indices.length; k++) indices[k] = kept[indices[k]];
  return found;
}
function searchParts(keys, n, bits, limit) {
  const shift = 32 - bits;
  const parts = 1 << bits;
  const bounds = partBounds(keys, n, shift, parts);
  let largest = 0;
  for (let p = 0; p < parts; p++) largest = Math.max(largest, bounds[p + 1] - bounds[p]);
  const part = new Int32Array(n);
  const index = new Int32Array(n);
  partition(keys, n, shift, bounds, part, index);
  const search = new PartSearch(part, index, largest);
  let out = new Int32Array(0);
  let starts = new Int32Array(1);
  let groups = 0;
  for (let p = 0; p < parts; p++) {
    const from = bounds[p];
    const to = bounds[p + 1];
    if (to - from < 2) continue;
    const grouped = search.search(from, to, limit);
    if (grouped < 0) return void 0;
    if (grouped === 0) continue;
    if (search.count > out.length) {
      const bigger = new Int32Array(Math.max(search.count, out.length * 2, 64));
      bigger.set(out);
      out = bigger;
    }
    if (groups + grouped + 1 > starts.length) {
      const bigger = new Int32Array(Math.max(groups + grouped + 1, starts.length * 2, 64));
      bigger.set(starts);
      starts = bigger;
    }
    search.write(from, grouped, out, starts[groups], starts, groups + 1);
    groups += grouped;
  }
  return { indices: out.subarray(0, search.count), starts: starts.subarray(0, groups + 1) };
}

// src/snapshot/label-store.ts
var QUOTE = 34;
var decoder = new TextDecoder("utf-8");
var encoder = new TextEncoder();
function grown(array, length) {
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
}
function slotsFor(labels) {
  return Math.max(16, Math.ceil(labels) * 2);
}
function startSlot(hash, scale) {
  return Math.floor((hash >>> 0) * scale);
}
var TWO_TO_32 = 4294967296;
function hasQuote(bytes, start, end) {
  for (let i = start; i < end; i++) if (bytes[i] === QUOTE) return true;
  return false;
}
function identity(length) {
  const array = new Int32Array(length);
  for (let i = 0; i < length; i++) array[i] = i;
  return array;
}
var LabelStore = class _LabelStore {
  /**
   * @param expected labels to make room for in the table at once
   * @param hashMask ANDed into the hash (tests force equal hashes with 0); keep the default otherwise
   */
  constructor(expected = 0, hashMask = -1) {
    this.hashMask = hashMask;
    this.slotCount = slotsFor(expected);
    this.scale = this.slotCount / TWO_TO_32;
    this.slots = new Int32Array(this.slotCount);
  }
  hashMask;
  /** The labels' bytes, one after another: label `code` is `arena[offsets[code], offsets[code + 1])`. */
  arena = new Uint8Array(1 << 16);
  offsets = new Int32Array(1025);
  /**
   * The open-addressing table: slot `s` holds a code plus one, 0 when free. A fresh table is all free with no pass
   * over it (its pages are written first by the labels that land in them), and at 4 bytes a slot a million labels
   * take 8 MB (with each label's hash beside its code it was 16 MB, filled with -1 before the first label).
   */
  slots;
  /** Each label's hash by code: a probe compares it before any byte of the arena, and a rehash reuses it. */
  hashes = new Int32Array(1025);
  /** Slots in the table, and that number divided by 2^32 (see `startSlot`). */
  slotCount;
  scale;
  count = 0;
  /** Some label has a byte ≥ 0xEE (a character from U+E000 on): byte order may then differ from UTF-16 order. */
  high = false;
  /** A quoted cell's bytes with doubled quotes undone. */
  scratch = new Uint8Array(256);
  /** Since {@link deferLookUps}: every cell is appended as a new label until {@link resolveDeferred}. */
  deferring = false;
  /** Makes room in the table for `labels` labels at once (a reader that knows the row count calls this). */
  reserve(labels) {
    if (labels * 2 > this.slotCount) this.rehash(labels);
    this.reserveLabels(labels);
  }
  /** Room for `labels` labels' offsets, hashes and bytes. */
  reserveLabels(labels) {
    if (labels + 1 > this.offsets.length) {
      this.offsets = grown(this.offsets, labels + 1);
      this.hashes = grown(this.hashes, labels + 1);
    }
    const bytes = this.count === 0 ? 0 : Math.ceil(this.offsets[this.count] / this.count * labels * 1.5);
    if (bytes > this.arena.length) {
      const bigger = new Uint8Array(bytes);
      bigger.set(this.arena.subarray(0, this.offsets[this.count]));
      this.arena = bigger;
    }
  }
  /** Lets go of the look-up table: the store is read only from now on ({@link codeOf} must not be called). */
  seal() {
    this.slots = new Int32Array(0);
    this.hashes = new Int32Array(0);
    this.slotCount = 0;
  }
  /** Distinct labels stored. */
  get size() {
    return this.count;
  }
  /** Whether every label is below U+E000 in every character, so comparing bytes orders labels as JS strings do. */
  get ordersAsStrings() {
    return !this.high;
  }
  /**
   * The code of the label in `bytes[start, end)`, adding it when new.
   *
   * @param quoted the bytes are a quoted CSV field's inside: a doubled quote stands for one
   */
  codeOf(bytes, start, end, quoted = false) {
    if (this.deferring) return this.append(bytes, start, end, quoted);
    if (quoted && hasQuote(bytes, start, end))
      return this.codeOf(this.scratch, 0, this.unescape(bytes, start, end));
    const h1 = this.hash(bytes, start, end);
    const slots = this.slots;
    const size = this.slotCount;
    let slot = startSlot(h1, this.scale);
    const length = end - start;
    for (; ; ) {
      const code = slots[slot] - 1;
      if (code < 0) break;
      if (this.hashes[code] === h1) {
        const from = this.offsets[code];
        if (this.offsets[code + 1] - from === length) {
          let i = 0;
          while (i < length && this.arena[from + i] === bytes[start + i]) i++;
          if (i === length) return code;
        }
      }
      slot = slot + 1 === size ? 0 : slot + 1;
    }
    return this.add(bytes, start, end, h1, slot);
  }
  /**
   * A label's hash: FNV-1a over its bytes, avalanched by murmur3's finalizer so the low bits that pick a slot are
   * well mixed. It is kept by code: a probe compares it before any byte, so labels are compared
   * byte by byte only when their hashes are equal (about one probe in 2^32 for different labels).
   */
  hash(bytes, start, end) {
    let h = 2166136261 ^ end - start;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 16777619);
    return fmix32(h) & this.hashMask;
  }
  /** Copies a quoted field's bytes into `scratch` with each doubled quote made one; returns the length. */
  unescape(bytes, start, end) {
    if (this.scratch.length < end - start) this.scratch = new Uint8Array((end - start) * 2);
    const out = this.scratch;
    let n = 0;
    for (let i = start; i < end; i++) {
      out[n++] = bytes[i];
      if (bytes[i] === QUOTE) i++;
    }
    return n;
  }
  /** The label as a decoder reads it, when its bytes are not well-formed UTF-8; else undefined. */
  static repaired(bytes, start, end) {
    let ascii = true;
    for (let i = start; i < end && ascii; i++) ascii = bytes[i] < 128;
    if (ascii || isUtf8(bytes.subarray(start, end))) return void 0;
    return encoder.encode(decoder.decode(bytes.subarray(start, end)));
  }
  add(bytes, start, end, h1, slot) {
    const text = _LabelStore.repaired(bytes, start, end);
    if (text) return this.codeOf(text, 0, text.length);
    const code = this.put(bytes, start, end, h1);
    if ((code + 1) * 2 > this.slotCount) this.rehash(this.count * 2);
    else this.slots[slot] = code + 1;
    return code;
  }
  /**
   * Makes room for label `code` (the next one) of `length` bytes: its offset and hash slots, and its bytes in the
   * arena; returns where its bytes go.
   */
  roomFor(code, length) {
    if (code + 1 >= this.offsets.length) {
      this.offsets = grown(this.offsets, this.offsets.length * 2);
      this.hashes = grown(this.hashes, this.offsets.length);
    }
    const from = this.offsets[code];
    if (from + length > this.arena.length) {
      const bigger = new Uint8Array(Math.max(from + length, this.arena.length * 2));
      bigger.set(this.arena.subarray(0, from));
      this.arena = bigger;
    }
    return from;
  }
  /** Stores a well-formed label with its hash as the next code (no table entry); returns the code. */
  put(bytes, start, end, h1) {
    const code = this.count++;
    const from = this.roomFor(code, end - start);
    this.hashes[code] = h1;
    const to = from + (end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      if (b >= 238) this.high = true;
      this.arena[from + i - start] = b;
    }
    this.offsets[code + 1] = to;
    return code;
  }
  /**
   * From now on every cell is appended as a new label, without a look-up, until {@link resolveDeferred} merges
   * equal ones: for a column whose cells so far were all distinct (an id). Makes room for `labels` labels in all
   * and lets go of the table.
   */
  deferLookUps(labels) {
    this.reserveLabels(labels);
    this.slots = new Int32Array(0);
    this.slotCount = 0;
    this.deferring = true;
  }
  /** Whether cells are appended without look-up ({@link deferLookUps}) and not yet resolved. */
  get deferred() {
    return this.deferring;
  }
  /** Appends a cell as a new label (deferred mode); returns its provisional code. */
  append(bytes, start, end, quoted) {
    if (quoted && hasQuote(bytes, start, end)) {
      const n = this.unescape(bytes, start, end);
      return this.append(this.scratch, 0, n, false);
    }
    const code = this.appendPlain(bytes, start, end);
    if (code >= 0) return code;
    const text = _LabelStore.repaired(bytes, start, end);
    if (text) return this.put(text, 0, text.length, this.hash(text, 0, text.length));
    return this.put(bytes, start, end, this.hash(bytes, start, end));
  }
  /**
   * Appends an ASCII label when its offset, hash and bytes have room, in one pass over its bytes (what `put` does
   * after `hash`: hash, copy, and whether any byte is non-ASCII); returns its code, or -1 when it is not ASCII or
   * needs room (nothing is then added).
   */
  appendPlain(bytes, start, end) {
    const code = this.count;
    const length = end - start;
    const from = this.offsets[code];
    if (code + 1 >= this.offsets.length || from + length > this.arena.length) return -1;
    const arena = this.arena;
    let h = 2166136261 ^ length;
    let bits = 0;
    for (let i = start, o = from; i < end; i++, o++) {
      const b = bytes[i];
      h = Math.imul(h ^ b, 16777619);
      arena[o] = b;
      bits |= b;
    }
    if (bits >= 128) return -1;
    this.hashes[code] = fmix32(h) & this.hashMask;
    this.offsets[code + 1] = from + length;
    this.count = code + 1;
    return code;
  }
  /**
   * {@link codeOf} of a reader's staged cells `from` to `to` in deferred mode, in one loop: cell `k` is missing when
   * `kinds[k]` is `missingKind` or `isMissing` says its bytes `bytes[starts[k], ends[k])` are a missing token (its code
   * -1), else it is appended as a label of its own, quoted (its doubled quotes undone) when `kinds[k]` is
   * `quotedKind`. The codes go to `codes` from `at` on. An id column's cells come this way: one call a batch instead
   * of three calls a cell (a million ids in memory already written: ~30 ms cell by cell against ~18 so, Node 24). A
   * cell {@link appendPlain} does not take (quoted, not ASCII, or needing room) goes through {@link append}.
   *
   * @returns how many of the cells were present
   */
  appendRun(bytes, kinds, starts, ends, from, to, quotedKind, missingKind, isMissing, codes, at) {
    if (!this.deferring) throw new Error("appendRun outside deferred mode");
    let present = 0;
    for (let k = from; k < to; k++, at++) {
      const kind = kinds[k];
      const start = starts[k];
      const end = ends[k];
      if (kind === missingKind || isMissing(bytes, start, end)) {
        codes[at] = -1;
        continue;
      }
      present++;
      const code = kind === quotedKind ? -1 : this.appendPlain(bytes, start, end);
      codes[at] = code >= 0 ? code : this.append(bytes, start, end, kind === quotedKind);
    }
    return present;
  }
  /**
   * Ends deferred mode: labels with equal bytes become one, coded in order of first occurrence as {@link codeOf}
   * would have coded them, and `codes[0, length)` (provisional codes, -1 for a missing cell) are rewritten to match.
   * Only labels with equal hashes are compared, sorted by their bytes when more than two share one (so even many
   * labels crafted to share a hash cost `k log k` comparisons, not `k²`). The store is read-only after.
   */
  resolveDeferred(codes, length) {
    if (!this.deferring) return;
    this.deferring = false;
    const labels = this.count;
    let first;
    const { indices, starts } = repeatedKeys(this.hashes, labels);
    for (let g = 0; g + 1 < starts.length; g++) {
      const group = indices.subarray(starts[g], starts[g + 1]);
      if (group.length > 2) group.sort((a, b) => this.compare(a, b) || a - b);
      for (let k = 1; k < group.length; k++) {
        if (this.compare(group[k - 1], group[k]) !== 0) continue;
        first ??= identity(labels);
        first[group[k]] = first[group[k - 1]];
      }
    }
    if (!first) return;
    const code = new Int32Array(labels);
    let kept = 0;
    let write = 0;
    for (let p = 0; p < labels; p++) {
      const f = first[p];
      if (f !== p) {
        code[p] = code[f];
        continue;
      }
      const from = this.offsets[p];
      const to = this.offsets[p + 1];
      this.arena.copyWithin(write, from, to);
      this.hashes[kept] = this.hashes[p];
      this.offsets[kept] = write;
      write += to - from;
      code[p] = kept++;
    }
    this.offsets[kept] = write;
    this.count = kept;
    for (let i = 0; i < length; i++) {
      const c = codes[i];
      if (c >= 0) codes[i] = code[c];
    }
  }
  /** A table for `labels` labels, with every code re-inserted. */
  rehash(labels) {
    const size = slotsFor(Math.max(labels, this.count));
    const scale = size / TWO_TO_32;
    const slots = new Int32Array(size);
    for (let code = 0; code < this.count; code++) {
      let slot = startSlot(this.hashes[code], scale);
      while (slots[slot] !== 0) slot = slot + 1 === size ? 0 : slot + 1;
      slots[slot] = code + 1;
    }
    this.slots = slots;
    this.slotCount = size;
    this.scale = scale;
  }
  /** The label of `code` as a string. */
  decode(code) {
    return decoder.decode(this.arena.subarray(this.offsets[code], this.offsets[code + 1]));
  }
  /** The labels of codes `[from, size)` appended to `into`. */
  decodeInto(into, from = 0) {
    for (let code = from; code < this.count; code++) into.push(this.decode(code));
    return into;
  }
  /** Byte order of two labels (negative, 0, positive). */
  compare(a, b) {
    const fromA = this.offsets[a];
    const fromB = this.offsets[b];
    const lengthA = this.offsets[a + 1] - fromA;
    const lengthB = this.offsets[b + 1] - fromB;
    const n = Math.min(lengthA, lengthB);
    for (let i = 0; i < n; i++) {
      const d = this.arena[fromA + i] - this.arena[fromB + i];
      if (d !== 0) return d;
    }
    return lengthA - lengthB;
  }
  /**
   * The codes of the `k` smallest labels in byte order, smallest first (one pass, no sort of every label). Once `k`
   * are kept, a label whose first byte is above the largest kept label's is passed over on that byte alone, without
   * a call to {@link compare} (most of an id column's labels).
   */
  smallest(k) {
    const top = [];
    if (k <= 0) return top;
    const { arena, offsets } = this;
    let bar = 256;
    for (let code = 0; code < this.count; code++) {
      if (top.length === k) {
        const from = offsets[code];
        if (offsets[code + 1] > from && arena[from] > bar) continue;
        if (this.compare(code, top[k - 1]) >= 0) continue;
      }
      let at = top.length < k ? top.length : k - 1;
      top[at] = code;
      while (at > 0 && this.compare(top[at], top[at - 1]) < 0) {
        [top[at - 1], top[at]] = [top[at], top[at - 1]];
        at--;
      }
      if (top.length === k) {
        const largest = top[k - 1];
        bar = offsets[largest + 1] > offsets[largest] ? arena[offsets[largest]] : -1;
      }
    }
    return top;
  }
};

// src/snapshot/column-builder.ts
var MISSING_TOKENS = /* @__PURE__ */ new Set([
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null"
]);
var BOOL_TOKENS = /* @__PURE__ */ new Map([
  ["True", 1],
  ["TRUE", 1],
  ["true", 1],
  ["False", 0],
  ["FALSE", 0],
  ["false", 0]
]);
var MAX_DIGITS = 2147483647;
var MISSING_KIND = 1;
var UNKNOWN_PLACES = 255;
var deferred = /* @__PURE__ */ new WeakMap();
function labelStoreOf(column) {
  return deferred.get(column);
}
function heldLabelsArray(length) {
  const labels = [];
  if (length > 0) {
    labels[length - 1] = "";
    delete labels[length - 1];
  }
  return labels;
}
function withLabels(column) {
  const store = deferred.get(column);
  if (!store || column.type !== "string") return column;
  return { ...column, dictionary: store.decodeInto([]) };
}
var MISSING_BYTES = (() => {
  const byLength = Array.from({ length: 9 }, () => []);
  for (const token of MISSING_TOKENS)
    byLength[token.length].push(Uint8Array.from(token, (c) => c.charCodeAt(0)));
  return byLength;
})();
function isMissingBytes(bytes, start, end) {
  const length = end - start;
  if (length >= MISSING_BYTES.length) return false;
  outer: for (const token of MISSING_BYTES[length]) {
    for (let i = 0; i < length; i++) if (token[i] !== bytes[start + i]) continue outer;
    return true;
  }
  return false;
}
var encoder2 = new TextEncoder();
var ColumnBuilder = class {
  constructor(name, options = {}) {
    this.name = name;
    const capacity = options.capacity ?? 1024;
    this.shared = options.shared ?? false;
    this.deferUniqueLabels = options.deferUniqueLabels ?? false;
    this.declared = options.storage;
    const isString = this.declared === "string";
    const compact = (options.compact ?? false) && (this.declared === void 0 || this.declared === "bool");
    this.numbers = float64(isString || compact ? 0 : capacity, this.shared);
    this.codes = int32(isString ? capacity : 0, this.shared);
    if (compact) this.digits = int32(capacity, this.shared);
    switch (this.declared) {
      case void 0:
        break;
      case "string":
        this.mode = "string";
        break;
      case "bool":
        this.mode = "bool";
        break;
      case "datetime":
        this.mode = "datetime";
        break;
      case "int":
      case "float":
        this.mode = "number";
    }
  }
  name;
  mode = "undecided";
  declared;
  shared;
  deferUniqueLabels;
  /**
   * Once a reader hands cells over as bytes: every label as UTF-8 bytes (codes as in `dictionary`, whose strings
   * stop at the labels it had then).
   */
  store;
  scratch = new Uint8Array(0);
  /** A numeric, boolean or date column's cells, unless {@link digits} holds them. */
  numbers;
  /**
   * A compact numeric or boolean column's cells as scaled integers (`digits[i] / 10^decimals`, see
   * ScaledDecimals), while every cell so far fitted; undefined once the column was widened to {@link numbers}
   * (or was never compact).
   */
  digits;
  decimals = 0;
  /** 10^decimals. */
  scale = 1;
  codes;
  /** Each distinct label once, in order of first occurrence: `dictionary[code]`. */
  dictionary = [];
  /** Codes of the labels while there are fewer than {@link FEW_LABELS}; then undefined, and the table below. */
  fewCodes = /* @__PURE__ */ new Map();
  /** The labels' hashes by code, and an open-addressing table of codes keyed by them (kept at most half full). */
  labelHashes = new Int32Array(0);
  labelSlots = new Int32Array(0);
  /** Present string cells pushed. */
  presentStrings = 0;
  length = 0;
  sawMissing = false;
  sawNonInteger = false;
  /** A cell contradicted the column's mode: re-read the column as strings. */
  needsStringPass = false;
  /**
   * {@link readsLabelsAsBytes} kept as a plain field, so a reader can test it once per cell without a call: it can
   * turn true only when a string label is added (see `noteLabels`), and stays true once the labels are in the store.
   */
  bytesLabels = false;
  get size() {
    return this.length;
  }
  /** Cells the storage in use has room for. */
  get room() {
    return this.mode === "string" ? this.codes.length : this.digits !== void 0 ? this.digits.length : this.numbers.length;
  }
  /** The bytes {@link reserve} would take of an arena for `capacity` cells (0 when there is room already). */
  reserveBytes(capacity) {
    if (capacity <= this.room) return 0;
    return capacity * (this.mode !== "string" && this.digits === void 0 ? 8 : 4);
  }
  /**
   * Makes room for `capacity` cells at once (a reader that can estimate the row count calls this), in `arena` when
   * given (which then holds {@link reserveBytes} for it).
   */
  reserve(capacity, arena) {
    if (capacity > this.room) this.grow(capacity, arena);
    if (this.store && this.store.size === this.presentStrings && this.store.size >= 1024)
      this.store.deferLookUps(capacity);
    else if (this.store && this.labelsNearlyAllDistinct(this.store.size)) this.store.reserve(capacity);
  }
  /** Whether at least 9 cells in 10 so far brought a new label (an id), given `labels` distinct labels. */
  labelsNearlyAllDistinct(labels) {
    return labels * 10 >= this.presentStrings * 9;
  }
  grow(requested, arena) {
    const capacity = requested ?? Math.max(1024, this.length * 2);
    if (this.mode === "string") {
      const codes = arena ? arena.int32(capacity) : int32(capacity, this.shared);
      codes.set(this.codes.subarray(0, this.length));
      this.codes = codes;
    } else if (this.digits !== void 0) {
      const digits = arena ? arena.int32(capacity) : int32(capacity, this.shared);
      digits.set(this.digits.subarray(0, this.length));
      this.digits = digits;
    } else {
      const numbers = arena ? arena.float64(capacity) : float64(capacity, this.shared);
      numbers.set(this.numbers.subarray(0, this.length));
      this.numbers = numbers;
    }
  }
  switchToString() {
    const room = this.room;
    this.mode = "string";
    this.codes = int32(Math.max(1024, room), this.shared);
    this.codes.fill(-1, 0, this.length);
    this.numbers = float64(0, this.shared);
    this.digits = void 0;
  }
  /**
   * Turns a compact column into float64 for good: its cells so far are copied as the doubles they stand for.
   */
  widen() {
    const digits = this.digits;
    this.numbers = float64(digits.length, this.shared);
    decodeScaled({ digits: digits.subarray(0, this.length), decimals: this.decimals }, this.numbers);
    this.digits = void 0;
  }
  /**
   * Multiplies the cells so far by 10^(decimals − this.decimals) (a cell then divides to the same double: the
   * same rational, correctly rounded), or returns false when one would reach 2^31.
   */
  rescale(decimals) {
    const digits = this.digits;
    let largest = 0;
    for (let i = 0; i < this.length; i++) {
      const m = digits[i];
      if (m === MISSING_DIGITS) continue;
      const size = m < 0 ? -m : m;
      if (size > largest) largest = size;
    }
    const factor = scaleOf(decimals - this.decimals);
    if (largest * factor > MAX_DIGITS) return false;
    for (let i = 0; i < this.length; i++) {
      const m = digits[i];
      if (m !== MISSING_DIGITS) digits[i] = m * factor;
    }
    this.decimals = decimals;
    this.scale = scaleOf(decimals);
    return true;
  }
  /**
   * Appends a number to a compact column (room made): as its scaled integer when it has one at the column's
   * decimals or, after rescaling the cells so far, at more; NaN as missing; else the column widens to float64.
   */
  putScaled(value) {
    const digits = this.digits;
    const m = Math.round(value * this.scale);
    if (m / this.scale === value && m <= MAX_DIGITS && m >= -MAX_DIGITS && (m !== 0 || 1 / value > 0)) {
      digits[this.length++] = m;
      return;
    }
    if (value !== value) {
      digits[this.length++] = MISSING_DIGITS;
      return;
    }
    if (value !== 0 && value - value === 0) {
      for (let d = this.decimals + 1; d <= MAX_SCALED_DECIMALS; d++) {
        const scaled = Math.round(value * scaleOf(d));
        if (!(scaled <= MAX_DIGITS && scaled >= -MAX_DIGITS)) break;
        if (scaled / scaleOf(d) !== value) continue;
        if (!this.rescale(d)) break;
        this.digits[this.length++] = scaled;
        return;
      }
    }
    this.widen();
    this.numbers[this.length++] = value;
  }
  /** Appends a missing cell. */
  pushMissing() {
    if (this.length === this.room) this.grow();
    if (this.mode === "string") this.codes[this.length++] = -1;
    else if (this.digits !== void 0) this.digits[this.length++] = MISSING_DIGITS;
    else this.numbers[this.length++] = Number.NaN;
    this.sawMissing = true;
  }
  /** Appends a number (room made) to the storage in use. */
  put(value) {
    if (this.digits !== void 0) this.putScaled(value);
    else this.numbers[this.length++] = value;
  }
  /**
   * Appends a numeric cell already parsed by the reader (the fast path: no string is made); in a `datetime`
   * column, milliseconds since the epoch. `isInteger` says the text had no fraction or exponent (pandas reads `1.0`
   * as float).
   */
  pushNumber(value, isInteger) {
    if (this.mode === "datetime") {
      if (this.length === this.numbers.length) this.grow();
      this.numbers[this.length++] = value;
      return;
    }
    if (this.mode === "undecided") this.mode = "number";
    else if (this.mode !== "number") {
      this.needsStringPass = true;
      this.pushPlaceholder();
      return;
    }
    if (this.length === this.room) this.grow();
    this.put(value);
    if (!isInteger) this.sawNonInteger = true;
  }
  /**
   * Appends `count` numeric cells, `values[from, from + count)`, each written as an integer when its `integer` flag
   * is 1: what {@link pushNumber} does cell by cell, in one loop (a reader's batch of a numeric column). `places`,
   * when given, holds each cell's decimals as written (a plain decimal of at most 15 digits, not a -0, whose value
   * is its digits as an integer divided by 10^places, correctly rounded, and negated after a minus sign) or
   * {@link UNKNOWN_PLACES}. `kinds`, when given, marks missing cells ({@link MISSING_KIND}: what {@link pushMissing}
   * does; their value and flags are ignored), so a numeric column with gaps keeps the one loop.
   */
  pushNumbers(values, integer, from, count, places, kinds) {
    if (this.mode === "undecided" && count > 0 && kinds === void 0) this.mode = "number";
    if (this.mode !== "number") {
      for (let at = from; at < from + count; at++) {
        if (kinds !== void 0 && kinds[at] === MISSING_KIND) this.pushMissing();
        else this.pushNumber(values[at], integer[at] === 1);
      }
      return;
    }
    if (this.length + count > this.room) this.grow(Math.max(this.length + count, this.length * 2, 1024));
    let integers = 1;
    if (kinds === void 0) for (let at = from; at < from + count; at++) integers &= integer[at];
    else {
      let missing = 0;
      for (let at = from; at < from + count; at++) {
        const gap = kinds[at] === MISSING_KIND ? 1 : 0;
        missing |= gap;
        integers &= integer[at] | gap;
      }
      if (missing === 1) this.sawMissing = true;
    }
    if (integers === 0) this.sawNonInteger = true;
    if (this.digits !== void 0) {
      this.pushScaledNumbers(values, from, count, places, kinds);
      return;
    }
    const numbers = this.numbers;
    let to = this.length;
    for (let at = from; at < from + count; at++) numbers[to++] = cellValue(values, kinds, at);
    this.length = to;
  }
  /**
   * The decimals of a compact column of numbers (its cells stored as integers over 10^decimals), else -1. A reader
   * whose scan gave a batch's numbers as integers at these decimals hands them over as they are
   * ({@link pushScaledRun}).
   */
  get scaledDecimals() {
    return this.mode === "number" && this.digits !== void 0 ? this.decimals : -1;
  }
  /**
   * Appends `count` cells given as integers at {@link scaledDecimals}, `scaled[from, from + count)`, `MISSING_DIGITS`
   * for a missing cell: what {@link pushNumbers} stores for cells of at most that many places each, each of them the
   * integer `±digits · 10^(decimals − places)` (see {@link pushScaledNumbers}), in one copy. `fraction` tells that a
   * cell was not written as a whole number, `missing` that a cell is missing.
   */
  pushScaledRun(scaled, from, count, fraction, missing) {
    if (this.length + count > this.room) this.grow(Math.max(this.length + count, this.length * 2, 1024));
    if (missing) this.sawMissing = true;
    if (fraction) this.sawNonInteger = true;
    const digits = this.digits;
    let to = this.length;
    for (let at = from; at < from + count; at++) digits[to++] = scaled[at];
    this.length = to;
  }
  /**
   * {@link pushNumbers} into a compact column. A cell of `p <= decimals` places written as a plain decimal of at
   * most 15 digits `D` (not a -0: the reader gives those unknown places) is the double nearest `±D / 10^p`; its
   * scaled integer is `m = ±D · 10^(decimals − p)`, and `value · 10^decimals` is within `|m| · 2^-51` of it, far
   * below ½ while `|m| < 2^31`, so rounding the product gives `m`, and `m / 10^decimals`, the double nearest the
   * same rational, is the very value: such a cell needs no check by division. Any other cell goes through
   * {@link putScaled}, which checks.
   */
  pushScaledNumbers(values, from, count, places, kinds) {
    if (places === void 0) {
      for (let at = from; at < from + count; at++) {
        if (this.digits === void 0) this.numbers[this.length++] = cellValue(values, kinds, at);
        else this.putScaled(cellValue(values, kinds, at));
      }
      return;
    }
    let digits = this.digits;
    let decimals = this.decimals;
    let scale = this.scale;
    let to = this.length;
    for (let at = from; at < from + count; at++) {
      if (kinds !== void 0 && kinds[at] === MISSING_KIND) {
        digits[to++] = MISSING_DIGITS;
        continue;
      }
      if (places[at] <= decimals) {
        const m = Math.round(values[at] * scale);
        if (m <= MAX_DIGITS && m >= -MAX_DIGITS) {
          digits[to++] = m;
          continue;
        }
      }
      this.length = to;
      this.putScaled(values[at]);
      to = this.length;
      if (this.digits === void 0) {
        const numbers = this.numbers;
        for (let rest = at + 1; rest < from + count; rest++) numbers[to++] = cellValue(values, kinds, rest);
        this.length = to;
        return;
      }
      digits = this.digits;
      decimals = this.decimals;
      scale = this.scale;
    }
    this.length = to;
  }
  /** Appends a cell given as text (not a number): missing token, boolean or string. */
  pushText(text) {
    if (MISSING_TOKENS.has(text)) return this.pushMissing();
    if (this.mode === "string") return this.pushString(text);
    const bool = BOOL_TOKENS.get(text);
    if (bool !== void 0 && (this.mode === "undecided" || this.mode === "bool")) {
      this.mode = "bool";
      if (this.length === this.room) this.grow();
      this.put(bool);
      return;
    }
    if (this.mode === "undecided") {
      this.switchToString();
      return this.pushString(text);
    }
    this.needsStringPass = true;
    this.pushPlaceholder();
  }
  /** Appends a string cell as is (the string pass, JSON strings, Postgres text). */
  pushString(text) {
    if (this.mode !== "string") {
      if (this.mode === "undecided") this.switchToString();
      else {
        this.needsStringPass = true;
        this.pushPlaceholder();
        return;
      }
    }
    let code;
    if (this.store) {
      if (this.scratch.length < text.length * 3) this.scratch = new Uint8Array(text.length * 3);
      const { written } = encoder2.encodeInto(text, this.scratch);
      code = this.store.codeOf(this.scratch, 0, written);
    } else code = this.codeOf(text);
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length++] = code;
    this.presentStrings++;
    this.noteLabels();
  }
  /**
   * Appends a text cell as {@link pushText} does and returns a token that {@link replayText} turns into the same
   * append, or -1 when there is none. In a string column the token is the label's code, in a bool column the
   * value; both modes are final, so a reader that caches a cell's token per column (a categorical's few labels)
   * replays it for every later cell with the same text without hashing or looking the text up again.
   */
  pushTextToken(text) {
    this.pushText(text);
    if (this.length === 0 || MISSING_TOKENS.has(text)) return -1;
    if (this.mode === "string") {
      const code = this.codes[this.length - 1];
      return code >= 0 ? code : -1;
    }
    if (this.mode === "bool") {
      if (this.digits !== void 0) {
        const m = this.digits[this.length - 1];
        return m === MISSING_DIGITS ? -1 : m / this.scale;
      }
      const value = this.numbers[this.length - 1];
      return value === value ? value : -1;
    }
    return -1;
  }
  /** Appends the cell whose token {@link pushTextToken} returned (for the same text, in this builder). */
  replayText(token) {
    if (this.mode === "string") {
      if (this.length === this.codes.length) this.grow();
      this.codes[this.length++] = token;
      this.presentStrings++;
    } else {
      if (this.length === this.room) this.grow();
      this.put(token);
    }
  }
  /**
   * Whether the column holds labels as codes (string mode): a token {@link pushTextToken} returned is then a label's
   * code, which {@link pushCodes} takes in runs.
   */
  get takesCodes() {
    return this.mode === "string";
  }
  /**
   * Appends `count` cells of a string column given as codes, `codes[from, from + count)`, each a code
   * {@link pushTextToken} returned or -1 for a missing cell: what {@link replayText} and {@link pushMissing} do cell
   * by cell, in one loop (a reader's batch of a label column whose labels it has seen). Labels seen before only
   * lower the share of distinct labels, so {@link bytesLabels} stays as it is.
   */
  pushCodes(codes, from, count) {
    if (this.mode !== "string") throw new Error(`column '${this.name}': pushCodes outside string mode`);
    if (this.length + count > this.codes.length)
      this.grow(Math.max(this.length + count, this.length * 2, 1024));
    const target = this.codes;
    const base = this.length - from;
    let missing = 0;
    for (let at = from; at < from + count; at++) {
      const code = codes[at];
      target[base + at] = code;
      missing += code >>> 31;
    }
    this.length += count;
    this.presentStrings += count - missing;
    if (missing > 0) this.sawMissing = true;
  }
  /** Sets {@link bytesLabels} once the labels turn out mostly distinct (checked after each string cell). */
  noteLabels() {
    if (!this.bytesLabels && this.readsLabelsAsBytes) this.bytesLabels = true;
  }
  /**
   * Whether most labels so far occur once (an id, free text): caching labels by their bytes no longer pays, so a
   * reader may hand every cell to {@link pushString} as decoded text (in a string column a cell that looks like a
   * number or a boolean is kept as its text anyway).
   */
  get labelsMostlyDistinct() {
    const labels = this.store ? this.store.size : this.dictionary.length;
    return this.mode === "string" && labels >= 1024 && labels * 2 > this.presentStrings;
  }
  /**
   * Whether a reader should hand this column's cells to {@link pushStringBytes}: once its labels were mostly
   * distinct, and from then on (the labels live in a byte store, which a string would only be encoded back into,
   * even when later rows repeat labels, as a long-tailed categorical does).
   */
  get readsLabelsAsBytes() {
    return this.mode === "string" && (this.store !== void 0 || this.labelsMostlyDistinct);
  }
  /**
   * Appends a string cell given as its UTF-8 bytes in `bytes[start, end)` (a CSV field; `quoted`: a doubled quote
   * stands for one), a missing token as missing. No string is made: the label is looked up by its bytes, and kept as
   * bytes when new. For a column in string mode (a reader calls it once {@link labelsMostlyDistinct} says so).
   */
  pushStringBytes(bytes, start, end, quoted) {
    if (this.mode !== "string") throw new Error(`column '${this.name}': pushStringBytes outside string mode`);
    if (isMissingBytes(bytes, start, end)) return this.pushMissing();
    if (!this.store) {
      const labels = this.dictionary.length;
      const store = new LabelStore(
        this.labelsNearlyAllDistinct(labels) ? Math.max(labels * 2, this.codes.length) : labels * 2
      );
      for (const label of this.dictionary) {
        const encoded = encoder2.encode(label);
        store.codeOf(encoded, 0, encoded.length);
      }
      this.store = store;
      this.fewCodes = void 0;
      this.labelHashes = new Int32Array(0);
      this.labelSlots = new Int32Array(0);
    }
    const code = this.store.codeOf(bytes, start, end, quoted);
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length++] = code;
    this.presentStrings++;
    this.bytesLabels = true;
  }
  /**
   * {@link pushStringBytes} of a reader's staged cells `from` to `to`: cell `k` is missing when `kinds[k]` is
   * {@link MISSING_KIND}, else its bytes are `bytes[starts[k], ends[k])`, a quoted field's inside when `kinds[k]` is
   * `quotedKind`. One call a batch instead of one a cell from the reader's flush: on two 1M-row StreamFlow files
   * with their id column (shape b of `npm run bench -- compare`), each thread's read took 620–894 ms (median ~670)
   * cell by cell and 534–730 ms (~590) so, in 5 alternated pairs (Node 24, 2 cores, AMD EPYC, 2026-12-05).
   */
  pushStringBytesRun(bytes, kinds, starts, ends, from, to, quotedKind) {
    const store = this.store;
    if (store?.deferred && this.mode === "string") {
      const count = to - from;
      if (this.length + count > this.codes.length)
        this.grow(Math.max(this.length + count, this.length * 2, 1024));
      const present = store.appendRun(
        bytes,
        kinds,
        starts,
        ends,
        from,
        to,
        quotedKind,
        MISSING_KIND,
        isMissingBytes,
        this.codes,
        this.length
      );
      this.length += count;
      this.presentStrings += present;
      if (present < count) this.sawMissing = true;
      if (present > 0) this.bytesLabels = true;
      return;
    }
    for (let k = from; k < to; k++) {
      const kind = kinds[k];
      if (kind === MISSING_KIND) this.pushMissing();
      else this.pushStringBytes(bytes, starts[k], ends[k], kind === quotedKind);
    }
  }
  /** The code of a label, adding it to the dictionary when new. */
  codeOf(text) {
    const few = this.fewCodes;
    if (few !== void 0) {
      const known = few.get(text);
      if (known !== void 0) return known;
      const code = this.dictionary.length;
      this.dictionary.push(text);
      few.set(text, code);
      if (code + 1 === FEW_LABELS) {
        this.fewCodes = void 0;
        this.labelHashes = new Int32Array(FEW_LABELS * 2);
        for (let k = 0; k < FEW_LABELS; k++) this.labelHashes[k] = labelHash(this.dictionary[k]);
        this.rehashLabels();
      }
      return code;
    }
    return this.manyCodeOf(text);
  }
  /** {@link codeOf} past {@link FEW_LABELS} labels. */
  manyCodeOf(text) {
    const hash = labelHash(text);
    const slots = this.labelSlots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    for (; ; ) {
      const code2 = slots[slot];
      if (code2 < 0) break;
      if (this.labelHashes[code2] === hash && this.dictionary[code2] === text) return code2;
      slot = slot + 1 & mask;
    }
    const code = this.dictionary.length;
    this.dictionary.push(text);
    if (code === this.labelHashes.length) {
      const hashes = new Int32Array(Math.max(64, code * 2));
      hashes.set(this.labelHashes);
      this.labelHashes = hashes;
    }
    this.labelHashes[code] = hash;
    if ((code + 1) * 2 > slots.length) this.rehashLabels();
    else slots[slot] = code;
    return code;
  }
  /** Makes the label table four times the labels and re-inserts every code. */
  rehashLabels() {
    let size = 128;
    const wanted = Math.max(
      this.dictionary.length * 4,
      this.labelSlots.length === 0 ? this.codes.length * 2 : 0
    );
    while (size < wanted) size *= 2;
    const slots = new Int32Array(size).fill(-1);
    const mask = slots.length - 1;
    for (let code = 0; code < this.dictionary.length; code++) {
      let slot = this.labelHashes[code] & mask;
      while (slots[slot] >= 0) slot = slot + 1 & mask;
      slots[slot] = code;
    }
    this.labelSlots = slots;
  }
  /** Appends a boolean cell (JSON true/false, Postgres bool). */
  pushBool(value) {
    if (this.mode === "undecided") this.mode = "bool";
    if (this.mode !== "bool") {
      this.needsStringPass = true;
      this.pushPlaceholder();
      return;
    }
    if (this.length === this.room) this.grow();
    this.put(value ? 1 : 0);
  }
  pushPlaceholder() {
    if (this.length === this.room) this.grow();
    if (this.mode === "string") this.codes[this.length++] = -1;
    else if (this.digits !== void 0) this.digits[this.length++] = MISSING_DIGITS;
    else this.numbers[this.length++] = Number.NaN;
  }
  /**
   * Hands over the cells pushed since the last drain and starts the next block in the same storage (a spill writes
   * a file's columns block by block, so only one block of rows is held). The mode, the dictionary and what the
   * cells showed (missing, non-integer) carry over; the view is valid until the next push.
   */
  drain() {
    const length = this.length;
    this.length = 0;
    if (this.store?.deferred) throw new Error(`column '${this.name}': drained while its labels are deferred`);
    if (this.digits !== void 0)
      throw new Error(`column '${this.name}': a compact column is never drained`);
    return this.mode === "string" ? { kind: "codes", cells: this.codes.subarray(0, length) } : { kind: "numbers", cells: this.numbers.subarray(0, length) };
  }
  /** A numeric or boolean column's cells, trimmed to the row count. */
  finishedNumbers() {
    if (this.digits === void 0) return trim(this.numbers, this.length, this.shared);
    return { digits: trim(this.digits, this.length, this.shared), decimals: this.decimals };
  }
  /** The finished column (arrays trimmed to the row count). */
  finish() {
    switch (this.mode) {
      case "string": {
        const codes = trim(this.codes, this.length, this.shared);
        const store = this.store;
        if (!store) return { name: this.name, type: "string", codes, dictionary: this.dictionary };
        store.resolveDeferred(codes, this.length);
        store.seal();
        if (this.deferUniqueLabels && store.size === this.length) {
          const column = {
            name: this.name,
            type: "string",
            codes,
            dictionary: heldLabelsArray(store.size)
          };
          deferred.set(column, store);
          return column;
        }
        return {
          name: this.name,
          type: "string",
          codes,
          dictionary: store.decodeInto(this.dictionary, this.dictionary.length)
        };
      }
      case "bool":
        return { name: this.name, type: "bool", values: this.finishedNumbers() };
      case "datetime":
        return { name: this.name, type: "datetime", values: trim(this.numbers, this.length, this.shared) };
      case "number":
      case "undecided": {
        const type = this.mode === "number" && this.declared !== "float" && !this.sawMissing && !this.sawNonInteger ? "int" : "float";
        return { name: this.name, type, values: this.finishedNumbers() };
      }
    }
  }
};
function cellValue(values, kinds, at) {
  return kinds !== void 0 && kinds[at] === MISSING_KIND ? Number.NaN : values[at];
}
var FEW_LABELS = 4096;
function labelHash(text) {
  let hash = 2166136261 ^ text.length;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return fmix32(hash);
}
var ColumnArena = class _ColumnArena {
  buffer;
  offset = 0;
  constructor(bytes, shared) {
    this.buffer = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  }
  /** Bytes to ask for a column of `bytes`: each part starts on a 64-byte line. */
  static part(bytes) {
    return Math.ceil(bytes / 64) * 64;
  }
  int32(length) {
    const array = new Int32Array(this.buffer, this.offset, length);
    this.offset += _ColumnArena.part(length * 4);
    return array;
  }
  float64(length) {
    const array = new Float64Array(this.buffer, this.offset, length);
    this.offset += _ColumnArena.part(length * 8);
    return array;
  }
};
function float64(length, shared) {
  return shared ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length);
}
function int32(length, shared) {
  return shared ? new Int32Array(new SharedArrayBuffer(length * 4)) : new Int32Array(length);
}
function trim(array, length, shared) {
  if (length >= array.length * 0.9 || array.byteLength < array.buffer.byteLength)
    return array.subarray(0, length);
  const copy = array instanceof Float64Array ? float64(length, shared) : int32(length, shared);
  copy.set(array.subarray(0, length));
  return copy;
}

export {
  fmix32,
  repeatedKeys,
  MISSING_TOKENS,
  MISSING_KIND,
  UNKNOWN_PLACES,
  labelStoreOf,
  heldLabelsArray,
  withLabels,
  ColumnBuilder,
  ColumnArena
};
