// Scoring shortcuts that must give what the plain path gives, bit for bit: a side with missing or infinite cells
// scored from its column past those cells (without the copy of its finite values), a string summary from the
// cleaning's tally of its codes, the quartiles of a summary in one walk of the runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  referencePopulationStd,
  standardDeviation,
  standardDeviationOfFinite,
} from '../../../src/drift/kernels/moments.js';
import { percentileOfRuns, percentilesOfRuns } from '../../../src/drift/kernels/quantile.js';
import { withColumnScratch } from '../../../src/drift/kernels/scratch.js';
import {
  FINITE_CURRENT,
  FINITE_REFERENCE,
  currentRuns,
  referenceRuns,
} from '../../../src/drift/kernels/side-runs.js';
import { planColumns } from '../../../src/drift/plan.js';
import { CODE_COUNTS_REFERENCE, prepareColumnPair } from '../../../src/drift/prepare.js';
import { scoreColumn } from '../../../src/drift/score-column.js';
import { summarizeColumn } from '../../../src/drift/summary.js';
import { numbersOf, type Column, type Table } from '../../../src/snapshot/table.js';
import { countDistinct } from '../../../src/util/sort.js';

const finiteOf = (values: Float64Array) => values.filter((v) => Number.isFinite(v));
const bits = (x: number) => (Object.is(x, -0) ? '-0' : String(x));

const gap = fc.constantFrom(Number.NaN, Infinity, -Infinity);
/** Cells of a column: mostly a few values (whole, decimal, signed zeros), some gaps. */
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(0, -0, 1, 2, 3, 7, 1.5, -2.25, 1e-300, 65535, 70000) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }) },
  { weight: 2, arbitrary: gap },
);

describe('countDistinct past non-finite cells', () => {
  it('equals countDistinct of the finite values (dense, hashed and given-up columns)', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 300 }), (cells) => {
        const values = Float64Array.from(cells);
        const finite = finiteOf(values);
        const skipped = countDistinct(values, true);
        const copied = countDistinct(finite);
        if (copied === undefined || finite.length === 0) return; // nothing to count: the callers sort instead
        expect(skipped).toBeDefined();
        expect(Array.from(skipped!.keys, bits)).toEqual(Array.from(copied.keys, bits));
        expect(Array.from(skipped!.counts)).toEqual(Array.from(copied.counts));
      }),
    );
  });

  it('counts whole numbers with gaps in the dense tally, and a side of gaps only as nothing', () => {
    const values = Float64Array.of(Number.NaN, 3, Infinity, 1, 3, -Infinity, 1, 3);
    const counted = countDistinct(values, true)!;
    expect(Array.from(counted.keys)).toEqual([1, 3]);
    expect(Array.from(counted.counts)).toEqual([2, 3]);
    expect(countDistinct(Float64Array.of(Number.NaN, Infinity), true)?.keys.length ?? 0).toBe(0);
  });
});

describe('standardDeviationOfFinite', () => {
  it('equals standardDeviation of the finite copy bit for bit, across the 8192-value buffers', () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (const length of [1, 2, 9, 127, 8191, 8192, 8193, 8200, 16_384, 16_390, 40_000]) {
      for (const gapShare of [0, 0.01, 0.3]) {
        const values = Float64Array.from({ length }, () => {
          const u = random();
          if (u < gapShare) return u < gapShare / 2 ? Number.NaN : Infinity;
          return Math.round(random() * 1e6) / 1e3 - 400;
        });
        const finite = finiteOf(values);
        for (const ddof of [0, 1]) {
          if (finite.length <= ddof) continue;
          expect(bits(standardDeviationOfFinite(values, finite.length, ddof))).toBe(
            bits(standardDeviation(finite, ddof)),
          );
        }
      }
    }
  });

  it('keeps signed zeros as the copy does, and refuses too few finite cells', () => {
    const zeros = Float64Array.of(-0, Number.NaN, -0, -0);
    expect(bits(standardDeviationOfFinite(zeros, 3, 0))).toBe(bits(standardDeviation(finiteOf(zeros), 0)));
    expect(() => standardDeviationOfFinite(Float64Array.of(Number.NaN, 1), 1, 1)).toThrow();
  });
});

describe('a numeric column with gaps', () => {
  const rows = 9000;
  const column = (name: string, seed: number, every: number, make: (u: number) => number): Column => {
    let state = seed;
    const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const values = Float64Array.from({ length: rows }, (_, i) =>
      every <= rows && i % every === 0 ? (i % (3 * every) === 0 ? Infinity : Number.NaN) : make(random()),
    );
    return { name, type: 'float', values };
  };
  const tableOf = (seed: number, clean: boolean): Table => {
    const columns = [
      column('counts', seed, 11, (u) => Math.floor(u * 20)),
      column('cents', seed + 1, 7, (u) => Math.round(u * 5000) / 100),
      column('wide', seed + 2, 13, (u) => u * 1e4 - 3e3),
      column('none', seed + 3, rows + 1, (u) => Math.floor(u * 50)),
    ].map((c) => (clean && c.type !== 'string' ? { ...c, values: finiteOf(numbersOf(c.values)) } : c));
    return { source: `s${seed}`, rows, columns };
  };

  it('is scored as its finite values are, without copying them for the default tests', () => {
    const options = { referenceLabel: 'r', currentLabel: 'c' };
    const gappy = { reference: tableOf(1, false), current: tableOf(2, false) };
    const plan = planColumns(gappy.reference, gappy.current, options);
    for (const planned of plan) {
      const work = scoreColumn(planned, gappy, options);
      // The same column already cleaned (its own table of as many rows as finite values): the same drift result.
      const ref = finiteOf(
        (gappy.reference.columns.find((c) => c.name === planned.name) as { values: Float64Array }).values,
      );
      const cur = finiteOf(
        (gappy.current.columns.find((c) => c.name === planned.name) as { values: Float64Array }).values,
      );
      const cleaned = {
        reference: {
          source: 'r',
          rows: ref.length,
          columns: [{ name: planned.name, type: 'float' as const, values: ref }],
        },
        current: {
          source: 'c',
          rows: cur.length,
          columns: [{ name: planned.name, type: 'float' as const, values: cur }],
        },
      };
      expect(JSON.stringify(scoreColumn(planned, cleaned, options).result)).toBe(JSON.stringify(work.result));
    }
  });

  it('keeps its column and finite count, reads runs and the std past the gaps, and copies only when read', () => {
    withColumnScratch(() => {
      const reference = tableOf(3, false).columns[1]!;
      const current = tableOf(4, false).columns[1]!;
      const pair = prepareColumnPair('cents', 'numerical', reference, current);
      expect(pair.cache.has(FINITE_REFERENCE) && pair.cache.has(FINITE_CURRENT)).toBe(true);
      const std = referencePopulationStd(pair);
      const runs = [referenceRuns(pair), currentRuns(pair)];
      const finite = [
        finiteOf((reference as { values: Float64Array }).values),
        finiteOf((current as { values: Float64Array }).values),
      ];
      expect(runs.map((r) => r.total)).toEqual(finite.map((f) => f.length));
      expect(bits(std)).toBe(bits(standardDeviation(finite[0]!, 0)));
      // Read on demand: the finite values in row order.
      expect(Array.from(pair.reference)).toEqual(Array.from(finite[0]!));
      expect(Array.from(pair.current)).toEqual(Array.from(finite[1]!));
      // A column without gaps is its own side.
      const whole = tableOf(5, false).columns[3] as { values: Float64Array } & Column;
      const own = prepareColumnPair('none', 'numerical', whole, whole);
      expect(own.reference).toBe(whole.values);
      expect(own.cache.has(FINITE_REFERENCE)).toBe(false);
    });
  });
});

describe('a string column summarised from the cleaning tally', () => {
  it('equals the summary counted from its codes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1, max: 5 }), { minLength: 1, maxLength: 200 }),
        fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 1, maxLength: 200 }),
        (refCodes, curCodes) => {
          const dictionary = ['b', 'a', 'é', 'c', 'zz', 'A'];
          const reference: Column = {
            name: 's',
            type: 'string',
            codes: Int32Array.from(refCodes),
            dictionary,
          };
          const current: Column = {
            name: 's',
            type: 'string',
            codes: Int32Array.from(curCodes),
            dictionary: dictionary.slice(0, 4),
          };
          const pair = prepareColumnPair('s', 'categorical', reference, current);
          const tally = pair.cache.get(CODE_COUNTS_REFERENCE) as Float64Array;
          expect(summarizeColumn(reference, refCodes.length, undefined, 'categorical', tally)).toEqual(
            summarizeColumn(reference, refCodes.length, undefined, 'categorical'),
          );
          // The tally is what the summary reads (not a recount): another tally gives another summary.
          const present = refCodes.filter((code) => code >= 0).length;
          const doubled = tally.map((count) => 2 * count);
          expect(
            summarizeColumn(reference, refCodes.length, undefined, 'categorical', doubled).summary.count,
          ).toBe(2 * present);
        },
      ),
    );
  });
});

describe('percentilesOfRuns', () => {
  it('equals percentileOfRuns at each percentile, bit for bit (short samples, zero counts, ties)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ noNaN: true, min: -1e3, max: 1e3 }), fc.integer({ min: 0, max: 4 })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (pairs, qs) => {
          const sortedPairs = [...pairs].sort((a, b) => a[0] - b[0]);
          const counts = Float64Array.from(sortedPairs, ([, c]) => c);
          const total = counts.reduce((a, b) => a + b, 0);
          if (total === 0) return;
          const runs = { values: Float64Array.from(sortedPairs, ([v]) => v), counts, total };
          const ascending = [...qs].sort((a, b) => a - b);
          expect(percentilesOfRuns(runs, ascending).map(bits)).toEqual(
            ascending.map((q) => bits(percentileOfRuns(runs, q))),
          );
        },
      ),
    );
    const two = { values: Float64Array.of(1, 5), counts: Float64Array.of(1, 1), total: 2 };
    expect(percentilesOfRuns(two, [25, 50, 75])).toEqual([2, 3, 4]);
  });
});
