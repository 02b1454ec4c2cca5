// --compute database with summarised numeric columns (statistics and bins in SQL instead of value counts) against
// the same snapshots read row by row, on a generated table in the real PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDrift } from '../../../src/drift/engine.js';
import type { DriftOptions } from '../../../src/drift/options.js';
import type { DriftReport } from '../../../src/drift/report.js';
import { UNIQUE_REASON } from '../../../src/drift/score-column.js';
import { summarizePolicy } from '../../../src/drift/summarized.js';
import { pairOfTables } from '../../../src/snapshot/pair.js';
import {
  countPostgresSnapshots,
  readPostgresSnapshots,
  type PostgresSnapshotSettings,
} from '../../../src/snapshot/postgres/index.js';
import { DATABASE_URL, databaseAvailable, sql, uniqueSchema } from './support.js';

const available = await databaseAvailable();
const schema = uniqueSchema('summ');
const ROWS = 12_000;

const settings: PostgresSnapshotSettings = {
  databaseUrl: DATABASE_URL,
  source: { kind: 'table', table: { schema, table: 'events' }, asOfColumn: 'as_of' },
  referenceAsOf: { kind: 'previous' },
  currentAsOf: { kind: 'latest' },
  statementTimeoutMs: 120_000,
};
const base: DriftOptions = { referenceLabel: 'previous', currentLabel: 'latest', target: 'x_flag' };
const notId = (name: string) => name !== 'user_id';
/** The probe of the tests: more than 2,000 distinct values among the first 8,000 reference rows. */
const tuning = { minDistinct: 2_000, probeRows: 8_000 };
const SUMMARIZED = ['x_cont', 'x_dec', 'x_big', 'x_nan', 'x_serial'];

/**
 * The two reports agree: every field present in both, strings and booleans equal, numbers within 1e-9 relative
 * (statistics summed by the server in its own order), `computed` apart.
 */
function expectEquivalent(database: DriftReport, memory: DriftReport): void {
  const walk = (actual: unknown, expected: unknown, path: string): void => {
    if (typeof expected === 'number' && typeof actual === 'number') {
      if (Object.is(actual, expected)) return;
      expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
        1e-9 * Math.abs(expected),
      );
      return;
    }
    if (typeof expected !== 'object' || expected === null || typeof actual !== 'object' || actual === null) {
      expect(actual, path).toEqual(expected);
      return;
    }
    const keys = (value: object) => Object.keys(value).filter((key) => key !== 'computed');
    expect(keys(actual).sort(), path).toEqual(keys(expected).sort());
    for (const key of keys(expected))
      walk(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
  };
  walk(database, memory, 'report');
}

describe.skipIf(!available)(`summarised numeric columns on ${ROWS} rows per snapshot`, () => {
  let memory: Awaited<ReturnType<typeof readPostgresSnapshots>>;

  beforeAll(async () => {
    await sql(
      `CREATE SCHEMA ${schema}`,
      `CREATE TABLE ${schema}.events (user_id bigint, as_of date, x_cont double precision, x_dec numeric(10,3),
         x_big integer, x_round double precision, x_small integer, x_cat text, x_flag boolean,
         x_nan double precision, x_inf double precision, x_serial integer)`,
      `SELECT setseed(0.17)`,
      `INSERT INTO ${schema}.events
       SELECT g, d.as_of,
              random() * (1 + 0.03 * d.k) + 0.05 * d.k,
              round((random() * 1000)::numeric, 3),
              (random() * 1000000 + d.k * 5000)::int,
              round(random() * 200) / 2,
              (random() * 4)::int,
              (ARRAY['a', 'b', 'c', 'd'])[1 + (random() * 3.99 + d.k * 0.2)::int % 4],
              random() < 0.3 + 0.05 * d.k,
              CASE WHEN random() < 0.1 THEN NULL WHEN random() < 0.01 THEN 'NaN'::float8 ELSE random() * 10 END,
              CASE WHEN random() < 0.001 THEN 'Infinity'::float8 ELSE random() END,
              g * 3 + d.k
       FROM generate_series(1, ${ROWS}) AS g, (VALUES (0, '2024-01-31'::date), (1, '2024-02-29'::date)) AS d(k, as_of)`,
    );
    memory = await readPostgresSnapshots(settings, notId);
  }, 60_000);

  afterAll(async () => {
    await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  const reports = async (options: DriftOptions) => {
    const database = await countPostgresSnapshots(
      settings,
      notId,
      undefined,
      summarizePolicy(options, tuning),
    );
    return {
      database,
      fromDatabase: await computeDrift(database, options),
      fromMemory: await computeDrift(pairOfTables(memory.reference, memory.current), options),
    };
  };

  it('default tests: continuous columns summarised, the others counted; the same report', async () => {
    const { database, fromDatabase, fromMemory } = await reports(base);
    // Counted: few distinct values (x_round has 401, under the threshold), ±Infinity cells (x_inf), the target.
    expect(database.summarized.map((column) => column.name)).toEqual(SUMMARIZED);
    expect(database.reference.counted.map((column) => column.name)).toEqual([
      'x_round',
      'x_small',
      'x_cat',
      'x_flag',
      'x_inf',
    ]);
    expect(database.columnOrder).toEqual(memory.allColumns.filter(notId));
    // Each summarised column sends a few statistics and bins, not a value count per distinct value.
    for (const column of database.summarized) expect(column.reference.testBins.length).toBeLessThan(40);
    expect(
      Object.fromEntries(fromDatabase.columns.map((column) => [column.column, column.computed])),
    ).toEqual({
      ...Object.fromEntries(SUMMARIZED.map((name) => [name, 'sql_statistics'])),
      x_round: 'value_counts',
      x_small: 'value_counts',
      x_cat: 'value_counts',
      x_flag: 'value_counts',
      x_inf: 'value_counts',
    });
    expect(fromMemory.columns.every((column) => column.computed === 'values')).toBe(true);
    // An integer column unique in every row is warned about as a likely id, summarised or not.
    expect(fromDatabase.columns.find((column) => column.column === 'x_serial')!.warnings).toEqual([
      UNIQUE_REASON,
    ]);
    expect(fromMemory.columns.find((column) => column.column === 'x_cont')!.stattest).toBe('wasserstein');
    expect(fromMemory.columns.find((column) => column.column === 'x_cont')!.drift_detected).toBe(true);
    expectEquivalent(fromDatabase, fromMemory);
    // The per-column strategy (servers without GROUPING SETS) leaves the same columns out of its counts.
    const perColumn = await countPostgresSnapshots(
      settings,
      notId,
      'per-column',
      summarizePolicy(base, tuning),
    );
    expect(perColumn.summarized.map((column) => column.name)).toEqual(SUMMARIZED);
    expectEquivalent(await computeDrift(perColumn, base), fromMemory);
  });

  it('KS, binned tests and custom bins on summarised columns; a rank test counts its column', async () => {
    const options: DriftOptions = {
      ...base,
      bins: 15,
      stattest: {
        byColumn: { x_cont: 'ks', x_dec: 'psi', x_big: 'kl_div', x_nan: 'mannw' },
      },
    };
    const { database, fromDatabase, fromMemory } = await reports(options);
    expect(database.summarized.map((column) => column.name)).toEqual(['x_cont', 'x_serial']);
    const tests = Object.fromEntries(fromDatabase.columns.map((column) => [column.column, column.stattest]));
    expect(tests).toMatchObject({ x_cont: 'ks', x_dec: 'psi', x_big: 'kl_div', x_nan: 'mannw' });
    expectEquivalent(fromDatabase, fromMemory);
    // Without custom bins the binned tests are computed from the database's bins too.
    const plain = await reports({ ...options, bins: undefined });
    expect(plain.database.summarized.map((column) => column.name)).toEqual([
      'x_cont',
      'x_dec',
      'x_big',
      'x_serial',
    ]);
    expectEquivalent(plain.fromDatabase, plain.fromMemory);
  });

  it('a forced category is counted; a threshold for every column applies to summarised ones', async () => {
    const options: DriftOptions = { ...base, categorical: ['x_big'], threshold: { all: 0.2 } };
    const { database, fromDatabase, fromMemory } = await reports(options);
    expect(database.summarized.map((column) => column.name)).toEqual([
      'x_cont',
      'x_dec',
      'x_nan',
      'x_serial',
    ]);
    expectEquivalent(fromDatabase, fromMemory);
  });
});
