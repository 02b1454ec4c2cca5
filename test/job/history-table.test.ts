/**
 * `--history-table`: the run's history record upserted into a real PostgreSQL table (created when absent), one row
 * per pair of labels, with the snapshots read from the same server through the usual read-only path.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHistoryRecord } from '../../src/drift/history.js';
import { cli } from '../support/cli.js';
import { DATABASE_URL, databaseAvailable, sql, uniqueSchema } from '../snapshot/postgres/support.js';

const available = await databaseAvailable();
const schema = uniqueSchema('history');

describe.skipIf(!available)('compare --history-table', () => {
  beforeAll(async () => {
    // An as-of table with three snapshots: column a shifts in 2024-03-31, b never does.
    const rows: string[] = [];
    for (const [asOf, shift] of [
      ['2024-01-31', 0],
      ['2024-02-29', 0],
      ['2024-03-31', 40],
    ] as const)
      for (let i = 0; i < 300; i++) rows.push(`('${asOf}', ${(i % 50) + shift}, 'k${i % 4}')`);
    await sql(
      `CREATE SCHEMA ${schema}`,
      `CREATE TABLE ${schema}.features (as_of date NOT NULL, a integer, b text)`,
      `INSERT INTO ${schema}.features VALUES ${rows.join(', ')}`,
    );
  });
  afterAll(async () => {
    await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  const compare = (reference: string, current: string, extra: string[] = []) =>
    cli(
      [
        'compare',
        '--table',
        `${schema}.features`,
        '--reference-as-of',
        reference,
        '--current-as-of',
        current,
        '--report-dir',
        mkdtempSync(join(tmpdir(), 'dw-history-table-')),
        '--format',
        'json',
        '--history-table',
        `${schema}.drift_history`,
        ...extra,
      ],
      process.cwd(),
      { ...process.env, DATABASE_URL },
    );

  const historyRows = async () =>
    (
      await sql(
        `SELECT reference_label, current_label, drift_share, decision, record FROM ${schema}.drift_history ORDER BY recorded_at, current_label`,
      )
    )[0]!.rows as {
      reference_label: string;
      current_label: string;
      drift_share: number;
      decision: string;
      record: unknown;
    }[];

  it('creates the table, writes one row per pair of labels, and a re-run replaces its row', async () => {
    const first = await compare('2024-01-31', '2024-02-29');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    let rows = await historyRows();
    expect(rows.map((row) => [row.reference_label, row.current_label])).toEqual([
      ['2024-01-31', '2024-02-29'],
    ]);
    expect(rows[0]!.drift_share).toBe(0);
    const record = parseHistoryRecord(rows[0]!.record);
    if (typeof record === 'string') throw new Error(record);
    expect(record.columns.map((column) => [column[0], column[4]])).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
    expect(record.current.source).toContain('2024-02-29');

    expect((await compare('2024-02-29', '2024-03-31')).code).toBe(0);
    expect((await compare('2024-01-31', '2024-02-29')).code).toBe(0);
    rows = await historyRows();
    expect(rows.map((row) => `${row.reference_label}>${row.current_label}`).sort()).toEqual([
      '2024-01-31>2024-02-29',
      '2024-02-29>2024-03-31',
    ]);
    const shifted = rows.find((row) => row.current_label === '2024-03-31')!;
    expect(shifted.drift_share).toBe(0.5);
  });

  it('a bad table name is a one-line error naming the flag, before anything is read', async () => {
    const result = await compare('2024-01-31', '2024-02-29', ['--history-table', 'a.b.c']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "driftwatch: error: --history-table: 'a.b.c' has more than two parts (expected table or schema.table)\n",
    );
  });
});
