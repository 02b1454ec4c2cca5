/**
 * The statistics of one numeric column with many distinct values, computed by PostgreSQL over the merged
 * distribution of both snapshots, so the runner receives a few numbers per side and one count per bin instead of
 * one value count per distinct value.
 *
 * Both snapshots go into one statement (`$1` the reference as_of, `$2` the current one). The cells are cast to
 * `double precision` first (a `numeric` value becomes the double its text rounds to, as the runner's `Number()`
 * reads it); NULL and NaN are missing, ±Infinity are counted apart, and only finite values are compared, as the
 * drift tests clean a column.
 *
 * - The runs: one `GROUP BY x` with a count per side (`FILTER`). Window sums over the runs in ascending order give
 *   each side's cumulative count at every distinct value; divided by the side's size they are the two ECDFs at
 *   the same points scipy evaluates them, so `max |F_ref − F_cur|` is the KS D to the last bit, and
 *   `Σ |F_ref − F_cur| · (x_next − x)` the first Wasserstein distance with the same terms (the order of the final
 *   float sum is the server's, so the sum may differ from scipy's in its last bits).
 * - Per side: count, missing, infinite, distinct, the count of the most frequent value, min, max, mean and the
 *   population and sample standard deviations. PostgreSQL's `stddev_pop`/`stddev_samp` over `double precision`
 *   accumulate with the Youngs–Cramer updates, not as `Σx² − (Σx)²/n`, so there is no cancellation.
 * - Histogram counts under edges the runner computes (Evidently's bin edges are numpy's, computed in the runner
 *   bit for bit): `width_bucket(x, edges)` with the array form, which compares with the edges themselves (the
 *   arithmetic form `width_bucket(x, lo, hi, n)` divides and can disagree at a boundary). It returns `i` for
 *   `edges[i-1] <= x < edges[i]` and `edges.length` for `x` at the last edge, folded into the last bin as numpy's
 *   last bin is closed.
 *
 * The statements are portable SQL (GROUP BY, FILTER, window functions, array `width_bucket`), with nothing
 * written and no extension, so they run in the read-only transaction, and unchanged on Citus.
 */
import type pg from 'pg';
import type { CopyColumnSpec } from './copy-text.js';
import { extended } from './extended-query.js';
import type { SnapshotPlan } from './snapshots.js';
import { quoteIdent, replaceAsOfPlaceholder } from './sql-text.js';

/** One side's statistics over its finite values. */
export interface NumericSideStats {
  /** Rows of the snapshot. */
  readonly rows: number;
  /** Finite values (what the drift tests compare). */
  readonly count: number;
  /** NULL or NaN cells. */
  readonly missing: number;
  /** ±Infinity cells. */
  readonly infinite: number;
  /** Distinct finite values. */
  readonly distinct: number;
  /** Count of the most frequent finite value. */
  readonly modeCount: number;
  /** null when the side has no finite value (also mean and the standard deviations). */
  readonly min: number | null;
  readonly max: number | null;
  readonly mean: number | null;
  /** Population (ddof 0) standard deviation. */
  readonly stdPopulation: number | null;
  /** Sample (ddof 1) standard deviation; null for fewer than two values. */
  readonly stdSample: number | null;
  /**
   * The order statistics the summary's quartiles interpolate between, for the 0.25, 0.5 and 0.75 quantiles in
   * turn: the values at 0-based positions `floor(q·(count − 1))` and the next one (capped at `count − 1`), as
   * numpy's linear method reads them; null when the side has no finite value.
   */
  readonly quartileBounds: readonly (number | null)[];
}

/** A numeric column's statistics over the merged distribution of both snapshots. */
export interface NumericColumnStats {
  readonly name: string;
  readonly reference: NumericSideStats;
  readonly current: NumericSideStats;
  /** Distinct finite values of both sides together. */
  readonly mergedDistinct: number;
  /** `max |F_ref − F_cur|` over the merged distinct values (null when a side has no finite value). */
  readonly ksStatistic: number | null;
  /** `Σ |F_ref − F_cur| · (x_next − x)`, the first Wasserstein distance (null as above). */
  readonly wasserstein1: number | null;
  /** Whether every finite value of both sides is a whole number (null when neither side has one). */
  readonly allIntegers: boolean | null;
}

/** Counts per bin of both sides under given edges. */
export interface NumericBinCounts {
  readonly edges: Float64Array;
  readonly reference: Float64Array;
  readonly current: Float64Array;
}

/** The cells of both snapshots as `(side, x, finite)`: side 0 the reference (`$1`), 1 the current (`$2`). */
function bothSides(plan: SnapshotPlan, column: CopyColumnSpec, flag: string): string {
  const cell = `snapshot.${quoteIdent(column.name)}::float8`;
  const current = replaceAsOfPlaceholder(flag, plan.sql, '$2');
  return [
    // Inlined, not materialised: each use scans the snapshots again (cheap), and the planner sees the column's
    // statistics, so it groups the runs by sorting and the window functions reuse that order.
    'WITH cells AS NOT MATERIALIZED (',
    `  SELECT 0 AS side, ${cell} AS x FROM (\n${plan.sql}\n) AS snapshot`,
    `  UNION ALL SELECT 1, ${cell} FROM (\n${current}\n) AS snapshot),`,
    "s AS NOT MATERIALIZED (SELECT side, x, x IS NOT NULL AND x <> 'NaN' AND x <> 'Infinity' AND x <> '-Infinity' AS finite FROM cells)",
  ].join('\n');
}

/** The quantiles of the data summary (pandas `quantile`, numpy's linear method). */
const QUARTILES = [0.25, 0.5, 0.75] as const;

/** Output names of one side's order statistics: `q<side><k>_lo`, `q<side><k>_hi` per quartile. */
const QUARTILE_COLUMNS = (side: 'r' | 'c'): string =>
  QUARTILES.flatMap((_, k) => [`merged.q${side}${k}_lo`, `merged.q${side}${k}_hi`]).join(', ');

/**
 * One side's order statistics, read off the runs: the value at 0-based position `i` of the sorted side is the
 * smallest distinct value whose cumulative count exceeds `i`. The positions are computed in double precision as
 * the runner computes them (`q · (n − 1)`, exact for any realistic n), so no extra sort is needed.
 */
function orderStatistics(side: 'r' | 'c'): string {
  const cumulative = `c${side}`;
  const total = `t${side}`;
  return QUARTILES.flatMap((q, k) => {
    const below = `floor(${q} * (${total} - 1))`;
    return [
      `min(x) FILTER (WHERE ${cumulative} > ${below}) AS q${side}${k}_lo`,
      `min(x) FILTER (WHERE ${cumulative} > least(${below} + 1, ${total} - 1)) AS q${side}${k}_hi`,
    ];
  }).join(',\n         ');
}

/**
 * The statement of {@link numericColumnStats}: one row per side that has rows, `(side, rows, count, missing,
 * infinite, distinct, mode, min, max, mean, std_pop, std_samp)`, each with the merged `(merged_distinct, ks_d,
 * wasserstein1)`.
 */
export function numericStatsSql(plan: SnapshotPlan, column: CopyColumnSpec, flag = 'query'): string {
  return [
    bothSides(plan, column, flag) + ',',
    'sides AS (',
    "  SELECT side, count(*) AS rows, count(*) FILTER (WHERE finite) AS n, count(*) FILTER (WHERE x IS NULL OR x = 'NaN') AS missing,",
    "         count(*) FILTER (WHERE x = 'Infinity' OR x = '-Infinity') AS infinite,",
    '         min(x) FILTER (WHERE finite) AS min, max(x) FILTER (WHERE finite) AS max, avg(x) FILTER (WHERE finite) AS mean,',
    '         stddev_pop(x) FILTER (WHERE finite) AS std_pop, stddev_samp(x) FILTER (WHERE finite) AS std_samp',
    '  FROM s GROUP BY side),',
    'counted AS (',
    '  SELECT x, count(*) FILTER (WHERE side = 0) AS nr, count(*) FILTER (WHERE side = 1) AS nc',
    '  FROM s WHERE finite GROUP BY x),',
    'cdf AS (',
    '  SELECT x, nr, nc, tr, tc, cr, cc, cr / tr AS fr, cc / tc AS fc, dx FROM (',
    // Counts summed as double precision: exact below 2^53, and much cheaper than numeric sums of bigint.
    '    SELECT x, nr, nc, sum(nr::float8) OVER w AS cr, sum(nc::float8) OVER w AS cc,',
    '           (SELECT n::float8 FROM sides WHERE side = 0) AS tr, (SELECT n::float8 FROM sides WHERE side = 1) AS tc,',
    '           lead(x) OVER (ORDER BY x) - x AS dx',
    '    FROM counted WINDOW w AS (ORDER BY x ROWS UNBOUNDED PRECEDING)) AS windows),',
    'merged AS (',
    '  SELECT count(*) AS merged_distinct, max(abs(fr - fc)) AS ks_d, coalesce(sum(abs(fr - fc) * dx), 0) AS wasserstein1,',
    '         count(*) FILTER (WHERE nr > 0) AS distinct_r, count(*) FILTER (WHERE nc > 0) AS distinct_c,',
    '         coalesce(max(nr), 0) AS mode_r, coalesce(max(nc), 0) AS mode_c, bool_and(x = trunc(x)) AS integers,',
    `         ${orderStatistics('r')},`,
    `         ${orderStatistics('c')}`,
    '  FROM cdf)',
    'SELECT sides.side, sides.rows, sides.n, sides.missing, sides.infinite,',
    '       CASE sides.side WHEN 0 THEN merged.distinct_r ELSE merged.distinct_c END AS distinct,',
    '       CASE sides.side WHEN 0 THEN merged.mode_r ELSE merged.mode_c END AS mode,',
    '       sides.min, sides.max, sides.mean, sides.std_pop, sides.std_samp,',
    '       merged.merged_distinct, merged.ks_d, merged.wasserstein1, merged.integers,',
    `       CASE sides.side WHEN 0 THEN ARRAY[${QUARTILE_COLUMNS('r')}] ELSE ARRAY[${QUARTILE_COLUMNS('c')}] END AS quartiles`,
    'FROM sides CROSS JOIN merged ORDER BY sides.side',
  ].join('\n');
}

/** The statement of {@link numericBinCounts}: `(side, bin, rows)`, bins 1-based; `$3` the edges, `$4` the bin count. */
export function numericBinsSql(plan: SnapshotPlan, column: CopyColumnSpec, flag = 'query'): string {
  return [
    bothSides(plan, column, flag),
    'SELECT side, least(width_bucket(x, $3::float8[]), $4::int) AS bin, count(*) AS rows',
    'FROM s WHERE finite GROUP BY 1, 2',
  ].join('\n');
}

const EMPTY_SIDE: NumericSideStats = {
  rows: 0,
  count: 0,
  missing: 0,
  infinite: 0,
  distinct: 0,
  modeCount: 0,
  min: null,
  max: null,
  mean: null,
  stdPopulation: null,
  stdSample: null,
  quartileBounds: [],
};

type StatsRow = [
  number,
  string,
  string,
  string,
  string,
  string,
  string,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  string,
  number | null,
  number | null,
  boolean | null,
  (number | null)[],
];

/**
 * Computes {@link NumericColumnStats} of one column of both snapshots in one statement; a handful of numbers
 * cross the wire whatever the number of rows or distinct values.
 *
 * @param client a connection inside the read-only transaction (`extra_float_digits` ≥ 1, so doubles arrive exact)
 * @param plan the snapshot plan (its `$1` is the as_of value)
 * @param column the column (a numeric kind)
 * @param asOf both as_of values
 */
export async function numericColumnStats(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  column: CopyColumnSpec,
  asOf: { readonly reference: string; readonly current: string },
): Promise<NumericColumnStats> {
  const result = await client.query<StatsRow>(
    extended({
      text: numericStatsSql(plan, column),
      values: [asOf.reference, asOf.current],
      rowMode: 'array',
    }),
  );
  const sides = [EMPTY_SIDE, EMPTY_SIDE];
  let merged = {
    mergedDistinct: 0,
    ksStatistic: null as number | null,
    wasserstein1: null as number | null,
    allIntegers: null as boolean | null,
  };
  for (const row of result.rows) {
    const [side, rows, n, missing, infinite, distinct, mode, min, max, mean, stdPop, stdSamp] = row;
    sides[side] = {
      rows: Number(rows),
      count: Number(n),
      missing: Number(missing),
      infinite: Number(infinite),
      distinct: Number(distinct),
      modeCount: Number(mode),
      min,
      max,
      mean,
      stdPopulation: stdPop,
      stdSample: stdSamp,
      quartileBounds: row[16].map((value) => (value === null ? null : Number(value))),
    };
    merged = {
      mergedDistinct: Number(row[12]),
      ksStatistic: row[13],
      wasserstein1: row[14],
      allIntegers: row[15],
    };
  }
  const [reference, current] = sides as [NumericSideStats, NumericSideStats];
  const comparable = reference.count > 0 && current.count > 0;
  return {
    name: column.name,
    reference,
    current,
    mergedDistinct: merged.mergedDistinct,
    ksStatistic: comparable ? merged.ksStatistic : null,
    wasserstein1: comparable ? merged.wasserstein1 : null,
    allIntegers: merged.allIntegers,
  };
}

/**
 * Counts the finite values of both snapshots per bin of `edges` (ascending; bin `i` is `[edges[i], edges[i+1])`,
 * the last one closed), in the database: one row per non-empty bin and side crosses the wire.
 */
export async function numericBinCounts(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  column: CopyColumnSpec,
  asOf: { readonly reference: string; readonly current: string },
  edges: Float64Array,
): Promise<NumericBinCounts> {
  const bins = edges.length - 1;
  const result = await client.query<[number, number, string]>(
    extended({
      text: numericBinsSql(plan, column),
      values: [asOf.reference, asOf.current, float8Array(edges), bins],
      rowMode: 'array',
    }),
  );
  const counts = [new Float64Array(bins), new Float64Array(bins)];
  for (const [side, bin, rows] of result.rows) {
    // Values below the first edge (bucket 0) are outside the histogram, as numpy leaves them out.
    if (bin >= 1) counts[side]![bin - 1]! += Number(rows);
  }
  return { edges, reference: counts[0]!, current: counts[1]! };
}

/** Decimal text of a `float8[]` parameter: shortest round-trip digits, which float8in reads back bit for bit. */
function float8Array(edges: Float64Array): string {
  return `{${Array.from(edges, (edge) => String(edge)).join(',')}}`;
}

/**
 * The statement of {@link numericBinCountsOfEach}: `(side, bin_a, bin_b, rows)` with `$3`/`$4` the two edge arrays
 * and `$5`/`$6` their bin counts. Both edge sets split the same ordered line, so the pairs `(bin_a, bin_b)` that
 * occur number at most the sum of the two bin counts per side.
 */
export function numericTwoBinsSql(plan: SnapshotPlan, column: CopyColumnSpec, flag = 'query'): string {
  return [
    bothSides(plan, column, flag),
    'SELECT side, least(width_bucket(x, $3::float8[]), $5::int) AS bin_a,',
    '       least(width_bucket(x, $4::float8[]), $6::int) AS bin_b, count(*) AS rows',
    'FROM s WHERE finite GROUP BY 1, 2, 3',
  ].join('\n');
}

/**
 * {@link numericBinCounts} under two edge sets at once (the drift tests' edges and the report chart's), in one
 * pass over both snapshots.
 */
export async function numericBinCountsOfEach(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  column: CopyColumnSpec,
  asOf: { readonly reference: string; readonly current: string },
  edges: readonly [Float64Array, Float64Array],
): Promise<[NumericBinCounts, NumericBinCounts]> {
  const bins = edges.map((set) => set.length - 1);
  const result = await client.query<[number, number, number, string]>(
    extended({
      text: numericTwoBinsSql(plan, column),
      values: [asOf.reference, asOf.current, float8Array(edges[0]), float8Array(edges[1]), bins[0], bins[1]],
      rowMode: 'array',
    }),
  );
  const counts = bins.map((size) => [new Float64Array(size), new Float64Array(size)]);
  for (const [side, binA, binB, rows] of result.rows) {
    // Bucket 0 (below the first edge) lies outside the histogram, as numpy leaves such values out.
    if (binA >= 1) counts[0]![side]![binA - 1]! += Number(rows);
    if (binB >= 1) counts[1]![side]![binB - 1]! += Number(rows);
  }
  return [0, 1].map((k) => ({ edges: edges[k]!, reference: counts[k]![0]!, current: counts[k]![1]! })) as [
    NumericBinCounts,
    NumericBinCounts,
  ];
}

/**
 * The statement of {@link distinctInPrefix}: distinct finite values among the first `$2` rows the snapshot query
 * returns. A subset has at most as many distinct values as the whole, so a count above a threshold proves the
 * snapshot's is too; reading `$2` rows costs the same whatever the snapshot's size (the scan stops there).
 */
export function distinctInPrefixSql(plan: SnapshotPlan, column: CopyColumnSpec): string {
  const cell = `snapshot.${quoteIdent(column.name)}::float8`;
  return [
    'SELECT count(DISTINCT x) FILTER',
    "  (WHERE x IS NOT NULL AND x <> 'NaN' AND x <> 'Infinity' AND x <> '-Infinity') AS distinct",
    `FROM (SELECT ${cell} AS x FROM (\n${plan.sql}\n) AS snapshot LIMIT $2) AS prefix`,
  ].join('\n');
}

/** Distinct finite values of `column` among the first `rows` rows of one snapshot (a lower bound of its own). */
export async function distinctInPrefix(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  column: CopyColumnSpec,
  asOf: string,
  rows: number,
): Promise<number> {
  const result = await client.query<[string]>(
    extended({ text: distinctInPrefixSql(plan, column), values: [asOf, rows], rowMode: 'array' }),
  );
  return Number(result.rows[0]![0]);
}
