import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ColumnSorter } from '../../src/snapshot/numeric-records.js';
import {
  countDistinct,
  countingSortedCopy,
  fastSortedCopy,
  radixSortedCopy,
  useDoubleSorter,
} from '../../src/util/sort.js';

const native = (values: Float64Array) => Float64Array.from(values).sort();
const same = (a: Float64Array, b: Float64Array) =>
  a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/** The sorts' cases, run with the bucket sort and again with the compiled sort taking 4,096 to 2^21 values. */
function sortCases(): void {
  const doubles = fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 300 });
  it('radix sort, any doubles including ±0, ±inf and subnormals', () => {
    fc.assert(
      fc.property(doubles, (values) =>
        same(radixSortedCopy(Float64Array.from(values)), native(Float64Array.from(values))),
      ),
    );
  });
  it('radix sort, doubles sharing their high word (stretches short and long, both signs)', () => {
    // 1 + k·2^-52 for k < 2^20 share the high word of 1: they differ only in the low word of their bits.
    const shared = fc.array(
      fc.tuple(fc.constantFrom(1, -1, 3.5, -1e-300, 2 ** 40), fc.integer({ min: 0, max: 2 ** 20 })),
      { minLength: 1, maxLength: 400 },
    );
    fc.assert(
      fc.property(shared, (pairs) => {
        const values = Float64Array.from(pairs, ([base, k]) => base + k * Math.abs(base) * 2 ** -52);
        return same(radixSortedCopy(values), native(values));
      }),
    );
    // One stretch of 100,000 values with one high word, and 20,000 stretches of five.
    const long = Float64Array.from({ length: 100_000 }, (_, i) => -(1 + ((i * 7919) % 100_003) * 2 ** -52));
    expect(same(radixSortedCopy(long), native(long))).toBe(true);
    const fives = Float64Array.from(
      { length: 100_000 },
      (_, i) => 1 + (i % 20_000) * 2 ** -20 + ((i * 31) % 5) * 2 ** -50,
    );
    expect(same(radixSortedCopy(fives), native(fives))).toBe(true);
  });
  it('radix sort, mixes of special values at lengths around the insertion and bucket limits', () => {
    const special = fc.oneof(
      fc.double({ noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.constantFrom(
        0,
        -0,
        Infinity,
        -Infinity,
        5e-324,
        -5e-324,
        2 ** -1022,
        Number.MAX_VALUE,
        -Number.MAX_VALUE,
      ),
      fc.integer({ min: -3, max: 3 }),
    );
    for (const length of [1, 2, 15, 16, 17, 18, 33, 2047, 2048, 2049, 4097]) {
      fc.assert(
        fc.property(fc.array(special, { minLength: length, maxLength: length }), (values) => {
          const column = Float64Array.from(values);
          return same(radixSortedCopy(column), native(column));
        }),
        { numRuns: length > 100 ? 20 : 100 },
      );
    }
  });
  it('radix sort, long columns of every shape the deals branch on', () => {
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const columns: Record<string, (i: number) => number> = {
      // Spread evenly: dealt by value twice.
      uniform: () => random() * 100,
      // Both signs, bunched around 0, with -0 and +0 among them.
      signs: (i) => (i % 97 === 0 ? (i % 2 ? -0 : 0) : (random() + random() - 1) * 5),
      // A range stretched by two outliers: the bunched bucket goes by its keys.
      outliers: (i) => (i === 10 ? 1e300 : i === 20 ? -1e300 : random()),
      // One value unlike all the others in its top bits (its sign): a digit all keys but one share.
      outlier: (i) => (i === 777 ? -3 : 1 + random()),
      // Infinities outside the finite range.
      infinities: (i) => (i % 1000 === 3 ? Infinity : i % 1000 === 5 ? -Infinity : random() - 0.5),
      // Finite values spanning more than the largest double.
      overflow: (i) => (i % 3 === 0 ? -Number.MAX_VALUE : i % 3 === 1 ? Number.MAX_VALUE : random() * 1e308),
      // Subnormals of both signs: too narrow a range to scale, dealt by key down to single values.
      subnormals: () => (random() - 0.5) * 1e-310,
      // Powers of two over the whole exponent range, each many times.
      powers: (i) => 2 ** ((i % 2000) - 1000),
      // Equal values in long stretches, and only zeros of both signs.
      repeats: (i) => Math.floor((i * 7919) % 13) / 4,
      zeros: (i) => (i % 3 ? 0 : -0),
      // Doubles sharing their high word (differing only in the low 32 bits of their keys).
      lowWords: () => -(1 + Math.floor(random() * 2 ** 20) * 2 ** -52),
      // Two far clusters, ascending and descending input.
      clusters: (i) => (i % 2 ? 1e6 : 0) + random(),
      ascending: (i) => i * 0.37,
      descending: (i) => -i * 1e-3,
      // Every value equal, or one of two; values within 1e-12 of a power of two over 50 binades (narrow ranges
      // dealt level after level); full-precision values of a normal, a log-normal and a wide uniform column.
      constant: () => -2.5,
      twoValues: (i) => ((i * 7919) % 5 === 0 ? 1e-3 : 1e3),
      nearPowers: (i) => 2 ** (i % 50) * (1 + random() * 1e-12),
      normal: () => (random() + random() + random() - 1.5) * 37 + 100 + random() * 2 ** -32,
      logNormal: () => Math.exp(random() + random() + random() - 1.5) * 250,
      wide: () => (random() + random() * 2 ** -32) * 1e4,
    };
    // The compiled sort deals keys least significant digit first below 2^18 values, most significant first above.
    for (const length of [50_000, 2 ** 18 + 17]) {
      for (const [name, value] of Object.entries(columns)) {
        const column = Float64Array.from({ length }, (_, i) => value(i));
        expect(same(radixSortedCopy(column), native(column)), `${name}, ${length} values`).toBe(true);
      }
    }
  });
  it('counting sort, few distinct values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, -0, 1.5, -2, 1e-300, Infinity, -Infinity, 42), {
          minLength: 1,
          maxLength: 500,
        }),
        (values) => {
          const sorted = countingSortedCopy(Float64Array.from(values));
          return sorted !== undefined && same(sorted, native(Float64Array.from(values)));
        },
      ),
    );
  });
  it('gives up counting on many distinct values and still sorts large inputs', () => {
    const values = Float64Array.from({ length: 100_000 }, (_, i) => Math.sin(i) * 1e6);
    expect(countingSortedCopy(values)).toBeUndefined();
    expect(same(fastSortedCopy(values), native(values))).toBe(true);
    const rounded = Float64Array.from({ length: 100_000 }, (_, i) => Math.round(Math.cos(i) * 300) / 10);
    expect(same(fastSortedCopy(rounded), native(rounded))).toBe(true);
  });
  it('keeps counting right across columns that share the kept table and key arrays', () => {
    for (let column = 0; column < 3; column++) {
      // Few distinct values (counted in the full-size table), then many (sorted with the kept key arrays).
      const few = Float64Array.from({ length: 50_000 + column }, (_, i) => ((i * 7919 + column) % 3000) / 8);
      expect(same(fastSortedCopy(few), native(few))).toBe(true);
      const many = Float64Array.from(
        { length: 40_000 - column * 1000 },
        (_, i) => Math.sin(i + column) * 1e3,
      );
      expect(same(fastSortedCopy(many), native(many))).toBe(true);
    }
  });
  it('writes into the array it is given, a view at any offset of a longer buffer', () => {
    const buffer = new Float64Array(300_000).fill(Number.NaN);
    const at = (length: number) => buffer.subarray(1001, 1001 + length);
    const many = Float64Array.from({ length: 20_000 }, (_, i) => (i % 3 ? -1 : 1) * Math.sin(i) * 1e-310);
    const radix = radixSortedCopy(many, at);
    expect(radix.buffer).toBe(buffer.buffer);
    expect(same(radix, native(many))).toBe(true);
    const few = Float64Array.from({ length: 20_000 }, (_, i) => [0, -0, 2.5, -Infinity][i % 4]!);
    const counted = fastSortedCopy(few, at);
    expect(counted.buffer).toBe(buffer.buffer);
    expect(same(counted, native(few))).toBe(true);
    expect(Number.isNaN(buffer[1000]!) && Number.isNaN(buffer[1001 + 20_000]!)).toBe(true);
  });
  it('never mutates its input', () => {
    const values = Float64Array.from([3, 1, 2]);
    radixSortedCopy(values);
    countingSortedCopy(values);
    expect(Array.from(values)).toEqual([3, 1, 2]);
  });
  it('never mutates a long input either, nor the values around a view it reads', () => {
    const buffer = Float64Array.from({ length: 30_000 }, (_, i) => Math.cos(i) * 1e3);
    const before = Float64Array.from(buffer);
    const view = buffer.subarray(7, 7 + 20_000);
    expect(same(radixSortedCopy(view), native(view))).toBe(true);
    expect(same(buffer, before)).toBe(true);
  });
}

describe('fast sorts equal Float64Array.prototype.sort', () => {
  sortCases();
});

describe('fast sorts equal Float64Array.prototype.sort, with the compiled sort of doubles (ColumnSorter)', () => {
  beforeAll(() => useDoubleSorter(ColumnSorter.forThread));
  afterAll(() => useDoubleSorter(undefined));
  sortCases();
  it('takes columns of 4,096 to 2^21 values, growing its memory, and leaves the others to the bucket sort', () => {
    const taken: number[] = [];
    useDoubleSorter(() => {
      const sorter = ColumnSorter.forThread()!;
      return {
        sortDoubles: (values, sorted) => {
          taken.push(values.length);
          sorter.sortDoubles(values, sorted);
        },
      };
    });
    try {
      for (const length of [4095, 4096, 100_000, 2 ** 21, 2 ** 21 + 1, 5000]) {
        const column = Float64Array.from({ length }, (_, i) =>
          i % 11 === 0 ? -0 : Math.sin(i * 0.7) * 2 ** (i % 60),
        );
        if (!same(radixSortedCopy(column), native(column))) expect(length).toBe('sorted as the native sort');
      }
      expect(taken).toEqual([4096, 100_000, 2 ** 21, 5000]);
    } finally {
      useDoubleSorter(ColumnSorter.forThread);
    }
  });
});

describe('countDistinct equals the runs of the sorted column', () => {
  /** Distinct values (by ===, keeping the first of -0/0 in sorted order) with counts, from the native sort. */
  const runs = (values: Float64Array) => {
    const sorted = native(values);
    const keys: number[] = [];
    const counts: number[] = [];
    for (const v of sorted) {
      if (keys.length > 0 && keys[keys.length - 1] === v) counts[counts.length - 1]!++;
      else {
        keys.push(v);
        counts.push(1);
      }
    }
    return { keys, counts };
  };
  it('whole numbers in a narrow range (tallied directly), wide ranges, -0, fractions and infinities', () => {
    const values = fc.array(
      fc.oneof(
        fc.integer({ min: -40, max: 40 }),
        fc.integer({ min: -70_000, max: 70_000 }),
        fc.constantFrom(-0, 0, 0.5, Infinity, -Infinity, 2 ** 60),
      ),
      { minLength: 1, maxLength: 400 },
    );
    fc.assert(
      fc.property(values, (array) => {
        const column = Float64Array.from(array);
        const counted = countDistinct(column)!;
        const expected = runs(column);
        return (
          same(counted.keys, Float64Array.from(expected.keys)) &&
          same(counted.counts, Float64Array.from(expected.counts))
        );
      }),
    );
  });
});
