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
    'WITH cells AS (',
    `  SELECT 0 AS side, ${cell} AS x FROM (\n${plan.sql}\n) AS snapshot`,
    `  UNION ALL SELECT 1, ${cell} FROM (\n${current}\n) AS snapshot),`,
    "s AS (SELECT side, x, x IS NOT NULL AND x <> 'NaN' AND x <> 'Infinity' AND x <> '-Infinity' AS finite FROM cells)",
  ].join('\n');
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
    'tot AS (SELECT sum(nr)::float8 AS tr, sum(nc)::float8 AS tc FROM counted),',
    'cdf AS (',
    '  SELECT nr, nc, sum(nr) OVER w / tr AS fr, sum(nc) OVER w / tc AS fc, lead(x) OVER (ORDER BY x) - x AS dx',
    '  FROM counted, tot WINDOW w AS (ORDER BY x ROWS UNBOUNDED PRECEDING)),',
    'merged AS (',
    '  SELECT count(*) AS merged_distinct, max(abs(fr - fc)) AS ks_d, coalesce(sum(abs(fr - fc) * dx), 0) AS wasserstein1,',
    '         count(*) FILTER (WHERE nr > 0) AS distinct_r, count(*) FILTER (WHERE nc > 0) AS distinct_c,',
    '         coalesce(max(nr), 0) AS mode_r, coalesce(max(nc), 0) AS mode_c',
    '  FROM cdf)',
    'SELECT sides.side, sides.rows, sides.n, sides.missing, sides.infinite,',
    '       CASE sides.side WHEN 0 THEN merged.distinct_r ELSE merged.distinct_c END AS distinct,',
    '       CASE sides.side WHEN 0 THEN merged.mode_r ELSE merged.mode_c END AS mode,',
    '       sides.min, sides.max, sides.mean, sides.std_pop, sides.std_samp,',
    '       merged.merged_distinct, merged.ks_d, merged.wasserstein1',
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
  let merged = { mergedDistinct: 0, ksStatistic: null as number | null, wasserstein1: null as number | null };
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
    };
    merged = { mergedDistinct: Number(row[12]), ksStatistic: row[13], wasserstein1: row[14] };
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
  // Shortest round-trip decimal text: float8in reads each edge back as the same double.
  const array = `{${Array.from(edges, (edge) => String(edge)).join(',')}}`;
  const result = await client.query<[number, number, string]>(
    extended({
      text: numericBinsSql(plan, column),
      values: [asOf.reference, asOf.current, array, bins],
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
