/**
 * Which numeric columns of a `--compute database` comparison the database summarises instead of counting, and
 * their summaries.
 *
 * Value counts cost one row per distinct value on the wire and in the runner: right for columns with few distinct
 * values, one row per row for a continuous one. Such a column is summarised instead (see `numeric-stats.ts`): a
 * few statistics over the merged distribution and counts per histogram bin, whatever the rows.
 *
 * The choice needs the number of distinct values, without a second full scan for it. A probe counts the distinct
 * finite values among the first `probeRows` rows of the reference snapshot: a subset never has more distinct
 * values than the whole, so a probe above the threshold proves the column has many, and reading a fixed prefix
 * costs the same at any size. A column whose probe stays below (few distinct values, or a table whose first rows
 * happen to repeat) is counted: both ways give the same numbers, so a miss costs bytes, never correctness. The
 * statistics then decide for good: a side with ±Infinity cells (which the summary counts as present values) or a
 * column the policy turns down is counted after all.
 */
import type pg from 'pg';
import type { SummarizedColumn, SummarizedSide, SummarizePolicy } from '../table.js';
import type { CopyColumnSpec } from './copy-text.js';
import {
  distinctInPrefix,
  numericBinCountsOfEach,
  numericColumnStats,
  type NumericSideStats,
} from './numeric-stats.js';
import type { SnapshotPlan } from './snapshots.js';
import { mapConcurrently } from './partitions.js';

function side(stats: NumericSideStats, testBins: Float64Array, chartBins: Float64Array): SummarizedSide {
  return {
    count: stats.count,
    missing: stats.missing,
    distinct: stats.distinct,
    modeCount: stats.modeCount,
    min: stats.min,
    max: stats.max,
    mean: stats.mean,
    stdPopulation: stats.stdPopulation,
    stdSample: stats.stdSample,
    quartileBounds: stats.quartileBounds,
    testBins,
    chartBins,
  };
}

/** Columns summarised at once, each on its own connection, when a connection factory is given. */
export const SUMMARIZE_CONNECTIONS = 2;

/**
 * Summarises the numeric columns of `wanted` that qualify (see the file comment), in the open read-only
 * transaction: per column, one probe over a prefix of the reference, then one statement for the statistics and
 * one for both edge sets' bin counts.
 *
 * With `open` (a read-only connection that imports this transaction's snapshot), up to
 * {@link SUMMARIZE_CONNECTIONS} columns are summarised at once, each on its own connection: the server's sort and
 * window over one column's distinct values runs in one backend, so two columns use two cores.
 *
 * @returns the summarised columns, in `wanted` order (the others are to be counted)
 */
export async function summarizeNumericColumns(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  wanted: readonly CopyColumnSpec[],
  asOf: { readonly reference: string; readonly current: string; readonly referenceRows?: number },
  policy: SummarizePolicy,
  open?: <T>(work: (client: pg.ClientBase) => Promise<T>) => Promise<T>,
): Promise<SummarizedColumn[]> {
  // No column has more distinct values than the reference has rows: when the as_of listing counted them, a small
  // reference needs no probe at all (the probe evaluates every cell of its prefix, computed columns included).
  if (asOf.referenceRows !== undefined && asOf.referenceRows <= policy.minDistinct) return [];
  const candidates = wanted.filter(
    (spec) => (spec.kind === 'int' || spec.kind === 'float') && policy.candidate(spec.name),
  );
  const results =
    open !== undefined && candidates.length > 1
      ? await mapConcurrently(candidates, SUMMARIZE_CONNECTIONS, (spec) =>
          open((own) => summarizeColumn(own, plan, spec, asOf, policy)),
        )
      : await mapSequentially(candidates, (spec) => summarizeColumn(client, plan, spec, asOf, policy));
  return results.filter((column): column is SummarizedColumn => column !== undefined);
}

async function mapSequentially<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await work(item));
  return results;
}

/** One column's summary, or undefined when it is to be counted. */
async function summarizeColumn(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  spec: CopyColumnSpec,
  asOf: { readonly reference: string; readonly current: string },
  policy: SummarizePolicy,
): Promise<SummarizedColumn | undefined> {
  const probe = await distinctInPrefix(client, plan, spec, asOf.reference, policy.probeRows);
  if (probe <= policy.minDistinct) return undefined;
  const stats = await numericColumnStats(client, plan, spec, asOf);
  const { reference, current } = stats;
  if (reference.infinite + current.infinite > 0) return undefined;
  if (reference.count === 0 || current.count === 0 || stats.ksStatistic === null) return undefined;
  if (stats.wasserstein1 === null || stats.allIntegers === null) return undefined;
  // pandas reads an integer column with a missing cell as float.
  const storage = spec.kind === 'int' && reference.missing + current.missing === 0 ? 'int' : 'float';
  const edges = policy.edges({
    name: spec.name,
    storage,
    reference,
    current,
    min: Math.min(reference.min!, current.min!),
    max: Math.max(reference.max!, current.max!),
    allIntegers: stats.allIntegers,
  });
  if (edges === undefined) return undefined;
  const [test, chart] = await numericBinCountsOfEach(client, plan, spec, asOf, edges);
  return {
    name: spec.name,
    storage,
    reference: side(reference, test.reference, chart.reference),
    current: side(current, test.current, chart.current),
    mergedDistinct: stats.mergedDistinct,
    ksStatistic: stats.ksStatistic,
    wasserstein1: stats.wasserstein1,
    allIntegers: stats.allIntegers,
    testEdges: edges[0],
    chartEdges: edges[1],
  };
}
