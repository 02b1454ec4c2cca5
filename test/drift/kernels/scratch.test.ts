// Working arrays lent per column: scoring with them equals scoring with fresh arrays, and nothing a scored column
// returns still points at an array the next column reuses.
import { describe, expect, it } from 'vitest';
import { mergedDistribution } from '../../../src/drift/kernels/merged.js';
import { runsOfSorted } from '../../../src/drift/kernels/runs.js';
import {
  LARGE_KEPT_BYTES,
  SCRATCH_MAX_LENGTH,
  scratchFloat64,
  scratchOpen,
  withColumnScratch,
} from '../../../src/drift/kernels/scratch.js';
import { planColumns } from '../../../src/drift/plan.js';
import { scoreColumn, type ColumnWork } from '../../../src/drift/score-column.js';
import type { ColumnPair } from '../../../src/drift/types.js';
import type { Table } from '../../../src/snapshot/table.js';

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Columns of different lengths and kinds, so consecutive columns lend the same slots at different sizes. */
function table(seed: number, rows: number): Table {
  const random = lcg(seed);
  const floats = (scale: number) =>
    Float64Array.from({ length: rows }, () => Number((random() * scale).toFixed(4)));
  const withGaps = floats(3).map((v, i) => (i % 17 === 0 ? Number.NaN : i % 29 === 0 ? Infinity : v));
  const small = Float64Array.from({ length: rows }, () => Math.floor(random() * 5));
  return {
    source: `t${seed}`,
    rows,
    columns: [
      { name: 'wide', type: 'float', values: floats(1000) },
      { name: 'gaps', type: 'float', values: withGaps },
      { name: 'small', type: 'int', values: small },
      { name: 'narrow', type: 'float', values: floats(1) },
      { name: 'signed', type: 'float', values: floats(2).map((v, i) => (i % 2 ? -v : v)) },
    ],
  };
}

/** Every typed array reachable from a value (a result must hold none: they would alias lent memory). */
function typedArraysIn(value: unknown, found: unknown[] = []): unknown[] {
  if (ArrayBuffer.isView(value)) found.push(value);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) typedArraysIn(item, found);
  return found;
}

describe('column scratch', () => {
  it('lends fresh arrays outside a scope and views of kept ones inside, zeroed when asked', () => {
    expect(scratchOpen()).toBe(false);
    const outside = scratchFloat64(10);
    expect(outside.buffer.byteLength).toBe(80);
    withColumnScratch(() => {
      expect(scratchOpen()).toBe(true);
      const first = scratchFloat64(5000);
      first.fill(7);
      expect(scratchFloat64(SCRATCH_MAX_LENGTH + 1).buffer.byteLength).toBe(8 * (SCRATCH_MAX_LENGTH + 1));
      withColumnScratch(() => expect(scratchOpen()).toBe(true)); // nested: joins the outer scope
      expect(scratchOpen()).toBe(true);
    });
    expect(scratchOpen()).toBe(false);
    withColumnScratch(() => {
      const again = scratchFloat64(3000); // slot 0 again, zeroed
      expect(again.length).toBe(3000);
      expect(again.every((v) => v === 0)).toBe(true);
      expect(again.buffer.byteLength).toBeGreaterThan(3000 * 8);
    });
  });

  it('lends large arrays from kept ones: never the same one twice in a scope, reused (and zeroed) in the next', () => {
    const long = SCRATCH_MAX_LENGTH + 100;
    const [first, second] = withColumnScratch(() => {
      const a = scratchFloat64(long, false);
      const b = scratchFloat64(long + 5, false);
      expect(a.buffer).not.toBe(b.buffer);
      a.fill(1);
      b.fill(2);
      return [a.buffer, b.buffer];
    });
    withColumnScratch(() => {
      // The best fit: the shorter kept array for the shorter request, whatever the order of the requests.
      const b = scratchFloat64(long + 5);
      const a = scratchFloat64(long - 50);
      expect(b.buffer).toBe(second);
      expect(a.buffer).toBe(first);
      expect(b.every((v) => v === 0) && a.every((v) => v === 0)).toBe(true);
      // Both kept ones are lent: a third is another array.
      const c = scratchFloat64(long, false);
      expect(c.buffer).not.toBe(first);
      expect(c.buffer).not.toBe(second);
    });
    // Past the budget an array is fresh (never one that is lent), and nothing breaks.
    withColumnScratch(() => {
      const huge = scratchFloat64(LARGE_KEPT_BYTES / 8 + 1, false);
      expect(huge.length).toBe(LARGE_KEPT_BYTES / 8 + 1);
      expect(scratchFloat64(long, false).buffer).not.toBe(huge.buffer);
    });
  });

  it('takes every array back when the work throws', () => {
    expect(() =>
      withColumnScratch(() => {
        scratchFloat64(100);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(scratchOpen()).toBe(false);
  });

  it('a pair scored in a scope equals one scored with fresh arrays, whatever was lent before', () => {
    const random = lcg(3);
    const reference = Float64Array.from({ length: 6000 }, () => Math.round(random() * 1e5) / 100);
    const current = Float64Array.from({ length: 5000 }, () => Math.round(random() * 1e5) / 100);
    const pair = (): ColumnPair => ({
      column: 'x',
      columnType: 'numerical',
      reference,
      current,
      cache: new Map(),
    });
    const fresh = mergedDistribution(pair());
    const copy = (m: typeof fresh) => ({
      values: Array.from(m.values),
      referenceCounts: Array.from(m.referenceCounts),
      currentCounts: Array.from(m.currentCounts),
    });
    const expected = copy(fresh);
    for (let round = 0; round < 3; round++) {
      withColumnScratch(() => {
        // Leave garbage in the slots the merge will get next time.
        for (let i = 0; i < 8; i++) scratchFloat64(20_000, false).fill(round + 0.5);
      });
      const scoped = withColumnScratch(() => copy(mergedDistribution(pair())));
      expect(scoped).toEqual(expected);
    }
    expect(withColumnScratch(() => Array.from(runsOfSorted(Float64Array.of(1, 1, 2)).counts))).toEqual([
      2, 1,
    ]);
  });

  it('scored columns hold no typed array and stay unchanged while later columns are scored', () => {
    const reference = table(1, 7000);
    const current = table(2, 5500);
    const options = { referenceLabel: 'r', currentLabel: 'c' };
    const plan = planColumns(reference, current, options);
    const works: ColumnWork[] = [];
    const snapshots: string[] = [];
    for (const column of plan) {
      const work = scoreColumn(column, { reference, current }, options);
      expect(typedArraysIn(work)).toEqual([]);
      works.push(work);
      snapshots.push(JSON.stringify(work));
    }
    // Later columns reused every lent array: the earlier results must not have changed.
    works.forEach((work, i) => expect(JSON.stringify(work)).toBe(snapshots[i]));
    // Scored again in the opposite order (every slot now holds another column's values, at another length): the
    // same results.
    for (let i = plan.length - 1; i >= 0; i--)
      expect(JSON.stringify(scoreColumn(plan[i]!, { reference, current }, options))).toBe(snapshots[i]);
  });
});
