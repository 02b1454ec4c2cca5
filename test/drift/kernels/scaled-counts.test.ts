// A compact side's distinct values tallied from its scaled integers: whenever the tally answers, it is countDistinct
// of the decoded doubles, key for key and count for count; it declines a range of 65,536 integers or more.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaledDenseCounts } from '../../../src/drift/kernels/scaled-counts.js';
import { MISSING_DIGITS, numbersOf, type ScaledDecimals } from '../../../src/snapshot/table.js';
import { countDistinct } from '../../../src/util/sort.js';

const same = (a: Float64Array, b: Float64Array) =>
  a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/** Scaled integers around `centre` within `spread`, with `decimals` decimals. */
const side = (decimals: number, centre: number, spread: number) =>
  fc
    .array(fc.integer({ min: centre - spread, max: centre + spread }), { minLength: 1, maxLength: 500 })
    .map((digits): ScaledDecimals => ({ digits: Int32Array.from(digits), decimals }));

describe('scaledDenseCounts', () => {
  it('equals countDistinct of the decoded doubles (decimals 0 to 15, negatives, repeats)', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(
            fc.integer({ min: 0, max: 15 }),
            fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
            fc.integer({ min: 0, max: 32_767 }), // a range below 65,536
          )
          .chain(([decimals, centre, spread]) => side(decimals, centre, spread)),
        (source) => {
          const tallied = scaledDenseCounts(source)!;
          const expected = countDistinct(numbersOf(source))!;
          expect(same(tallied.keys, expected.keys)).toBe(true);
          expect(same(tallied.counts, expected.counts)).toBe(true);
        },
      ),
    );
  });

  it('passes over missing cells as countDistinct of the doubles does with finiteOnly', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: -1_000_000, max: 1_000_000 }))
          .chain(([decimals, centre]) =>
            fc
              .array(
                fc.oneof(fc.integer({ min: centre - 500, max: centre + 500 }), fc.constant(MISSING_DIGITS)),
                {
                  minLength: 1,
                  maxLength: 300,
                },
              )
              .map((digits): ScaledDecimals => ({ digits: Int32Array.from(digits), decimals })),
          ),
        (source) => {
          const tallied = scaledDenseCounts(source, true);
          const expected = countDistinct(numbersOf(source), true)!;
          // The same with the present cells' range given, as the decoding of a compact column finds it.
          const present = source.digits.filter((m) => m !== MISSING_DIGITS);
          const ranged = scaledDenseCounts(
            { ...source, min: Math.min(0x7fffffff, ...present), max: Math.max(-0x7fffffff, ...present) },
            true,
          );
          expect(ranged).toEqual(tallied);
          if (source.digits.every((m) => m === MISSING_DIGITS)) {
            expect(tallied).toBeUndefined(); // left to countDistinct
            return;
          }
          expect(same(tallied!.keys, expected.keys)).toBe(true);
          expect(same(tallied!.counts, expected.counts)).toBe(true);
        },
      ),
    );
  });

  it('declines a range of 65,536 integers or more, and takes 65,535', () => {
    expect(scaledDenseCounts({ digits: Int32Array.of(0, 65_536), decimals: 2 })).toBeUndefined();
    expect(
      scaledDenseCounts({ digits: Int32Array.of(0, 65_536), decimals: 2, min: 0, max: 65_536 }),
    ).toBeUndefined();
    const given = scaledDenseCounts({
      digits: Int32Array.of(65_535, 0, 65_535),
      decimals: 3,
      min: 0,
      max: 65_535,
    })!;
    expect(Array.from(given.counts)).toEqual([1, 2]);
    expect(
      scaledDenseCounts({ digits: Int32Array.of(-2_147_483_647, 2_147_483_647), decimals: 0 }),
    ).toBeUndefined();
    const widest = scaledDenseCounts({ digits: Int32Array.of(65_535, 0, 65_535), decimals: 3 })!;
    expect(Array.from(widest.keys)).toEqual([0, 65.535]);
    expect(Array.from(widest.counts)).toEqual([1, 2]);
  });

  it('counts one value and all-equal sides, and declines an empty side', () => {
    expect(scaledDenseCounts({ digits: new Int32Array(0), decimals: 1 })).toBeUndefined();
    const one = scaledDenseCounts({ digits: Int32Array.of(-5), decimals: 1 })!;
    expect(Array.from(one.keys)).toEqual([-0.5]);
    const equal = scaledDenseCounts({ digits: new Int32Array(1000).fill(1825), decimals: 2 })!;
    expect(Array.from(equal.keys)).toEqual([18.25]);
    expect(Array.from(equal.counts)).toEqual([1000]);
  });
});
