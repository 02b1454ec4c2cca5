/**
 * Column typing's counts against plain Set counts: the distinct values of an integer column up to a bound (the
 * mask, flag-table and linear-scan paths, the early exits) and the text/categorical split of string columns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctUpTo, inferColumnType, INTEGER_CARDINALITY_LIMIT } from '../../src/drift/column-types.js';
import { numbersOf, type Column } from '../../src/snapshot/table.js';

/** Distinct non-NaN values as a Set counts them (-0 and 0 are one), capped at limit + 1. */
function setDistinct(values: Float64Array, limit: number): number {
  const set = new Set<number>();
  for (const value of values) if (!Number.isNaN(value)) set.add(value === 0 ? 0 : value);
  return Math.min(set.size, limit + 1);
}

/** Values from every path: the mask's range, the flag table's, beyond it, negatives, fractions, NaN, ±0, ±∞. */
const anyValue = fc.oneof(
  fc.integer({ min: 0, max: 31 }),
  fc.integer({ min: 0, max: 40 }),
  fc.integer({ min: 1000, max: 1030 }),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(
    Number.NaN,
    -0,
    0,
    31,
    32,
    1023,
    1024,
    2 ** 31,
    2 ** 32,
    2 ** 32 + 1,
    -(2 ** 31),
    Infinity,
    -Infinity,
    0.5,
    1e300,
  ),
  fc.double({ noNaN: false }),
);

describe('distinctUpTo', () => {
  it('counts as a Set does, up to the limit + 1', () => {
    fc.assert(
      fc.property(
        fc.array(anyValue, { maxLength: 300 }),
        fc.integer({ min: 0, max: 40 }),
        (values, limit) => {
          const array = Float64Array.from(values);
          expect(distinctUpTo(array, limit)).toBe(setDistinct(array, limit));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('counts values spread over several blocks of the mask (runs, repeats, late new values)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 12 }),
        (pattern, repeat, limit) => {
          // Each value repeated `repeat` times, so new values can first appear thousands of cells in.
          const array = new Float64Array(pattern.length * repeat);
          pattern.forEach((value, index) => array.fill(value, index * repeat, (index + 1) * repeat));
          expect(distinctUpTo(array, limit)).toBe(setDistinct(array, limit));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stops at limit + 1 in the mask, the flag table and the scan', () => {
    const many = (from: number, step: number) =>
      Float64Array.from({ length: 10_000 }, (_, i) => from + (i % 40) * step);
    expect(distinctUpTo(many(0, 0.5), 10)).toBe(11); // mask and scan
    expect(distinctUpTo(many(100, 1), 10)).toBe(11); // flag table
    expect(distinctUpTo(many(5000, 1), 10)).toBe(11); // scan
    expect(
      distinctUpTo(
        Float64Array.from({ length: 10_000 }, (_, i) => i % 32),
        40,
      ),
    ).toBe(32); // mask only
  });
});

describe('inferColumnType', () => {
  it('types an int column categorical with at most 10 distinct values', () => {
    fc.assert(
      fc.property(fc.array(anyValue, { maxLength: 200 }), (values) => {
        const column: Column = { name: 'n', type: 'int', values: Float64Array.from(values) };
        const distinct = setDistinct(numbersOf(column.values), INTEGER_CARDINALITY_LIMIT);
        expect(inferColumnType(column)).toBe(
          distinct <= INTEGER_CARDINALITY_LIMIT ? 'categorical' : 'numerical',
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('types a string column text when its labels exceed half its present cells', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 30 }), { maxLength: 200 }), (raw) => {
        // Codes renumbered so the dictionary holds exactly the labels that occur, as readers build it.
        const order = [...new Set(raw.filter((code) => code >= 0))];
        const codes = Int32Array.from(raw, (code) => (code < 0 ? -1 : order.indexOf(code)));
        const dictionary = order.map((code) => `v${code}`);
        const present = raw.filter((code) => code >= 0).length;
        const column: Column = { name: 's', type: 'string', codes, dictionary };
        expect(inferColumnType(column)).toBe(dictionary.length > 0.5 * present ? 'text' : 'categorical');
      }),
      { numRuns: 1000 },
    );
  });
});
