/**
 * Reading driftwatch snapshots from PostgreSQL: the entry points the CLI and the action call.
 * Every call opens its own read-only connection and closes it, whatever happens.
 */
import type { Client, ClientBase } from 'pg';
import type { CountedTable, RowFacts, SummarizedColumn, SummarizePolicy, Table } from '../table.js';
import { NEUTRAL_DATABASE_NAMES, type DatabaseSettingNames } from './source.js';
import {
  type CountStrategy,
  type PartitionSession,
  countPartitionedValues,
  countSnapshotValues,
} from './aggregates.js';
import { partitionLayout, partitionPlan } from './partitions.js';
import { type ReadAttempt, databaseAt, withReadOnlySnapshot } from './connection.js';
import { DEFAULT_STATEMENT_TIMEOUT_MS } from './target.js';
import {
  describeSnapshot,
  type AsOfCount,
  type AsOfSelector,
  type SnapshotQuerySource,
  listAsOf,
  planSnapshotQuery,
  readSnapshot,
  readSnapshotPair,
  resolveAsOf,
} from './snapshots.js';

export { PARTITION_CONNECTIONS } from './aggregates.js';
export { type AsOfSelector, type SnapshotQuerySource, type AsOfCount } from './snapshots.js';

/**
 * Runs `work` in one read-only, repeatable-read transaction on a read-only connection, retrying a connection
 * lost before any row was read, and closes the connection whatever happens (an open one keeps the process, and an
 * Actions step, alive).
 */
async function inReadOnlySnapshot<T>(
  databaseUrl: string,
  options: { statementTimeoutMs: number; connectRetries?: number; names?: DatabaseSettingNames },
  work: (client: ClientBase, attempt: ReadAttempt) => Promise<T>,
): Promise<T> {
  const names = options.names ?? NEUTRAL_DATABASE_NAMES;
  return withReadOnlySnapshot(databaseAt(databaseUrl, 'read-only', names.databaseUrl), options, work);
}
export {
  DEFAULT_CONNECT_RETRIES,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  parseDatabaseUrl,
  describeTarget,
} from './target.js';

/** Everything needed to read a reference and a current snapshot from Postgres (part of the compare settings). */
export interface PostgresSnapshotSettings {
  /** The database URL; never printed. */
  readonly databaseUrl: string;
  readonly source: SnapshotQuerySource;
  readonly referenceAsOf: AsOfSelector;
  readonly currentAsOf: AsOfSelector;
  /** `statement_timeout` of every statement, in milliseconds. */
  readonly statementTimeoutMs: number;
  /** Tries more of a connection lost before any row was read (default 1). */
  readonly connectRetries?: number;
  /** How messages name the settings (default: neutral names). */
  readonly names?: DatabaseSettingNames;
}

/** Both snapshots, labelled by their as_of values. */
export interface PostgresSnapshots {
  readonly reference: Table;
  readonly current: Table;
  readonly referenceAsOf: string;
  readonly currentAsOf: string;
  /** Every column of the snapshot query, read or not (the `include` filter may have skipped some). */
  readonly allColumns: readonly string[];
}

/**
 * Streams the reference and current snapshots into columnar tables inside one read-only, repeatable-read
 * transaction (both reads see the same database state).
 *
 * An as-of table that is a plain table is read in one scan for both snapshots ({@link readSnapshotPair}). Other
 * sources have their two snapshots read at once: the transaction exports its snapshot (`pg_export_snapshot()`) and a second
 * read-only connection imports it (`SET TRANSACTION SNAPSHOT` in its own `REPEATABLE READ READ ONLY` transaction,
 * with the same startup options and settings), so the server produces both COPY streams in parallel while the
 * runner decodes whichever chunk arrives, and both reads still see one database state. A server in recovery (a
 * hot standby) cannot export a snapshot: there the snapshots are read one after the other on one connection.
 */
export async function readPostgresSnapshots(
  settings: PostgresSnapshotSettings,
  include?: (name: string) => boolean,
): Promise<PostgresSnapshots> {
  return inReadOnlySnapshot(settings.databaseUrl, settings, async (client, attempt) => {
    // The row counts would only size the columns: for a table, the as_of values are listed without them through
    // an index on the as_of column when there is one, and each read sizes its columns from the planner's
    // estimate. A user's query can be estimated far off (joins, filters), so its rows are still counted.
    const counted = settings.source.kind === 'query';
    const { plan, asOf } = await planAndResolve(client, attempt, settings, counted);
    const onRows = () => {
      attempt.rowsRead = true;
    };
    const options = (which: 'reference' | 'current', rows: () => void) => ({
      expectedRows: sizeHint(which === 'reference' ? asOf.referenceRows : asOf.currentRows),
      estimateRows: !counted,
      include,
      onRows: rows,
      names: settings.names,
    });
    const allColumns = (await describeSnapshot(client, plan, asOf.current)).map((column) => column.name);
    if (settings.source.kind === 'table') {
      attempt.step = `reading the snapshots as_of ${asOf.reference} and ${asOf.current}`;
      const both = await readSnapshotPair(client, plan, settings.source, asOf, {
        expectedRows: { reference: sizeHint(asOf.referenceRows), current: sizeHint(asOf.currentRows) },
        estimateRows: !counted,
        include,
        onRows,
        names: settings.names,
      });
      if (both !== undefined)
        return { ...both, referenceAsOf: asOf.reference, currentAsOf: asOf.current, allColumns };
    }
    const open = await snapshotSessions(client, settings);
    if (open === undefined) {
      attempt.step = `reading the snapshot as_of ${asOf.reference}`;
      const reference = await readSnapshot(client, plan, asOf.reference, options('reference', onRows));
      attempt.step = `reading the snapshot as_of ${asOf.current}`;
      const current = await readSnapshot(client, plan, asOf.current, options('current', onRows));
      return { reference, current, referenceAsOf: asOf.reference, currentAsOf: asOf.current, allColumns };
    }
    attempt.step = `reading the snapshot as_of ${asOf.reference}`;
    // The first failure ends the other read at once (its connection is closed, so it neither runs on nor is
    // retried) and is the one reported; both reads are awaited, so no connection outlives the transaction.
    let failure: { error: unknown } | undefined;
    let second: { client: ClientBase; attempt: ReadAttempt } | undefined;
    const fail = (error: unknown, other: () => void) => {
      if (failure === undefined) {
        failure = { error };
        other();
      }
    };
    const endSecond = () => {
      if (second === undefined) return;
      second.attempt.rowsRead = true;
      void (second.client as Client).end().catch(() => undefined);
    };
    const endFirst = () => void (client as Client).end().catch(() => undefined);
    const [reference, current] = await Promise.allSettled([
      readSnapshot(client, plan, asOf.reference, options('reference', onRows)).catch((error: unknown) => {
        fail(error, endSecond);
        throw error;
      }),
      open((secondClient, inner) => {
        second = { client: secondClient, attempt: inner };
        // Not the failure itself: a lost connection thrown here would be retried; this one is never reported.
        if (failure !== undefined) throw new Error('the other snapshot read failed');
        inner.step = `reading the snapshot as_of ${asOf.current}`;
        return readSnapshot(
          secondClient,
          plan,
          asOf.current,
          options('current', () => {
            inner.rowsRead = true;
            onRows();
          }),
        );
      }).catch((error: unknown) => {
        fail(error, endFirst);
        throw error;
      }),
    ]);
    if (failure !== undefined) throw failure.error;
    if (reference.status === 'rejected' || current.status === 'rejected')
      throw new Error('unreachable: a read failed without a recorded failure');
    return {
      reference: reference.value,
      current: current.value,
      referenceAsOf: asOf.reference,
      currentAsOf: asOf.current,
      allColumns,
    };
  });
}

/**
 * Opens further read-only connections that import this transaction's snapshot (`pg_export_snapshot()`, then `SET
 * TRANSACTION SNAPSHOT` in a `REPEATABLE READ READ ONLY` transaction with the same startup options and settings),
 * so statements can run at once and still see one database state; undefined on a server in recovery (a hot
 * standby), which cannot export a snapshot.
 */
async function snapshotSessions(
  client: ClientBase,
  settings: PostgresSnapshotSettings,
): Promise<(<T>(work: (client: ClientBase, attempt: ReadAttempt) => Promise<T>) => Promise<T>) | undefined> {
  const recovery = await client.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
  if (recovery.rows[0]!.standby) return undefined;
  const exported = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
  const database = databaseAt(
    settings.databaseUrl,
    'read-only',
    (settings.names ?? NEUTRAL_DATABASE_NAMES).databaseUrl,
  );
  return (work) => withReadOnlySnapshot(database, { ...settings, snapshot: exported.rows[0]!.id }, work);
}

/**
 * The discovery query's row count as a capacity for the columns: a snapshot query may return fewer rows than the
 * table holds for its as_of (the columns are then trimmed), so the hint is capped at 2^26 rows per column.
 */
function sizeHint(rows: number | undefined): number | undefined {
  return rows === undefined || !Number.isFinite(rows) ? undefined : Math.min(rows, 2 ** 26);
}

/** Plans the snapshot query and resolves both as_of values, naming each step for a lost connection's message. */
async function planAndResolve(
  client: ClientBase,
  attempt: ReadAttempt,
  settings: PostgresSnapshotSettings,
  counts = true,
) {
  attempt.step = 'checking the snapshot query';
  const plan = await planSnapshotQuery(client, settings.source, settings.names);
  attempt.step = 'listing the as_of values';
  const asOf = await resolveAsOf(
    client,
    plan,
    settings.referenceAsOf,
    settings.currentAsOf,
    settings.names,
    counts,
  );
  return { plan, asOf };
}

/** The as_of values of a table (or the StreamFlow schema) with their row counts, ascending. */
export async function listPostgresSnapshots(
  databaseUrl: string,
  source: SnapshotQuerySource,
  statementTimeoutMs = DEFAULT_STATEMENT_TIMEOUT_MS,
  connectRetries?: number,
  names?: DatabaseSettingNames,
): Promise<AsOfCount[]> {
  const options = { statementTimeoutMs, connectRetries, names };
  return inReadOnlySnapshot(databaseUrl, options, async (client, attempt) => {
    attempt.step = 'checking the snapshot query';
    const plan = await planSnapshotQuery(client, source, names);
    attempt.step = 'listing the as_of values';
    return listAsOf(client, plan, names);
  });
}

/** Value counts of both snapshots (computed in the database), labelled by their as_of values. */
export interface PostgresCountedSnapshots {
  readonly reference: CountedTable;
  readonly current: CountedTable;
  /** Duplicated and empty rows over the counted columns, computed by the database. */
  readonly rowFacts: { readonly reference: RowFacts; readonly current: RowFacts };
  readonly referenceAsOf: string;
  readonly currentAsOf: string;
  /** How the database counted (GROUPING SETS, or per-column GROUP BYs where GROUPING SETS is unsupported). */
  readonly strategy: CountStrategy;
  /** Numeric columns summarised instead of counted (never for a partitioned table: see below). */
  readonly summarized: readonly SummarizedColumn[];
  /** Counted and summarised columns in source order. */
  readonly columnOrder: readonly string[];
}

/**
 * Computes the per-column value counts of the reference and current snapshots in the database (only aggregates
 * cross the wire), inside one read-only, repeatable-read transaction.
 *
 * A `--table` source that is a partitioned table (for instance hash-partitioned over postgres_fdw shards) is
 * counted partition by partition, on one extra read-only connection per partition (at most
 * {@link PARTITION_CONNECTIONS} at once) that imports this transaction's snapshot, so each partition's
 * `GROUP BY` runs on its shard (see `partitions.ts`).
 *
 * @param include the columns to count (ids and excluded columns can be skipped); default all
 * A partitioned table is always counted: merging the KS D or the Wasserstein sum of several partitions needs
 * their value counts, so only a plain table or query gets its numeric columns summarised by `summarize`.
 *
 * @param summarize when numeric columns are summarised instead of counted (default: never)
 * @param force `per-column` skips the GROUPING SETS attempt (Citus), `grouping-sets` and `per-column` also count a
 *   partitioned table through its parent; default: per partition for a partitioned table, else GROUPING SETS first
 */
export async function countPostgresSnapshots(
  settings: PostgresSnapshotSettings,
  include?: (name: string) => boolean,
  force?: CountStrategy,
  summarize?: SummarizePolicy,
): Promise<PostgresCountedSnapshots> {
  return inReadOnlySnapshot(settings.databaseUrl, settings, async (client, attempt) => {
    const { plan, asOf } = await planAndResolve(client, attempt, settings);
    attempt.step = `counting the values of the snapshots as_of ${asOf.reference} and ${asOf.current}`;
    const onRows = () => {
      attempt.rowsRead = true;
    };
    const source = settings.source;
    const layout =
      source.kind === 'table' && (force === undefined || force === 'per-partition')
        ? await partitionLayout(client, source.table)
        : undefined;
    let counts: Awaited<ReturnType<typeof countSnapshotValues>>;
    if (source.kind === 'table' && layout !== undefined && layout.leaves.length > 0) {
      const exported = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
      const columns = (await describeSnapshot(client, plan, asOf.current)).map((column) => column.name);
      const database = databaseAt(
        settings.databaseUrl,
        'read-only',
        (settings.names ?? NEUTRAL_DATABASE_NAMES).databaseUrl,
      );
      const open: PartitionSession = (work) =>
        withReadOnlySnapshot(database, { ...settings, snapshot: exported.rows[0]!.id }, (partition) =>
          work(partition),
        );
      const leaves = layout.leaves.map((leaf) => partitionPlan(plan, columns, source.asOfColumn, leaf));
      // Every row of one snapshot has the same as_of, so an as_of key column never separates two equal rows.
      const keyColumns = layout.keyIsColumns
        ? layout.keyColumns.filter((name) => name !== source.asOfColumn)
        : undefined;
      counts = await countPartitionedValues(
        client,
        plan,
        asOf,
        { leaves, keyColumns },
        open,
        include,
        onRows,
      );
    } else {
      const strategy = force === 'per-partition' ? undefined : force;
      const open = summarize ? await snapshotSessions(client, settings) : undefined;
      counts = await countSnapshotValues(client, plan, asOf, include, strategy, onRows, summarize, open);
    }
    const counted = new Set([...counts.columns, ...counts.summarized].map((column) => column.name));
    const unloaded = counts.allColumns.filter((name) => !counted.has(name));
    const side = (which: 'reference' | 'current'): CountedTable => ({
      source: `postgres:${plan.label}@${asOf[which]}`,
      rows: counts[which].rows,
      counted: counts.columns.map(({ name, storage, [which]: sideCounts }) => ({
        name,
        storage,
        counts: sideCounts,
      })),
      unloaded,
    });
    const facts = (which: 'reference' | 'current'): RowFacts => ({
      duplicatedRows: counts[which].duplicatedRows,
      emptyRows: counts[which].emptyRows,
    });
    return {
      reference: side('reference'),
      current: side('current'),
      rowFacts: { reference: facts('reference'), current: facts('current') },
      referenceAsOf: asOf.reference,
      currentAsOf: asOf.current,
      strategy: counts.strategy,
      summarized: counts.summarized,
      columnOrder: counts.allColumns.filter((name) => counted.has(name)),
    };
  });
}
