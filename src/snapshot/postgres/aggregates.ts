/**
 * `--compute database`: the per-column value counts every default drift test needs, computed by PostgreSQL.
 *
 * For each column and each snapshot one plain `SELECT col, count(*) ... GROUP BY col` runs, so only
 * (distinct value, count) pairs cross the wire, never rows. From the two sides' counts the runner rebuilds the
 * merged distribution (the support of both ECDFs), which determines everything the default tests compute: value
 * counts (chi-square, Z, Jensen–Shannon), Sturges histogram counts, the KS D and the Wasserstein W1 sums, and the
 * moments. The statements are plain SQL with no extension and no temporary objects, and each is a single
 * GROUP BY with a combinable aggregate, so a distributed PostgreSQL such as Citus pushes it down to the workers
 * (partial counts per shard) and merges on the coordinator: that is the scale-out path.
 */
import type pg from 'pg';
import { UserError } from '../../errors.js';
import type { CountedColumn, SideCounts } from '../../drift/database/counted-column.js';
import type { PgColumnKind } from './copy-text.js';
import { describeSnapshot, type SnapshotPlan } from './snapshots.js';
import { quoteIdent } from './sql-text.js';

/** Storage type of a counted column from its Postgres decoding. */
function storageOf(kind: PgColumnKind): CountedColumn['storage'] {
  switch (kind) {
    case 'int':
    case 'float':
    case 'bool':
    case 'string':
      return kind;
    case 'date':
    case 'timestamp':
      return 'datetime';
  }
}

/** Value counts of both snapshots, per column, plus the row counts. */
export interface SnapshotCounts {
  readonly referenceRows: number;
  readonly currentRows: number;
  readonly columns: CountedColumn[];
  /** Every column of the snapshot query, counted or not. */
  readonly allColumns: string[];
}

/** The SQL that counts one column of one snapshot (exported for the README and tests). */
export function valueCountSql(plan: SnapshotPlan, column: string): string {
  const c = quoteIdent(column);
  return `SELECT snapshot.${c}::text AS value, count(*) AS rows FROM (\n${plan.sql}\n) AS snapshot GROUP BY snapshot.${c}`;
}

/**
 * Counts the values of every wanted column of both snapshots in the database. Datetime columns are not counted
 * (they are never drift-tested); `include` limits the columns (ids and excluded columns are skipped).
 *
 * @throws {UserError} if a snapshot has no rows
 */
export async function countSnapshotValues(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  asOf: { reference: string; current: string },
  include?: (name: string) => boolean,
): Promise<SnapshotCounts> {
  const specs = await describeSnapshot(client, plan, asOf.current);
  const referenceRows = await countRows(client, plan, asOf.reference);
  const currentRows = await countRows(client, plan, asOf.current);
  const columns: CountedColumn[] = [];
  for (const spec of specs) {
    if (include && !include(spec.name)) continue;
    const storage = storageOf(spec.kind);
    if (storage === 'datetime') {
      columns.push({
        name: spec.name,
        storage,
        reference: emptySide(referenceRows),
        current: emptySide(currentRows),
      });
      continue;
    }
    const sql = valueCountSql(plan, spec.name);
    const reference = await countSide(client, sql, asOf.reference, storage);
    const current = await countSide(client, sql, asOf.current, storage);
    columns.push({ name: spec.name, storage, reference, current });
  }
  return { referenceRows, currentRows, columns, allColumns: specs.map((spec) => spec.name) };
}

async function countRows(client: pg.ClientBase, plan: SnapshotPlan, asOf: string): Promise<number> {
  const result = await client.query<{ rows: string }>(
    `SELECT count(*) AS rows FROM (\n${plan.sql}\n) AS snapshot`,
    [asOf],
  );
  const rows = Number(result.rows[0]!.rows);
  if (rows === 0)
    throw new UserError('DATABASE', `${plan.label}: the snapshot query returned no rows for as_of ${asOf}`);
  return rows;
}

function emptySide(rows: number): SideCounts {
  return { keys: new Float64Array(0), counts: new Float64Array(0), missing: rows };
}

async function countSide(
  client: pg.ClientBase,
  sql: string,
  asOf: string,
  storage: CountedColumn['storage'],
): Promise<SideCounts> {
  // rowMode 'array': one small array per distinct value (an aggregate row), not per snapshot row.
  const result = await client.query<[string | null, string]>({ text: sql, values: [asOf], rowMode: 'array' });
  let missing = 0;
  const present = result.rows.filter((row) => {
    if (row[0] === null) missing += Number(row[1]);
    return row[0] !== null;
  });
  const counts = Float64Array.from(present, (row) => Number(row[1]));
  if (storage === 'string') return { keys: present.map((row) => row[0]!), counts, missing };
  const keys = Float64Array.from(present, (row) =>
    storage === 'bool' ? (row[0] === 'true' ? 1 : 0) : Number(row[0]),
  );
  return { keys, counts, missing };
}
