// The run-length path (hash-counted runs, merged in O(k)) must equal the sorted path it replaces, bit for bit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mergeRuns,
  mergeSorted,
  mergedDistribution,
  mergedHistogram,
} from '../../../src/drift/kernels/merged.js';
import { withColumnScratch } from '../../../src/drift/kernels/scratch.js';
import { sortedCurrent, sortedReference } from '../../../src/drift/kernels/sorted.js';
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
/**
 * The merge written the plainest way, as the reference: pooled values sorted, equal neighbours (===, so -0 and 0)
 * folded into one key, each side's occurrences counted with ===.
 */
function naiveMerge(reference: number[], current: number[]) {
  const pooled = [...reference, ...current].sort((a, b) => a - b);
  const values: number[] = [];
  for (const value of pooled) if (values.length === 0 || values.at(-1) !== value) values.push(value);
  return {
    values,
    referenceCounts: values.map((key) => reference.filter((v) => v === key).length),
    currentCounts: values.map((key) => current.filter((v) => v === key).length),
  };
}

/** -0 and 0 are one key; which sign it keeps is checked separately, between the two production paths. */
const unsignedZero = (value: number) => (value === 0 ? 0 : value);
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

  it('merging runs (hashed or sorted) equals the plain merge of the two samples', () => {
    fc.assert(
      fc.property(sample, sample, (reference, current) => {
        const expected = naiveMerge(reference, current);
        const hashedMerge = mergeRuns(hashed(reference), hashed(current));
        const sortedMerge = mergeSorted(sorted(reference), sorted(current));
        for (const actual of [hashedMerge, sortedMerge]) {
          expect(Array.from(actual.values, unsignedZero)).toEqual(expected.values.map(unsignedZero));
          expect(Array.from(actual.referenceCounts)).toEqual(expected.referenceCounts);
          expect(Array.from(actual.currentCounts)).toEqual(expected.currentCounts);
          expect([actual.referenceSize, actual.currentSize]).toEqual([reference.length, current.length]);
        }
        // Both paths keep the same key (sign of zero included) where -0 and 0 meet.
        expect(same(hashedMerge.values, sortedMerge.values)).toBe(true);
      }),
    );
  });

  it('histograms from the sorted sides equal histograms from the running totals of the merge', () => {
    const edge = fc.constantFrom(-3, -2, -0, 0, 1e-300, 1.5, 3, 3.125, 7, 42, 50);
    fc.assert(
      fc.property(
        sample,
        sample,
        fc.uniqueArray(edge, { minLength: 2, maxLength: 6, comparator: (a, b) => a === b }),
        fc.boolean(),
        (reference, current, edges, scoped) => {
          const ascending = [...edges].sort((a, b) => a - b);
          // Without sorted sides: running totals over the merged keys.
          const plain = mergeSorted(sorted(reference), sorted(current));
          const fromSorted = () => {
            const pair = {
              column: 'x',
              columnType: 'numerical' as const,
              reference: Float64Array.from(reference),
              current: Float64Array.from(current),
              cache: new Map(),
            };
            sortedReference(pair);
            sortedCurrent(pair);
            const merged = mergedDistribution(pair);
            return (['reference', 'current'] as const).map((side) =>
              Array.from(mergedHistogram(merged, side, ascending)),
            );
          };
          const actual = scoped ? withColumnScratch(fromSorted) : fromSorted();
          expect(actual).toEqual(
            (['reference', 'current'] as const).map((side) =>
              Array.from(mergedHistogram(plain, side, ascending)),
            ),
          );
        },
      ),
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
