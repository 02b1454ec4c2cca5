// --compute database vs --compute memory on a generated 1M-rows-per-snapshot table in the real PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDrift } from '../../../src/drift/engine.js';
import type { DriftOptions } from '../../../src/drift/options.js';
import { pairOfTables } from '../../../src/snapshot/pair.js';
import {
  countPostgresSnapshots,
  readPostgresSnapshots,
  type PostgresSnapshotSettings,
} from '../../../src/snapshot/postgres/index.js';
import { DATABASE_URL, databaseAvailable, expectSameReport, sql, uniqueSchema } from './support.js';

const available = await databaseAvailable();
const schema = uniqueSchema('big');
const ROWS = 1_000_000;

const settings: PostgresSnapshotSettings = {
  databaseUrl: DATABASE_URL,
  source: { kind: 'table', table: { schema, table: 'events' }, asOfColumn: 'as_of' },
  referenceAsOf: { kind: 'previous' },
  currentAsOf: { kind: 'latest' },
  statementTimeoutMs: 300_000,
};
// user_id is never read (notId), so it is not named as the id column either.
const base: DriftOptions = { referenceLabel: 'previous', currentLabel: 'latest', target: 'x_flag' };
const notId = (name: string) => name !== 'user_id';

describe.skipIf(!available)(`--compute database on ${ROWS} rows per snapshot`, () => {
  let memory: Awaited<ReturnType<typeof readPostgresSnapshots>>;
  let counted: Awaited<ReturnType<typeof countPostgresSnapshots>>;

  beforeAll(async () => {
    // Generated in SQL (generate_series), so the test moves no rows from Node into the server.
    await sql(
      `CREATE SCHEMA ${schema}`,
      `CREATE TABLE ${schema}.events (user_id bigint, as_of date, x_cont double precision, x_dec numeric(10,2),
         x_int integer, x_small integer, x_cat text, x_flag boolean, x_sparse double precision)`,
      `SELECT setseed(0.42)`,
      `INSERT INTO ${schema}.events
       SELECT g, d.as_of,
              random() * (1 + 0.05 * d.k),
              round((random() * 1000)::numeric, 2),
              (random() * 50 + d.k * 2)::int,
              (random() * 4)::int,
              (ARRAY['a', 'b', 'c', 'd'])[1 + (random() * 3.99 + d.k * 0.2)::int % 4],
              random() < 0.3 + 0.05 * d.k,
              CASE WHEN random() < 0.1 THEN NULL WHEN random() < 0.01 THEN 'NaN'::float8 ELSE random() * 10 END
       FROM generate_series(1, ${ROWS}) AS g, (VALUES (0, '2024-01-31'::date), (1, '2024-02-29'::date)) AS d(k, as_of)`,
      `ANALYZE ${schema}.events`,
    );
    memory = await readPostgresSnapshots(settings, notId);
    counted = await countPostgresSnapshots(settings, notId);
  }, 240_000);

  afterAll(async () => {
    await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  it('reads and counts the same snapshots', () => {
    expect([memory.referenceAsOf, memory.currentAsOf]).toEqual(['2024-01-31', '2024-02-29']);
    expect([counted.referenceAsOf, counted.currentAsOf]).toEqual(['2024-01-31', '2024-02-29']);
    expect(memory.reference.rows).toBe(ROWS);
    expect(counted.reference.rows).toBe(ROWS);
    expect(counted.strategy).toBe('grouping-sets');
    expect(counted.reference.counted.map((column) => column.name)).toEqual(
      memory.reference.columns.map((column) => column.name),
    );
  });

  it('default tests: identical reports', async () => {
    const fromMemory = await computeDrift(pairOfTables(memory.reference, memory.current), base);
    const fromDatabase = await computeDrift(counted, base);
    // The generated columns reach every default branch on both sides of the 1000-row limit.
    expect(Object.fromEntries(fromMemory.columns.map((column) => [column.column, column.stattest]))).toEqual({
      x_cont: 'wasserstein',
      x_dec: 'wasserstein',
      x_int: 'wasserstein',
      x_sparse: 'wasserstein',
      x_small: 'jensenshannon',
      x_cat: 'jensenshannon',
      x_flag: 'jensenshannon',
    });
    expectSameReport(fromDatabase, fromMemory);
  });

  it('histogram-binned, value-count and ECDF tests: identical reports', async () => {
    const options: DriftOptions = {
      ...base,
      stattest: {
        byColumn: {
          x_cont: 'ks',
          x_dec: 'psi',
          x_int: 'jensenshannon',
          x_sparse: 'kl_div',
          x_small: 'chisquare',
          x_cat: 'z',
          x_flag: 'hellinger',
        },
      },
    };
    const fromMemory = await computeDrift(pairOfTables(memory.reference, memory.current), options);
    const fromDatabase = await computeDrift(counted, options);
    expect(fromMemory.columns.map((column) => column.skipped)).toEqual(fromMemory.columns.map(() => null));
    expectSameReport(fromDatabase, fromMemory);
  });
});
