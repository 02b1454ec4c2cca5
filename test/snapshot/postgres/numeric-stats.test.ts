// Numeric statistics computed in PostgreSQL over the merged distribution (KS D, Wasserstein sum, Evidently's
// histogram bins, moments) against the same statistics of the rows read into memory, on a generated table.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  histogramEdgesOf,
  scoreFromAggregates,
  type NumericAggregates,
} from '../../../src/drift/aggregate-scores.js';
import { binnedCounts } from '../../../src/drift/kernels/binned.js';
import { columnEcdfWalk } from '../../../src/drift/kernels/ecdf.js';
import { referencePopulationStd } from '../../../src/drift/kernels/moments.js';
import { prepareColumnPair } from '../../../src/drift/prepare.js';
import { getStatTest } from '../../../src/drift/stattests/index.js';
import { isDrift, type StatTestId } from '../../../src/drift/types.js';
import {
  readPostgresSnapshots,
  type PostgresSnapshotSettings,
} from '../../../src/snapshot/postgres/index.js';
import {
  numericBinCounts,
  numericBinsSql,
  numericColumnStats,
} from '../../../src/snapshot/postgres/numeric-stats.js';
import { describeSnapshot, planSnapshotQuery } from '../../../src/snapshot/postgres/snapshots.js';
import { getColumn } from '../../../src/snapshot/table.js';
import { DATABASE_URL, databaseAvailable, sql, uniqueSchema } from './support.js';

const available = await databaseAvailable();
const schema = uniqueSchema('numstats');
const ROWS = 30_000;
const asOf = { reference: '2024-01-31', current: '2024-02-29' };
const source = { kind: 'table', table: { schema, table: 'events' }, asOfColumn: 'as_of' } as const;
const settings: PostgresSnapshotSettings = {
  databaseUrl: DATABASE_URL,
  source,
  referenceAsOf: { kind: 'value', value: asOf.reference },
  currentAsOf: { kind: 'value', value: asOf.current },
  statementTimeoutMs: 120_000,
};
const COLUMNS = ['x_cont', 'x_ties', 'x_num', 'x_int'];
const TESTS: StatTestId[] = ['ks', 'wasserstein', 'jensenshannon', 'psi', 'kl_div'];

/** |a − b| ≤ 1e-9 · |b| (or both exactly 0). */
function expectClose(actual: number, expected: number, label: string): void {
  expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    1e-9 * Math.abs(expected),
  );
}

describe.skipIf(!available)('numeric statistics in SQL', () => {
  let client: pg.Client;

  beforeAll(async () => {
    await sql(
      `CREATE SCHEMA ${schema}`,
      `CREATE TABLE ${schema}.events (user_id bigint, as_of date, x_cont double precision, x_ties double precision,
         x_num numeric(10, 3), x_int integer)`,
      `SELECT setseed(0.31)`,
      `INSERT INTO ${schema}.events
       SELECT g, d.as_of,
              CASE WHEN random() < 0.02 THEN NULL WHEN random() < 0.01 THEN 'NaN'::float8
                   WHEN random() < 0.005 THEN 'Infinity'::float8 ELSE random() * (1 + 0.05 * d.k) END,
              round(random() * 400) / 4 + d.k * 0.5,
              round((random() * 100 + d.k)::numeric, 3),
              (random() * 1000 + d.k * 20)::int
       FROM generate_series(1, ${ROWS}) AS g, (VALUES (0, DATE '${asOf.reference}'), (1, DATE '${asOf.current}')) AS d(k, as_of)`,
    );
    client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    // The session settings of a driftwatch read (doubles printed exactly).
    await client.query(`SET extra_float_digits = 1`);
  }, 60_000);

  afterAll(async () => {
    await client?.end();
    await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  it('equal the in-memory statistics and scores (1e-9 relative; KS D, bins, decisions identical)', async () => {
    const memory = await readPostgresSnapshots(settings, (name) => name !== 'user_id');
    const plan = await planSnapshotQuery(client, source);
    const specs = await describeSnapshot(client, plan, asOf.current);
    for (const name of COLUMNS) {
      const spec = specs.find((column) => column.name === name)!;
      const pair = prepareColumnPair(
        name,
        'numerical',
        getColumn(memory.reference, name)!,
        getColumn(memory.current, name)!,
      );
      const stats = await numericColumnStats(client, plan, spec, asOf);
      expect(stats.reference.count, name).toBe(pair.reference.length);
      expect(stats.current.count, name).toBe(pair.current.length);
      expect(stats.reference.rows, name).toBe(ROWS);
      expect(stats.reference.count + stats.reference.missing + stats.reference.infinite, name).toBe(ROWS);
      const walk = columnEcdfWalk(pair);
      expect(stats.ksStatistic, name).toBe(walk.ksStatistic);
      expectClose(stats.wasserstein1!, walk.wasserstein1, `${name} W1`);
      expectClose(stats.reference.stdPopulation!, referencePopulationStd(pair), `${name} std`);
      const min = Math.min(stats.reference.min!, stats.current.min!);
      const max = Math.max(stats.reference.max!, stats.current.max!);
      const edges = histogramEdgesOf(min, max, stats.reference.count + stats.current.count);
      const inMemory = binnedCounts(pair);
      expect(inMemory.binning, name).toBe('histogram');
      expect(Array.from(edges), name).toEqual(Array.from(inMemory.edges!));
      const bins = await numericBinCounts(client, plan, spec, asOf, edges);
      expect(Array.from(bins.reference), name).toEqual(Array.from(inMemory.referenceCounts));
      expect(Array.from(bins.current), name).toEqual(Array.from(inMemory.currentCounts));
      const aggregates: NumericAggregates = {
        referenceSize: stats.reference.count,
        currentSize: stats.current.count,
        referenceDistinct: stats.reference.distinct,
        mergedDistinct: stats.mergedDistinct,
        ksStatistic: stats.ksStatistic!,
        wasserstein1: stats.wasserstein1!,
        referenceStdPopulation: stats.reference.stdPopulation!,
        bins,
      };
      for (const id of TESTS) {
        const test = getStatTest(id);
        const expected = test.compute(pair, { threshold: test.defaultThreshold, seed: 0 });
        const actual = scoreFromAggregates(id, aggregates);
        expectClose(actual.score, expected.score, `${name} ${id}`);
        expect(actual.statistic, `${name} ${id} statistic`).toBe(expected.statistic);
        expect(actual.method, `${name} ${id} method`).toBe(expected.method);
        const threshold = test.defaultThreshold;
        expect(isDrift(test.comparison, actual.score, threshold), `${name} ${id} decision`).toBe(
          isDrift(test.comparison, expected.score, threshold),
        );
      }
    }
  }, 120_000);

  it('sends O(bins) rows: two rows of statistics, at most one row per bin and side', async () => {
    const plan = await planSnapshotQuery(client, source);
    const spec = (await describeSnapshot(client, plan, asOf.current)).find(
      (column) => column.name === 'x_cont',
    )!;
    const stats = await numericColumnStats(client, plan, spec, asOf);
    // x_cont is continuous: almost one distinct value per row, so value counts would be ~2 × ROWS rows.
    expect(stats.mergedDistinct).toBeGreaterThan(1.9 * ROWS);
    const edges = histogramEdgesOf(
      Math.min(stats.reference.min!, stats.current.min!),
      Math.max(stats.reference.max!, stats.current.max!),
      stats.reference.count + stats.current.count,
    );
    const rows = await client.query({
      text: numericBinsSql(plan, spec),
      values: [asOf.reference, asOf.current, `{${Array.from(edges).join(',')}}`, edges.length - 1],
    });
    expect(rows.rowCount).toBeLessThanOrEqual(2 * (edges.length - 1));
    expect(edges.length - 1).toBeLessThan(30);
  });

  it('a value at the last edge falls in the last bin, as numpy closes it', async () => {
    const plan = await planSnapshotQuery(client, source);
    const spec = (await describeSnapshot(client, plan, asOf.current)).find(
      (column) => column.name === 'x_int',
    )!;
    const stats = await numericColumnStats(client, plan, spec, asOf);
    const max = Math.max(stats.reference.max!, stats.current.max!);
    const edges = Float64Array.of(0, max / 2, max);
    const bins = await numericBinCounts(client, plan, spec, asOf, edges);
    expect(bins.reference[0]! + bins.reference[1]!).toBe(stats.reference.count);
    expect(bins.current[0]! + bins.current[1]!).toBe(stats.current.count);
  });

  it('a test that needs the values is refused from aggregates', () => {
    const aggregates: NumericAggregates = {
      referenceSize: 10,
      currentSize: 10,
      referenceDistinct: 30,
      mergedDistinct: 40,
      ksStatistic: 0.1,
      wasserstein1: 1,
      referenceStdPopulation: 2,
    };
    expect(() => scoreFromAggregates('mannw', aggregates)).toThrow(/needs the values themselves/);
    expect(() => scoreFromAggregates('psi', { ...aggregates, referenceDistinct: 20 })).toThrow(
      /value counts/,
    );
    expect(scoreFromAggregates('wasserstein', aggregates).score).toBe(0.5);
  });
});
