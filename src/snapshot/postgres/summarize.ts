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

/**
 * Summarises the numeric columns of `wanted` that qualify (see the file comment), in the open read-only
 * transaction: per column, one probe over a prefix of the reference, then one statement for the statistics and
 * one for both edge sets' bin counts.
 *
 * @returns the summarised columns, in `wanted` order (the others are to be counted)
 */
export async function summarizeNumericColumns(
  client: pg.ClientBase,
  plan: SnapshotPlan,
  wanted: readonly CopyColumnSpec[],
  asOf: { readonly reference: string; readonly current: string; readonly referenceRows?: number },
  policy: SummarizePolicy,
): Promise<SummarizedColumn[]> {
  const summarized: SummarizedColumn[] = [];
  // No column has more distinct values than the reference has rows: when the as_of listing counted them, a small
  // reference needs no probe at all (the probe evaluates every cell of its prefix, computed columns included).
  if (asOf.referenceRows !== undefined && asOf.referenceRows <= policy.minDistinct) return summarized;
  for (const spec of wanted) {
    if ((spec.kind !== 'int' && spec.kind !== 'float') || !policy.candidate(spec.name)) continue;
    const probe = await distinctInPrefix(client, plan, spec, asOf.reference, policy.probeRows);
    if (probe <= policy.minDistinct) continue;
    const stats = await numericColumnStats(client, plan, spec, asOf);
    const { reference, current } = stats;
    if (reference.infinite + current.infinite > 0) continue;
    if (reference.count === 0 || current.count === 0 || stats.ksStatistic === null) continue;
    if (stats.wasserstein1 === null || stats.allIntegers === null) continue;
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
    if (edges === undefined) continue;
    const [test, chart] = await numericBinCountsOfEach(client, plan, spec, asOf, edges);
    summarized.push({
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
    });
  }
  return summarized;
}
