/**
 * Counting a partitioned snapshot table partition by partition, so the counting runs where the rows are.
 *
 * PostgreSQL 15 pushes an aggregate into a postgres_fdw foreign scan only when the aggregate is over one whole
 * foreign table: `SELECT x, count(*) FROM shard_partition GROUP BY x` is sent to the shard as it is (EXPLAIN
 * VERBOSE: `Relations: Aggregate on (...)`), but the same GROUP BY over the partitioned parent is planned as a
 * partial aggregate per partition above foreign scans that fetch every row, even with
 * `enable_partitionwise_aggregate`. So for a partitioned `--table` source each leaf partition
 * (`pg_partition_tree`) gets its own statements, on its own connection, all partitions at once; the runner adds the
 * partitions' value counts key by key (a multiset is the sum of its parts), which gives exactly the counts of the
 * whole table.
 *
 * Consistency: the partition connections import the main transaction's snapshot (`pg_export_snapshot`, `SET
 * TRANSACTION SNAPSHOT`), which fixes what they see of the coordinator's own tables. A foreign partition is read
 * by postgres_fdw in a remote transaction of its own on its shard, opened when that partition's first statement
 * runs, so each shard is seen as of its own moment. For as-of snapshots, rows that are written once and never
 * updated, that is the same result as one transaction; a snapshot being rewritten during the run could be seen
 * half old, half new across shards.
 */
import type pg from 'pg';
import type { SnapshotPlan } from './snapshots.js';
import { type TableName, displayTable, quoteIdent, quoteTable } from './sql-text.js';

/** A partitioned table's leaf partitions and the columns of its partition key. */
export interface PartitionLayout {
  readonly leaves: readonly TableName[];
  /** Columns of the partition key at every level (empty when a level partitions by an expression). */
  readonly keyColumns: readonly string[];
  /** Whether every level's key is made of plain columns. */
  readonly keyIsColumns: boolean;
}

/**
 * The leaf partitions of `table` when it is a partitioned table, else undefined (a plain table, a view, a foreign
 * table). Leaves are listed in name order; a partition that is itself partitioned is descended into.
 */
export async function partitionLayout(
  client: pg.ClientBase,
  table: TableName,
): Promise<PartitionLayout | undefined> {
  const kind = await client.query<{ relkind: string }>(
    'SELECT relkind FROM pg_class WHERE oid = to_regclass($1)',
    [quoteTable(table)],
  );
  if (kind.rows[0]?.relkind !== 'p') return undefined;
  const leaves = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name
     FROM pg_partition_tree(to_regclass($1)) AS t
     JOIN pg_class AS c ON c.oid = t.relid JOIN pg_namespace AS n ON n.oid = c.relnamespace
     WHERE t.isleaf ORDER BY n.nspname, c.relname`,
    [quoteTable(table)],
  );
  // partattrs holds 0 for an expression column of the key.
  const keys = await client.query<{ attnum: number; name: string | null }>(
    `SELECT k.attnum, a.attname AS name
     FROM pg_partition_tree(to_regclass($1)) AS t
     JOIN pg_partitioned_table AS p ON p.partrelid = t.relid
     CROSS JOIN LATERAL unnest(p.partattrs::int2[]) WITH ORDINALITY AS k(attnum, position)
     LEFT JOIN pg_attribute AS a ON a.attrelid = t.relid AND a.attnum = k.attnum
     ORDER BY t.level, k.position`,
    [quoteTable(table)],
  );
  return {
    leaves: leaves.rows.map((row) => ({ schema: row.schema, table: row.name })),
    keyColumns: [...new Set(keys.rows.flatMap((row) => (row.name === null ? [] : [row.name])))],
    keyIsColumns: keys.rows.every((row) => row.attnum !== 0 && row.name !== null),
  };
}

/**
 * The plan of one leaf partition of a `--table` snapshot: the parent's statement with the partition in place of
 * the parent (the same columns, in the same order, and the same as_of condition).
 */
export function partitionPlan(
  plan: SnapshotPlan,
  columns: readonly string[],
  asOfColumn: string,
  leaf: TableName,
): SnapshotPlan {
  return {
    label: `${plan.label} (partition ${displayTable(leaf)})`,
    sql: `SELECT ${columns.map(quoteIdent).join(', ')} FROM ${quoteTable(leaf)} WHERE ${quoteIdent(asOfColumn)} = $1`,
    asOfType: plan.asOfType,
  };
}

/** Adds one partition's value counts into the running total, key by key (value text, null for missing cells). */
export function addCounts(total: Map<string | null, number>, part: readonly [string | null, number][]): void {
  for (const [value, count] of part) total.set(value, (total.get(value) ?? 0) + count);
}

/**
 * Runs `work` for every item with at most `limit` running at once; results in item order. The first failure is
 * thrown once every started task has settled (no connection is left running behind the error).
 */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (next < items.length && !failure) {
      const index = next++;
      try {
        results[index] = await work(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure) throw failure.error;
  return results;
}
