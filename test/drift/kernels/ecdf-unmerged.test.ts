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

describe('ECDF walk of sides with many distinct values (terms laid out densely)', () => {
  /** The walk of the built arrays and scipy's formula, bit for bit, for every statistic. */
  function expectWalksAgree(u: Float64Array, v: Float64Array): void {
    const built = ecdfWalk(mergeRuns(runsOfSorted(u), runsOfSorted(v)));
    const lazy = ecdfWalk(lazyMerge(runsOfSorted(u), runsOfSorted(v)));
    for (const key of ['wasserstein1', 'energyIntegral', 'ksStatistic', 'ksPlus', 'ksMinus'] as const)
      expect(Object.is(lazy[key], built[key])).toBe(true);
    if (u.every(Number.isFinite) && v.every(Number.isFinite)) {
      expect(Object.is(lazy.wasserstein1, scipyCdfDistance(u, v, false))).toBe(true);
      expect(Object.is(lazy.energyIntegral, scipyCdfDistance(u, v, true))).toBe(true);
    }
  }

  /** `n` distinct values ascending, from a seeded draw (repeats nudged apart). */
  function distinctSample(next: () => number, n: number, scale: number, shift: number): Float64Array {
    const out = Float64Array.from({ length: n }, () => next() * scale + shift).sort();
    for (let i = 1; i < n; i++) if (out[i]! <= out[i - 1]!) out[i] = out[i - 1]! + scale * 1e-9;
    return out;
  }

  it('walks two all-distinct sides (counts of one) as the built arrays and scipy do', () => {
    const next = random(21);
    for (const [n1, n2] of [
      [4096, 4096],
      [5000, 9000],
      [8192, 8192],
      [8193, 8191],
      [16_384, 4096],
      [20_000, 21_000],
    ] as const) {
      const u = distinctSample(next, n1, 100, 0);
      const v = distinctSample(next, n2, 80, 15);
      expect(countedOnce(runsOfSorted(u).counts) && countedOnce(runsOfSorted(v).counts)).toBe(true);
      expectWalksAgree(u, v);
    }
  });

  it('walks all-distinct sides sharing values (ties across the sides, at and around the 8192-slot buffers)', () => {
    // Integers: each side distinct, half of the keys on both sides; a tie moves both sides and skips a slot.
    for (const [n1, n2, step] of [
      [8192, 8192, 1],
      [9000, 6000, 2],
      [4096, 20_000, 3],
      [12_289, 12_288, 1],
    ] as const) {
      const u = Float64Array.from({ length: n1 }, (_, i) => i * step);
      const v = Float64Array.from({ length: n2 }, (_, i) => i * 2 + 1 - (i % 3 === 0 ? 1 : 0));
      expectWalksAgree(u, v);
      expectWalksAgree(v, u);
    }
  });

  it('walks all-distinct sides holding -0 or 0, and ±Infinity', () => {
    const next = random(23);
    const base = distinctSample(next, 6000, 10, -5);
    const withZero = (zero: number) => {
      const out = Float64Array.from(base.filter((value) => value !== 0));
      out[out.findIndex((value) => value > 0)] = zero; // the smallest positive becomes the zero, order kept
      return out;
    };
    const negativeZero = withZero(-0);
    const positiveZero = withZero(0);
    expectWalksAgree(negativeZero, positiveZero);
    expectWalksAgree(positiveZero, negativeZero);
    expectWalksAgree(negativeZero, distinctSample(next, 7000, 10, -4));
    const infinite = Float64Array.from(base);
    infinite[0] = -Infinity;
    infinite[infinite.length - 1] = Infinity;
    expectWalksAgree(infinite, distinctSample(next, 5000, 10, -4));
    expectWalksAgree(distinctSample(next, 5000, 10, -4), infinite);
    expectWalksAgree(infinite, infinite);
  });

  it('walks one tiny side against a long distinct one', () => {
    const next = random(25);
    const long = distinctSample(next, 10_000, 50, 0);
    for (const tiny of [
      Float64Array.of(25),
      Float64Array.of(-1),
      Float64Array.of(60),
      Float64Array.of(long[17]!),
    ]) {
      expectWalksAgree(tiny, long);
      expectWalksAgree(long, tiny);
    }
  });

  it('walks sides with a few repeats (counts read) across the buffers, and sides on either side of the dense choice', () => {
    const next = random(27);
    for (const [n1, n2, keys] of [
      [10_000, 10_000, 400_000],
      [20_000, 9000, 100_000],
      [8192, 16_384, 50_000],
      // About 1 key in 4 and 1 in 5 of the values: dense and sparse sums around the switch.
      [40_000, 40_000, 20_000],
      [40_000, 40_000, 16_000],
    ] as const) {
      const u = Float64Array.from({ length: n1 }, () => Math.floor(next() * keys) / 64).sort();
      const v = Float64Array.from({ length: n2 }, () => Math.floor(next() * keys * 1.1) / 64).sort();
      expectWalksAgree(u, v);
    }
    // One side all distinct, the other with repeats.
    const distinct = distinctSample(next, 6000, 100, 0);
    const repeats = Float64Array.from({ length: 7000 }, () => Math.floor(next() * 3000) / 30).sort();
    expectWalksAgree(distinct, repeats);
    expectWalksAgree(repeats, distinct);
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

describe('percentiles of runs made from a sorted side', () => {
  it('read from the sorted sample equal the walk over the runs, zeros of either sign included', () => {
    const next = random(13);
    const qs = [0, 1, 5, 25, 33.3, 50, 75, 95, 99, 100];
    const shapes: (() => number)[] = [
      () => Math.round(next() * 2000) / 8,
      () => [-0, 0, 1.5, -2, 3][Math.floor(next() * 5)]!,
      () => (next() < 0.5 ? -0 : Math.round(next() * 10) - 5),
      () => (next() < 0.3 ? 0 : next() * 100 - 50),
    ];
    for (const draw of shapes)
      for (const n of [1, 2, 3, 7, 100, 5000, 20_000]) {
        const sorted = Float64Array.from({ length: n }, draw).sort();
        const runs = runsOfSorted(sorted);
        if (n >= 2 && runs.values.length < n) expect(runs.sorted).toBe(sorted);
        const walked = { values: runs.values, counts: Float64Array.from(runs.counts), total: runs.total };
        const fast = percentilesOfRuns(runs, qs);
        const slow = percentilesOfRuns(walked, qs);
        fast.forEach((value, i) => expect(Object.is(value, slow[i])).toBe(true));
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
