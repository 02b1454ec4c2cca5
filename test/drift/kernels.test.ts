// Kernels of the statistics core: numpy/pandas summation, histograms, ECDF walk and ranks against committed
// numpy/scipy/pandas vectors (test/vectors/kernels.json), plus the merge, zero-fill and binning rules.
import { describe, expect, it } from 'vitest';
import {
  binnedCounts,
  binnedShares,
  ecdfWalk,
  equalWidthEdges,
  histogramCountsFromValueCounts,
  histogramCountsSorted,
  mergedDistribution,
  mergedFromValueCounts,
  mergeSorted,
  pairwiseSum,
  pooledAverageRanks,
  pooledRanks,
  sortedCopy,
  sortedReference,
  standardDeviation,
  sturgesBinCount,
  sturgesEdges,
  zeroFill,
} from '../../src/drift/kernels/index.js';
import { pairwiseSumOfSquaredDeviations, sparsePairwiseSum } from '../../src/drift/kernels/pairwise-sum.js';
import { mergedHistogram } from '../../src/drift/kernels/merged.js';
import { countIntoBins } from '../../src/drift/distribution.js';
import { pairOf } from './catalogue/helpers.js';
import {
  fromJson,
  loadVectors,
  materialise,
  relativeError,
  type DataSpec,
  type JsonNumber,
} from './vector-data.js';

interface Vectors {
  sums: { data: DataSpec; sum: JsonNumber; pandasStd0: JsonNumber | null; pandasStd1: JsonNumber | null }[];
  histograms: { data: DataSpec; bins?: number; edges: JsonNumber[]; counts: number[] }[];
  ecdfWalks: {
    reference: DataSpec;
    current: DataSpec;
    wasserstein1: JsonNumber;
    energy: JsonNumber;
    ks: JsonNumber;
  }[];
  ranks: {
    reference: DataSpec;
    current: DataSpec;
    ranks: JsonNumber[];
    referenceRankSum: JsonNumber;
    tieCorrection: JsonNumber;
  }[];
}
const vectors = loadVectors<Vectors>('kernels.json');
const numbers = (spec: DataSpec) => Float64Array.from(materialise(spec) as number[]);

describe('pairwiseSum and standardDeviation vs numpy / pandas', () => {
  it.each(vectors.sums.map((c) => [materialise(c.data).length, c] as const))('n = %d', (_n, c) => {
    const data = numbers(c.data);
    // Bit-identical: same pairwise grouping and the same 8192-element reduction chunks as numpy.
    expect(pairwiseSum(data)).toBe(fromJson(c.sum));
    if (c.pandasStd0 !== null)
      expect(relativeError(standardDeviation(data, 0), fromJson(c.pandasStd0))).toBeLessThanOrEqual(1e-15);
    if (c.pandasStd1 !== null)
      expect(relativeError(standardDeviation(data, 1), fromJson(c.pandasStd1))).toBeLessThanOrEqual(1e-15);
  });

  it('sums a sub-range', () => {
    expect(pairwiseSum(new Float64Array([1, 2, 3, 4]), 1, 2)).toBe(5);
  });

  it('standardDeviation needs more points than ddof', () => {
    expect(() => standardDeviation(new Float64Array([1]), 1)).toThrow(/requires at least 2 data point/);
  });
});

describe('sparse and fused pairwise sums equal the dense numpy grouping bit for bit', () => {
  // A seeded LCG: reproducible, no dependence on Math.random.
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
  }

  it.each([
    [7, 0.5],
    [100, 0.3],
    [129, 0.9],
    [8192, 0.01],
    [8193, 0.2],
    [40_000, 0.001],
    [40_000, 0.7],
    [100_000, 1],
  ])('length %d, density %d', (length, density) => {
    const next = random(length * 31 + Math.round(density * 1000));
    const dense = new Float64Array(length);
    const positions: number[] = [];
    const terms: number[] = [];
    for (let i = 0; i < length; i++) {
      if (next() < density) {
        dense[i] = next() * 10 ** Math.floor(next() * 12 - 6);
        positions.push(i);
        terms.push(dense[i]!);
      }
    }
    const sparse = sparsePairwiseSum(
      Int32Array.from(positions),
      Float64Array.from(terms),
      terms.length,
      length,
    );
    expect(sparse).toBe(pairwiseSum(dense));
    const center = pairwiseSum(dense) / length;
    const squares = dense.map((x) => (center - x) ** 2);
    expect(pairwiseSumOfSquaredDeviations(dense, center)).toBe(pairwiseSum(squares));
  });

  it('histograms from running totals equal the walk over the values, edges inside, outside and repeated', () => {
    const next = random(99);
    const reference = Float64Array.from({ length: 5000 }, () => Math.round(next() * 200) / 10);
    const current = Float64Array.from({ length: 3000 }, () => Math.round(next() * 250) / 10 - 2);
    const merged = mergeSorted(sortedCopy(reference), sortedCopy(current));
    const edgeSets = [
      [0, 5, 10, 15, 20],
      [-5, 0.05, 0.1, 3.3, 3.3, 30],
      [2.5, 2.5],
      [1.1, 1.2],
      [-100, -50],
      Array.from({ length: 41 }, (_, i) => -2 + i * 0.65),
    ];
    for (const edges of edgeSets) {
      for (const side of ['reference', 'current'] as const) {
        const counts = side === 'reference' ? merged.referenceCounts : merged.currentCounts;
        const walked = histogramCountsFromValueCounts(merged.values, counts, Float64Array.from(edges));
        expect(Array.from(mergedHistogram(merged, side, edges))).toEqual(Array.from(walked));
        if (edges.every((edge, i) => i === 0 || edge > edges[i - 1]!))
          expect(Array.from(mergedHistogram(merged, side, edges))).toEqual(
            countIntoBins(merged.values, edges, counts),
          );
      }
    }
  });

  it('an all-zero virtual array sums to 0', () => {
    expect(sparsePairwiseSum(new Int32Array(0), new Float64Array(0), 0, 10_000)).toBe(0);
  });
});

describe('histograms vs numpy histogram_bin_edges / histogram', () => {
  it.each(vectors.histograms.map((c) => [materialise(c.data).length, c.bins ?? 'sturges', c] as const))(
    'n = %d, bins = %s',
    (_n, _b, c) => {
      const data = numbers(c.data);
      const sorted = sortedCopy(data);
      const min = sorted[0]!;
      const max = sorted[sorted.length - 1]!;
      const edges =
        c.bins === undefined ? sturgesEdges(min, max, data.length) : equalWidthEdges(min, max, c.bins);
      expect(Array.from(edges)).toEqual(c.edges.map(fromJson));
      expect(Array.from(histogramCountsSorted(sorted, edges))).toEqual(c.counts);
      const merged = mergeSorted(sorted, new Float64Array(0));
      expect(
        Array.from(histogramCountsFromValueCounts(merged.values, merged.referenceCounts, edges)),
      ).toEqual(c.counts);
    },
  );

  it('computes the Sturges bin count through the width, as numpy does', () => {
    expect(sturgesBinCount(0, 11, 180)).toBe(9);
    expect(sturgesBinCount(0, 102.6, 2700)).toBe(13);
    expect(sturgesBinCount(4, 4, 100)).toBe(1);
  });

  it('rejects a non-positive bin count', () => {
    expect(() => equalWidthEdges(0, 1, 0)).toThrow(/positive integer bin count/);
  });
});

describe('ECDF walk vs scipy wasserstein_distance / energy_distance / ks_2samp', () => {
  it.each(vectors.ecdfWalks.map((c, i) => [i, c] as const))('walk %d', (_i, c) => {
    const walk = ecdfWalk(mergeSorted(sortedCopy(numbers(c.reference)), sortedCopy(numbers(c.current))));
    expect(walk.wasserstein1).toBe(fromJson(c.wasserstein1));
    expect(
      relativeError(Math.SQRT2 * Math.sqrt(walk.energyIntegral), fromJson(c.energy)),
    ).toBeLessThanOrEqual(1e-15);
    expect(walk.ksStatistic).toBe(fromJson(c.ks));
  });

  it('rejects an empty side', () => {
    expect(() => ecdfWalk(mergeSorted(new Float64Array([1]), new Float64Array(0)))).toThrow(
      /at least 1 data point/,
    );
  });
});

describe('ranks vs scipy rankdata', () => {
  it.each(vectors.ranks.map((c, i) => [i, c] as const))('ranks %d', (_i, c) => {
    const pair = pairOf(materialise(c.reference), materialise(c.current), 'numerical');
    expect(Array.from(pooledAverageRanks(pair))).toEqual(c.ranks.map(fromJson));
    const ranks = pooledRanks(pair);
    expect(ranks.referenceRankSum).toBe(fromJson(c.referenceRankSum));
    expect(ranks.tieCorrection).toBe(fromJson(c.tieCorrection));
  });
});

describe('merged distribution', () => {
  it('merges sorted sides into distinct values with per-side counts', () => {
    const merged = mergeSorted(new Float64Array([1, 1, 2]), new Float64Array([2, 3]));
    expect(Array.from(merged.values)).toEqual([1, 2, 3]);
    expect(Array.from(merged.referenceCounts)).toEqual([2, 1, 0]);
    expect(Array.from(merged.currentCounts)).toEqual([0, 1, 1]);
  });

  it('treats 0 and -0 as one key (Python 0.0 == -0.0)', () => {
    const merged = mergedDistribution(pairOf([-0, 0, 1], [0], 'numerical'));
    expect(merged.values.length).toBe(2);
    expect(merged.referenceCounts[0]).toBe(2);
    expect(merged.currentCounts[0]).toBe(1);
  });

  it('builds the same distribution from database-style value counts', () => {
    const fromRows = mergeSorted(new Float64Array([1, 1, 2]), new Float64Array([2, 3]));
    const fromAggregates = mergedFromValueCounts([2, 1], [1, 2], [3, 2], [1, 1]);
    expect(fromAggregates).toEqual(fromRows);
    expect(() => mergedFromValueCounts([1, 1], [1, 1], [], [])).toThrow(/distinct values per side/);
  });

  it('sorts each column once and caches it on the pair', () => {
    const pair = pairOf([3, 1, 2], [0]);
    expect(sortedReference(pair)).toBe(sortedReference(pair));
    expect(Array.from(pair.reference)).toEqual([3, 1, 2]);
  });
});

describe('binning (Evidently get_binned_data)', () => {
  it('zero fill: min/1e6 when the smallest share is <= 0.0001, else 0.0001; not renormalised', () => {
    expect(Array.from(zeroFill(new Float64Array([0, 0.5, 0.5])))).toEqual([0.0001, 0.5, 0.5]);
    expect(Array.from(zeroFill(new Float64Array([0, 0.0001, 0.9999])))).toEqual([
      0.0001 / 1e6,
      0.0001,
      0.9999,
    ]);
    expect(Array.from(zeroFill(new Float64Array([0, 0])))).toEqual([0, 0]);
  });

  it('takes the histogram branch only for numerical columns with more than 20 distinct reference values', () => {
    const twentyOne = Array.from({ length: 21 }, (_, i) => i);
    expect(binnedCounts(pairOf(twentyOne, [0, 1], 'numerical')).binning).toBe('histogram');
    expect(binnedCounts(pairOf(twentyOne.slice(0, 20), [0, 1], 'numerical')).binning).toBe('values');
    expect(binnedCounts(pairOf(twentyOne, [0, 1], 'categorical')).binning).toBe('values');
  });

  it('honours an explicit bin count only in the histogram branch', () => {
    const twentyOne = Array.from({ length: 21 }, (_, i) => i);
    expect(binnedCounts(pairOf(twentyOne, [0, 20], 'numerical'), 4).edges!.length).toBe(5);
    expect(binnedCounts(pairOf([1, 2], [2, 3], 'numerical'), 4).binning).toBe('values');
  });

  it('shares per key divide by each side’s own size (vector D)', () => {
    const pair = pairOf(['a', 'a', 'b', 'c'], ['a', 'd'], 'categorical');
    const shares = binnedShares(pair, true);
    expect(Array.from(shares.reference)).toEqual([0.5, 0.25, 0.25, 0.0001]);
    expect(Array.from(shares.current)).toEqual([0.5, 0.0001, 0.0001, 0.5]);
  });
});
