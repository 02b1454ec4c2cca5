/**
 * Snapshots stored in PostgreSQL as as-of tables: which query yields one snapshot, which as_of values exist,
 * and streaming one snapshot into the columnar {@link Table} with COPY TO STDOUT.
 *
 * A user's snapshot query reaches the server only inside `SELECT * FROM (<query>) AS snapshot` (a subquery cannot
 * modify data: INSERT/UPDATE/DELETE are not allowed there, nor a data-modifying WITH) and only through the
 * extended query protocol, one statement per Parse.
 */
import type pg from 'pg';
import { UserError, assertNever } from '../../errors.js';
import type { Table } from '../table.js';
import { type CopyColumnSpec, CopyTextDecoder, columnKindOf } from './copy-text.js';
import { copyOut, describeStatement, extended } from './extended-query.js';
import {
  type TableName,
  checkSnapshotQuery,
  displayTable,
  quoteIdent,
  quoteTable,
  replaceAsOfPlaceholder,
  usesAsOfPlaceholder,
} from './sql-text.js';
import { NEUTRAL_DATABASE_NAMES, type DatabaseSettingNames } from './source.js';
import { STREAMFLOW_AS_OF_TABLE, STREAMFLOW_TABLES, streamflowSnapshotQuery } from './streamflow.js';

/** Where the rows of one snapshot come from. */
export type SnapshotQuerySource =
  /** An as-of table T with its as_of column C: every column of T but C, for one value of C. */
  | { readonly kind: 'table'; readonly table: TableName; readonly asOfColumn: string }
  /**
   * A query such as `SELECT ... WHERE as_of = $1`; `latest`/`previous` need `discovery` (a table and its as_of
   * column given alongside), explicit dates do not.
   */
  | {
      readonly kind: 'query';
      readonly sql: string;
      readonly discovery?: { readonly table: TableName; readonly asOfColumn: string };
    }
  /** The bundled join of the StreamFlow tables in `schema` (the query named `streamflow`). */
  | { readonly kind: 'streamflow'; readonly schema: string };

/** The as_of of one side: a value, or relative to the discovered as_of values. */
export type AsOfSelector =
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'latest' }
  | { readonly kind: 'previous' };

/** A snapshot query made ready to run: SQL with `$1` for the as_of value and that parameter's type. */
export interface SnapshotPlan {
  /** For messages and `Table.source`: the table name, `query` or `streamflow`. */
  readonly label: string;
  /** SELECT returning one snapshot; `$1` is the as_of value. */
  readonly sql: string;
  /** The SQL type of `$1` (as `format_type` prints it), used to bind it inside COPY. */
  readonly asOfType: string;
  /** SELECT listing `(as_of text, rows bigint)` in ascending as_of order, when the as_of values can be listed. */
  readonly discoverySql?: string;
  /** Where the as_of values are listed, for messages. */
  readonly discoveryLabel?: string;
  /**
   * SELECT listing `(as_of text)` in ascending order without counting rows: one descent of a btree index on the
   * as_of column per value, where {@link discoverySql} scans every row of every snapshot. Only planned when such an
   * index exists (without one, each step would be a scan of the whole table).
   */
  readonly valuesSql?: string;
}

/** One as_of value and its row count. */
export interface AsOfCount {
  readonly asOf: string;
  readonly rows: number;
}

/** Resolves a source into a {@link SnapshotPlan}, checking that the tables and columns exist. */
export async function planSnapshotQuery(
  client: pg.ClientBase,
  source: SnapshotQuerySource,
  names: DatabaseSettingNames = NEUTRAL_DATABASE_NAMES,
): Promise<SnapshotPlan> {
  switch (source.kind) {
    case 'table': {
      const columns = await tableColumns(client, source.table);
      const asOf = columns.find((c) => c.name === source.asOfColumn);
      if (!asOf) {
        throw new UserError(
          'DATABASE',
          `column '${source.asOfColumn}' missing in table ${displayTable(source.table)} (columns: ${columns.map((c) => c.name).join(', ')})`,
        );
      }
      const selected = columns.filter((c) => c.name !== source.asOfColumn).map((c) => quoteIdent(c.name));
      if (selected.length === 0)
        throw new UserError(
          'DATABASE',
          `table ${displayTable(source.table)} has no columns besides '${source.asOfColumn}'`,
        );
      return {
        label: displayTable(source.table),
        sql: `SELECT ${selected.join(', ')} FROM ${quoteTable(source.table)} WHERE ${quoteIdent(source.asOfColumn)} = $1`,
        asOfType: asOf.type,
        ...(await discovery(client, source.table, source.asOfColumn)),
      };
    }
    case 'streamflow': {
      for (const table of STREAMFLOW_TABLES) {
        const found = await client.query<{ oid: string | null }>('SELECT to_regclass($1)::text AS oid', [
          quoteTable({ schema: source.schema, table: table.name }),
        ]);
        if (found.rows[0]?.oid == null) {
          throw new UserError(
            'DATABASE',
            `table ${source.schema}.${table.name} missing (load the StreamFlow fixtures into schema ${source.schema} with driftwatch db load-fixtures)`,
          );
        }
      }
      return {
        label: 'streamflow',
        sql: streamflowSnapshotQuery(source.schema),
        asOfType: 'date',
        ...(await discovery(client, { schema: source.schema, table: STREAMFLOW_AS_OF_TABLE }, 'as_of')),
      };
    }
    case 'query': {
      const sql = checkSnapshotQuery(names.query, source.sql);
      if (!usesAsOfPlaceholder(sql)) {
        throw new UserError(
          'USAGE',
          `${names.query}: the query must select one snapshot with $1 (e.g. WHERE as_of = $1)`,
        );
      }
      const asOfType = await parameterType(client, sql);
      let discovered = {};
      if (source.discovery) {
        const columns = await tableColumns(client, source.discovery.table);
        if (!columns.some((c) => c.name === source.discovery!.asOfColumn)) {
          throw new UserError(
            'DATABASE',
            `column '${source.discovery.asOfColumn}' missing in table ${displayTable(source.discovery.table)}`,
          );
        }
        discovered = await discovery(client, source.discovery.table, source.discovery.asOfColumn);
      }
      return { label: 'query', sql, asOfType, ...discovered };
    }
    default:
      return assertNever(source);
  }
}

async function discovery(
  client: pg.ClientBase,
  table: TableName,
  asOfColumn: string,
): Promise<{ discoverySql: string; discoveryLabel: string; valuesSql?: string }> {
  const c = quoteIdent(asOfColumn);
  const t = quoteTable(table);
  const listing = {
    discoverySql: `SELECT ${c}::text AS as_of, count(*) AS rows FROM ${t} WHERE ${c} IS NOT NULL GROUP BY ${c} ORDER BY ${c}`,
    discoveryLabel: `${displayTable(table)}.${asOfColumn}`,
  };
  if (!(await leadsBtreeIndex(client, table, asOfColumn))) return listing;
  // A loose index scan: each step is `ORDER BY c LIMIT 1` above the previous value, which the planner answers
  // with one descent of the index, so listing n values reads about n index pages instead of the whole table.
  return {
    ...listing,
    valuesSql:
      `WITH RECURSIVE step(value) AS ((SELECT ${c} FROM ${t} WHERE ${c} IS NOT NULL ORDER BY ${c} LIMIT 1) ` +
      `UNION ALL SELECT (SELECT ${c} FROM ${t} WHERE ${c} > step.value ORDER BY ${c} LIMIT 1) FROM step ` +
      `WHERE step.value IS NOT NULL) SELECT value::text AS as_of FROM step WHERE value IS NOT NULL ORDER BY value`,
  };
}

/**
 * Whether a plain table (or materialized view) has a valid, whole-table btree index whose first key is the
 * column, with the column's default ordering and collation: the index the planner walks for `ORDER BY c LIMIT 1`.
 */
async function leadsBtreeIndex(client: pg.ClientBase, table: TableName, column: string): Promise<boolean> {
  const found = await client.query<{ ok: boolean }>(
    extended({
      text: `SELECT EXISTS (
         SELECT 1 FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_class x ON x.oid = i.indexrelid
         JOIN pg_am am ON am.oid = x.relam
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
         JOIN pg_opclass o ON o.oid = i.indclass[0]
         WHERE i.indrelid = to_regclass($1) AND a.attname = $2 AND am.amname = 'btree'
           AND t.relkind IN ('r', 'm') AND i.indisvalid AND i.indisready AND i.indpred IS NULL
           AND o.opcdefault AND i.indcollation[0] = a.attcollation) AS ok`,
      values: [quoteTable(table), column],
    }),
  );
  return found.rows[0]?.ok === true;
}

/** Columns of a table in order, with their types; a missing table is a UserError. */
export async function tableColumns(
  client: pg.ClientBase,
  table: TableName,
): Promise<{ name: string; type: string }[]> {
  const found = await client.query<{ oid: string | null }>('SELECT to_regclass($1)::oid::text AS oid', [
    quoteTable(table),
  ]);
  const oid = found.rows[0]?.oid;
  if (oid == null)
    throw new UserError(
      'DATABASE',
      `table ${displayTable(table)} does not exist (or is not visible on the search_path)`,
    );
  const columns = await client.query<{ name: string; type: string }>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
     WHERE attrelid = $1::oid AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [oid],
  );
  return columns.rows;
}

/**
 * The type Postgres infers for `$1` of a user query, as `format_type` prints it: the wrapped query is parsed and
 * described (one extended-protocol statement; nothing runs), which also has the server check that the query is
 * one SELECT that fits in the subquery.
 */
async function parameterType(client: pg.ClientBase, sql: string): Promise<string> {
  const described = await describeStatement(client, wrapAsSubquery(sql));
  const result = await client.query<{ type: string }>({
    text: 'SELECT format_type($1::oid, NULL) AS type',
    values: [described.parameterTypes[0]],
  });
  return result.rows[0]!.type;
}

/** `SELECT * FROM (<sql>) AS snapshot`; the line breaks end a trailing `--` comment of the query. */
function wrapAsSubquery(sql: string, columns = '*'): string {
  return `SELECT ${columns} FROM (\n${sql}\n) AS snapshot`;
}

/** Lists the as_of values of a plan with their row counts, ascending. */
export async function listAsOf(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  names: DatabaseSettingNames = NEUTRAL_DATABASE_NAMES,
): Promise<AsOfCount[]> {
  if (plan.discoverySql === undefined) {
    throw new UserError(
      'USAGE',
      `latest/previous need the as_of values: give ${names.table} and ${names.asOfColumn} with ${names.query}`,
    );
  }
  const result = await client.query<{ as_of: string; rows: string }>(extended({ text: plan.discoverySql }));
  return result.rows.map((row) => ({ asOf: row.as_of, rows: Number(row.rows) }));
}

/** The as_of values of a plan in ascending order, without their row counts (see {@link SnapshotPlan.valuesSql}). */
async function listAsOfValues(client: pg.ClientBase, valuesSql: string): Promise<{ asOf: string }[]> {
  const result = await client.query<{ as_of: string }>(extended({ text: valuesSql }));
  return result.rows.map((row) => ({ asOf: row.as_of }));
}

/** The resolved as_of values of a comparison. */
export interface ResolvedAsOf {
  readonly reference: string;
  readonly current: string;
  /**
   * Rows of each as_of as the discovery query counted them, when the as_of values were listed with their counts
   * (a size hint).
   */
  readonly referenceRows?: number;
  readonly currentRows?: number;
}

/**
 * Resolves the reference and current as_of selectors. `latest` is the last as_of; `previous` is the last as_of
 * before the current one. An explicit value is normalised by Postgres (`CAST($1 AS type)::text`) and, when the
 * as_of values can be listed, must be one of them.
 *
 * @param counts whether the row counts are needed; without them the values are listed through an index on the
 *   as_of column when the plan has one (no scan of the table), and the counts are left undefined
 */
export async function resolveAsOf(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  reference: AsOfSelector,
  current: AsOfSelector,
  names: DatabaseSettingNames = NEUTRAL_DATABASE_NAMES,
  counts = true,
): Promise<ResolvedAsOf> {
  if (current.kind === 'previous')
    throw new UserError(
      'USAGE',
      `${names.currentAsOf}: 'previous' is for ${names.referenceAsOf} (use latest or a date)`,
    );
  if (reference.kind === 'latest')
    throw new UserError(
      'USAGE',
      `${names.referenceAsOf}: 'latest' is for ${names.currentAsOf} (use previous or a date)`,
    );
  const needList = plan.discoverySql !== undefined || current.kind !== 'value' || reference.kind !== 'value';
  const available: { asOf: string; rows?: number }[] | undefined = !needList
    ? undefined
    : !counts && plan.valuesSql !== undefined
      ? await listAsOfValues(client, plan.valuesSql)
      : await listAsOf(client, plan, names);
  const where = plan.discoveryLabel ?? plan.label;
  const availableText = () => (available!.length === 0 ? 'none' : available!.map((a) => a.asOf).join(', '));
  const check = async (flag: string, value: string): Promise<string> => {
    const normalised = await normaliseAsOf(client, plan.asOfType, flag, value);
    if (available && !available.some((a) => a.asOf === normalised)) {
      throw new UserError(
        'DATABASE',
        `${flag}: as_of ${value} has no rows in ${where} (available: ${availableText()})`,
      );
    }
    return normalised;
  };
  let currentAsOf: string;
  if (current.kind === 'latest') {
    if (available!.length === 0)
      throw new UserError('DATABASE', `no as_of values in ${where}: the table is empty`);
    currentAsOf = available![available!.length - 1]!.asOf;
  } else currentAsOf = await check(names.currentAsOf, current.value);
  let referenceAsOf: string;
  if (reference.kind === 'previous') {
    const index = available!.findIndex((a) => a.asOf === currentAsOf);
    if (index <= 0)
      throw new UserError(
        'DATABASE',
        `${names.referenceAsOf} previous: no as_of before ${currentAsOf} in ${where} (available: ${availableText()})`,
      );
    referenceAsOf = available![index - 1]!.asOf;
  } else referenceAsOf = await check(names.referenceAsOf, reference.value);
  const rowsOf = (asOf: string) => available?.find((a) => a.asOf === asOf)?.rows;
  return {
    reference: referenceAsOf,
    current: currentAsOf,
    referenceRows: rowsOf(referenceAsOf),
    currentRows: rowsOf(currentAsOf),
  };
}

async function normaliseAsOf(
  client: pg.ClientBase,
  type: string,
  flag: string,
  value: string,
): Promise<string> {
  await client.query('SAVEPOINT driftwatch_as_of');
  try {
    const result = await client.query<{ value: string }>(
      extended({ text: `SELECT CAST($1 AS ${type})::text AS value`, values: [value] }),
    );
    await client.query('RELEASE SAVEPOINT driftwatch_as_of');
    return result.rows[0]!.value;
  } catch (error) {
    // Only a value the type refuses (SQLSTATE class 22, data exception) is the user's; a lost connection is not.
    if (!String((error as { code?: unknown }).code ?? '').startsWith('22')) throw error;
    await client.query('ROLLBACK TO SAVEPOINT driftwatch_as_of');
    throw new UserError('USAGE', `${flag}: '${value}' is not a valid ${type} (${(error as Error).message})`);
  }
}

/** Result columns of a plan for one as_of value (`LIMIT 0`, nothing is read). */
export async function describeSnapshot(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  asOf: string,
): Promise<CopyColumnSpec[]> {
  const result = await client.query(
    extended({ text: `${wrapAsSubquery(plan.sql)} LIMIT 0`, values: [asOf] }),
  );
  const seen = new Set<string>();
  return result.fields.map((field) => {
    if (seen.has(field.name))
      throw new UserError(
        'DATABASE',
        `${plan.label}: the snapshot query returns column '${field.name}' twice`,
      );
    seen.add(field.name);
    return { name: field.name, kind: columnKindOf(field.dataTypeID, field.dataTypeModifier) };
  });
}

/** Options of {@link readSnapshot}. */
export interface ReadSnapshotOptions {
  /** Expected rows (e.g. from {@link listAsOf}) to size the typed arrays once. */
  readonly expectedRows?: number;
  /**
   * Without {@link expectedRows}, size the typed arrays from the planner's row estimate of the snapshot query
   * (meant for a table's `WHERE as_of = $1`, which its column statistics estimate well).
   */
  readonly estimateRows?: boolean;
  /** Which columns to read (others are not even sent by the server). Default: all. */
  readonly include?: (name: string) => boolean;
  /** Called when the first rows arrive (from then on a lost connection is not retried). */
  readonly onRows?: () => void;
  /** How messages name the settings (default: neutral names). */
  readonly names?: DatabaseSettingNames;
}

/**
 * Streams one snapshot into a {@link Table} with `COPY (SELECT ... FROM (<query>) AS snapshot) TO STDOUT` (text
 * format), sent as one extended-protocol statement, decoding each chunk into typed columns as it arrives. COPY
 * takes no bind parameters, so the as_of value is bound with `set_config('driftwatch.as_of', $1, true)` and read
 * back with `current_setting` inside the query.
 *
 * @throws {UserError} if the snapshot has no rows
 */
export async function readSnapshot(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  asOf: string,
  options: ReadSnapshotOptions = {},
): Promise<Table> {
  const described = await describeSnapshot(client, plan, asOf);
  const columns = options.include ? described.filter((column) => options.include!(column.name)) : described;
  if (columns.length === 0) throw new UserError('DATABASE', `${plan.label}: no columns left to read`);
  // synchronize_seqscans off: a scan that starts while another one reads the same large table (the other snapshot,
  // read at once on a second connection) would otherwise join it mid-table and wrap around, and the rows, which
  // pandas sums in order, would arrive in an order that depends on timing.
  await client.query({
    text: `SELECT set_config('driftwatch.as_of', $1, true), set_config('synchronize_seqscans', 'off', true)`,
    values: [asOf],
  });
  const bound = replaceAsOfPlaceholder(
    (options.names ?? NEUTRAL_DATABASE_NAMES).query,
    plan.sql,
    `CAST(current_setting('driftwatch.as_of') AS ${plan.asOfType})`,
  );
  const selected = columns.map((column) => `snapshot.${quoteIdent(column.name)}`).join(', ');
  const query = wrapAsSubquery(bound, selected);
  const estimate =
    options.expectedRows === undefined && options.estimateRows === true
      ? await estimatedRows(client, query)
      : undefined;
  const decoder = new CopyTextDecoder(
    columns,
    options.expectedRows ?? estimate ?? 1024,
    estimate !== undefined,
  );
  let first = true;
  await copyOut(client, `COPY (${query}) TO STDOUT`, (chunk) => {
    if (first) {
      first = false;
      options.onRows?.();
    }
    decoder.write(chunk);
  });
  const rows = decoder.rows;
  if (rows === 0)
    throw new UserError('DATABASE', `${plan.label}: the snapshot query returned no rows for as_of ${asOf}`);
  return { source: `postgres:${plan.label}@${asOf}`, rows, columns: decoder.finish() };
}

/**
 * The planner's row estimate of a query (`EXPLAIN`, which plans it and runs nothing), to size the columns once when
 * the rows were not counted; undefined when the plan has no usable estimate.
 */
async function estimatedRows(client: pg.ClientBase, query: string): Promise<number | undefined> {
  const result = await client.query<{ 'QUERY PLAN': unknown }>(
    extended({ text: `EXPLAIN (FORMAT JSON) ${query}` }),
  );
  const plan = result.rows[0]?.['QUERY PLAN'];
  const rows = Array.isArray(plan)
    ? (plan[0] as { Plan?: { 'Plan Rows'?: unknown } })?.Plan?.['Plan Rows']
    : undefined;
  return typeof rows === 'number' && Number.isFinite(rows) && rows >= 1 ? Math.min(rows, 2 ** 26) : undefined;
}

/** Options of {@link readSnapshotPair}: those of {@link readSnapshot}, the expected rows per snapshot. */
export interface ReadSnapshotPairOptions extends Omit<ReadSnapshotOptions, 'expectedRows'> {
  readonly expectedRows?: { readonly reference?: number; readonly current?: number };
}

/**
 * Streams both snapshots of an as-of table in one `COPY (SELECT <as_of> = <current>, <columns> FROM <table>
 * WHERE <as_of> IN (<reference>, <current>)) TO STDOUT`: one scan of the table instead of one per snapshot, each
 * row led by a flag that says which snapshot it belongs to (measured on 2 × 4M rows of 4 columns: 2.6 server CPU
 * s for the one scan against 3.8 for two scans on two connections).
 *
 * The rows of each snapshot arrive in the order a read of that snapshot alone gives: the table's physical order,
 * which a sequential scan, a bitmap scan and an index scan of the as_of column (ties in heap order) all follow.
 * That holds for one table scanned by one process, so the query runs without parallel workers and without joining
 * another scan of the table midway (`synchronize_seqscans` off), and a view, a foreign or a partitioned table is
 * left to {@link readSnapshot}; so are two as_of values the column's type holds equal.
 *
 * @returns undefined when the snapshots are not read this way (then read each with {@link readSnapshot})
 * @throws {UserError} if a snapshot has no rows
 */
export async function readSnapshotPair(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  source: { readonly table: TableName; readonly asOfColumn: string },
  asOf: { readonly reference: string; readonly current: string },
  options: ReadSnapshotPairOptions = {},
): Promise<{ reference: Table; current: Table } | undefined> {
  const type = plan.asOfType;
  const eligible = await client.query<{ ok: boolean }>(
    extended({
      text: `SELECT c.relkind IN ('r', 'm') AND CAST($2 AS ${type}) IS DISTINCT FROM CAST($3 AS ${type}) AS ok
             FROM pg_class c WHERE c.oid = to_regclass($1)`,
      values: [quoteTable(source.table), asOf.reference, asOf.current],
    }),
  );
  if (eligible.rows[0]?.ok !== true) return undefined;
  const described = await describeSnapshot(client, plan, asOf.current);
  const columns = options.include ? described.filter((column) => options.include!(column.name)) : described;
  if (columns.length === 0) throw new UserError('DATABASE', `${plan.label}: no columns left to read`);
  await client.query(
    `SELECT set_config('synchronize_seqscans', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`,
  );
  const asOfColumn = quoteIdent(source.asOfColumn);
  const table = quoteTable(source.table);
  const selected = columns.map((column) => quoteIdent(column.name)).join(', ');
  // COPY takes no bind parameters. The as_of values are written as quoted literals cast to their type, not read
  // back with current_setting: the planner then estimates the condition from the column's statistics (both
  // snapshots of a two-snapshot table are all of it: a sequential scan), where `IN (current_setting(...), ...)`
  // is estimated blind and was planned as an index scan of every row (5.7 server CPU s against 2.7 on 2 × 4M
  // rows). The read-only connections run with standard_conforming_strings on: a doubled quote is the only escape.
  const bound = (which: 'reference' | 'current') => `CAST('${asOf[which].replaceAll("'", "''")}' AS ${type})`;
  const expected = async (which: 'reference' | 'current') => {
    const given = options.expectedRows?.[which];
    if (given !== undefined || options.estimateRows !== true)
      return { rows: given ?? 1024, estimated: false };
    const estimate = await estimatedRows(
      client,
      `SELECT ${selected} FROM ${table} WHERE ${asOfColumn} = ${bound(which)}`,
    );
    return { rows: estimate ?? 1024, estimated: estimate !== undefined };
  };
  const reference = await expected('reference');
  const current = await expected('current');
  const decoder = CopyTextDecoder.split(
    columns,
    [reference.rows, current.rows],
    [reference.estimated, current.estimated],
  );
  const query =
    `SELECT ${asOfColumn} = ${bound('current')}, ${selected} FROM ${table} ` +
    `WHERE ${asOfColumn} IN (${bound('reference')}, ${bound('current')})`;
  let first = true;
  await copyOut(client, `COPY (${query}) TO STDOUT`, (chunk) => {
    if (first) {
      first = false;
      options.onRows?.();
    }
    decoder.write(chunk);
  });
  const finished = (side: 0 | 1, value: string): Table => {
    const rows = decoder.rowsOf(side);
    if (rows === 0)
      throw new UserError(
        'DATABASE',
        `${plan.label}: the snapshot query returned no rows for as_of ${value}`,
      );
    return { source: `postgres:${plan.label}@${value}`, rows, columns: decoder.finish(side) };
  };
  return { reference: finished(0, asOf.reference), current: finished(1, asOf.current) };
}
