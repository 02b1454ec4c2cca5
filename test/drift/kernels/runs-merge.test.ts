// The run-length path (hash-counted runs, merged in O(k)) must equal the sorted path it replaces, bit for bit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeRuns, mergeSorted } from '../../../src/drift/kernels/merged.js';
import { runsOfSorted } from '../../../src/drift/kernels/runs.js';
import { summarizeColumn } from '../../../src/drift/summary.js';
import type { Column } from '../../../src/snapshot/table.js';
import { countDistinct } from '../../../src/util/sort.js';

const sample = fc.array(fc.constantFrom(0, -0, 1.5, -2, 3, 3.25, 1e-300, 7, 42), {
  minLength: 1,
  maxLength: 400,
});
const sorted = (values: number[]) => Float64Array.from(values).sort();
const hashed = (values: number[]) => {
  const distinct = countDistinct(Float64Array.from(values))!;
  return { values: distinct.keys, counts: distinct.counts, total: values.length };
};
const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

describe('runs', () => {
  it('hash-counted runs equal the runs of the sorted sample (-0 and 0 one key, the first kept)', () => {
    fc.assert(
      fc.property(sample, (values) => {
        const fromSort = runsOfSorted(sorted(values));
        const fromHash = hashed(values);
        expect(same(fromHash.values, fromSort.values)).toBe(true);
        expect(Array.from(fromHash.counts)).toEqual(Array.from(fromSort.counts));
      }),
    );
  });

  it('merging runs equals merging the sorted samples', () => {
    fc.assert(
      fc.property(sample, sample, (reference, current) => {
        const expected = mergeSorted(sorted(reference), sorted(current));
        const actual = mergeRuns(hashed(reference), hashed(current));
        expect(same(actual.values, expected.values)).toBe(true);
        expect(Array.from(actual.referenceCounts)).toEqual(Array.from(expected.referenceCounts));
        expect(Array.from(actual.currentCounts)).toEqual(Array.from(expected.currentCounts));
        expect([actual.referenceSize, actual.currentSize]).toEqual([
          expected.referenceSize,
          expected.currentSize,
        ]);
      }),
    );
  });

  it('a column summary from given runs equals the one computed from the column alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(10, 12.5, 15, 20, 20.25, NaN), { minLength: 16, maxLength: 300 }),
        (values) => {
          const column: Column = { name: 'x', type: 'float', values: Float64Array.from(values) };
          const finite = values.filter((v) => !Number.isNaN(v));
          if (finite.length === 0) return;
          const given = summarizeColumn(column, values.length, hashed(finite));
          const alone = summarizeColumn(column, values.length);
          expect(given).toEqual(alone);
        },
      ),
    );
  });
});
