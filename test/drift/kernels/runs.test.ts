import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEnd, runsOfSorted } from '../../../src/drift/kernels/runs.js';
import { withColumnScratch } from '../../../src/drift/kernels/scratch.js';

describe('runEnd', () => {
  it('finds the end of every run, short or long, as a linear scan does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 300 })), {
          minLength: 1,
          maxLength: 20,
        }),
        (runs) => {
          const values = Float64Array.from(
            runs.sort((a, b) => a[0] - b[0]).flatMap(([value, length]) => Array<number>(length).fill(value)),
          );
          for (let start = 0; start < values.length;) {
            let linear = start;
            while (linear < values.length && values[linear] === values[start]) linear++;
            expect(runEnd(values, start, values.length, values[start]!)).toBe(linear);
            start = linear;
          }
        },
      ),
    );
  });
  it('returns start when the value is absent there, and respects the end bound', () => {
    const values = Float64Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
    expect(runEnd(values, 0, values.length, 2)).toBe(0);
    expect(runEnd(values, 0, 5, 1)).toBe(5);
    expect(runEnd(values, 0, values.length, 1)).toBe(10);
  });
});

describe('runsOfSorted', () => {
  /** The runs a plain scan gives: each distinct value (by `===`, keyed by its first occurrence) and its count. */
  function scanRuns(sorted: Float64Array): { values: number[]; counts: number[] } {
    const values: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0 && sorted[i] === sorted[i - 1]) counts[counts.length - 1]!++;
      else {
        values.push(sorted[i]!);
        counts.push(1);
      }
    }
    return { values, counts };
  }

  it('gives the runs a scan gives, lent scratch or not, for single values, pairs, long runs and ±0', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom(-0, 0, 1.5, -2, 1e300, 5e-324, 7), fc.integer({ min: 1, max: 40 })),
          { maxLength: 30 },
        ),
        fc.array(fc.double({ noNaN: true }), { maxLength: 50 }),
        (repeated, singles) => {
          const sorted = Float64Array.from([
            ...repeated.flatMap(([value, length]) => Array<number>(length).fill(value)),
            ...singles,
          ]).sort();
          const expected = scanRuns(sorted);
          for (const runs of [runsOfSorted(sorted), withColumnScratch(() => runsOfSorted(sorted))]) {
            expect(runs.total).toBe(sorted.length);
            expect(Array.from(runs.values)).toEqual(expected.values);
            expect(Array.from(runs.counts)).toEqual(expected.counts);
            // The largest count the runs carry is the one their counts hold.
            expect(runs.largest).toBe(Math.max(0, ...expected.counts));
          }
        },
      ),
    );
  });

  it('counts runs whole across the blocks the sample is read in (16,384 values a call)', () => {
    // The blocks start at index 1, then where the last ended: [1, 16385), [16385, 32769), [32769, 49153), then past
    // the long run (a run is counted whole where its first repeat is read) [70000, 86384), [86384, …). Runs whose
    // first value ends a block and whose repeats begin the next, one spanning several blocks, and -0 next to 0
    // across a block's start (one run, keyed by the -0).
    const layout: [number, number][] = [];
    let length = 0;
    let value = -50;
    const runAt = (start: number, count: number) => {
      for (; length < start; length++) layout.push([value++, 1]);
      layout.push([value++, count]);
      length += count;
    };
    runAt(16_384, 2);
    runAt(32_768, 3);
    runAt(40_000, 30_000);
    runAt(86_383, 4);
    for (; length < 120_000; length++) layout.push([value++, 1]);
    const sorted = Float64Array.from(layout.flatMap(([v, count]) => Array<number>(count).fill(v / 8)));
    // -0 closing the block [86384, 102768) and 0 opening the next: the sample stays ascending (both lie between the
    // values around them, which are shifted to make room).
    const zeroAt = 102_767;
    for (let i = 0; i < sorted.length; i++) sorted[i] = sorted[i]! + (i <= zeroAt ? -1e6 : 1e6);
    sorted[zeroAt] = -0;
    sorted[zeroAt + 1] = 0;
    const expected = scanRuns(sorted);
    for (const runs of [runsOfSorted(sorted), withColumnScratch(() => runsOfSorted(sorted))]) {
      expect(Array.from(runs.values)).toEqual(expected.values);
      expect(Array.from(runs.counts)).toEqual(expected.counts);
      expect(Object.is(runs.values[expected.values.indexOf(0)], -0)).toBe(true);
      expect(runs.largest).toBe(30_000);
    }
  });

  it('carries the largest count of long samples, all distinct or not, past the lent arrays', () => {
    for (const n of [4096, 5000, 300_000]) {
      const distinct = Float64Array.from({ length: n }, (_, i) => i * 0.25 - 7);
      expect(runsOfSorted(distinct).largest).toBe(1);
      const repeated = Float64Array.from(distinct, (value, i) =>
        i < 37 ? -7 : i >= n - 5 ? distinct[n - 5]! : value,
      );
      for (const runs of [runsOfSorted(repeated), withColumnScratch(() => runsOfSorted(repeated))]) {
        let largest = 0;
        for (const count of runs.counts) largest = Math.max(largest, count);
        expect(largest).toBe(37);
        expect(runs.largest).toBe(37);
      }
    }
  });
});
