// The ECDF walk, the pooled extremes and the distinct count read from the two sides' runs (merged arrays never
// built) must equal what the built arrays give, and the walk must equal scipy's dense formula, bit for bit.
import { describe, expect, it } from 'vitest';
import { ecdfWalk } from '../../../src/drift/kernels/ecdf.js';
import {
  lazyMerge,
  mergeRuns,
  mergedAllIntegers,
  mergedDistinctCount,
  mergedExtremes,
  unmergedRuns,
} from '../../../src/drift/kernels/merged.js';
import { pairwiseSum, sparsePairwiseSum, SparseSumStream } from '../../../src/drift/kernels/pairwise-sum.js';
import { percentilesOfRuns } from '../../../src/drift/kernels/quantile.js';
import { countedOnce, runsOfSorted } from '../../../src/drift/kernels/runs.js';

/** A seeded LCG: reproducible, no dependence on Math.random. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/** Index of the first element `> value` of an ascending array (numpy `searchsorted(side="right")`). */
function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const middle = (lo + hi) >>> 1;
    if (sorted[middle]! <= value) lo = middle + 1;
    else hi = middle;
  }
  return lo;
}

/** scipy `_cdf_distance` written out plainly: the pooled values with duplicates, one term each but the last. */
function scipyCdfDistance(u: Float64Array, v: Float64Array, squared: boolean): number {
  const all = Float64Array.from([...u, ...v]).sort();
  const terms = new Float64Array(Math.max(all.length - 1, 0));
  for (let i = 0; i + 1 < all.length; i++) {
    const diff = upperBound(u, all[i]!) / u.length - upperBound(v, all[i]!) / v.length;
    const delta = all[i + 1]! - all[i]!;
    terms[i] = squared ? diff * diff * delta : Math.abs(diff) * delta;
  }
  return pairwiseSum(terms);
}

type Shape = 'continuous' | 'ties' | 'zeros' | 'integers';

function sample(next: () => number, n: number, shape: Shape, shift: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = next();
    out[i] =
      shape === 'continuous'
        ? (u * 100 + shift) * 1.000000001
        : shape === 'ties'
          ? Math.round(u * 50) / 4 + shift
          : shape === 'zeros'
            ? [0, -0, 1.5, -2, 1e-300][Math.floor(u * 5)]!
            : Math.floor(u * 1e6) + shift;
  }
  return out.sort();
}

const cases: [number, number, Shape, number][] = [
  [1, 1, 'continuous', 0],
  [7, 5, 'continuous', 10],
  [5000, 3000, 'continuous', 3],
  [6000, 9000, 'continuous', 0],
  [20_000, 15_000, 'continuous', 200],
  [9000, 9000, 'ties', 0.25],
  [12_000, 100, 'ties', 0],
  [5000, 7000, 'zeros', 0],
  [10_000, 10_000, 'integers', 0],
  [10_000, 10_000, 'integers', 2_000_000],
];

describe('ECDF walk over unbuilt merged arrays', () => {
  it.each(cases)('%d against %d values, %s (shift %d)', (n1, n2, shape, shift) => {
    const next = random(n1 * 7 + n2 * 13 + shape.length);
    const u = sample(next, n1, shape, 0);
    const v = sample(next, n2, shape, shift);
    // The same two samples through both roads: arrays built (mergeRuns), and merged as walked (lazyMerge).
    const built = mergeRuns(runsOfSorted(u), runsOfSorted(v));
    const lazy = lazyMerge(runsOfSorted(u), runsOfSorted(v));
    const fromBuilt = ecdfWalk(built);
    const fromRuns = ecdfWalk(lazy);
    expect(unmergedRuns(lazy)).toBeDefined();
    expect(Object.is(fromRuns.wasserstein1, fromBuilt.wasserstein1)).toBe(true);
    expect(Object.is(fromRuns.ksStatistic, fromBuilt.ksStatistic)).toBe(true);
    expect(Object.is(fromRuns.ksPlus, fromBuilt.ksPlus)).toBe(true);
    expect(Object.is(fromRuns.ksMinus, fromBuilt.ksMinus)).toBe(true);
    expect(Object.is(fromRuns.energyIntegral, fromBuilt.energyIntegral)).toBe(true);
    expect(fromRuns.wasserstein1).toBe(scipyCdfDistance(u, v, false));
    expect(fromRuns.energyIntegral).toBe(scipyCdfDistance(u, v, true));
    // Extremes, distinct count and integrality from the runs, while unbuilt, then from the arrays.
    const extremes = mergedExtremes(lazy);
    const distinct = mergedDistinctCount(lazy);
    const integers = mergedAllIntegers(lazy);
    expect(unmergedRuns(lazy)).toBeDefined();
    expect(lazy.values.length).toBe(built.values.length); // builds the arrays
    expect(unmergedRuns(lazy)).toBeUndefined();
    expect(Object.is(extremes.minimum, built.values[0])).toBe(true);
    expect(Object.is(extremes.maximum, built.values[built.values.length - 1])).toBe(true);
    expect(distinct).toBe(built.values.length);
    expect(integers).toBe(Array.from(built.values).every(Number.isInteger));
    expect(mergedExtremes(lazy)).toEqual(extremes);
    expect(mergedDistinctCount(lazy)).toBe(distinct);
    expect(Array.from(lazy.referenceCounts)).toEqual(Array.from(built.referenceCounts));
    expect(Array.from(lazy.currentCounts)).toEqual(Array.from(built.currentCounts));
    // A walk of the built arrays gives the same doubles again.
    expect(Object.is(ecdfWalk(lazy).wasserstein1, fromBuilt.wasserstein1)).toBe(true);
  });

  it('walks sides holding ±Infinity (a merged distribution from aggregates may) as the built arrays do', () => {
    const sides = [
      Float64Array.of(-Infinity, 1, 2, Infinity),
      Float64Array.of(1, Infinity),
      Float64Array.of(Infinity),
      Float64Array.of(-Infinity, -Infinity, 3),
      Float64Array.of(0.5, 2),
    ];
    for (const u of sides)
      for (const v of sides) {
        const built = ecdfWalk(mergeRuns(runsOfSorted(u), runsOfSorted(v)));
        const lazy = ecdfWalk(lazyMerge(runsOfSorted(u), runsOfSorted(v)));
        for (const key of ['wasserstein1', 'energyIntegral', 'ksStatistic', 'ksPlus', 'ksMinus'] as const)
          expect(Object.is(lazy[key], built[key])).toBe(true);
      }
  });

  it('walks long sides whose infinities and ties fall on either side of the walk blocks of 8192 keys', () => {
    // Keys 0, 1, 2, … with a tail of Infinity: the walk stops and resumes around the 8192nd and 16384th keys.
    const side = (finite: number, step: number, infinities: number) =>
      Float64Array.from({ length: finite + infinities }, (_, i) => (i < finite ? i * step : Infinity));
    for (const [u, v] of [
      [side(8191, 1, 1), side(8192, 1, 2)],
      [side(8192, 2, 0), side(8191, 1, 3)],
      [side(16_383, 1, 2), side(1, 1, 0)],
      [side(12_000, 0.5, 1), side(4000, 3, 1)],
    ] as const) {
      const built = ecdfWalk(mergeRuns(runsOfSorted(u), runsOfSorted(v)));
      const lazy = ecdfWalk(lazyMerge(runsOfSorted(u), runsOfSorted(v)));
      for (const key of ['wasserstein1', 'energyIntegral', 'ksStatistic', 'ksPlus', 'ksMinus'] as const)
        expect(Object.is(lazy[key], built[key])).toBe(true);
    }
  });

  it('keeps the sign of a zero key as the merge does (-0 on one side, 0 on the other)', () => {
    for (const [r, c] of [
      [-0, 0],
      [0, -0],
    ] as const) {
      const lazy = lazyMerge(runsOfSorted(Float64Array.of(r, 1)), runsOfSorted(Float64Array.of(c, 2)));
      const { minimum } = mergedExtremes(lazy);
      expect(
        Object.is(
          minimum,
          mergeRuns(runsOfSorted(Float64Array.of(r, 1)), runsOfSorted(Float64Array.of(c, 2))).values[0],
        ),
      ).toBe(true);
      const top = lazyMerge(runsOfSorted(Float64Array.of(-1, r)), runsOfSorted(Float64Array.of(-2, c)));
      expect(Object.is(mergedExtremes(top).maximum, r)).toBe(true);
    }
  });
});

describe('mergedDistinctCount up to a bound', () => {
  it('is exact up to the bound and above it past the bound', () => {
    const next = random(5);
    for (let round = 0; round < 200; round++) {
      const size = () => 1 + Math.floor(next() * 9);
      const u = Float64Array.from({ length: size() }, () => Math.floor(next() * 8)).sort();
      const v = Float64Array.from({ length: size() }, () => Math.floor(next() * 8)).sort();
      const exact = mergeRuns(runsOfSorted(u), runsOfSorted(v)).values.length;
      const bounded = mergedDistinctCount(lazyMerge(runsOfSorted(u), runsOfSorted(v)), 5);
      if (exact <= 5) expect(bounded).toBe(exact);
      else expect(bounded).toBeGreaterThan(5);
      expect(mergedDistinctCount(lazyMerge(runsOfSorted(u), runsOfSorted(v)))).toBe(exact);
    }
  });
});

describe('runsOfSorted of an all-distinct sample', () => {
  it('gives the sample itself with counts of 1, and the general runs once a value repeats', () => {
    const distinct = Float64Array.from({ length: 5000 }, (_, i) => i * 0.5 - 100);
    const runs = runsOfSorted(distinct);
    expect(runs.values).toBe(distinct);
    expect(runs.total).toBe(5000);
    expect(runs.counts.length).toBe(5000);
    expect(runs.counts.every((count) => count === 1)).toBe(true);
    // -0 next to 0 is one run (=== holds), so the sample is not all distinct.
    const zeros = Float64Array.from({ length: 5000 }, (_, i) => i - 2500);
    zeros[2499] = -0;
    zeros[2500] = 0;
    const folded = runsOfSorted(zeros);
    expect(folded.values.length).toBe(4999);
    expect(Object.is(folded.values[2499], -0)).toBe(true);
    expect(folded.counts[2499]).toBe(2);
  });
});

describe('percentiles of an all-distinct side', () => {
  it('read at their index equal the walk over the same runs with counts of their own', () => {
    const next = random(11);
    const qs = [0, 1, 5, 25, 33.3, 50, 75, 95, 99, 100];
    for (const n of [4096, 5000, 12_345]) {
      const sorted = Float64Array.from({ length: n }, () => next() * 1000 - 300).sort();
      const runs = runsOfSorted(sorted);
      expect(countedOnce(runs.counts)).toBe(true);
      // The same runs with counts not known to be ones take the walk.
      const walked = { ...runs, counts: Float64Array.from(runs.counts) };
      expect(countedOnce(walked.counts)).toBe(false);
      const fast = percentilesOfRuns(runs, qs);
      expect(fast).toEqual(percentilesOfRuns(walked, qs));
      // numpy's linear interpolation written plainly over the sorted sample.
      const plain = qs.map((q) => {
        const position = (q / 100) * (n - 1);
        const below = Math.floor(position);
        const low = sorted[below]!;
        const high = sorted[Math.min(below + 1, n - 1)]!;
        const fraction = position - below;
        return fraction >= 0.5 ? high - (high - low) * (1 - fraction) : low + (high - low) * fraction;
      });
      expect(fast).toEqual(plain);
    }
  });
});

describe('SparseSumStream', () => {
  it.each([
    [5, 0.6],
    [128, 0.5],
    [8192, 0.3],
    [8193, 1],
    [30_000, 0.001],
    [50_000, 0.9],
    [20_000, 0],
  ])('equals sparsePairwiseSum of the same terms (length %d, density %d)', (length, density) => {
    const next = random(length + Math.round(density * 100));
    const positions: number[] = [];
    const terms: number[] = [];
    for (let i = 0; i < length; i++)
      if (next() < density) {
        positions.push(i);
        terms.push(next() * 10 ** Math.floor(next() * 12 - 6));
      }
    const stream = new SparseSumStream();
    // Reused: a second sum starts clean.
    for (let round = 0; round < 2; round++) {
      stream.reset(length);
      positions.forEach((position, k) => stream.add(position, terms[k]!));
      expect(
        Object.is(
          stream.finish(),
          sparsePairwiseSum(Int32Array.from(positions), Float64Array.from(terms), terms.length, length),
        ),
      ).toBe(true);
    }
  });
});
