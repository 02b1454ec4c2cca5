// Executes the @example of every exported function of the statistics core (style guide: examples are run,
// not only written). Each case repeats the documented call and its documented result.
import { describe, expect, it } from 'vitest';
import {
  ecdfWalk,
  equalWidthEdges,
  histogramCountsSorted,
  mean,
  mergeSorted,
  pairwiseSum,
  pooledRanksOf,
  sortedCopy,
  standardDeviation,
  sturgesBinCount,
  sturgesEdges,
  zeroFill,
} from '../../src/drift/kernels/index.js';
import { kolmogn, kstwoSf } from '../../src/drift/special/kolmogn.js';
import {
  computeOuterProbInsideMethod,
  computeProbOutsideSquare,
} from '../../src/drift/special/ks-two-sample.js';
import { smirnov } from '../../src/drift/special/smirnov.js';
import { chiSquareFromCounts } from '../../src/drift/stattests/chisquare.js';
import { hellingerCategoricalFromCounts } from '../../src/drift/stattests/hellinger.js';
import { getStatTest } from '../../src/drift/stattests/index.js';
import { jensenShannonFromShares } from '../../src/drift/stattests/jensenshannon.js';
import { klDivFromShares } from '../../src/drift/stattests/kl-div.js';
import { ks2samp, ksPValue } from '../../src/drift/stattests/ks.js';
import { psiFromShares } from '../../src/drift/stattests/psi.js';
import { normedWasserstein } from '../../src/drift/stattests/wasserstein.js';
import { twoProportionZTest } from '../../src/drift/stattests/z.js';
import { pairOf } from './catalogue/helpers.js';

const f64 = (values: number[]) => new Float64Array(values);

describe('kernels', () => {
  it.each([
    ['pairwiseSum', () => pairwiseSum(f64([0.1, 0.2, 0.3])), 0.6000000000000001],
    ['sturgesBinCount', () => sturgesBinCount(0, 11, 180), 9],
    ['mean', () => mean(f64([1, 2, 3, 4])), 2.5],
    ['standardDeviation', () => standardDeviation(f64([1, 2, 3, 4]), 0), 1.118033988749895],
  ] as const)('%s', (_name, run, expected) => {
    expect(run()).toBe(expected);
  });

  it('array-valued examples', () => {
    expect(Array.from(sortedCopy(f64([3, 1, 2])))).toEqual([1, 2, 3]);
    const merged = mergeSorted(f64([1, 1, 2]), f64([2, 3]));
    expect([merged.values, merged.referenceCounts, merged.currentCounts].map((a) => Array.from(a))).toEqual([
      [1, 2, 3],
      [2, 1, 0],
      [0, 1, 1],
    ]);
    expect(ecdfWalk(mergeSorted(f64([1, 2]), f64([2, 3])))).toMatchObject({
      ksStatistic: 0.5,
      wasserstein1: 1,
      energyIntegral: 0.5,
    });
    const ranks = pooledRanksOf(mergeSorted(f64([1, 2]), f64([2, 3])));
    expect(Array.from(ranks.averageRanks)).toEqual([1, 2.5, 4]);
    expect(Array.from(ranks.tieCounts)).toEqual([1, 2, 1]);
    expect([ranks.referenceRankSum, ranks.tieCorrection]).toEqual([3.5, 6]);
    expect(Array.from(equalWidthEdges(0, 1, 4))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(sturgesEdges(5, 5, 10))).toEqual([4.5, 5.5]);
    expect(Array.from(histogramCountsSorted(f64([0, 1, 1, 2]), f64([0, 1, 2])))).toEqual([1, 3]);
    expect(Array.from(zeroFill(f64([0, 0.5, 0.5])))).toEqual([0.0001, 0.5, 0.5]);
  });
});

describe('special functions and stat tests', () => {
  it.each([
    ['smirnov', () => smirnov(5, 0.5), 0.056],
    ['kolmogn', () => kolmogn(10, 0.274, false), 0.3715203845434957],
    ['kstwoSf', () => kstwoSf(0.5, 10), 0.00777741],
    ['computeProbOutsideSquare', () => computeProbOutsideSquare(8, 5), 0.08702408702408701],
    ['computeOuterProbInsideMethod', () => computeOuterProbInsideMethod(10, 8, 2, 22), 0.09511403629050688],
    ['ksPValue', () => ksPValue(0.625, 8, 8).pValue, 0.08702408702408701],
    [
      'ks2samp',
      () =>
        ks2samp(
          pairOf(
            [38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0],
            [39.2, 39.3, 39.7, 41.4, 41.8, 42.9, 43.3, 45.8],
          ),
        ).pValue,
      0.08702408702408701,
    ],
    [
      'chiSquareFromCounts',
      () => chiSquareFromCounts([1, 2, 1], [3, 1, 0], 4, 4).pValue,
      0.06392786120670757,
    ],
    ['twoProportionZTest', () => twoProportionZTest(40, 100, 55, 100).pValue, 0.03367206885634588],
    ['normedWasserstein', () => normedWasserstein(2.2807833333333334, 29.12982180599272), 0.0782971948309042],
    ['psiFromShares', () => psiFromShares(f64([1, 0.0001]), f64([0.0001, 1])), 18.41883867587797],
    ['klDivFromShares', () => klDivFromShares(f64([0.5, 0.5]), f64([0.25, 0.75])), 0.14384103622589042],
    ['jensenShannonFromShares', () => jensenShannonFromShares(f64([1, 0]), f64([0, 1])), 0.8325546111576977],
    ['hellingerCategoricalFromCounts', () => hellingerCategoricalFromCounts([50, 50], [50, 50], 100, 100), 0],
  ] as const)('%s', (_name, run, expected) => {
    expect(run()).toBe(expected);
  });

  it('getStatTest', () => {
    expect(getStatTest('ks').displayName).toBe('K-S p_value');
  });
});
