// --compute database on a table hash-partitioned over two real shard servers (postgres_fdw foreign partitions):
// two throwaway PostgreSQL clusters on loopback ports hold the partitions, the test server is the coordinator.
import { readFileSync } from 'node:fs';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDrift } from '../../../src/drift/engine.js';
import type { DriftOptions } from '../../../src/drift/options.js';
import type { DriftReport } from '../../../src/drift/report.js';
import { pairOfTables } from '../../../src/snapshot/pair.js';
import { numericValueCountStatement, valueCountSql } from '../../../src/snapshot/postgres/aggregates.js';
import {
  countPostgresSnapshots,
  readPostgresSnapshots,
  type PostgresSnapshotSettings,
} from '../../../src/snapshot/postgres/index.js';
import {
  mapConcurrently,
  partitionLayout,
  partitionPlan,
} from '../../../src/snapshot/postgres/partitions.js';
import { describeSnapshot, planSnapshotQuery } from '../../../src/snapshot/postgres/snapshots.js';
import { cli } from '../../support/cli.js';
import { clusterToolsAvailable, createTestCluster, type TestCluster } from '../../support/pg-cluster.js';
import { DATABASE_URL, databaseAvailable, expectSameReport, sql, uniqueSchema } from './support.js';

const available = (await databaseAvailable()) && clusterToolsAvailable();
const schema = uniqueSchema('shard');
const ROWS = 20_000;
const AS_OF = ['2024-01-31', '2024-02-29'] as const;

const settingsOf = (table: string): PostgresSnapshotSettings => ({
  databaseUrl: DATABASE_URL,
  source: { kind: 'table', table: { schema, table }, asOfColumn: 'as_of' },
  referenceAsOf: { kind: 'value', value: AS_OF[0] },
  currentAsOf: { kind: 'value', value: AS_OF[1] },
  statementTimeoutMs: 120_000,
});
const options: DriftOptions = { referenceLabel: AS_OF[0], currentLabel: AS_OF[1], target: 'x_flag' };
const notId = (name: string) => name !== 'user_id';
/** `driftwatch compare` of the two as-of snapshots of the coordinator's table (ids excluded). */
const compareOnCoordinator = (compute: string): string[] => [
  'compare',
  '--database-url',
  DATABASE_URL,
  '--table',
  `${schema}.events`,
  '--as-of-column',
  'as_of',
  '--reference-as-of',
  AS_OF[0],
  '--current-as-of',
  AS_OF[1],
  '--compute',
  compute,
  '--id-column',
  'user_id',
];

/** The rows of both snapshots, generated the same way on every server (same seed, same statement). */
const GENERATE = `SELECT setseed(0.17);
INSERT INTO events_all
SELECT g, d.as_of,
       CASE WHEN random() < 0.02 THEN NULL WHEN random() < 0.01 THEN 'NaN'::float8 ELSE random() * (1 + 0.1 * d.k) END,
       (random() * 40 + d.k * 3)::int,
       (ARRAY['a', 'b', 'c'])[1 + (random() * 2.99 + d.k * 0.3)::int % 3],
       random() < 0.3 + 0.1 * d.k
FROM generate_series(1, ${ROWS}) AS g, (VALUES (0, '${AS_OF[0]}'::date), (1, '${AS_OF[1]}'::date)) AS d(k, as_of);`;
const COLUMNS =
  'user_id bigint, as_of date, x_cont double precision, x_int integer, x_cat text, x_flag boolean';

describe.skipIf(!available)('--compute database on a table sharded over two servers', () => {
  const shards: TestCluster[] = [];
  let coordinator: pg.Client;

  beforeAll(async () => {
    for (const index of [0, 1]) {
      const shard = await createTestCluster({ auth: 'trust', name: `dwshard${index}` });
      shards.push(shard);
      // Each shard keeps only its own hash partition of the generated rows: the same partitioned table is built on
      // every shard (hash partitioning is the same function everywhere) and the other partition dropped.
      shard.psql(
        `CREATE TABLE events_all (${COLUMNS}) PARTITION BY HASH (user_id);
         CREATE TABLE events_p0 PARTITION OF events_all FOR VALUES WITH (MODULUS 2, REMAINDER 0);
         CREATE TABLE events_p1 PARTITION OF events_all FOR VALUES WITH (MODULUS 2, REMAINDER 1);
         ${GENERATE}
         DROP TABLE events_p${1 - index};
         ANALYZE events_all;`,
      );
    }
    await sql(
      'CREATE EXTENSION IF NOT EXISTS postgres_fdw',
      `CREATE SCHEMA ${schema}`,
      `CREATE TABLE ${schema}.events (${COLUMNS}) PARTITION BY HASH (user_id)`,
      ...shards.flatMap((shard, index) => [
        `CREATE SERVER ${schema}_s${index} FOREIGN DATA WRAPPER postgres_fdw
           OPTIONS (host '127.0.0.1', port '${shard.port}', dbname 'postgres', async_capable 'true')`,
        `CREATE USER MAPPING FOR CURRENT_USER SERVER ${schema}_s${index} OPTIONS (user 'postgres')`,
        `CREATE FOREIGN TABLE ${schema}.events_p${index} PARTITION OF ${schema}.events
           FOR VALUES WITH (MODULUS 2, REMAINDER ${index})
           SERVER ${schema}_s${index} OPTIONS (schema_name 'public', table_name 'events_p${index}')`,
      ]),
      // The same rows in one plain table of the coordinator: the single-server run to compare with.
      `CREATE TABLE ${schema}.events_single AS SELECT * FROM ${schema}.events`,
      `ANALYZE ${schema}.events_single`,
    );
    coordinator = new pg.Client({ connectionString: DATABASE_URL });
    await coordinator.connect();
  }, 180_000);

  afterAll(async () => {
    await coordinator?.end();
    if (available) {
      await sql(
        `DROP SCHEMA IF EXISTS ${schema} CASCADE`,
        ...[0, 1].map((index) => `DROP SERVER IF EXISTS ${schema}_s${index} CASCADE`),
      );
    }
    for (const shard of shards) shard.drop();
  }, 60_000);

  it('lists the foreign leaf partitions and the partition key', async () => {
    const layout = await partitionLayout(coordinator, { schema, table: 'events' });
    expect(layout).toEqual({
      leaves: [
        { schema, table: 'events_p0' },
        { schema, table: 'events_p1' },
      ],
      keyColumns: ['user_id'],
      keyIsColumns: true,
    });
    expect(await partitionLayout(coordinator, { schema, table: 'events_single' })).toBeUndefined();
    // Each shard holds about half the rows, and none of the other's.
    const [p0, p1] = shards.map((shard, index) =>
      Number(shard.psql(`SELECT count(*) FROM events_p${index}`).trim()),
    );
    expect(p0! + p1!).toBe(2 * ROWS);
    expect(Math.min(p0!, p1!)).toBeGreaterThan(0.4 * 2 * ROWS);
  });

  it("each partition's GROUP BY runs on its shard (EXPLAIN VERBOSE), unlike the same GROUP BY over the parent", async () => {
    const source = { kind: 'table', table: { schema, table: 'events' }, asOfColumn: 'as_of' } as const;
    const plan = await planSnapshotQuery(coordinator, source);
    const specs = await describeSnapshot(coordinator, plan, AS_OF[0]);
    const names = specs.map((spec) => spec.name);
    const explain = async (text: string) =>
      (await coordinator.query({ text: `EXPLAIN (VERBOSE) ${text}`, values: [AS_OF[0]] })).rows
        .map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN'])
        .join('\n');
    for (const spec of specs.filter((column) => column.name !== 'user_id')) {
      for (const index of [0, 1]) {
        const leaf = partitionPlan(plan, names, 'as_of', { schema, table: `events_p${index}` });
        const text = await explain(valueCountSql(leaf, spec));
        expect(text, spec.name).toContain(`Relations: Aggregate on (${schema}.events_p${index})`);
        expect(text, spec.name).toMatch(/Remote SQL: SELECT .*count\(\*\).* GROUP BY \d+$/m);
      }
      // A non-string column is read with COPY, its as_of a literal (COPY binds nothing): still sent whole.
      if (spec.kind !== 'string') {
        for (const index of [0, 1]) {
          const leaf = partitionPlan(plan, names, 'as_of', { schema, table: `events_p${index}` });
          const statement = numericValueCountStatement(leaf, spec, AS_OF[0]);
          const text = (await coordinator.query(`EXPLAIN (VERBOSE) ${statement}`)).rows
            .map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN'])
            .join('\n');
          expect(text, spec.name).toContain(`Relations: Aggregate on (${schema}.events_p${index})`);
          expect(text, spec.name).toMatch(
            /Remote SQL: SELECT .*count\(\*\).* WHERE \(\(as_of = '2024-01-31'\)\) GROUP BY \d+$/m,
          );
        }
      }
      // Over the parent, PostgreSQL 15 fetches the rows and aggregates on the coordinator.
      const parent = await explain(valueCountSql(plan, spec));
      expect(parent, spec.name).not.toContain('Relations: Aggregate');
      expect(parent, spec.name).toMatch(/Remote SQL: SELECT [^\n]* FROM public\.events_p0 WHERE/);
    }
  });

  it('the sharded counts give the in-memory report, and the single-server one', async () => {
    const memory = await readPostgresSnapshots(settingsOf('events'), notId);
    const fromMemory = await computeDrift(pairOfTables(memory.reference, memory.current), options);
    const sharded = await countPostgresSnapshots(settingsOf('events'), notId);
    expect(sharded.strategy).toBe('per-partition');
    expect(sharded.reference.rows).toBe(ROWS);
    const fromShards = await computeDrift(sharded, options);
    expectSameReport(fromShards, fromMemory);
    const single = await countPostgresSnapshots(settingsOf('events_single'), notId);
    expect(single.strategy).toBe('grouping-sets');
    const fromSingle = await computeDrift(single, options);
    const unlabelled = (report: DriftReport) =>
      JSON.stringify(report).replaceAll(`${schema}.events_single@`, `${schema}.events@`);
    expect(unlabelled(fromSingle)).toBe(unlabelled(fromShards));
    // The scores are not trivial: the generated shift of the two numeric features is detected.
    const drifted = fromShards.columns
      .filter((column) => column.drift_detected)
      .map((column) => column.column);
    expect(drifted).toEqual(expect.arrayContaining(['x_cont', 'x_int']));
  });

  it('with the partition key counted, duplicated and empty rows are added up per partition', async () => {
    const sharded = await countPostgresSnapshots(settingsOf('events'));
    const single = await countPostgresSnapshots(settingsOf('events_single'));
    expect(sharded.rowFacts).toEqual(single.rowFacts);
    const memory = await readPostgresSnapshots(settingsOf('events'));
    const fromMemory = await computeDrift(pairOfTables(memory.reference, memory.current), options);
    expectSameReport(await computeDrift(sharded, options), fromMemory);
  });

  it('driftwatch compare --compute database on the coordinator writes the --compute memory report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dw-shard-'));
    try {
      const run = async (compute: string): Promise<DriftReport> => {
        const result = await cli([
          ...compareOnCoordinator(compute),
          '--target',
          'x_flag',
          '--report-dir',
          join(dir, compute),
          '--format',
          'json',
        ]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const path = join(dir, compute, `drift_${AS_OF[0]}_vs_${AS_OF[1]}.json`);
        return JSON.parse(readFileSync(path, 'utf8')) as DriftReport;
      };
      expectSameReport(await run('database'), await run('memory'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  // Last: it stops a shard (and starts it again).
  it('a shard that is down is one line naming the coordinator and the foreign server, exit 2, no report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dw-shard-down-'));
    shards[1]!.stop();
    try {
      const result = await cli([
        ...compareOnCoordinator('database'),
        '--connect-retries',
        '0',
        '--report-dir',
        dir,
      ]);
      expect(result.code).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(new URL(DATABASE_URL).port || '5432');
      expect(lines[0]).toContain(`${schema}_s1`);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      shards[1]!.start();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('mapConcurrently', () => {
  it('runs at most `limit` tasks at once and keeps the item order', async () => {
    let running = 0;
    let most = 0;
    const results = await mapConcurrently([5, 1, 4, 2, 3], 2, async (item) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, item * 5));
      running--;
      return item * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it('throws the first failure after the started tasks settle, starting no more', async () => {
    const started: number[] = [];
    let settled = 0;
    const failing = mapConcurrently([0, 1, 2, 3], 2, async (item) => {
      started.push(item);
      await new Promise((resolve) => setTimeout(resolve, 10 * (item + 1)));
      settled++;
      if (item === 0) throw new Error('partition 0 failed');
      return item;
    });
    await expect(failing).rejects.toThrow('partition 0 failed');
    expect(started).toEqual([0, 1]);
    expect(settled).toBe(2);
  });
});
