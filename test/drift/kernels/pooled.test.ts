// The pooled walk of two compact sides (one radix sort of both, one pass) against the separate path it replaces: each
// side sorted, its runs, then the merged ECDF walk. Every number must be the same double, and every column scored the
// same report, whichever way it went.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ecdfWalk, columnEcdfWalk } from '../../../src/drift/kernels/ecdf.js';
import { upperBound } from '../../../src/drift/kernels/histogram.js';
import { mergeSorted, mergedDistribution, mergedHistogram } from '../../../src/drift/kernels/merged.js';
import { pairwiseSum } from '../../../src/drift/kernels/pairwise-sum.js';
import {
  POOL_MAX,
  POOLED_WALK,
  pooledRuns,
  useScaledPooler,
  type ScaledPooling,
} from '../../../src/drift/kernels/pooled.js';
import { percentilesOfRuns } from '../../../src/drift/kernels/quantile.js';
import { runsOfSorted } from '../../../src/drift/kernels/runs.js';
import { withColumnScratch } from '../../../src/drift/kernels/scratch.js';
import { currentRuns, referenceRuns } from '../../../src/drift/kernels/side-runs.js';
import { withDoubles } from '../../../src/drift/doubles.js';
import { planColumns } from '../../../src/drift/plan.js';
import { prepareColumnPair } from '../../../src/drift/prepare.js';
import { scoreColumn } from '../../../src/drift/score-column.js';
import { ColumnSorter } from '../../../src/snapshot/numeric-records.js';
import type { Column, Table } from '../../../src/snapshot/table.js';

const pooler = ColumnSorter.create()!;

const sameDoubles = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

/** The doubles `m / scale` of integers, sorted as the separate path sorts them. */
const sortedDoubles = (digits: Int32Array, scale: number) =>
  Float64Array.from(digits, (m) => m / scale).sort();

/**
 * scipy's term array of the first Wasserstein distance, laid out whole (N - 1 slots: |F_ref - F_cur| at each pooled
 * value times the gap to the next, ECDFs by `searchsorted(side="right")`, here `upperBound`), and numpy's sum of it:
 * an oracle that shares no code with either walk.
 */
function scipyW1(reference: Float64Array, current: Float64Array): number {
  const all = Float64Array.from([...reference, ...current]).sort();
  const terms = new Float64Array(all.length - 1);
  for (let p = 0; p + 1 < all.length; p++) {
    const diff =
      upperBound(reference, all[p]!) / reference.length - upperBound(current, all[p]!) / current.length;
    terms[p] = Math.abs(diff) * (all[p + 1]! - all[p]!);
  }
  return pairwiseSum(terms);
}

/** Checks the pooled walk of two integer sides against the separate path, field by field. */
function checkPooled(reference: Int32Array, current: Int32Array, decimals: number, oracle = false): void {
  const scale = 10 ** decimals;
  let min = Infinity;
  let max = -Infinity;
  for (const side of [reference, current])
    for (const m of side) {
      if (m < min) min = m;
      if (m > max) max = m;
    }
  const pooled = pooler.poolScaled(reference, current, min, max, scale);
  const sortedReference = sortedDoubles(reference, scale);
  const sortedCurrent = sortedDoubles(current, scale);
  for (const [side, sorted] of [
    [pooled.reference, sortedReference],
    [pooled.current, sortedCurrent],
  ] as const) {
    const runs = runsOfSorted(sorted);
    expect(sameDoubles(side.values, runs.values)).toBe(true);
    expect(side.largest).toBe(Math.max(...runs.counts));
    const prefix = [0];
    for (const count of runs.counts) prefix.push(prefix.at(-1)! + count);
    expect(Array.from(side.prefix)).toEqual(prefix);
  }
  const walk = ecdfWalk(mergeSorted(sortedReference, sortedCurrent));
  expect(Object.is(pooled.wasserstein1, walk.wasserstein1)).toBe(true);
  expect(Object.is(pooled.maxDiff, walk.ksPlus)).toBe(true);
  expect(Object.is(Math.min(Math.max(-pooled.minDiff, 0), 1), walk.ksMinus)).toBe(true);
  if (oracle) expect(Object.is(pooled.wasserstein1, scipyW1(sortedReference, sortedCurrent))).toBe(true);
}

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `n` integers in `[low, low + span)`, peaked as a sum of three uniforms (repeats near the middle). */
function integers(seed: number, n: number, low: number, span: number): Int32Array {
  const random = lcg(seed);
  return Int32Array.from(
    { length: n },
    () => low + Math.floor(((random() + random() + random()) / 3) * span),
  );
}

describe('the pooled walk (compiled)', () => {
  it('gives the separate path’s runs, Wasserstein sum and KS extremes on any two small sides', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 40 })
          .chain((span) =>
            fc.tuple(
              fc.array(fc.integer({ min: -span, max: span }), { minLength: 1, maxLength: 300 }),
              fc.array(fc.integer({ min: -span, max: span }), { minLength: 1, maxLength: 300 }),
              fc.integer({ min: 0, max: 9 }),
            ),
          ),
        ([reference, current, decimals]) => {
          checkPooled(Int32Array.from(reference), Int32Array.from(current), decimals, true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sums by numpy’s buffers of 8,192 slots: sides around the buffer sizes, ties across buffer ends', () => {
    for (const [n1, n2] of [
      [4096, 4096],
      [4096, 4097],
      [8192, 8193],
      [12_000, 4_385],
      [20_000, 30_000],
    ] as const) {
      // Wide (few repeats), narrow (long blocks of one value that cross buffer ends), and negative integers.
      checkPooled(
        integers(n1, n1, 0, 3_000_000),
        integers(n2 + 1, n2, 100_000, 3_000_000),
        6,
        n1 + n2 < 20_000,
      );
      checkPooled(integers(n1 + 2, n1, -50, 100), integers(n2 + 3, n2, -40, 100), 2, n1 + n2 < 20_000);
      checkPooled(
        integers(n1 + 4, n1, -2_000_000, 1_000_000),
        integers(n2 + 5, n2, -1_900_000, 1_000_000),
        3,
      );
    }
  });

  it('takes the whole range of keys: integers 2^31 − 1 apart, one value, one side within the other', () => {
    const edge = Int32Array.of(-(2 ** 30), 2 ** 31 - 1 - 2 ** 30, 0, 5, 5);
    checkPooled(edge, Int32Array.of(0, 5, 2 ** 31 - 1 - 2 ** 30), 0, true);
    checkPooled(Int32Array.of(7, 7, 7), Int32Array.of(7, 7), 1, true);
    checkPooled(Int32Array.of(1, 2, 3, 4, 5, 6), Int32Array.of(3, 4), 0, true);
    // One long block of a single value spanning several buffers, then other values.
    const block = new Int32Array(20_000).fill(9);
    block[0] = 1;
    block[19_999] = 12;
    checkPooled(block, Int32Array.of(9, 9, 13, 0), 0, true);
  });

  it('gives runs whose running totals find the same percentiles as the walk over their counts', () => {
    const qs = [0, 1, 25, 33.3, 50, 75, 99.9, 100];
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 60 })
          .chain((span) =>
            fc.tuple(
              fc.array(fc.integer({ min: -span, max: span }), { minLength: 1, maxLength: 200 }),
              fc.array(fc.integer({ min: -span, max: span }), { minLength: 1, maxLength: 200 }),
            ),
          ),
        ([reference, current]) => {
          const all = [...reference, ...current];
          const pooled = pooler.poolScaled(
            Int32Array.from(reference),
            Int32Array.from(current),
            Math.min(...all),
            Math.max(...all),
            100,
          );
          for (const [side, n] of [
            [pooled.reference, reference.length],
            [pooled.current, current.length],
          ] as const) {
            const counts = Float64Array.from(
              { length: side.values.length },
              (_, k) => side.prefix[k + 1]! - side.prefix[k]!,
            );
            const withTotals = { values: side.values, counts, total: n, prefix: side.prefix };
            const walked = { values: side.values, counts: Float64Array.from(counts), total: n };
            expect(percentilesOfRuns(withTotals, qs)).toEqual(percentilesOfRuns(walked, qs));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reuses and grows its memory between walks of different lengths', () => {
    for (const n of [5000, 60_000, 7000, 60_000])
      checkPooled(integers(n, n, 0, 1e6), integers(n + 9, n, 5, 1e6), 4);
  });
});

/** A compact column of integers `digits` at `decimals`. */
const compact = (name: string, digits: Int32Array, decimals: number): Column => ({
  name,
  type: 'float',
  values: { digits, decimals },
});

describe('pooledRuns', () => {
  afterEach(() => useScaledPooler(undefined));

  const pairOf = (reference: Int32Array, current: Int32Array, decimals = 6, currentDecimals = decimals) =>
    prepareColumnPair(
      'x',
      'numerical',
      withDoubles(compact('x', reference, decimals), 0),
      withDoubles(compact('x', current, currentDecimals), 1),
    );

  it('pools a wide compact pair while a column is scored, and leaves the walk’s sums on it', () => {
    useScaledPooler(() => pooler);
    withColumnScratch(() => {
      const pair = pairOf(integers(1, 6000, 0, 2e6), integers(2, 5000, 1e5, 2e6));
      const runs = referenceRuns(pair);
      expect(pair.cache.get(POOLED_WALK)).toBeDefined();
      expect(currentRuns(pair).total).toBe(5000);
      expect(runs.total).toBe(6000);
      const sorted = (digits: Int32Array) => sortedDoubles(digits, 1e6);
      // The counts, made from the running totals when read, are the separate path's.
      for (const [side, digits] of [
        [runs, integers(1, 6000, 0, 2e6)],
        [currentRuns(pair), integers(2, 5000, 1e5, 2e6)],
      ] as const) {
        const separate = runsOfSorted(sorted(digits));
        expect(sameDoubles(side.values, separate.values)).toBe(true);
        expect(sameDoubles(side.counts, separate.counts)).toBe(true);
        expect(side.counts).toBe(side.counts);
      }
      const separate = ecdfWalk(
        mergeSorted(sorted(integers(1, 6000, 0, 2e6)), sorted(integers(2, 5000, 1e5, 2e6))),
      );
      const walk = columnEcdfWalk(pair);
      for (const key of ['wasserstein1', 'ksStatistic', 'ksPlus', 'ksMinus', 'energyIntegral'] as const)
        expect(Object.is(walk[key], separate[key])).toBe(true);
      // The side's own runs give the histogram the merged arrays would.
      const edges = [0, 0.5, 1, 1.5, 2.2];
      const values = sorted(integers(2, 5000, 1e5, 2e6));
      const expected = edges
        .slice(1)
        .map(
          (high, i) => values.filter((x) => x >= edges[i]! && (x < high || (i === 3 && x === high))).length,
        );
      expect(expected.reduce((a, b) => a + b)).toBe(5000);
      expect(Array.from(mergedHistogram(mergedDistribution(pair), 'current', edges))).toEqual(expected);
    });
  });

  it('pools whichever side is asked for first, and keeps the other side’s runs', () => {
    useScaledPooler(() => pooler);
    const reference = integers(3, 7000, -1e6, 2e6);
    const current = integers(4, 9000, -9e5, 2e6);
    const expected = [reference, current].map((digits) => runsOfSorted(sortedDoubles(digits, 1e4)));
    withColumnScratch(() => {
      const pair = pairOf(reference, current, 4);
      const currentFirst = currentRuns(pair);
      expect(pair.cache.get(POOLED_WALK)).toBeDefined();
      const referenceAfter = referenceRuns(pair);
      for (const [runs, want] of [
        [referenceAfter, expected[0]!],
        [currentFirst, expected[1]!],
      ] as const) {
        expect(sameDoubles(runs.values, want.values)).toBe(true);
        expect(sameDoubles(runs.counts, want.counts)).toBe(true);
        expect(runs.total).toBe(want.total);
      }
    });
  });

  it('declines what it does not take: outside a scoring, other scales, narrow or short or long sides, no pooler', () => {
    const wide = (seed: number, n = 5000) => integers(seed, n, 0, 2e6);
    useScaledPooler(() => pooler);
    expect(pooledRuns(pairOf(wide(1), wide(2)))).toBeUndefined(); // outside withColumnScratch
    withColumnScratch(() => {
      expect(pooledRuns(pairOf(wide(1), wide(2), 6, 5))).toBeUndefined();
      expect(pooledRuns(pairOf(wide(1), integers(2, 5000, 0, 60_000)))).toBeUndefined();
      expect(pooledRuns(pairOf(wide(1), wide(2, 4095)))).toBeUndefined();
      expect(pooledRuns(pairOf(wide(1, POOL_MAX / 2), wide(2, POOL_MAX / 2 + 1)))).toBeUndefined();
      expect(pooledRuns(pairOf(wide(1), wide(2)))).toBeDefined();
    });
    useScaledPooler(() => undefined);
    withColumnScratch(() => expect(pooledRuns(pairOf(wide(1), wide(2)))).toBeUndefined());
  });

  it('scores every column of a table as the separate path does, and what it returns holds no view of its memory', () => {
    const table = (seed: number, rows: number): Table => ({
      source: `t${seed}`,
      rows,
      columns: [
        compact('six', integers(seed, rows, 500_000, 3_000_000), 6),
        compact('cents', integers(seed + 1, rows, 1800, 1_000_000), 2),
        compact('narrow', integers(seed + 2, rows, 0, 5000), 3),
        compact('signed', integers(seed + 3, rows, -900_000, 1_800_000), 4),
      ],
    });
    const reference = table(1, 9000);
    const current = table(7, 12_000);
    const options = { referenceLabel: 'r', currentLabel: 'c' };
    const plan = planColumns(reference, current, options);
    const score = () =>
      plan.map((column) => JSON.stringify(scoreColumn(column, { reference, current }, options)));
    useScaledPooler(undefined);
    const separate = score();
    let walks = 0;
    const counting: ScaledPooling = {
      poolScaled: (...args) => {
        walks++;
        return pooler.poolScaled(...args);
      },
    };
    useScaledPooler(() => counting);
    const works = plan.map((column) => scoreColumn(column, { reference, current }, options));
    expect(walks).toBe(3); // every column but the narrow one
    expect(works.map((work) => JSON.stringify(work))).toEqual(separate);
    const typed = (value: unknown): boolean =>
      ArrayBuffer.isView(value) || (!!value && typeof value === 'object' && Object.values(value).some(typed));
    expect(works.some(typed)).toBe(false);
  });
});
