import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmix32 } from '../../src/util/fmix32.js';
import { repeatedKeys } from '../../src/util/repeated-keys.js';

/** The indices of each key that occurs more than once among `keys[0, n)`, by a Map: the definition. */
function groupsByMap(keys: ArrayLike<number>, n = keys.length): number[][] {
  const byKey = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const group = byKey.get(keys[i]!);
    if (group) group.push(i);
    else byKey.set(keys[i]!, [i]);
  }
  return [...byKey.values()].filter((group) => group.length > 1);
}

/** The groups of a result, checked to be well formed, in order of their first index. */
function groupsOf(keys: Int32Array, n = keys.length, limit?: number): number[][] {
  const found = repeatedKeys(keys, n, limit);
  expect(found).toBeDefined();
  const { indices, starts } = found!;
  expect(starts[0]).toBe(0);
  expect(starts.at(-1)).toBe(indices.length);
  const groups: number[][] = [];
  for (let g = 0; g + 1 < starts.length; g++) {
    const group = Array.from(indices.subarray(starts[g]!, starts[g + 1]!));
    expect(group.length).toBeGreaterThan(1);
    expect(group.every((index, k) => k === 0 || index > group[k - 1]!)).toBe(true);
    groups.push(group);
  }
  return groups.sort((a, b) => a[0]! - b[0]!);
}

describe('repeatedKeys', () => {
  it('groups exactly the indices whose key repeats, each group ascending (property)', () => {
    const key = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      // Keys that differ only in their low bits, and keys that differ only in their top bits.
      fc.integer({ min: 0, max: 7 }).map((k) => 0x7ff00000 | k | 0),
      fc.integer({ min: 0, max: 7 }).map((k) => (k << 24) | 0x55),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 3000 }), (keys) => {
        expect(groupsOf(Int32Array.from(keys))).toEqual(groupsByMap(keys));
      }),
    );
  });

  it('finds nothing among no key and one key, and reads only the first n keys', () => {
    expect(groupsOf(new Int32Array(0))).toEqual([]);
    expect(groupsOf(Int32Array.of(5))).toEqual([]);
    expect(groupsOf(Int32Array.of(5, 5), 1)).toEqual([]);
    expect(groupsOf(Int32Array.of(5, 6, 5, 6), 3)).toEqual([[0, 2]]);
  });

  it('puts every index in one group when all keys are equal', () => {
    const n = 100_000;
    expect(groupsOf(new Int32Array(n).fill(-7))).toEqual([Array.from({ length: n }, (_, i) => i)]);
  });

  it('finds no group when all keys are distinct, however close', () => {
    const n = 100_000;
    expect(groupsOf(Int32Array.from({ length: n }, (_, i) => i))).toEqual([]);
    expect(groupsOf(Int32Array.from({ length: n }, (_, i) => Math.imul(i, 0x9e3779b1)))).toEqual([]);
  });

  it('separates keys that differ only in their top bits, and only in their low bits', () => {
    const n = 60_000;
    // 4,096 keys differing in bits 20 to 31 only, each about 15 times.
    const top = Int32Array.from({ length: n }, (_, i) => ((i * 7919) % 4096) << 20);
    expect(groupsOf(top)).toEqual(groupsByMap(top));
    // 5,000 keys differing in bits 0 to 12 only, each 12 times.
    const low = Int32Array.from({ length: n }, (_, i) => 0x7fff0000 | (i % 5000));
    expect(groupsOf(low)).toEqual(groupsByMap(low));
  });

  it('handles a part far larger than its table (one key repeated among distinct ones)', () => {
    const n = 200_000;
    // Half the keys are one key: its part holds 100,000 keys against tables of a few hundred slots.
    const keys = Int32Array.from({ length: n }, (_, i) =>
      i % 2 === 0 ? 12345 : Math.imul(i, 0x9e3779b1) | 1,
    );
    const groups = groupsOf(keys);
    expect(groups).toEqual(groupsByMap(keys));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toHaveLength(n / 2);
  });

  it('keeps linear time on keys crafted to share the low bits that pick a slot', () => {
    // A million distinct keys that differ only in bits 12 to 31, and one repeat: by their low bits each part's 4,096
    // keys would fall in two slots (some 10^9 chain steps in all, seconds), so the parts are searched again with
    // random slots (milliseconds).
    const n = 1 << 20;
    const keys = Int32Array.from({ length: n }, (_, i) => i << 12);
    keys[n - 1] = keys[5]!;
    const started = performance.now();
    const found = repeatedKeys(keys)!;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(Array.from(found.indices)).toEqual([5, n - 1]);
    expect(Array.from(found.starts)).toEqual([0, 2]);
  });

  it('stops once `limit` indices are known to repeat a key', () => {
    const n = 100_000;
    // Keys 0 to 59,999, then 0 to 39,999 again: 80,000 indices repeat.
    const keys = Int32Array.from({ length: n }, (_, i) => 0x12340000 | (i % 60_000));
    expect(repeatedKeys(keys, n, 80_000)).toBeUndefined();
    const found = repeatedKeys(keys, n, 80_001)!;
    expect(found.indices).toHaveLength(80_000);
    expect(found.starts).toHaveLength(40_001);
    expect(groupsOf(keys, n, 80_001)).toEqual(groupsByMap(keys));
  });

  it('gives what searching every key gives, group for group, when a sieve goes first', () => {
    // Hash-like keys, most of them distinct, with repeats of several sizes: above the sieve's threshold of 2^16 keys.
    const n = 300_000;
    const keys = Int32Array.from({ length: n }, (_, i) => fmix32(i));
    for (let r = 0; r < 400; r++) keys[(r * 7919) % n] = keys[(r * 104_729 + 13) % n]!;
    for (let i = 0; i < 50; i++) keys[n - 1 - i] = keys[3]!;
    const whole = repeatedKeys(keys, n, n + 1, false)!;
    expect(whole.starts.length).toBeGreaterThan(300);
    // Each call draws a new multiplier for its sieve: the same result every time.
    for (let draw = 0; draw < 3; draw++) expect(repeatedKeys(keys)).toEqual(whole);
    expect(groupsOf(keys)).toEqual(groupsByMap(keys));
    // The limit counts the repeated indices of the sieved search as of the whole.
    const repeated = whole.indices.length;
    expect(repeatedKeys(keys, n, repeated)).toBeUndefined();
    expect(repeatedKeys(keys, n, repeated + 1)).toEqual(whole);
  });

  it('sieves keys crafted to share top or low bits, and keys that repeat too much to sieve', () => {
    const n = 1 << 17;
    // Distinct keys differing only in their top bits or only in their low bits, a few repeated.
    const top = Int32Array.from({ length: n }, (_, i) => (i << 15) | 0x1234);
    const low = Int32Array.from({ length: n }, (_, i) => 0x7ffe0000 | i);
    for (const keys of [top, low]) {
      keys[n - 1] = keys[0]!;
      keys[n - 2] = keys[77]!;
      expect(repeatedKeys(keys)).toEqual(repeatedKeys(keys, n, n + 1, false));
      expect(groupsOf(keys)).toEqual([
        [0, n - 1],
        [77, n - 2],
      ]);
    }
    // Every key four times: the sieve's first pass sees three hits in four and lets the search take them all.
    const often = Int32Array.from({ length: n }, (_, i) => fmix32(i % (n / 4)));
    expect(repeatedKeys(often)).toEqual(repeatedKeys(often, n, n + 1, false));
    expect(groupsOf(often)).toEqual(groupsByMap(often));
  });

  it('does not change the keys', () => {
    const keys = Int32Array.from({ length: 5000 }, (_, i) => i % 1000);
    const copy = keys.slice();
    repeatedKeys(keys);
    expect(keys).toEqual(copy);
  });
});
