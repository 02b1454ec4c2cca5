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
import { type CopyColumnSpec, type PgColumnKind, parseTimestamp } from './copy-text.js';
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

/** Value counts of both snapshots, per column, plus the row counts and row-level facts. */
export interface SnapshotCounts {
  readonly reference: SideFacts;
  readonly current: SideFacts;
  readonly columns: CountedColumn[];
  /** Every column of the snapshot query, counted or not. */
  readonly allColumns: string[];
}

/** Row count, duplicated rows and empty rows of one snapshot over the counted columns. */
export interface SideFacts {
  readonly rows: number;
  readonly duplicatedRows: number;
  readonly emptyRows: number;
}

/** The SQL that counts one column of one snapshot (exported for the README and tests). */
export function valueCountSql(plan: SnapshotPlan, column: string): string {
  const c = quoteIdent(column);
  return `SELECT snapshot.${c}::text AS value, count(*) AS rows FROM (\n${plan.sql}\n) AS snapshot GROUP BY snapshot.${c}`;
}

/**
 * The SQL of the row-level facts over some columns: rows, rows equal to an earlier row in every column, rows
 * missing in every column. Missing means NULL, or NaN for floating-point and numeric columns (pandas treats
 * both as missing, and as equal to each other for duplicates).
 */
export function rowFactsSql(plan: SnapshotPlan, columns: readonly CopyColumnSpec[]): string {
  const cells = columns.map((column) => {
    const ref = `snapshot.${quoteIdent(column.name)}`;
    const nan = column.kind === 'float' ? ` OR ${ref} = 'NaN'` : '';
    return {
      key: nan ? `CASE WHEN ${ref} = 'NaN' THEN NULL ELSE ${ref} END` : ref,
      missing: `(${ref} IS NULL${nan})`,
    };
  });
  if (cells.length === 0)
    return `SELECT count(*) AS rows, 0 AS duplicated, 0 AS empty FROM (\n${plan.sql}\n) AS snapshot`;
  return [
    'SELECT coalesce(sum(n), 0) AS rows, coalesce(sum(n - 1), 0) AS duplicated, coalesce(sum(n) FILTER (WHERE empty), 0) AS empty',
    `FROM (SELECT count(*) AS n, bool_and(${cells.map((cell) => cell.missing).join(' AND ')}) AS empty`,
    `FROM (\n${plan.sql}\n) AS snapshot GROUP BY ${cells.map((cell) => cell.key).join(', ')}) AS distinct_rows`,
  ].join('\n');
}

/**
 * Counts the values of every wanted column of both snapshots in the database (datetime columns too: the data
 * summary reports their range), then the duplicated and empty rows over the same columns. `include` limits the
 * columns (ids and excluded columns are skipped).
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
  const wanted = include ? specs.filter((spec) => include(spec.name)) : specs;
  const reference = await rowFacts(client, plan, wanted, asOf.reference);
  const current = await rowFacts(client, plan, wanted, asOf.current);
  const columns: CountedColumn[] = [];
  for (const spec of wanted) {
    const storage = storageOf(spec.kind);
    const sql = valueCountSql(plan, spec.name);
    columns.push({
      name: spec.name,
      storage,
      reference: await countSide(client, sql, asOf.reference, storage),
      current: await countSide(client, sql, asOf.current, storage),
    });
  }
  return { reference, current, columns, allColumns: specs.map((spec) => spec.name) };
}

async function rowFacts(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  columns: readonly CopyColumnSpec[],
  asOf: string,
): Promise<SideFacts> {
  const result = await client.query<{ rows: string; duplicated: string; empty: string }>(
    rowFactsSql(plan, columns),
    [asOf],
  );
  const row = result.rows[0]!;
  const rows = Number(row.rows);
  if (rows === 0)
    throw new UserError('DATABASE', `${plan.label}: the snapshot query returned no rows for as_of ${asOf}`);
  return { rows, duplicatedRows: Number(row.duplicated), emptyRows: Number(row.empty) };
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
  // bool::text is 'true'/'false'; numbers print exactly (extra_float_digits = 1, numeric in full).
  const keys = Float64Array.from(present, ([value]) =>
    storage === 'bool'
      ? value === 'true'
        ? 1
        : 0
      : storage === 'datetime'
        ? parseTimestamp(value!)
        : Number(value),
  );
  return { keys, counts, missing };
}
