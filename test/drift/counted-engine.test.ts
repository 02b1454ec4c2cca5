// Counted snapshots (what --compute database sends) are scored from their counts: no column and no side of a
// column pair is ever laid out row by row, except by the tests that need the sample itself (es, empirical_mmd).
// Both ways a counted column could be laid out are replaced here by guards that throw while `state.guard` is set.
import { describe, expect, it, vi } from 'vitest';
import { tableOfCounts } from '../../src/drift/counted.js';
import { computeDrift } from '../../src/drift/engine.js';
import type { DriftOptions } from '../../src/drift/options.js';
import { prepareColumnPair, prepareCountedPair } from '../../src/drift/prepare.js';
import { computeDistribution } from '../../src/drift/distribution.js';
import { columnEffect } from '../../src/drift/effect.js';
import { getStatTest } from '../../src/drift/stattests/index.js';
import { totalVariationDistance } from '../../src/drift/stattests/tvd.js';
import { StatTestSkip, type ColumnPair, type StatTestId } from '../../src/drift/types.js';
import { pairOfTables } from '../../src/snapshot/pair.js';
import {
  numbersOf,
  type Column,
  type CountedColumn,
  type CountedTable,
  type SnapshotPair,
  type Table,
} from '../../src/snapshot/table.js';
import { expectSameReport } from '../snapshot/postgres/support.js';

const state = vi.hoisted(() => ({ guard: true, expanded: [] as string[] }));

vi.mock('../../src/drift/expand-counted.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/drift/expand-counted.js')>();
  return {
    ...original,
    expandCounted: (column: CountedColumn) => {
      if (state.guard) throw new Error(`counted column '${column.name}' laid out row by row`);
      state.expanded.push(column.name);
      return original.expandCounted(column);
    },
  };
});
vi.mock('../../src/drift/kernels/side-runs.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/drift/kernels/side-runs.js')>();
  return {
    ...original,
    expandRuns: (runs: Parameters<typeof original.expandRuns>[0]) => {
      if (state.guard) throw new Error('a counted pair side laid out row by row');
      state.expanded.push('pair side');
      return original.expandRuns(runs);
    },
  };
});

/** Deterministic pseudo-random numbers in [0, 1). */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PLANS = ['basic', 'premium', 'standard', 'trial'];

/** One snapshot as rows, in a shuffled order, with missing and infinite cells. */
function table(source: string, rows: number, shift: number, seed: number): Table {
  const random = generator(seed);
  const amount = new Float64Array(rows);
  const price = new Float64Array(rows);
  const visits = new Float64Array(rows);
  const flag = new Float64Array(rows);
  const churn = new Float64Array(rows);
  const day = new Float64Array(rows);
  const plan = new Int32Array(rows);
  const note = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const u = random();
    amount[i] =
      u < 0.03
        ? Number.NaN
        : u < 0.04
          ? Number.POSITIVE_INFINITY
          : Math.round((random() * 90 + shift * 7) * 100) / 100;
    price[i] = Math.round((random() * 20 + shift) * 2) / 2;
    visits[i] = Math.floor(random() * (6 + shift));
    flag[i] = random() < 0.3 + 0.1 * shift ? 1 : 0;
    churn[i] = random() < 0.2 + 0.05 * shift ? 1 : 0;
    day[i] = Date.UTC(2024, 0, 1 + Math.floor(random() * 30));
    plan[i] = random() < 0.05 ? -1 : Math.floor(random() * (3 + shift));
    note[i] = i;
  }
  const columns: Column[] = [
    { name: 'amount', type: 'float', values: amount },
    { name: 'price', type: 'float', values: price },
    { name: 'visits', type: 'int', values: visits },
    { name: 'flag', type: 'bool', values: flag },
    { name: 'churn', type: 'int', values: churn },
    { name: 'day', type: 'datetime', values: day },
    { name: 'plan', type: 'string', codes: plan, dictionary: PLANS },
    {
      name: 'note',
      type: 'string',
      codes: note,
      dictionary: Array.from({ length: rows }, (_, i) => `n${i}`),
    },
  ];
  return { source, rows, columns };
}

/** The same snapshot as per-column value counts (missing strings as missing, NaN as a key), as a database sends. */
function counted(from: Table): CountedTable {
  return {
    source: from.source,
    rows: from.rows,
    counted: from.columns.map((column): CountedColumn => {
      const keys = new Map<number | string, number>();
      let missing = 0;
      if (column.type === 'string') {
        for (const code of column.codes) {
          if (code < 0) missing++;
          else keys.set(column.dictionary[code]!, (keys.get(column.dictionary[code]!) ?? 0) + 1);
        }
      } else for (const value of numbersOf(column.values)) keys.set(value, (keys.get(value) ?? 0) + 1);
      const entries = [...keys];
      return {
        name: column.name,
        storage: column.type,
        counts: {
          keys:
            column.type === 'string'
              ? entries.map(([key]) => key as string)
              : Float64Array.from(entries, ([key]) => key as number),
          counts: Float64Array.from(entries, ([, count]) => count),
          missing,
        },
      };
    }),
  };
}

function pairs(reference: Table, current: Table): { rows: SnapshotPair; counts: SnapshotPair } {
  const rows = pairOfTables(reference, current);
  return {
    rows,
    counts: { reference: counted(reference), current: counted(current), rowFacts: rows.rowFacts },
  };
}

const big = pairs(table('ref', 3000, 0, 1), table('cur', 2600, 1, 2));
const small = pairs(table('ref', 400, 0, 3), table('cur', 400, 1, 4));
const base: DriftOptions = { referenceLabel: 'r', currentLabel: 'c', target: 'churn' };

/** Tests that are functions of the two empirical distributions, with the column types they accept. */
const FROM_COUNTS: readonly StatTestId[] = [
  'ks',
  'wasserstein',
  'chisquare',
  'z',
  'jensenshannon',
  'psi',
  'kl_div',
  'hellinger',
  'anderson',
  'cramer_von_mises',
  'mannw',
  'ed',
  't_test',
  'g_test',
  'fisher_exact',
];

function optionsFor(id: StatTestId): DriftOptions {
  const test = getStatTest(id);
  const byType = Object.fromEntries(test.allowedTypes.map((type) => [type, id]));
  return { ...base, stattest: { byType } };
}

describe('a counted snapshot pair is scored without laying out rows', () => {
  it("the guards are live: reading a counted column's cells throws", () => {
    state.guard = true;
    const [amount] = tableOfCounts(small.counts.reference as CountedTable).columns;
    expect(() => (amount as Column & { values: Float64Array }).values).toThrow(/laid out row by row/);
  });

  it.each([
    ['1000+ rows', big],
    ['≤ 1000 rows', small],
  ])(
    'default tests, summary, charts, target, missing-value drift (%s): the report of the rows',
    async (_, pair) => {
      state.guard = true;
      const fromCounts = await computeDrift(pair.counts, { ...base, missingDrift: true });
      const fromRows = await computeDrift(pair.rows, { ...base, missingDrift: true });
      expect(fromCounts.columns.find((column) => column.column === 'note')?.skipped).toBe(
        'unique in every row (an id?): pass --id-column',
      );
      expect(fromCounts.target?.reference_rate).toBeGreaterThan(0);
      expect(fromCounts.summary.reference.by_column.map((column) => column.column)).toContain('day');
      expectSameReport(fromCounts, fromRows);
    },
  );

  it.each(FROM_COUNTS)('%s: the report of the rows', async (id) => {
    state.guard = true;
    let scored = 0;
    for (const pair of [big, small]) {
      const fromCounts = await computeDrift(pair.counts, optionsFor(id));
      const fromRows = await computeDrift(pair.rows, optionsFor(id));
      scored += fromCounts.columns.filter(
        (column) => column.stattest === id && column.skipped === null,
      ).length;
      expectSameReport(fromCounts, fromRows);
    }
    // g_test and fisher_exact score only equal-sized sides (the 400-row pair), as in Evidently.
    expect(scored).toBeGreaterThan(0);
  });

  it('TVD: its observed statistic from the counts, its permutation from the counts as key indices', async () => {
    state.guard = true;
    const report = await computeDrift(small.counts, optionsFor('TVD'));
    const plan = report.columns.find((column) => column.column === 'plan')!;
    expect(plan.stattest).toBe('TVD');
    expect(plan.drift_score).toBeGreaterThanOrEqual(0);
  });

  it('es and empirical_mmd lay out their own column only (both sides of it), nothing else', async () => {
    for (const id of ['es', 'empirical_mmd'] as const) {
      state.guard = false;
      state.expanded.length = 0;
      const options: DriftOptions = { ...base, stattest: { byColumn: { price: id } } };
      const fromCounts = await computeDrift(small.counts, options);
      state.guard = true;
      expect(state.expanded).toEqual(['pair side', 'pair side']);
      expect(fromCounts.columns.find((column) => column.column === 'price')?.stattest).toBe(id);
    }
  });
});

/** The counted pair of a column with reference/current that throw when read (the kernels must use the runs). */
function guardedPair(pair: SnapshotPair, name: string, columnType: ColumnPair['columnType']): ColumnPair {
  const side = (snapshot: SnapshotPair['reference']) =>
    (snapshot as CountedTable).counted.find((column) => column.name === name)!;
  const built = prepareCountedPair(name, columnType, side(pair.reference), side(pair.current));
  const touched = (): never => {
    throw new Error(`${name}: row array read`);
  };
  return {
    column: built.column,
    columnType: built.columnType,
    ...(built.labels ? { labels: built.labels } : {}),
    cache: built.cache,
    fromCounts: true,
    get reference() {
      return touched();
    },
    get current() {
      return touched();
    },
  };
}

function rowsPair(pair: SnapshotPair, name: string, columnType: ColumnPair['columnType']): ColumnPair {
  const side = (snapshot: SnapshotPair['reference']) =>
    (snapshot as Table).columns.find((column) => column.name === name)!;
  return prepareColumnPair(name, columnType, side(pair.reference), side(pair.current));
}

describe('a counted column pair whose row arrays throw when read', () => {
  const columns = [
    ['amount', 'numerical'],
    ['price', 'numerical'],
    ['visits', 'categorical'],
    ['flag', 'categorical'],
    ['plan', 'categorical'],
  ] as const;

  it.each(columns)(
    '%s: every test of the two distributions, the chart and the effect, as from rows',
    (name, type) => {
      state.guard = true;
      for (const pair of [big, small]) {
        const guarded = guardedPair(pair.counts, name, type);
        const rows = rowsPair(pair.rows, name, type);
        let scored = 0;
        for (const id of FROM_COUNTS) {
          const test = getStatTest(id);
          if (!test.allowedTypes.includes(type)) continue;
          const options = { threshold: test.defaultThreshold, seed: 0 };
          const outcome = (p: ColumnPair) => {
            try {
              return test.compute(p, options);
            } catch (error) {
              if (error instanceof StatTestSkip) return { skipped: error.message };
              throw error;
            }
          };
          const fromCounts = outcome(guarded);
          const fromRows = outcome(rows);
          if (id === 'wasserstein' && 'score' in fromRows && 'score' in fromCounts) {
            // Its normaliser is pandas' std, summed in row order; a counted side is summed in ascending order.
            expect(Math.abs(fromCounts.score - fromRows.score)).toBeLessThanOrEqual(1e-14 * fromRows.score);
          } else expect(fromCounts, `${name} ${id}`).toEqual(fromRows);
          if (!('skipped' in fromCounts)) scored++;
        }
        expect(scored).toBeGreaterThan(0);
        expect(totalVariationDistance(guarded)).toBe(totalVariationDistance(rows));
        expect(computeDistribution(guarded)).toEqual(computeDistribution(rows));
        const effect = columnEffect(guarded);
        const expected = columnEffect(rows);
        expect(effect.jensenshannon).toBe(expected.jensenshannon);
        if (expected.wasserstein_normed !== undefined)
          expect(Math.abs(effect.wasserstein_normed! - expected.wasserstein_normed)).toBeLessThanOrEqual(
            1e-14 * expected.wasserstein_normed,
          );
      }
    },
  );
});
