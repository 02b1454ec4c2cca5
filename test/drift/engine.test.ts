// The one engine entry: a pair of snapshots (as columns or as value counts) in, a report out; columns scored by
// the strategy the caller passes.
import { describe, expect, it } from 'vitest';
import { expandCounted } from '../../src/drift/counted.js';
import { computeDrift, type ColumnMapper } from '../../src/drift/engine.js';
import type { DriftOptions } from '../../src/drift/options.js';
import { scoreColumn } from '../../src/drift/score-column.js';
import { UserError } from '../../src/errors.js';
import { pairOfTables } from '../../src/snapshot/pair.js';
import {
  numbersOf,
  type Column,
  type CountedTable,
  type SnapshotPair,
  type Table,
} from '../../src/snapshot/table.js';

const options: DriftOptions = { referenceLabel: 'r', currentLabel: 'c', target: 'churn' };

function table(source: string, shift: number): Table {
  const rows = 1500;
  const fee = Float64Array.from({ length: rows }, (_, i) => 20 + ((i * 37) % 100) + shift * (i % 3));
  const plan = Int32Array.from({ length: rows }, (_, i) => (i + shift) % 3);
  const churn = Float64Array.from({ length: rows }, (_, i) => ((i * 7 + shift) % 10 < 3 ? 1 : 0));
  const columns: Column[] = [
    { name: 'fee', type: 'float', values: fee },
    { name: 'plan', type: 'string', codes: plan, dictionary: ['basic', 'premium', 'standard'] },
    { name: 'churn', type: 'int', values: churn },
  ];
  return { source, rows, columns };
}

/** The same snapshot as per-column value counts, as a database would send it. */
function counted(from: Table): CountedTable {
  return {
    source: from.source,
    rows: from.rows,
    counted: from.columns.map((column) => {
      const keys = new Map<number | string, number>();
      const cells =
        column.type === 'string'
          ? Array.from(column.codes, (code) => column.dictionary[code]!)
          : Array.from(numbersOf(column.values));
      for (const cell of cells) keys.set(cell, (keys.get(cell) ?? 0) + 1);
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
          missing: 0,
        },
      };
    }),
  };
}

const reference = table('ref', 0);
const current = table('cur', 1);

describe('computeDrift', () => {
  it('gives the same report for a pair of tables and for the same pair as value counts', async () => {
    const rows = pairOfTables(reference, current);
    const counts: SnapshotPair = {
      reference: counted(reference),
      current: counted(current),
      rowFacts: rows.rowFacts,
    };
    const fromRows = await computeDrift(rows, options);
    const fromCounts = await computeDrift(counts, options);
    expect(fromCounts.columns.map((column) => column.drift_score)).toEqual(
      fromRows.columns.map((column) => column.drift_score),
    );
    expect(fromCounts.decision).toEqual(fromRows.decision);
    expect(fromCounts.target).toEqual(fromRows.target);
    expect(fromCounts.summary.reference.duplicated_rows).toBe(rows.rowFacts.reference.duplicatedRows);
  });

  it('scores the planned columns through the strategy it is given, keeping the plan order', async () => {
    const seen: string[] = [];
    const reversed: ColumnMapper = async (columns, tables, opts) => {
      const works = [...columns].reverse().map((column) => {
        seen.push(column.name);
        return scoreColumn(column, tables, opts);
      });
      return works.reverse();
    };
    const inThread = await computeDrift(pairOfTables(reference, current), options);
    const mapped = await computeDrift(pairOfTables(reference, current), options, { mapColumns: reversed });
    expect(seen).toEqual(['churn', 'plan', 'fee']); // plan order: numerical, then categorical
    expect(mapped).toEqual(inThread);
  });

  it('takes the report facts that need whole rows from the pair', async () => {
    const pair = pairOfTables(reference, current);
    const report = await computeDrift(
      {
        ...pair,
        rowFacts: { reference: { duplicatedRows: 11, emptyRows: 2 }, current: pair.rowFacts.current },
      },
      options,
    );
    expect(report.summary.reference).toMatchObject({ duplicated_rows: 11, empty_rows: 2 });
  });

  it('accepts names of columns the reader did not load, and names settings as the surface does', async () => {
    const withId: Table = { ...reference, unloaded: ['user_id'] };
    await expect(
      computeDrift(pairOfTables(withId, current), { ...options, idColumn: 'user_id' }),
    ).resolves.toBeDefined();
    const wrong = await computeDrift(pairOfTables(reference, current), {
      ...options,
      stattest: { byColumn: { fee: 'chisquare' } },
      names: { stattest: '--stattest', threshold: '--threshold', numerical: '--numerical' },
    }).catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(UserError);
    expect((wrong as UserError).message).toMatch(
      /^--stattest: 'chisquare' cannot be applied to numerical column 'fee'/,
    );
  });
});

describe('expandCounted', () => {
  it('rebuilds a column in ascending order with missing cells last; int with a missing cell reads as float', () => {
    const column = expandCounted({
      name: 'k',
      storage: 'int',
      counts: { keys: Float64Array.of(3, 1), counts: Float64Array.of(1, 2), missing: 1 },
    });
    expect(column.type).toBe('float');
    expect(column.type !== 'string' && Array.from(numbersOf(column.values))).toEqual([1, 1, 3, Number.NaN]);
    expect(() =>
      expandCounted({
        name: 'k',
        storage: 'int',
        counts: { keys: Float64Array.of(1), counts: Float64Array.of(0.5), missing: 0 },
      }),
    ).toThrow(/whole counts/);
  });
});
