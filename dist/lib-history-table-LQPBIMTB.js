import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  databaseAt,
  withTransaction
} from "./lib-chunk-TVMZ53SN.js";
import {
  quoteTable
} from "./lib-chunk-RMK2IS6S.js";
import "./lib-chunk-B7AXJZ3K.js";
import "./lib-chunk-3E4SIUCO.js";

// src/job/history-table.ts
var HISTORY_WRITE_TIMEOUT_MS = 3e4;
async function writeHistoryRow(target, record) {
  const database = databaseAt(target.url, "read-write", target.urlName);
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
         PRIMARY KEY (reference_label, current_label))`
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
        JSON.stringify(record)
      ]
    );
  });
}
export {
  writeHistoryRow
};
