// Short decimals sorted as scaled integers: whenever the scaled sort answers, its array is Float64Array.prototype.sort's
// bit for bit; it declines everything it cannot write back exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaledSource, withDoubles } from '../../../src/drift/doubles.js';
import { decimalSortedCopy, useScaledSorter } from '../../../src/drift/kernels/decimal-sort.js';
import { sortedCopy } from '../../../src/drift/kernels/sorted.js';
import { ColumnSorter } from '../../../src/snapshot/numeric-records.js';
import { decodeScaled, MISSING_DIGITS } from '../../../src/snapshot/table.js';

const native = (values: Float64Array) => Float64Array.from(values).sort();
const same = (a: Float64Array, b: Float64Array) =>
  a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/** A decimal with up to `decimals` digits after the point, as a CSV reader parses it. */
const decimal = (decimals: number, magnitude: number) =>
  fc
    .tuple(fc.integer({ min: -magnitude, max: magnitude }), fc.integer({ min: 0, max: 10 ** decimals - 1 }))
    .map(([whole, fraction]) => Number(`${whole}.${String(fraction).padStart(decimals, '0')}`));

describe('decimalSortedCopy', () => {
  it('sorts short decimals exactly as the native sort (mixed decimals, negatives, duplicates)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }).chain((decimals) =>
          fc.array(fc.oneof(decimal(decimals, 2000), decimal(Math.min(decimals, 2), 5), fc.constant(1.5)), {
            minLength: 1,
            maxLength: 400,
          }),
        ),
        (values) => {
          const input = Float64Array.from(values);
          const sorted = decimalSortedCopy(input);
          return sorted === undefined || same(sorted, native(input));
        },
      ),
    );
  });

  it('answers for every column of decimals that fit 32 bits once scaled', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 9 })
          .chain((decimals) => fc.array(decimal(decimals, 1), { minLength: 1, maxLength: 64 })),
        (values) => {
          const input = Float64Array.from(values);
          const sorted = decimalSortedCopy(input);
          return sorted !== undefined && same(sorted, native(input));
        },
      ),
    );
  });

  it('never answers other than the native sort, on any doubles (±0, ±Infinity, subnormals, huge values)', () => {
    const special = fc.constantFrom(
      0,
      -0,
      Infinity,
      -Infinity,
      5e-324,
      -5e-324,
      2.2e-308,
      1e300,
      0.1 + 0.2,
      2 ** 31,
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: true }), special, decimal(3, 100)), {
          minLength: 1,
          maxLength: 300,
        }),
        (values) => {
          const input = Float64Array.from(values);
          const sorted = decimalSortedCopy(input);
          return sorted === undefined || same(sorted, native(input));
        },
      ),
    );
  });

  it('declines -0, infinities, values beyond 32 bits once scaled, and too many decimals', () => {
    expect(decimalSortedCopy(Float64Array.of(1.5, -0, 2))).toBeUndefined();
    expect(decimalSortedCopy(Float64Array.of(1.5, Infinity))).toBeUndefined();
    expect(decimalSortedCopy(Float64Array.of(-Infinity, 1))).toBeUndefined();
    expect(decimalSortedCopy(Float64Array.of(0.5, 2 ** 31))).toBeUndefined();
    expect(decimalSortedCopy(Float64Array.of(Math.PI))).toBeUndefined();
    expect(decimalSortedCopy(Float64Array.of(0.1 + 0.2))).toBeUndefined();
    expect(decimalSortedCopy(Float64Array.of(5e-324))).toBeUndefined();
    // 0 itself, and the extremes that still fit.
    expect(Array.from(decimalSortedCopy(Float64Array.of(0, 2 ** 31 - 1, -(2 ** 31 - 1)))!)).toEqual([
      -(2 ** 31 - 1),
      0,
      2 ** 31 - 1,
    ]);
  });

  it('a value past the first ones that needs more decimals than guessed: declined, or still exact', () => {
    const values = Float64Array.from({ length: 10_000 }, (_, i) => (i % 1000) / 100);
    values[9_000] = 1.23456789012; // more than 9 decimals
    expect(decimalSortedCopy(values)).toBeUndefined();
    values[9_000] = 1.2345; // more than the 2 guessed, fewer than 9: not exact at scale 100
    expect(decimalSortedCopy(values)).toBeUndefined();
    expect(same(sortedCopy(values), native(values))).toBe(true);
  });

  it('one, two and three radix passes, and a constant column', () => {
    for (const spread of [1000, 3_000_000, 2_000_000_000]) {
      const values = Float64Array.from(
        { length: 20_000 },
        (_, i) => (((i * 2654435761) % spread) - spread / 2) / 1000,
      );
      const sorted = decimalSortedCopy(values);
      expect(sorted).toBeDefined();
      expect(same(sorted!, native(values))).toBe(true);
    }
    const constant = new Float64Array(5000).fill(-2.75);
    expect(same(decimalSortedCopy(constant)!, constant)).toBe(true);
    expect(decimalSortedCopy(new Float64Array(0))!.length).toBe(0);
  });

  it('ranges at each pass count boundary (11, 12, 24, 25 and 32 bits), negative integers and ties', () => {
    let seed = 11;
    const random = () => (seed = (Math.imul(seed, 48271) >>> 0) % 2147483647) / 2147483647;
    for (const bits of [1, 2, 10, 11, 12, 13, 22, 23, 24, 25, 26, 31, 32]) {
      const span = Math.min(2 ** bits - 1, 2 ** 32 - 2);
      const low = bits === 32 ? -(2 ** 31 - 1) : -Math.floor(span / 3);
      for (const decimals of [0, 3, 6]) {
        // Both extremes present (the range spans exactly `bits` bits), repeats of a few values, the rest at random.
        const digits = Int32Array.from({ length: 6000 }, (_, i) =>
          i === 0
            ? low
            : i === 1
              ? low + span
              : i % 7 === 0
                ? low + (i % 3)
                : low + Math.floor(random() * (span + 1)),
        );
        const values = Float64Array.from(digits, (m) => m / 10 ** decimals);
        const fromIntegers = decimalSortedCopy(values, undefined, { digits, decimals });
        expect(same(fromIntegers!, native(values))).toBe(true);
        if (decimals === 6 || bits <= 24) {
          const fromDoubles = decimalSortedCopy(values);
          expect(fromDoubles === undefined || same(fromDoubles, native(values))).toBe(true);
        }
      }
    }
  });

  it('columns of many short decimals reach the scaled sort through sortedCopy, and equal the native sort', () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 48271) >>> 0) % 2147483647) / 2147483647;
    for (let column = 0; column < 3; column++) {
      const values = Float64Array.from({ length: 50_000 }, () =>
        Number((random() + random() + random() + column * 0.01).toFixed(6)),
      );
      expect(decimalSortedCopy(values)).toBeDefined();
      expect(same(sortedCopy(values), native(values))).toBe(true);
    }
  });

  it('sorts the scaled integers of a compact column as they are stored, as the native sort does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 15 }),
        fc.array(fc.integer({ min: -(2 ** 31) + 1, max: 2 ** 31 - 1 }), { minLength: 1, maxLength: 300 }),
        (decimals, integers) => {
          const digits = Int32Array.from(integers);
          // The doubles a compact column stands for (no -0: a stored 0 is +0).
          const values = Float64Array.from(digits, (m) => m / 10 ** decimals);
          const sorted = decimalSortedCopy(values, undefined, { digits, decimals });
          return sorted !== undefined && same(sorted, native(values));
        },
      ),
    );
  });

  it('a compact column decoded for scoring is sorted from its integers (withDoubles, sortedCopy)', () => {
    const digits = Int32Array.from({ length: 20_000 }, (_, i) => ((i * 7919) % 40_001) - 20_000);
    const column = withDoubles({ name: 'x', type: 'float', values: { digits, decimals: 12 } }, 2);
    const values = (column as { values: Float64Array }).values;
    expect(scaledSource(values)?.digits).toBe(digits);
    // 12 decimals: more than the scaled sort guesses from the values themselves, so only the integers get it there.
    expect(decimalSortedCopy(Float64Array.from(values))).toBeUndefined();
    expect(same(sortedCopy(values), native(values))).toBe(true);
  });

  it('the decoding finds the least and greatest present integer, which the sort of a compact column then uses', () => {
    const range = new Int32Array(2);
    const digits = Int32Array.of(-5, MISSING_DIGITS, 7, -2_147_483_647, 0, 2_147_483_647, MISSING_DIGITS);
    const out = new Float64Array(digits.length);
    expect(decodeScaled({ digits, decimals: 3 }, out, range)).toBe(2);
    expect(Array.from(range)).toEqual([-2_147_483_647, 2_147_483_647]);
    expect(Object.is(out[4], 0)).toBe(true);
    expect(Number.isNaN(out[1]!)).toBe(true);
    // Every cell missing: no present integer, the range is left empty (least above greatest).
    decodeScaled({ digits: Int32Array.of(MISSING_DIGITS), decimals: 0 }, out, range);
    expect(range[0]!).toBeGreaterThan(range[1]!);

    const column = withDoubles(
      { name: 'x', type: 'float', values: { digits: Int32Array.of(-300, 125, -300, 4096, 0), decimals: 2 } },
      2,
    );
    const values = (column as { values: Float64Array }).values;
    expect(scaledSource(values)).toMatchObject({ min: -300, max: 4096, decimals: 2 });
    expect(same(decimalSortedCopy(values, undefined, scaledSource(values))!, native(values))).toBe(true);
    // A column with a missing cell hands no source to the sort.
    const gappy = withDoubles(
      { name: 'y', type: 'float', values: { digits: Int32Array.of(1, MISSING_DIGITS, 3), decimals: 0 } },
      2,
    );
    expect(scaledSource((gappy as { values: Float64Array }).values)).toBeUndefined();
  });
});

describe('the compiled sort of compact columns (ColumnSorter)', () => {
  let seed = 29;
  const random = () => (seed = (Math.imul(seed, 48271) >>> 0) % 2147483647) / 2147483647;
  /** `n` integers spanning exactly `bits` bits (both extremes present), with repeats, from a low end below zero. */
  const integers = (n: number, bits: number) => {
    const span = bits === 0 ? 0 : Math.min(2 ** bits - 1, 2 ** 32 - 2);
    const low = bits === 32 ? -(2 ** 31 - 1) : -Math.floor(span / 3);
    return Int32Array.from({ length: n }, (_, i) =>
      i === 0
        ? low
        : i === 1
          ? low + span
          : i % 5 === 0
            ? low + (i % 4)
            : low + Math.floor(random() * (span + 1)),
    );
  };

  it('writes the array of the loops it repeats, at every pass count, as its memory grows', () => {
    const sorter = ColumnSorter.create()!;
    expect(sorter).toBeDefined();
    // Longer columns grow its memory, a shorter one after them reuses it.
    for (const n of [4096, 6000, 150_000, 70_001]) {
      for (const bits of [0, 1, 11, 12, 13, 24, 25, 31, 32]) {
        const digits = integers(n, bits);
        const decimals = bits % 7;
        let min = digits[0]!;
        let max = min;
        for (const m of digits) [min, max] = [Math.min(min, m), Math.max(max, m)];
        const loops = decimalSortedCopy(new Float64Array(n), undefined, { digits, decimals, min, max })!;
        const compiled = new Float64Array(n);
        sorter.sortScaled(digits, n, 10 ** decimals, min, max, compiled);
        if (!same(compiled, loops))
          expect([n, bits, Array.from(compiled.subarray(0, 8))]).toEqual([n, bits, loops]);
      }
    }
    // The first n integers of a longer array (a key array the sort keeps between calls).
    const digits = integers(9000, 20);
    const compiled = new Float64Array(5000);
    sorter.sortScaled(digits, 5000, 100, -(2 ** 20), 2 ** 20, compiled);
    expect(same(compiled, native(Float64Array.from(digits.subarray(0, 5000), (m) => m / 100)))).toBe(true);
  });

  it('sorts compact columns of 4,096 to 2^21 cells once a thread has it (useScaledSorter), as the native sort', () => {
    const made: number[] = [];
    const taken: number[] = [];
    useScaledSorter(() => {
      made.push(made.length);
      const sorter = ColumnSorter.create()!;
      return {
        sortScaled: (scaled, n, scale, min, max, sorted) => {
          taken.push(n);
          sorter.sortScaled(scaled, n, scale, min, max, sorted);
        },
      };
    });
    try {
      for (const [n, bits] of [
        [4096, 24],
        [20_000, 11],
        [20_000, 32],
        [4095, 25],
        [2 ** 21, 22],
        [2 ** 21 + 1, 22],
      ] as const) {
        const digits = integers(n, bits);
        const values = Float64Array.from(digits, (m) => m / 1000);
        expect(same(decimalSortedCopy(values, undefined, { digits, decimals: 3 })!, native(values))).toBe(
          true,
        );
      }
      // One sorter made for the thread, and kept; the shorter and the longer column sorted by the loops.
      expect(made).toEqual([0]);
      expect(taken).toEqual([4096, 20_000, 20_000, 2 ** 21]);
    } finally {
      useScaledSorter(undefined);
    }
  });
});
