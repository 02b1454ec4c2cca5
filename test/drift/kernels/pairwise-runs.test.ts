// Sums over runs (a side known by its distinct values and counts) equal numpy's sums of the laid-out side, bit for bit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compensatedSquaredDeviations,
  compensatedSquaredDeviationsOfRepeats,
  compensatedSum,
  compensatedSumOfRepeats,
} from '../../../src/drift/kernels/compensated-sum.js';
import { standardDeviation, standardDeviationOfRuns } from '../../../src/drift/kernels/moments.js';
import { pairwiseSum, pairwiseSumOfRuns } from '../../../src/drift/kernels/pairwise-sum.js';

/** Runs with lengths from tiny to past numpy's 8192-element buffer, values with awkward bits. */
const runsArbitrary = fc.array(
  fc.tuple(
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 100, max: 9000 })),
  ),
  { minLength: 1, maxLength: 12 },
);

function laidOut(runs: [number, number][]): Float64Array {
  return Float64Array.from(runs.flatMap(([value, length]) => Array<number>(length).fill(value)));
}

describe('pairwiseSumOfRuns', () => {
  it('equals pairwiseSum of the laid-out constant runs', () => {
    fc.assert(
      fc.property(runsArbitrary, (runs) => {
        const sum = pairwiseSumOfRuns({ lengths: runs.map(([, l]) => l), values: runs.map(([v]) => v) });
        expect(sum).toBe(pairwiseSum(laidOut(runs)));
      }),
      { numRuns: 60 },
    );
  });

  it('equals pairwiseSum of runs whose elements vary with their offset', () => {
    fc.assert(
      fc.property(runsArbitrary, (runs) => {
        const element = (run: number, offset: number) => runs[run]![0] * 0.37 + offset * 1.3;
        const expected = Float64Array.from(
          runs.flatMap(([, length], run) => Array.from({ length }, (_, offset) => element(run, offset))),
        );
        expect(pairwiseSumOfRuns({ lengths: runs.map(([, l]) => l), element })).toBe(pairwiseSum(expected));
      }),
      { numRuns: 40 },
    );
  });

  it('sums nothing to 0', () => {
    expect(pairwiseSumOfRuns({ lengths: [0, 0], values: [1, 2] })).toBe(0);
  });
});

describe('moments and compensated sums of runs', () => {
  it('standardDeviationOfRuns equals standardDeviation of the side laid out ascending', () => {
    fc.assert(
      fc.property(runsArbitrary, fc.constantFrom(0, 1), (raw, ddof) => {
        const runs = [...new Map(raw.filter(([, l]) => l > 0)).entries()].sort((a, b) => a[0] - b[0]);
        const total = runs.reduce((n, [, l]) => n + l, 0);
        fc.pre(total > ddof);
        const values = Float64Array.from(runs, ([v]) => v);
        const counts = Float64Array.from(runs, ([, l]) => l);
        expect(standardDeviationOfRuns({ values, counts, total }, ddof)).toBe(
          standardDeviation(laidOut(runs), ddof),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('compensated sums of repeats equal those of the laid-out sample', () => {
    fc.assert(
      fc.property(runsArbitrary, (runs) => {
        const values = runs.map(([v]) => v);
        const counts = runs.map(([, l]) => l);
        expect(compensatedSumOfRepeats(values, counts)).toBe(compensatedSum(laidOut(runs)));
        expect(compensatedSquaredDeviationsOfRepeats(values, counts, 3.5)).toBe(
          compensatedSquaredDeviations(laidOut(runs), 3.5),
        );
      }),
      { numRuns: 40 },
    );
  });
});
