/**
 * `--history-table [schema.]table`: the run's history record written to PostgreSQL, in its own short read-write
 * transaction after the reports are written. It is the only write driftwatch makes to a database, and only when
 * asked: every snapshot read stays in its read-only transaction on a read-only connection. The table is created
 * when absent; a run of the same two labels replaces the older row.
 */
import { databaseAt, withTransaction } from '../snapshot/postgres/connection.js';
import { quoteTable, type TableName } from '../snapshot/postgres/sql-text.js';
import type { HistoryRecord } from '../drift/history.js';

/** Where the record goes. */
export interface HistoryTableTarget {
  readonly url: string;
  readonly table: TableName;
  /** How the user named the URL (`--database-url`, or `DATABASE_URL`), for messages. */
  readonly urlName: string;
}

/** `statement_timeout` of the write: it is two small statements. */
const HISTORY_WRITE_TIMEOUT_MS = 30_000;

/**
 * Writes `record` (creating the table when absent): one row per pair of labels, `record` as jsonb.
 *
 * @throws {UserError} naming the server when the connection or a statement fails
 */
export async function writeHistoryRow(target: HistoryTableTarget, record: HistoryRecord): Promise<void> {
  const database = databaseAt(target.url, 'read-write', target.urlName);
  const table = quoteTable(target.table);
  await withTransaction(database, { statementTimeoutMs: HISTORY_WRITE_TIMEOUT_MS }, async (client) => {
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${table} (
         reference_label text NOT NULL,
         current_label text NOT NULL,
         recorded_at timestamptz NOT NULL DEFAULT now(),
         drift_share double precision NOT NULL,
         decision text NOT NULL,
         record jsonb NOT NULL,
         PRIMARY KEY (reference_label, current_label))`,
    );
    await client.query(
      `INSERT INTO ${table} (reference_label, current_label, drift_share, decision, record)
       VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (reference_label, current_label) DO UPDATE
         SET recorded_at = now(), drift_share = EXCLUDED.drift_share, decision = EXCLUDED.decision,
             record = EXCLUDED.record`,
      [
        record.reference.label,
        record.current.label,
        record.drift_share,
        record.decision,
        JSON.stringify(record),
      ],
    );
  });
}
