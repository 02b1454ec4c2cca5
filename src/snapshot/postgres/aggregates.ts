/**
 * Computing in the database: the per-column value counts every default drift test needs, computed by PostgreSQL.
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
import type { SideCounts, StorageType, SummarizedColumn, SummarizePolicy } from '../table.js';
import { type CopyColumnSpec, CopyTextDecoder, type PgColumnKind, parseTimestamp } from './copy-text.js';
import { copyOut, extended } from './extended-query.js';
import { mergeCounts, type PartCounts } from './merge-counts.js';
import { describeSnapshot, type SnapshotPlan } from './snapshots.js';
import { addCounts, mapConcurrently } from './partitions.js';
import { quoteIdent, replaceAsOfPlaceholder } from './sql-text.js';
import { summarizeNumericColumns } from './summarize.js';

/** One column of both snapshots as value counts (one GROUP BY per side). */
export interface ColumnCounts {
  readonly name: string;
  /** Storage decided by the source type (the same on both sides). */
  readonly storage: StorageType;
  readonly reference: SideCounts;
  readonly current: SideCounts;
}

/** Storage type of a counted column from its Postgres decoding. */
function storageOf(kind: PgColumnKind): StorageType {
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
  readonly columns: ColumnCounts[];
  /** Numeric columns summarised instead of counted (see `summarize.ts`). */
  readonly summarized: SummarizedColumn[];
  /** Every column of the snapshot query, counted or not. */
  readonly allColumns: string[];
}

/** Row count, duplicated rows and empty rows of one snapshot over the counted columns. */
export interface SideFacts {
  readonly rows: number;
  readonly duplicatedRows: number;
  readonly emptyRows: number;
}

/** The SQL that counts one column of one snapshot with a plain GROUP BY (the per-column strategy). */
export function valueCountSql(plan: SnapshotPlan, column: CopyColumnSpec): string {
  const key = groupingKey(column);
  return `SELECT ${key}::text AS value, count(*) AS rows FROM (\n${plan.sql}\n) AS snapshot GROUP BY ${key}`;
}

/**
 * The SQL that counts one non-string column of one snapshot for reading with COPY: `(value, rows)` per distinct
 * value. The NULL group's count is negated (`-count(*)`), which tells it apart from a `numeric` NaN (both are read
 * as NaN). Over one postgres_fdw foreign table the whole statement runs on the shard, as {@link valueCountSql}
 * does (EXPLAIN VERBOSE: `Relations: Aggregate on (...)`). The values come in no order: an `ORDER BY` is sent to
 * the shard too only when the coordinator has statistics of the foreign table (without them PostgreSQL 15 plans
 * the sort, and then the grouping, on the coordinator, fetching every row), so the runner sorts.
 */
export function numericValueCountSql(plan: SnapshotPlan, column: CopyColumnSpec): string {
  const key = groupingKey(column);
  return [
    `SELECT ${key} AS value, CASE WHEN ${key} IS NULL THEN -count(*) ELSE count(*) END AS rows`,
    `FROM (\n${plan.sql}\n) AS snapshot GROUP BY ${key}`,
  ].join('\n');
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

/** A counted column's grouping key: the column, with NaN folded into NULL for floating-point kinds. */
function groupingKey(column: CopyColumnSpec): string {
  const ref = `snapshot.${quoteIdent(column.name)}`;
  return column.kind === 'float' ? `CASE WHEN ${ref} = 'NaN' THEN NULL ELSE ${ref} END` : ref;
}

/**
 * One statement that counts every listed column of one snapshot in a single pass over the snapshot query (so a
 * join runs once): `GROUP BY GROUPING SETS ((k0), (k1), ..., (k0, ..., kn), ())`. Output rows `(col, value, rows)`:
 * `col` ≥ 0 is a column's value count (value NULL for missing cells), -1 the row count, -2 the duplicated rows and
 * -3 the empty rows (both from the all-columns set, aggregated in the server). NaN is folded into NULL (pandas
 * reads both as missing; the rebuilt column is the same).
 *
 * `counted[i]` false leaves column i out of the value counts (no `(ki)` set: a summarised column) while it still
 * takes part in the row facts.
 */
export function groupingSetsSql(
  plan: SnapshotPlan,
  columns: readonly CopyColumnSpec[],
  counted: readonly boolean[] = columns.map(() => true),
): string {
  const keys = columns.map((column, index) => ({ expression: groupingKey(column), alias: `k${index}` }));
  const flags = keys.map((key) => `GROUPING(${key.alias}) = 0`);
  const own = keys.flatMap((_, index) => (counted[index] ? [index] : []));
  // The row facts come from the all-columns set, unless the one column's own value counts are the distinct rows.
  const wholeSet = columns.length > 1 || own.length < columns.length;
  const whole = wholeSet ? [`(${keys.map((key) => key.alias).join(', ')})`] : [];
  const which = [
    ...(wholeSet ? [`WHEN ${flags.join(' AND ')} THEN -2`] : []),
    ...own.map((index) => `WHEN ${flags[index]} THEN ${index}`),
  ].join(' ');
  const value = own.map((index) => `WHEN ${flags[index]} THEN ${keys[index]!.alias}::text`).join(' ');
  const allMissing = keys.map((key) => `${key.alias} IS NULL`).join(' AND ');
  return [
    'WITH counted AS (',
    `  SELECT CASE ${which} ELSE -1 END AS col, ${value ? `CASE ${value} END` : 'NULL::text'} AS value, count(*) AS rows, bool_and(${allMissing}) AS empty`,
    `  FROM (SELECT ${keys.map((key) => `${key.expression} AS ${key.alias}`).join(', ')} FROM (\n${plan.sql}\n) AS snapshot) AS keyed`,
    `  GROUP BY GROUPING SETS (${[...own.map((index) => `(${keys[index]!.alias})`), ...whole, '()'].join(', ')})`,
    ')',
    'SELECT col, value, rows FROM counted WHERE col >= -1',
    ...(wholeSet
      ? [
          'UNION ALL SELECT -2, NULL, coalesce(sum(rows - 1), 0) FROM counted WHERE col = -2',
          'UNION ALL SELECT -3, NULL, coalesce(sum(rows) FILTER (WHERE empty), 0) FROM counted WHERE col = -2',
        ]
      : []),
  ].join('\n');
}

/**
 * How the counts were computed: one GROUPING SETS pass per snapshot, one GROUP BY per column (Citus), or one
 * GROUP BY per column and leaf partition, the partitions on connections of their own (a partitioned table).
 */
export type CountStrategy = 'grouping-sets' | 'per-column' | 'per-partition';

/** Counts of one snapshot: per column (value text or null, count), plus its row-level facts. */
interface RawSide {
  facts: SideFacts;
  columns: [string | null, number][][];
}

/**
 * Counts the values of every wanted column of both snapshots in the database (datetime columns too: the data
 * summary reports their range), with the duplicated and empty rows over the same columns. `include` limits the
 * columns (ids and excluded columns are skipped).
 *
 * Plain PostgreSQL gets one GROUPING SETS statement per snapshot. A server that rejects it as unsupported
 * (SQLSTATE 0A000; Citus does for distributed tables) gets plain `GROUP BY`s instead, one per column plus one over
 * all columns; the counts are the same. `force` picks the per-column strategy directly (tests, Citus).
 *
 * With a `summarize` policy, numeric columns with many distinct values are summarised first (`summarize.ts`) and
 * left out of the value counts; they still take part in the duplicated and empty rows. With `open` (a read-only
 * connection importing this transaction's snapshot) several columns are summarised at once.
 *
 * Every statement holds the snapshot query, so each is sent with the extended protocol (one statement per Parse)
 * and with the as_of value bound as `$1`. `onRows` is called when the first counts arrive.
 *
 * @throws {UserError} if a snapshot has no rows
 */
export async function countSnapshotValues(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  asOf: { reference: string; current: string },
  include?: (name: string) => boolean,
  force?: CountStrategy,
  onRows?: () => void,
  summarize?: SummarizePolicy,
  open?: PartitionSession,
): Promise<SnapshotCounts & { strategy: CountStrategy }> {
  const specs = await describeSnapshot(client, plan, asOf.current);
  const wanted = include ? specs.filter((spec) => include(spec.name)) : specs;
  const summarized = summarize
    ? await summarizeNumericColumns(client, plan, wanted, asOf, summarize, open)
    : [];
  const names = new Set(summarized.map((column) => column.name));
  const counted = wanted.map((spec) => !names.has(spec.name));
  let strategy: CountStrategy = force ?? 'grouping-sets';
  let sides: [RawSide, RawSide] | undefined;
  if (strategy === 'grouping-sets') {
    await client.query('SAVEPOINT driftwatch_counts');
    try {
      const reference = await countInOnePass(client, plan, wanted, counted, asOf.reference);
      onRows?.();
      sides = [reference, await countInOnePass(client, plan, wanted, counted, asOf.current)];
      await client.query('RELEASE SAVEPOINT driftwatch_counts');
    } catch (error) {
      if ((error as { code?: string }).code !== '0A000') throw error;
      await client.query('ROLLBACK TO SAVEPOINT driftwatch_counts');
      strategy = 'per-column';
    }
  }
  sides ??= [
    await countColumnByColumn(client, plan, wanted, counted, asOf.reference, onRows),
    await countColumnByColumn(client, plan, wanted, counted, asOf.current, onRows),
  ];
  [asOf.reference, asOf.current].forEach((value, index) => {
    if (sides[index]!.facts.rows === 0)
      throw new UserError(
        'DATABASE',
        `${plan.label}: the snapshot query returned no rows for as_of ${value}`,
      );
  });
  const columns: ColumnCounts[] = wanted.flatMap((spec, index) => {
    if (!counted[index]) return [];
    const storage = storageOf(spec.kind);
    return {
      name: spec.name,
      storage,
      reference: toSideCounts(sides[0].columns[index]!, storage),
      current: toSideCounts(sides[1].columns[index]!, storage),
    };
  });
  return {
    reference: sides[0].facts,
    current: sides[1].facts,
    columns,
    summarized,
    allColumns: specs.map((spec) => spec.name),
    strategy,
  };
}

async function countInOnePass(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  wanted: readonly CopyColumnSpec[],
  counted: readonly boolean[],
  asOf: string,
): Promise<RawSide> {
  if (wanted.length === 0) return { facts: await rowFacts(client, plan, wanted, asOf), columns: [] };
  // rowMode 'array': one small array per distinct value (an aggregate row), never per snapshot row.
  const result = await client.query<[number, string | null, string]>(
    extended({
      text: groupingSetsSql(plan, wanted, counted),
      values: [asOf],
      rowMode: 'array',
    }),
  );
  const side: RawSide = {
    facts: { rows: 0, duplicatedRows: 0, emptyRows: 0 },
    columns: wanted.map(() => []),
  };
  let duplicatedRows = 0;
  let emptyRows = 0;
  let rows = 0;
  for (const [col, value, count] of result.rows) {
    if (col >= 0) side.columns[col]!.push([value, Number(count)]);
    else if (col === -1) rows = Number(count);
    else if (col === -2) duplicatedRows = Number(count);
    else emptyRows = Number(count);
  }
  if (wanted.length === 1 && counted[0]) {
    // The one column's value counts are the distinct rows.
    for (const [value, count] of side.columns[0]!) {
      duplicatedRows += count - 1;
      if (value === null) emptyRows += count;
    }
  }
  side.facts = { rows, duplicatedRows, emptyRows };
  return side;
}

async function countColumnByColumn(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  wanted: readonly CopyColumnSpec[],
  counted: readonly boolean[],
  asOf: string,
  onRows?: () => void,
): Promise<RawSide> {
  const facts = await rowFacts(client, plan, wanted, asOf);
  onRows?.();
  const columns: [string | null, number][][] = [];
  for (const [index, spec] of wanted.entries()) {
    if (!counted[index]) {
      columns.push([]);
      continue;
    }
    const result = await client.query<[string | null, string]>(
      extended({
        text: valueCountSql(plan, spec),
        values: [asOf],
        rowMode: 'array',
      }),
    );
    columns.push(result.rows.map(([value, count]) => [value, Number(count)]));
  }
  return { facts, columns };
}

/** Runs `work` on a read-only connection of its own that sees the main transaction's snapshot. */
export type PartitionSession = <T>(work: (client: pg.ClientBase) => Promise<T>) => Promise<T>;

/** Connections counting partitions at once (each holds one server backend, and one remote one per shard). */
export const PARTITION_CONNECTIONS = 8;

/**
 * Counts the values of a partitioned `--table` snapshot partition by partition (see `partitions.ts`): for every
 * leaf partition and snapshot, one `GROUP BY` per column, which postgres_fdw sends whole to the partition's shard;
 * the partitions run at once, each on a connection opened by `open`, and their counts are added.
 *
 * A string column's counts (few distinct values) come as rows and are added key by key in a map. A numeric, boolean
 * or date column (a continuous one has about one distinct value per row) is read with COPY
 * ({@link numericValueCountSql}) straight into two Float64Arrays per partition; once every partition of a snapshot
 * has sent its counts they are sorted and merged (`merge-counts.ts`), so the runner holds 16 bytes per distinct
 * value and partition, never a string or an object per value.
 *
 * Row facts (rows, duplicated and empty rows) are added up per partition when the partition key columns (those
 * that vary within a snapshot; none when the key is the as_of column alone) are among the counted columns: equal
 * rows then share a partition, so no duplicate spans two. Otherwise (or for a key on an expression, `keyColumns`
 * undefined) two equal rows may sit
 * on different shards, and the facts come from one statement over the parent on `client`: its grouping runs on
 * the coordinator, which then fetches those columns of every row from the shards (only three numbers reach the
 * runner either way).
 *
 * @throws {UserError} if a snapshot has no rows
 */
export async function countPartitionedValues(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  asOf: { reference: string; current: string },
  partitions: {
    readonly leaves: readonly SnapshotPlan[];
    readonly keyColumns: readonly string[] | undefined;
  },
  open: PartitionSession,
  include?: (name: string) => boolean,
  onRows?: () => void,
): Promise<SnapshotCounts & { strategy: CountStrategy }> {
  const specs = await describeSnapshot(client, plan, asOf.current);
  const wanted = include ? specs.filter((spec) => include(spec.name)) : specs;
  const names = new Set(wanted.map((spec) => spec.name));
  const factsPerPartition =
    wanted.length > 0 &&
    partitions.keyColumns !== undefined &&
    partitions.keyColumns.every((name) => names.has(name));
  const sides = [asOf.reference, asOf.current];
  const totals = sides.map(() => wanted.map(() => new Map<string | null, number>()));
  // Numeric columns: each partition's counts until every partition's are in, then the merged counts.
  const parted = sides.map(() => wanted.map((): PartCounts[] => []));
  const merged = sides.map(() => wanted.map((): SideCounts | undefined => undefined));
  const facts: SideFacts[] = sides.map(() => ({ rows: 0, duplicatedRows: 0, emptyRows: 0 }));
  const add = (side: number, part: SideFacts) => {
    const sum = facts[side]!;
    facts[side] = {
      rows: sum.rows + part.rows,
      duplicatedRows: sum.duplicatedRows + part.duplicatedRows,
      emptyRows: sum.emptyRows + part.emptyRows,
    };
  };
  await mapConcurrently(partitions.leaves, PARTITION_CONNECTIONS, (leaf) =>
    open(async (partition) => {
      for (const [side, value] of sides.entries()) {
        if (factsPerPartition) add(side, await rowFacts(partition, leaf, wanted, value));
        for (const [index, spec] of wanted.entries()) {
          if (spec.kind !== 'string') {
            const parts = parted[side]![index]!;
            parts.push(await readPartCounts(partition, leaf, spec, value, onRows));
            if (parts.length === partitions.leaves.length) {
              merged[side]![index] = mergeCounts(parts);
              parts.length = 0;
            }
            continue;
          }
          const result = await partition.query<[string | null, string]>(
            extended({ text: valueCountSql(leaf, spec), values: [value], rowMode: 'array' }),
          );
          onRows?.();
          addCounts(
            totals[side]![index]!,
            result.rows.map(([text, count]) => [text, Number(count)]),
          );
        }
      }
    }),
  );
  if (!factsPerPartition)
    for (const [side, value] of sides.entries()) add(side, await rowFacts(client, plan, wanted, value));
  sides.forEach((value, index) => {
    if (facts[index]!.rows === 0)
      throw new UserError(
        'DATABASE',
        `${plan.label}: the snapshot query returned no rows for as_of ${value}`,
      );
  });
  const columns: ColumnCounts[] = wanted.map((spec, index) => {
    const storage = storageOf(spec.kind);
    const side = (which: number): SideCounts =>
      merged[which]![index] ?? toSideCounts([...totals[which]![index]!], storage);
    return { name: spec.name, storage, reference: side(0), current: side(1) };
  });
  return {
    reference: facts[0]!,
    current: facts[1]!,
    columns,
    summarized: [],
    allColumns: specs.map((spec) => spec.name),
    strategy: 'per-partition',
  };
}

/**
 * {@link numericValueCountSql} for one as_of value, as the statement COPY runs. COPY takes no bind parameters, and
 * a `current_setting` in the condition would keep postgres_fdw from sending the aggregate to the shard (it only
 * sends immutable expressions), so the as_of value is written into the statement as a quoted literal cast to its
 * type (the read-only connections run with standard_conforming_strings on: a doubled quote is the only escape).
 */
export function numericValueCountStatement(plan: SnapshotPlan, column: CopyColumnSpec, asOf: string): string {
  const literal = `CAST('${asOf.replaceAll("'", "''")}' AS ${plan.asOfType})`;
  return replaceAsOfPlaceholder(plan.label, numericValueCountSql(plan, column), literal);
}

/**
 * One partition's counts of a non-string column ({@link numericValueCountStatement}), read with `COPY (...) TO
 * STDOUT` (one extended-protocol statement) straight into typed arrays.
 */
async function readPartCounts(
  client: pg.ClientBase,
  leaf: SnapshotPlan,
  spec: CopyColumnSpec,
  asOf: string,
  onRows?: () => void,
): Promise<PartCounts> {
  const text = numericValueCountStatement(leaf, spec, asOf);
  const decoder = new CopyTextDecoder([
    { name: 'value', kind: spec.kind },
    { name: 'rows', kind: 'int' },
  ]);
  await copyOut(client, `COPY (${text}) TO STDOUT`, (chunk) => {
    onRows?.();
    decoder.write(chunk);
  });
  const [values, counts] = decoder.finish().map((column) => (column as { values: Float64Array }).values);
  // The NULL group (a negated count) leaves the values; the rows after it move up.
  let missing = 0;
  let kept = 0;
  for (let row = 0; row < counts!.length; row++) {
    const count = counts![row]!;
    if (count < 0) missing -= count;
    else {
      values![kept] = values![row]!;
      counts![kept++] = count;
    }
  }
  return { values: values!.subarray(0, kept), counts: counts!.subarray(0, kept), missing };
}

async function rowFacts(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  columns: readonly CopyColumnSpec[],
  asOf: string,
): Promise<SideFacts> {
  const result = await client.query<{ rows: string; duplicated: string; empty: string }>(
    extended({
      text: rowFactsSql(plan, columns),
      values: [asOf],
    }),
  );
  const row = result.rows[0]!;
  return { rows: Number(row.rows), duplicatedRows: Number(row.duplicated), emptyRows: Number(row.empty) };
}

function toSideCounts(rows: readonly [string | null, number][], storage: StorageType): SideCounts {
  let missing = 0;
  const present = rows.filter(([value, count]) => {
    if (value === null) missing += count;
    return value !== null;
  });
  const counts = Float64Array.from(present, ([, count]) => count);
  if (storage === 'string') return { keys: present.map(([value]) => value!), counts, missing };
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
