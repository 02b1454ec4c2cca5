// --compute database on a table partitioned on the local server, two levels deep (RANGE on as_of, then LIST on a
// category), against the rows read into memory and against the counts of the same rows in a plain table.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentRunsOfCounts } from '../../../src/drift/counted.js';
import { computeDrift } from '../../../src/drift/engine.js';
import type { DriftOptions } from '../../../src/drift/options.js';
import type { DriftReport } from '../../../src/drift/report.js';
import { pairOfTables } from '../../../src/snapshot/pair.js';
import {
  countPostgresSnapshots,
  readPostgresSnapshots,
  type PostgresSnapshotSettings,
} from '../../../src/snapshot/postgres/index.js';
import { partitionLayout } from '../../../src/snapshot/postgres/partitions.js';
import type { CountedColumn } from '../../../src/snapshot/table.js';
import { DATABASE_URL, databaseAvailable, expectSameReport, sql, uniqueSchema } from './support.js';

const available = await databaseAvailable();
const schema = uniqueSchema('parts');
const ROWS = 5_000;
const AS_OF = ['2024-01-31', '2024-02-29'] as const;
const settingsOf = (table: string): PostgresSnapshotSettings => ({
  databaseUrl: DATABASE_URL,
  source: { kind: 'table', table: { schema, table }, asOfColumn: 'as_of' },
  referenceAsOf: { kind: 'previous' },
  currentAsOf: { kind: 'latest' },
  statementTimeoutMs: 60_000,
});
const options: DriftOptions = { referenceLabel: AS_OF[0], currentLabel: AS_OF[1] };
const notId = (name: string) => name !== 'user_id';
const unlabelled = (report: DriftReport) => JSON.stringify(report).replaceAll('.plain@', '.events@');

describe.skipIf(!available)('--compute database on a two-level partitioned table', () => {
  beforeAll(async () => {
    await sql(
      `CREATE SCHEMA ${schema}`,
      `CREATE TABLE ${schema}.events (user_id bigint, as_of date, region text, x double precision, n integer)
         PARTITION BY RANGE (as_of)`,
      ...AS_OF.flatMap((asOf, index) => [
        `CREATE TABLE ${schema}.events_m${index} PARTITION OF ${schema}.events
           FOR VALUES FROM ('${asOf}') TO ('${asOf}'::date + 1) PARTITION BY LIST (region)`,
        `CREATE TABLE ${schema}.events_m${index}_eu PARTITION OF ${schema}.events_m${index} FOR VALUES IN ('eu')`,
        `CREATE TABLE ${schema}.events_m${index}_rest PARTITION OF ${schema}.events_m${index} DEFAULT`,
      ]),
      `SELECT setseed(0.5)`,
      // Duplicated rows across the region partitions would need the region; here every row has its region.
      `INSERT INTO ${schema}.events
       SELECT g, d.as_of, (ARRAY['eu', 'us', 'apac'])[1 + (random() * 2.99)::int],
              CASE WHEN random() < 0.05 THEN NULL ELSE round((random() * (1 + d.k))::numeric, 2) END,
              (random() * 3)::int + d.k
       FROM generate_series(1, ${ROWS}) AS g, (VALUES (0, DATE '${AS_OF[0]}'), (1, DATE '${AS_OF[1]}')) AS d(k, as_of)`,
      `CREATE TABLE ${schema}.plain AS SELECT * FROM ${schema}.events`,
      // Every non-text kind, with the values that need care: -0 and 0 in different partitions, NaN (folded into
      // NULL for a float, a value of its own for numeric(p, 0)), ±Infinity, NULL, an empty partition.
      `CREATE TABLE ${schema}.kinds (part int, as_of date, f double precision, n numeric(30, 0), b boolean, d date,
         t timestamptz) PARTITION BY LIST (part)`,
      ...[0, 1, 2].map(
        (part) => `CREATE TABLE ${schema}.kinds_${part} PARTITION OF ${schema}.kinds FOR VALUES IN (${part})`,
      ),
      `INSERT INTO ${schema}.kinds
       SELECT g % 2, d.as_of,
              (ARRAY['-0', '0', 'NaN', NULL, 'Infinity', '-Infinity', '1.5', '2.25'])[1 + (g * 7 + d.k) % 8]::float8,
              (ARRAY['NaN', NULL, '12345678901234567890', '-3', '0'])[1 + (g * 3 + d.k) % 5]::numeric,
              (ARRAY[true, false, NULL])[1 + g % 3],
              (ARRAY['2024-01-01', 'infinity', NULL, '1999-12-31'])[1 + (g + d.k) % 4]::date,
              TIMESTAMPTZ '2024-01-01 00:00:00.000001+00' + (g % 13) * INTERVAL '1.000001 second'
       FROM generate_series(1, 400) AS g, (VALUES (0, DATE '${AS_OF[0]}'), (1, DATE '${AS_OF[1]}')) AS d(k, as_of)`,
    );
  }, 60_000);

  afterAll(async () => {
    await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  it('counts the four leaf partitions and gives the in-memory and the plain-table reports', async () => {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      expect(await partitionLayout(client, { schema, table: 'events' })).toEqual({
        leaves: ['m0_eu', 'm0_rest', 'm1_eu', 'm1_rest'].map((leaf) => ({ schema, table: `events_${leaf}` })),
        keyColumns: ['as_of', 'region'],
        keyIsColumns: true,
      });
    } finally {
      await client.end();
    }
    const partitioned = await countPostgresSnapshots(settingsOf('events'), notId);
    expect(partitioned.strategy).toBe('per-partition');
    const plain = await countPostgresSnapshots(settingsOf('plain'), notId);
    expect(plain.strategy).toBe('grouping-sets');
    // The keys (as_of, region): as_of is the same on every row of a snapshot and region is counted, so equal rows
    // share a leaf partition and the duplicated rows are added up per partition; they equal the plain table's.
    expect(partitioned.rowFacts).toEqual(plain.rowFacts);
    expect(partitioned.rowFacts.reference.duplicatedRows).toBeGreaterThan(0);
    const fromPartitions = await computeDrift(partitioned, options);
    expect(unlabelled(await computeDrift(plain, options))).toBe(unlabelled(fromPartitions));
    const memory = await readPostgresSnapshots(settingsOf('events'), notId);
    expectSameReport(
      fromPartitions,
      await computeDrift(pairOfTables(memory.reference, memory.current), options),
    );
    expect(fromPartitions.columns.find((column) => column.column === 'n')!.drift_detected).toBe(true);
  });

  it('numeric, boolean and date counts read by COPY per partition equal the counts through the parent', async () => {
    const partitioned = await countPostgresSnapshots(settingsOf('kinds'), (name) => name !== 'part');
    expect(partitioned.strategy).toBe('per-partition');
    const parent = await countPostgresSnapshots(
      settingsOf('kinds'),
      (name) => name !== 'part',
      'grouping-sets',
    );
    // What the engine reads of a side: the runs of the present values, the NaN cells and the NULL cells. A run of
    // zeros is keyed -0 when a partition holds a -0 (as the memory read keys it); the parent's GROUP BY keeps
    // whichever of -0 and 0 it met first, so zeros are compared as 0.
    const seen = (column: CountedColumn) => {
      const keys = column.counts.keys as Float64Array;
      let nan = 0;
      keys.forEach((key, k) => {
        if (Number.isNaN(key)) nan += column.counts.counts[k]!;
      });
      const runs = presentRunsOfCounts(column);
      return {
        storage: column.storage,
        values: [...runs.values].map((value) => (value === 0 ? 0 : value)),
        counts: [...runs.counts],
        nan,
        missing: column.counts.missing,
      };
    };
    for (const side of ['reference', 'current'] as const) {
      expect(partitioned[side].counted.map(seen)).toEqual(parent[side].counted.map(seen));
    }
    const n = partitioned.reference.counted.find((column) => column.name === 'n')!;
    expect(seen(n).nan).toBeGreaterThan(0);
    expect(seen(n).missing).toBeGreaterThan(0);
    const f = seen(partitioned.current.counted.find((column) => column.name === 'f')!);
    expect(f.values).toEqual([-Infinity, 0, 1.5, 2.25, Infinity]);
    expect(f.nan).toBe(0);
    expect(JSON.stringify(await computeDrift(partitioned, options))).toBe(
      JSON.stringify(await computeDrift(parent, options)),
    );
  });

  it('a forced strategy counts through the parent instead', async () => {
    const forced = await countPostgresSnapshots(settingsOf('events'), notId, 'grouping-sets');
    expect(forced.strategy).toBe('grouping-sets');
    const partitioned = await countPostgresSnapshots(settingsOf('events'), notId);
    expect(JSON.stringify(await computeDrift(forced, options))).toBe(
      JSON.stringify(await computeDrift(partitioned, options)),
    );
  });
});
