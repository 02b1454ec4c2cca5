// Merging the sorted value counts of a numeric column's partitions: pure, no server needed.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../scripts/streamflow-generator.js';
import { presentRunsOfCounts } from '../../../src/drift/counted.js';
import {
  compareCountKeys,
  mergeCounts,
  mergeSortedCounts,
  type PartCounts,
} from '../../../src/snapshot/postgres/merge-counts.js';

const part = (values: number[], counts: number[], missing = 0): PartCounts => ({
  values: Float64Array.from(values),
  counts: Float64Array.from(counts),
  missing,
});
const plain = (merged: ReturnType<typeof mergeCounts>) => ({
  keys: [...merged.keys],
  counts: [...merged.counts],
  missing: merged.missing,
});

describe('mergeCounts (partitions in any order)', () => {
  it('sorts and adds up, -0 before +0 as two keys, NaN last, NULL cells added', () => {
    const merged = mergeCounts([
      part([3, Number.NaN, 0, 1], [1, 2, 1, 4], 2),
      part([], [], 1),
      part([1, -0, 3, -Infinity, Number.NaN], [1, 1, 1, 1, 1]),
    ]);
    expect(Object.is(merged.keys[1], -0)).toBe(true);
    expect(plain(merged)).toEqual({
      keys: [-Infinity, -0, 0, 1, 3, Number.NaN],
      counts: [1, 1, 1, 5, 2, 3],
      missing: 3,
    });
  });

  it('sorts one partition of values counted once (radix sort) with the repeated ones between them', () => {
    const random = mulberry32(3);
    const values = Array.from({ length: 10_000 }, () => Math.round(random() * 1e6) / 7);
    const unique = [...new Set(values)];
    const counts = unique.map((_, k) => (k % 97 === 0 ? 3 : 1));
    const merged = mergeCounts([part(unique, counts)]);
    const expected = unique.map((value, k) => [value, counts[k]!] as const).sort((a, b) => a[0] - b[0]);
    expect(plain(merged)).toEqual({
      keys: expected.map(([value]) => value),
      counts: expected.map(([, count]) => count),
      missing: 0,
    });
  });

  it('gives nothing for no partitions, and refuses values and counts of different lengths', () => {
    expect(plain(mergeCounts([]))).toEqual({ keys: [], counts: [], missing: 0 });
    expect(() => mergeCounts([part([1, 2], [1])])).toThrow('one count per value');
  });
});

describe('mergeSortedCounts', () => {
  it('adds the counts of a value found in several partitions and keeps the value order', () => {
    const merged = mergeSortedCounts([
      part([1, 3, 7], [2, 1, 4]),
      part([3, 4], [5, 1]),
      part([-2, 3, 7, 9], [1, 1, 1, 1]),
    ]);
    expect(plain(merged)).toEqual({ keys: [-2, 1, 3, 4, 7, 9], counts: [1, 2, 7, 1, 5, 1], missing: 0 });
  });

  it('adds the NULL cells of every partition, a partition of NULLs only included', () => {
    const merged = mergeSortedCounts([part([1], [1], 2), part([], [], 3), part([1, 2], [1, 1], 0)]);
    expect(plain(merged)).toEqual({ keys: [1, 2], counts: [2, 1], missing: 5 });
  });

  it('keeps -0 and +0 as two keys, -0 first, and each added across partitions', () => {
    const merged = mergeSortedCounts([part([-1, 0, 1], [1, 2, 1]), part([-0, 1], [3, 1]), part([-0], [1])]);
    expect(merged.keys.length).toBe(4);
    expect(Object.is(merged.keys[1], -0)).toBe(true);
    expect(Object.is(merged.keys[2], 0)).toBe(true);
    expect(plain(merged)).toEqual({ keys: [-1, -0, 0, 1], counts: [1, 4, 2, 2], missing: 0 });
  });

  it('puts NaN after every number, ±Infinity included, and adds the NaN counts', () => {
    const merged = mergeSortedCounts([
      part([-Infinity, 2, Infinity, Number.NaN], [1, 1, 1, 2]),
      part([3, Number.NaN], [1, 5]),
    ]);
    expect(plain(merged)).toEqual({
      keys: [-Infinity, 2, 3, Infinity, Number.NaN],
      counts: [1, 1, 1, 1, 7],
      missing: 0,
    });
  });

  it('returns one partition as it is, and nothing for no partitions or empty ones', () => {
    expect(plain(mergeSortedCounts([part([1, 2.5, 4], [3, 1, 2], 1)]))).toEqual({
      keys: [1, 2.5, 4],
      counts: [3, 1, 2],
      missing: 1,
    });
    expect(plain(mergeSortedCounts([]))).toEqual({ keys: [], counts: [], missing: 0 });
    expect(plain(mergeSortedCounts([part([], []), part([], [])]))).toEqual({
      keys: [],
      counts: [],
      missing: 0,
    });
  });

  it('refuses a partition whose values and counts differ in length', () => {
    expect(() => mergeSortedCounts([part([1, 2], [1])])).toThrow('one count per value');
  });

  it('gives the runs of adding the partitions key by key, for random partitions', () => {
    const random = mulberry32(14);
    for (let trial = 0; trial < 50; trial++) {
      const partitions = 1 + Math.floor(random() * 6);
      const parts: PartCounts[] = [];
      const byKey = new Map<string, { value: number; count: number }>();
      let missing = 0;
      for (let p = 0; p < partitions; p++) {
        // Values from a small pool, so partitions share many of them; -0, ±Infinity and NaN included.
        const pool = [-Infinity, -3.5, -1, -0, 0, 0.25, 1, 2, 1e300, Infinity, Number.NaN];
        const chosen = pool
          .filter(() => random() < 0.5)
          .filter((value, _, all) => {
            // A partition groups -0 and 0 together (they are equal in the database): keep one of them.
            return !(Object.is(value, 0) && all.some((other) => Object.is(other, -0)));
          });
        const counts = chosen.map(() => 1 + Math.floor(random() * 9));
        const nulls = Math.floor(random() * 3);
        missing += nulls;
        parts.push(part(chosen, counts, nulls));
        chosen.forEach((value, i) => {
          const key = Object.is(value, -0) ? '-0' : String(value);
          const entry = byKey.get(key) ?? { value, count: 0 };
          entry.count += counts[i]!;
          byKey.set(key, entry);
        });
      }
      const merged = mergeSortedCounts(parts);
      // The same partitions in any order: mergeCounts sorts them first.
      const shuffled = parts.map((each) => {
        const order = [...each.values.keys()].sort(() => random() - 0.5);
        return {
          values: Float64Array.from(order, (k) => each.values[k]!),
          counts: Float64Array.from(order, (k) => each.counts[k]!),
          missing: each.missing,
        };
      });
      expect(plain(mergeCounts(shuffled))).toEqual(plain(merged));
      expect(merged.missing).toBe(missing);
      // Strictly ascending in the merge order: every key once.
      for (let k = 1; k < merged.keys.length; k++)
        expect(compareCountKeys(merged.keys[k - 1]!, merged.keys[k]!)).toBe(-1);
      const entries = [...byKey.values()];
      expect(merged.keys.length).toBe(entries.length);
      const asColumn = (keys: Float64Array, counts: Float64Array) =>
        presentRunsOfCounts({ name: 'x', storage: 'float', counts: { keys, counts, missing: 0 } });
      expect(asColumn(merged.keys, merged.counts)).toEqual(
        asColumn(
          Float64Array.from(entries, (entry) => entry.value),
          Float64Array.from(entries, (entry) => entry.count),
        ),
      );
      const nan = entries.find((entry) => Number.isNaN(entry.value));
      expect(Number.isNaN(merged.keys.at(-1)!) ? merged.counts.at(-1) : undefined).toBe(nan?.count);
    }
  });

  it('adds the counts of equal values that meet out of order (two equal keys stay adjacent)', () => {
    // A run the database sorted by a finer value than the decoded double (two big integers that round alike).
    const merged = mergeSortedCounts([part([2 ** 53, 2 ** 53, 2 ** 54], [1, 2, 1]), part([2 ** 53], [4])]);
    expect(plain(merged)).toEqual({ keys: [2 ** 53, 2 ** 54], counts: [7, 1], missing: 0 });
  });
});
