/**
 * Which of many 32-bit keys occur more than once, without a table as big as the keys: a table for a million keys
 * misses the cache on nearly every look-up, so the keys are first partitioned by their top bits into parts of about
 * {@link PART_KEYS} keys (one counting pass, one pass writing each key and its index to its part), and each part is
 * looked up in a small chained table that stays in cache.
 *
 * A part's table takes the slot from the key's low bits, which costs nothing and suits hashes (the low bits of a
 * finalised hash are as well mixed as the top ones that chose the part). Keys crafted to share their low bits would
 * make its chains long, so the chains get a budget of steps, four per key: a part that exceeds it is searched again
 * with each key replaced by a multiply-shift hash of it under a new random multiplier. Two different keys then share
 * a slot with probability at most 2 / slots whatever the keys are, so the chain steps of a part of `k` keys are
 * fewer than `k` expected, and a search exceeds the budget again with probability below 1/4 (Markov). Every part
 * thus costs expected time linear in its keys, adversarial keys included.
 *
 * Most keys of a large call are usually unique (an id column's label hashes: a million keys, ~116 pairs of equal
 * hashes), and writing all of them out to parts costs more than the search. So above {@link SIEVE_MIN_KEYS} keys a
 * sieve goes first: each key marks one of about eight slots a key in a table of two bits a slot (seen, seen twice;
 * 2 MiB for a million keys, a quarter of what the parts of all keys take), and only the keys of slots seen twice,
 * about one key in eight when the keys are distinct, are partitioned and searched, by the same top bits as the whole
 * would have been, so the result is the same, group for group. The slot is a multiply-shift hash under a random odd
 * multiplier, so two different keys share one with probability at most 2 / slots whatever the keys are. Keys that
 * repeat a lot (a sieve where more than a quarter of the keys hit a seen slot) skip the sieve's second pass and are
 * searched whole. Measured on Node 24 (2 cores, AMD EPYC, 2026-12-05): a million distinct hashes 32 → 20 ms; in CPU
 * profiles of shape a of `npm run bench -- compare` (its row facts), 52 → 35 ms a file. Fresh memory costs most of
 * what is left (a first write to a 4 KiB page took ~11 µs there).
 */

/** Keys a part holds on average: its table (two to four slots a key) and its keys stay in cache. */
const PART_KEYS = 4096;

/** At most 2^12 parts: the partition writes that many streams at once (two arrays each). */
const MAX_PART_BITS = 12;

/** Keys from which a sieve goes first (below, the parts of all keys stay in cache anyway). */
const SIEVE_MIN_KEYS = 1 << 16;

/** Slots of the sieve a key: about one distinct key in eight lands in a slot another key hit too. */
const SIEVE_SLOTS_PER_KEY = 8;

/** At most 2^26 slots (16 MiB). */
const MAX_SIEVE_BITS = 26;

/** The keys that occur more than once, by key (see {@link repeatedKeys}). */
export interface RepeatedKeys {
  /**
   * The indices of the keys that occur more than once, one group of consecutive entries per such key: each group's
   * indices ascending; the groups by their key's top bits (its part), then by their second index. The order depends
   * on the keys only, never on a random draw; a caller that needs another order sorts.
   */
  readonly indices: Int32Array;
  /** Group `g` is `indices[starts[g], starts[g + 1])`: `starts.length` is the number of groups plus one. */
  readonly starts: Int32Array;
}

/** Top bits of a key that choose its part: parts of about {@link PART_KEYS} keys. */
function partBits(n: number): number {
  let bits = 1;
  while (bits < MAX_PART_BITS && n >>> bits > PART_KEYS) bits++;
  return bits;
}

/** A random odd 32-bit multiplier (a new one at each draw, which no input can anticipate). */
function randomOdd(): number {
  return ((Math.random() * 0x100000000) >>> 0) | 1;
}

/** Keys counted by part: part `p` is `[bounds[p], bounds[p + 1])` of the partitioned copy. */
function partBounds(keys: Int32Array, n: number, shift: number, parts: number): Int32Array {
  const bounds = new Int32Array(parts + 1);
  for (let i = 0; i < n; i++) bounds[(keys[i]! >>> shift) + 1]!++;
  for (let p = 0; p < parts; p++) bounds[p + 1]! += bounds[p]!;
  return bounds;
}

/** Writes each key and its index to the next place of its part: a stable partition (index order within a part). */
function partition(
  keys: Int32Array,
  n: number,
  shift: number,
  bounds: Int32Array,
  part: Int32Array,
  index: Int32Array,
): void {
  const next = bounds.slice(0, bounds.length - 1);
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    const to = next[key >>> shift]!++;
    part[to] = key;
    index[to] = i;
  }
}

/**
 * The indices, ascending, of the keys among `keys[0, n)` that share a sieve slot with another key (every index of a
 * repeated key among them), or undefined when more than a quarter of the keys hit a slot already seen (then the
 * sieve would keep most of them).
 */
function sieved(keys: Int32Array, n: number): Int32Array | undefined {
  let bits = 16;
  while (bits < MAX_SIEVE_BITS && 2 ** bits < n * SIEVE_SLOTS_PER_KEY) bits++;
  const shift = 32 - bits;
  const multiplier = randomOdd();
  // Slot s is bits 2(s % 16) (seen) and 2(s % 16) + 1 (seen again) of word s / 16.
  const sieve = new Int32Array(2 ** (bits - 4));
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const slot = Math.imul(keys[i]!, multiplier) >>> shift;
    const at = (slot & 15) << 1;
    const word = sieve[slot >>> 4]!;
    const seen = (word >>> at) & 1;
    hits += seen;
    sieve[slot >>> 4] = word | (1 << at) | (seen << (at + 1));
  }
  if (hits * 4 > n) return undefined;
  // A slot seen twice holds k ≥ 2 keys for k - 1 hits: at most 2 hits' worth of keys in all.
  const kept = new Int32Array(2 * hits);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const slot = Math.imul(keys[i]!, multiplier) >>> shift;
    if ((sieve[slot >>> 4]! >>> (((slot & 15) << 1) + 1)) & 1) kept[count++] = i;
  }
  return kept.subarray(0, count);
}

/**
 * The search of one part after another, in order, in tables sized for the largest part. (Its loops are small
 * functions of their own, so that each is compiled after a few parts instead of run long in the interpreter.)
 */
class PartSearch {
  /**
   * head[s]: 1 + the position of the latest distinct key of the part in slot s; chain[j]: the one before it in its
   * slot, for the distinct key at position `from + j`. Parts are searched in order, so an entry left by an earlier
   * part is at most `from` and reads as none: neither array is cleared between parts.
   */
  private readonly head: Int32Array;
  private readonly chain: Int32Array;
  /** A group's members: last[j] for its first member at `from + j` is its last member, after[j] the one after j. */
  private readonly last: Int32Array;
  private readonly after: Int32Array;
  /** The first members of the part's groups, in the order they became groups. */
  private readonly firsts: Int32Array;
  /** Indices with a repeated key so far, over all parts. */
  count = 0;

  constructor(
    private readonly part: Int32Array,
    private readonly index: Int32Array,
    largest: number,
  ) {
    let most = 16;
    while (most < 2 * largest) most *= 2;
    this.head = new Int32Array(most);
    this.chain = new Int32Array(largest);
    this.last = new Int32Array(largest);
    this.after = new Int32Array(largest);
    this.firsts = new Int32Array(largest);
  }

  /**
   * Finds the groups of the part `[from, to)` (at least two keys); returns how many, or -1 once {@link count}
   * reaches `limit`.
   */
  search(from: number, to: number, limit: number): number {
    const { part, index, head, chain, last, after, firsts } = this;
    // At least twice as many slots as keys.
    let slotBits = 4;
    while (2 ** slotBits < 2 * (to - from)) slotBits++;
    const mask = (1 << slotBits) - 1;
    const counted = this.count;
    let count = counted;
    let grouped = 0;
    // Chain steps allowed before the part is searched again with its keys rehashed (see below).
    let budget = 4 * (to - from) + 64;
    search: for (let i = from; i < to; i++) {
      const key = part[i]!;
      const slot = key & mask;
      const top = head[slot]!;
      let held = top;
      while (held > from && part[held - 1] !== key) {
        held = chain[held - 1 - from]!;
        if (--budget > 0) continue;
        // Too many keys share low bits (crafted keys, or a rare unlucky draw): start the part again from empty
        // tables, each key replaced by a multiply-shift hash of it under a new random multiplier, its top bits
        // rotated down to the slot bits (a bijection: equal keys stay equal, different ones different).
        for (let g = 0; g < grouped; g++) index[from + firsts[g]!] = ~index[from + firsts[g]!]!;
        grouped = 0;
        count = counted;
        head.fill(0, 0, mask + 1);
        chain.fill(0, 0, to - from);
        const multiplier = randomOdd();
        for (let j = from; j < to; j++) {
          const product = Math.imul(part[j]!, multiplier);
          part[j] = (product << slotBits) | (product >>> (32 - slotBits));
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
      // A repeat of the key first at position held - 1. A first member's index is stored as its complement (negative)
      // while the key has a group, so that no array needs clearing to tell a new group.
      const first = held - 1 - from;
      if (index[held - 1]! >= 0) {
        index[held - 1] = ~index[held - 1]!;
        firsts[grouped++] = first;
        after[first] = i - from;
        count += 2;
      } else {
        after[last[first]!] = i - from;
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
  write(from: number, grouped: number, out: Int32Array, write: number, ends: Int32Array, at: number): void {
    const { index, last, after, firsts } = this;
    for (let g = 0; g < grouped; g++) {
      const first = firsts[g]!;
      const end = last[first]!;
      index[from + first] = ~index[from + first]!;
      for (let j = first; ; j = after[j]!) {
        out[write++] = index[from + j]!;
        if (j === end) break;
      }
      ends[at + g] = write;
    }
  }
}

/**
 * The keys among `keys[0, n)` that occur more than once, grouped by key.
 *
 * Cost: expected `O(n)` time on any keys, adversarial ones included (the expectation is over the random multipliers
 * drawn for the sieve and when a part's low bits serve badly, not over the keys), and beside the result 8 bytes a
 * key searched (a partitioned copy of the keys and their indices), plus, from {@link SIEVE_MIN_KEYS} keys, the
 * sieve's ~2 bytes a key and 8 more a key it keeps. Equal keys cost no more than distinct ones. Keys whose top bits
 * are well spread (hashes) keep every part small enough for the cache; others are still searched in linear expected
 * time, in larger parts. The result does not depend on the draws.
 *
 * @param keys the keys (read, not changed)
 * @param n how many keys, from the first
 * @param limit stop once this many indices are known to have a repeated key
 * @param sieve whether a sieve may go first (the result is the same either way; tests compare the two)
 * @returns the indices of repeated keys grouped by key (see {@link RepeatedKeys}), or undefined once `limit` indices
 *   have a repeated key
 */
export function repeatedKeys(
  keys: Int32Array,
  n = keys.length,
  limit = n + 1,
  sieve = true,
): RepeatedKeys | undefined {
  const bits = partBits(n);
  const kept = sieve && n >= SIEVE_MIN_KEYS ? sieved(keys, n) : undefined;
  if (kept === undefined) return searchParts(keys, n, bits, limit);
  const keptKeys = new Int32Array(kept.length);
  for (let k = 0; k < kept.length; k++) keptKeys[k] = keys[kept[k]!]!;
  const found = searchParts(keptKeys, kept.length, bits, limit);
  if (found === undefined) return undefined;
  const { indices } = found;
  for (let k = 0; k < indices.length; k++) indices[k] = kept[indices[k]!]!;
  return found;
}

/** {@link repeatedKeys} of `keys[0, n)` by parts of their top `bits` bits. */
function searchParts(keys: Int32Array, n: number, bits: number, limit: number): RepeatedKeys | undefined {
  const shift = 32 - bits;
  const parts = 1 << bits;
  const bounds = partBounds(keys, n, shift, parts);
  let largest = 0;
  for (let p = 0; p < parts; p++) largest = Math.max(largest, bounds[p + 1]! - bounds[p]!);
  const part = new Int32Array(n);
  const index = new Int32Array(n);
  partition(keys, n, shift, bounds, part, index);
  const search = new PartSearch(part, index, largest);
  let out = new Int32Array(0);
  let starts = new Int32Array(1);
  let groups = 0;
  for (let p = 0; p < parts; p++) {
    const from = bounds[p]!;
    const to = bounds[p + 1]!;
    if (to - from < 2) continue;
    const grouped = search.search(from, to, limit);
    if (grouped < 0) return undefined;
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
    search.write(from, grouped, out, starts[groups]!, starts, groups + 1);
    groups += grouped;
  }
  return { indices: out.subarray(0, search.count), starts: starts.subarray(0, groups + 1) };
}
