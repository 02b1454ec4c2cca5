// Executes the @example of every exported function of the catalogue's second half (style guide: examples are run,
// not only written). Each case repeats the documented call and its documented result.
import { describe, expect, it } from 'vitest';
import { adjustPValues } from '../../../src/drift/correction.js';
import { columnEffect } from '../../../src/drift/effect.js';
import { besselK } from '../../../src/drift/kernels/bessel-k.js';
import { chiSquareSf, normalSf, studentTwoSidedP } from '../../../src/drift/kernels/p-values.js';
import { percentileSorted } from '../../../src/drift/kernels/quantile.js';
import { missingDrift } from '../../../src/drift/missing-drift.js';
import { andersonDarling } from '../../../src/drift/stattests/anderson.js';
import { cramerVonMises } from '../../../src/drift/stattests/cramer-von-mises.js';
import { energyDistance } from '../../../src/drift/stattests/ed.js';
import { sigmaMedian } from '../../../src/drift/stattests/empirical-mmd.js';
import { eppsSingleton } from '../../../src/drift/stattests/es.js';
import { fisherExactTwoSided } from '../../../src/drift/stattests/fisher-exact.js';
import { gTest } from '../../../src/drift/stattests/g-test.js';
import { mannWhitneyLess } from '../../../src/drift/stattests/mannw.js';
import { studentTTest } from '../../../src/drift/stattests/t-test.js';
import { totalVariationDistance } from '../../../src/drift/stattests/tvd.js';
import { computeSummary } from '../../../src/drift/summary.js';
import { pairOf, VECTOR_A_CURRENT as A_CUR, VECTOR_A_REFERENCE as A_REF } from './helpers.js';

describe('documented examples', () => {
  it.each([
    [
      'andersonDarling',
      () => andersonDarling(pairOf(A_REF, A_CUR)).significanceLevel,
      0.06351467728760844,
      1e-14,
    ],
    ['cramerVonMises', () => cramerVonMises(pairOf(A_REF, A_CUR)).pValue, 0.06433566433566433, 0],
    ['energyDistance', () => energyDistance(pairOf(A_REF, A_CUR)), 1.570230874744221, 0],
    ['eppsSingleton', () => eppsSingleton(pairOf(A_REF, A_CUR)).pValue, 0.40844891295815844, 1e-13],
    [
      'fisherExactTwoSided',
      () =>
        fisherExactTwoSided([
          [0, 6],
          [6, 0],
        ]),
      0.0021645021645021645,
      1e-15,
    ],
    ['gTest', () => gTest(pairOf(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b'])).pValue, 0.3063154055027368, 0],
    ['mannWhitneyLess', () => mannWhitneyLess(pairOf(A_REF, A_CUR)).pValue, 0.9675213675213674, 0],
    ['studentTTest', () => studentTTest(pairOf(A_REF, A_CUR)).pValue, 0.08410572024397052, 1e-14],
    [
      'totalVariationDistance',
      () => totalVariationDistance(pairOf(['a', 'a', 'b'], ['a', 'b', 'b'])),
      0.3333333333333333,
      0,
    ],
    ['sigmaMedian', () => sigmaMedian(Float64Array.of(0, 1, 4, 1, 0, 1, 4, 1, 0)), 0.7071067811865476, 0],
    ['missingDrift', () => missingDrift(10, 1000, 80, 1000).missing_p_value, 4.336258489608162e-14, 0],
    ['chiSquareSf', () => chiSquareSf(5.5, 2), 0.06392786120670757, 0],
    ['normalSf', () => normalSf(1.959963984540054), 0.025000000000000015, 0],
    ['studentTwoSidedP', () => studentTwoSidedP(2, 10), 0.07338803477074039, 0],
    ['besselK', () => besselK(0.25, 1), 0.4307397744485861, 0],
    ['percentileSorted', () => percentileSorted(Float64Array.of(1.5, 2, 2, 4, 8), 25), 2, 0],
  ] as const)('%s', (_name, call, expected, tolerance) => {
    const value = call();
    expect(Math.abs(value - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
  });

  it('adjustPValues', () => {
    expect(adjustPValues([0.01, 0.04, 0.03], 'holm')).toEqual([0.03, 0.06, 0.06]);
  });

  it('columnEffect', () => {
    expect(columnEffect(pairOf([1, 2, 3], [1, 2, 3]))).toEqual({ wasserstein_normed: 0, jensenshannon: 0 });
  });

  it('computeSummary', () => {
    const summary = computeSummary({
      source: 's',
      rows: 3,
      columns: [{ name: 'fee', type: 'float', values: Float64Array.of(10, 20, Number.NaN) }],
    });
    expect(summary.by_column[0]).toMatchObject({
      column: 'fee',
      type: 'numerical',
      count: 2,
      missing: { count: 1, share: 1 / 3 },
      mean: 15,
    });
  });
});
