// The StreamFlow schema in the real PostgreSQL server: load-fixtures, the bundled join, compare from the database.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDrift } from '../../../src/drift/engine.js';
import type { DriftOptions } from '../../../src/drift/options.js';
import type { DriftReport } from '../../../src/drift/report.js';
import { readSnapshot } from '../../../src/snapshot/index.js';
import { pairOfTables } from '../../../src/snapshot/pair.js';
import { countPostgresSnapshots, readPostgresSnapshots } from '../../../src/snapshot/postgres/index.js';
import type { SideCounts } from '../../../src/snapshot/table.js';
import { cli } from '../../support/cli.js';
import { DATABASE_URL, databaseAvailable, expectSameReport, sql, uniqueSchema } from './support.js';

const available = await databaseAvailable();
const schema = uniqueSchema('sf');
const otherSchema = `${schema}_other`;
const env = { ...process.env, DATABASE_URL };
const tables = [
  'users',
  'subscriptions_profile_snapshots',
  'usage_agg_30d_snapshots',
  'payments_agg_90d_snapshots',
  'support_agg_90d_snapshots',
  'labels',
];

/** A side's counts in key order (the server returns groups in no particular order). */
function sortSide(side: SideCounts): { keys: unknown[]; counts: number[]; missing: number } {
  const keys: (number | string)[] = Array.from(side.keys as ArrayLike<number | string>);
  const order = keys.map((_, index) => index).sort((a, b) => (String(keys[a]) < String(keys[b]) ? -1 : 1));
  return {
    keys: order.map((k) => keys[k]),
    counts: order.map((k) => side.counts[k]!),
    missing: side.missing,
  };
}

/** The report without where the rows came from (file paths vs database sources). */
function withoutSources(report: DriftReport): unknown {
  return {
    ...report,
    reference: { ...report.reference, source: null },
    current: { ...report.current, source: null },
  };
}

describe.skipIf(!available)('StreamFlow in PostgreSQL', () => {
  beforeAll(async () => {
    const first = await cli(['db', 'load-fixtures', '--schema', schema], process.cwd(), env);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(
      [
        `loaded ${schema} as_of=2024-01-31 rows=7043`,
        `loaded ${schema} as_of=2024-02-29 rows=7043`,
        `loaded ${schema} as_of=2024-03-31 rows=7043`,
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`, `DROP SCHEMA IF EXISTS ${otherSchema} CASCADE`);
  });

  it('loads month_000..002 into the normalized tables, idempotently', async () => {
    const count = async () =>
      Promise.all(
        tables.map(async (table) => {
          const [result] = await sql(
            `SELECT count(*)::int AS n, count(DISTINCT user_id)::int AS users FROM ${schema}.${table}`,
          );
          return [table, result!.rows[0].n, result!.rows[0].users];
        }),
      );
    const before = await count();
    expect(before).toEqual(tables.map((table) => [table, table === 'users' ? 7043 : 3 * 7043, 7043]));
    const again = await cli(['db', 'load-fixtures', '--schema', schema, '--database-url', DATABASE_URL]);
    expect(again.code).toBe(0);
    expect(await count()).toEqual(before);
    const [keys] = await sql(
      `SELECT count(*)::int AS n FROM information_schema.table_constraints WHERE table_schema = '${schema}' AND constraint_type = 'PRIMARY KEY'`,
    );
    expect(keys!.rows[0].n).toBe(6);
  });

  it('lists the snapshots of the StreamFlow tables', async () => {
    const result = await cli(['snapshots', '--query', 'streamflow', '--schema', schema], process.cwd(), env);
    expect(result.stdout).toBe('as_of\trows\n2024-01-31\t7043\n2024-02-29\t7043\n2024-03-31\t7043\n');
  });

  it('refuses a schema whose tables have other columns, and a CSV with another header', async () => {
    await sql(
      `CREATE SCHEMA ${otherSchema}`,
      `CREATE TABLE ${otherSchema}.labels (user_id text, as_of date, label integer)`,
    );
    const result = await cli(['db', 'load-fixtures', '--schema', otherSchema], process.cwd(), env);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `driftwatch: error: table ${otherSchema}.labels exists with other columns (found: user_id text, as_of date, label integer; ` +
        `expected: user_id text, as_of date, churn_label integer); drop it or load into another schema\n`,
    );
    const dir = mkdtempSync(join(tmpdir(), 'driftwatch-pg-'));
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'month_000.csv'), 'user_id,months_active\nx,1\n');
    const header = await cli(
      ['db', 'load-fixtures', '--schema', schema, '--dir', join(dir, 'bad')],
      process.cwd(),
      env,
    );
    expect(header.code).toBe(2);
    expect(header.stderr).toMatch(
      /^driftwatch: error: .*month_000\.csv: line 1: header is not the StreamFlow columns/,
    );
  });

  it('the bundled join rebuilds the original feature table: same drift report as the CSV files', async () => {
    const options: DriftOptions = {
      referenceLabel: 'r',
      currentLabel: 'c',
      idColumn: 'user_id',
      target: 'churn_label',
    };
    const fromCsv = await computeDrift(
      pairOfTables(
        await readSnapshot(resolve('fixtures/streamflow/month_000.csv'), {}),
        await readSnapshot(resolve('fixtures/streamflow/month_001.csv'), {}),
      ),
      options,
    );
    const read = await readPostgresSnapshots({
      databaseUrl: DATABASE_URL,
      source: { kind: 'streamflow', schema },
      referenceAsOf: { kind: 'value', value: '2024-01-31' },
      currentAsOf: { kind: 'value', value: '2024-02-29' },
      statementTimeoutMs: 60_000,
    });
    expect(read.reference.columns.map((c) => c.name)).toEqual(
      readFileSync('fixtures/streamflow/month_000.csv', 'utf8').split('\n')[0]!.split(','),
    );
    const fromDatabase = await computeDrift(pairOfTables(read.reference, read.current), options);
    expect(withoutSources(fromDatabase)).toEqual(withoutSources(fromCsv));
  });

  it('compare --compute database equals --compute memory, labelled by as_of', async () => {
    const base = [
      'compare',
      '--query',
      'streamflow',
      '--schema',
      schema,
      '--id-column',
      'user_id',
      '--target',
      'churn_label',
      '--format',
      'json',
    ];
    const memoryDir = mkdtempSync(join(tmpdir(), 'driftwatch-pg-'));
    const databaseDir = mkdtempSync(join(tmpdir(), 'driftwatch-pg-'));
    const memory = await cli(
      [...base, '--report-dir', memoryDir, '--reference-as-of', '2024-01-31', '--current-as-of', 'latest'],
      process.cwd(),
      env,
    );
    expect(memory.stderr).toBe('');
    expect(memory.stdout).toMatch(
      /drift_2024-01-31_vs_2024-03-31\.json drift_share=\d\.\d\d >= \d\.\d\d -> RETRAIN/,
    );
    const database = await cli(
      [...base, '--report-dir', databaseDir, '--reference-as-of', '2024-01-31', '--compute', 'database'],
      process.cwd(),
      env,
    );
    expect(database.stderr).toBe('');
    const name = 'drift_2024-01-31_vs_2024-03-31.json';
    const memoryReport = JSON.parse(readFileSync(join(memoryDir, name), 'utf8')) as DriftReport;
    const databaseReport = JSON.parse(readFileSync(join(databaseDir, name), 'utf8')) as DriftReport;
    expect(memoryReport.reference).toEqual({
      label: '2024-01-31',
      rows: 7043,
      source: 'postgres:streamflow@2024-01-31',
    });
    expect(memoryReport.number_of_columns).toBe(15);
    // Bit-equal: every score, statistic, chart count and the decision (normed Wasserstein: to 1e-14, see support).
    expectSameReport(databaseReport, memoryReport);
  });

  it('GROUPING SETS and per-column GROUP BY (the Citus path) count the same', async () => {
    const settings = {
      databaseUrl: DATABASE_URL,
      source: { kind: 'streamflow', schema },
      referenceAsOf: { kind: 'previous' },
      currentAsOf: { kind: 'latest' },
      statementTimeoutMs: 60_000,
    } as const;
    const onePass = await countPostgresSnapshots(settings);
    const perColumn = await countPostgresSnapshots(settings, undefined, 'per-column');
    expect([onePass.strategy, perColumn.strategy]).toEqual(['grouping-sets', 'per-column']);
    const sorted = (counts: typeof onePass) =>
      counts.reference.counted.map((column, index) => ({
        name: column.name,
        storage: column.storage,
        reference: sortSide(column.counts),
        current: sortSide(counts.current.counted[index]!.counts),
      }));
    expect(sorted(perColumn)).toEqual(sorted(onePass));
    expect(perColumn.rowFacts).toEqual(onePass.rowFacts);
    expect(perColumn.reference.rows).toBe(onePass.reference.rows);
    expect(onePass.reference.rows).toBe(7043);
    expect(onePass.rowFacts.reference).toEqual({ duplicatedRows: 0, emptyRows: 0 });
  });

  it('rejects files mixed with database flags and a --query streamflow with --table', async () => {
    const mixed = await cli(['compare', '--query', 'streamflow', '--reference', 'a.csv'], process.cwd(), env);
    expect(mixed.stderr).toBe(
      'driftwatch: error: --reference/--current (files) cannot be combined with --database-url/--table/--query\n',
    );
    const both = await cli(['compare', '--query', 'streamflow', '--table', 't'], process.cwd(), env);
    expect(both.stderr).toBe('driftwatch: error: --table cannot be combined with --query streamflow\n');
    const mode = await cli(['compare', '--table', 't', '--compute', 'gpu'], process.cwd(), env);
    expect(mode.stderr).toBe("driftwatch: error: --compute: unknown mode 'gpu' (known: memory, database)\n");
    const noUrl = await cli(['compare', '--table', 't'], process.cwd(), { ...process.env, DATABASE_URL: '' });
    expect(noUrl.stderr).toBe('driftwatch: error: --database-url is required (or set DATABASE_URL)\n');
  });
});
