/**
 * Columns a database summarised (`SummarizedColumn`: statistics over the merged distribution of both snapshots and
 * counts per histogram bin, never the values): when a reader may summarise a column, and the column's report entry
 * and data summary from the summary alone.
 *
 * A summary can serve a column only when everything its report entry needs is a function of it:
 * - the test: `ks`, `wasserstein`, `jensenshannon`, `psi` or `kl_div` (`AGGREGATE_TESTS`), the first two being
 *   Evidently's default for a numerical column with more than 5 distinct values;
 * - the type: numerical (a float column, or an integer one with more than 10 distinct current values or a missing
 *   current cell, as Evidently types it; never forced categorical);
 * - Evidently's histogram branch for the binned tests and the Jensen–Shannon effect size (more than 20 distinct
 *   reference values), over Sturges' bins unless `bins` is set;
 * - the target's positive rate needs its values, so the target is never summarised.
 */
import { UserError } from '../errors.js';
import type { SummarizedColumn, SummarizedSide, SummarizePolicy } from '../snapshot/table.js';
import {
  AGGREGATE_TESTS,
  defaultAggregateTest,
  histogramEdgesOf,
  scoreFromAggregates,
  type NumericAggregates,
} from './aggregate-scores.js';
import { INTEGER_CARDINALITY_LIMIT } from './column-types.js';
import { histogramEdges } from './distribution.js';
import { resolveOverride, settingName, type DriftOptions } from './options.js';
import type { PlannedColumn } from './plan.js';
import type { ColumnDriftResult } from './report.js';
import { maxThreshold, UNIQUE_REASON, UNIQUE_WARNING_MIN_ROWS, type ColumnWork } from './score-column.js';
import { getStatTest } from './stattests/index.js';
import { jensenShannonFromCounts } from './stattests/jensenshannon.js';
import { normedWasserstein } from './stattests/wasserstein.js';
import type { ColumnTally } from './summary.js';
import { StatTestSkip, isDrift, type StatTestId } from './types.js';

/** Evidently bins a numerical column as a histogram above this many distinct reference values. */
const HISTOGRAM_MIN_REFERENCE_DISTINCT = 20;
/** Binned tests: their score depends on the `bins` setting. */
const BINNED_TESTS: readonly StatTestId[] = ['jensenshannon', 'psi', 'kl_div'];

/** Default distinct values above which a reader summarises a numeric column instead of counting it. */
export const SUMMARIZE_MIN_DISTINCT = 10_000;
/** Default rows of the reference the probe reads to bound the distinct values from below. */
export const SUMMARIZE_PROBE_ROWS = 100_000;

/**
 * When a reader computing in a database may summarise a numeric column (see the file comment).
 *
 * @param options the engine options of the comparison
 * @param tuning the probe's threshold and size (tests lower them; default {@link SUMMARIZE_MIN_DISTINCT} distinct
 *   values in {@link SUMMARIZE_PROBE_ROWS} rows)
 */
export function summarizePolicy(
  options: Pick<DriftOptions, 'categorical' | 'numerical' | 'stattest' | 'target' | 'bins'>,
  tuning: { minDistinct?: number; probeRows?: number } = {},
): SummarizePolicy {
  const categorical = new Set(options.categorical ?? []);
  const numerical = new Set(options.numerical ?? []);
  const requested = (name: string) => resolveOverride(options.stattest, name, 'numerical');
  return {
    minDistinct: Math.max(tuning.minDistinct ?? SUMMARIZE_MIN_DISTINCT, HISTOGRAM_MIN_REFERENCE_DISTINCT),
    probeRows: tuning.probeRows ?? SUMMARIZE_PROBE_ROWS,
    candidate(name) {
      if (categorical.has(name) || name === options.target) return false;
      const test = requested(name);
      if (test === undefined) return true;
      // A custom bin count changes the test's bins but not the effect size's (Sturges): two histograms.
      return AGGREGATE_TESTS.includes(test) && !(options.bins !== undefined && BINNED_TESTS.includes(test));
    },
    edges(column) {
      const typedNumerical =
        numerical.has(column.name) ||
        column.storage === 'float' ||
        column.current.missing > 0 ||
        column.current.distinct > INTEGER_CARDINALITY_LIMIT;
      if (!typedNumerical || column.reference.distinct <= HISTOGRAM_MIN_REFERENCE_DISTINCT) return undefined;
      const size = column.reference.count + column.current.count;
      // Sturges' bins: a custom bin count never reaches here with a binned test (see candidate), and the effect
      // size bins with Sturges whatever the setting.
      const test = histogramEdgesOf(column.min, column.max, size);
      const chart = histogramEdges(column.min, column.max, column.allIntegers, size);
      if (chart.length < 2) return undefined;
      return [test, Float64Array.from(chart)];
    },
  };
}

function aggregatesOf(column: SummarizedColumn): NumericAggregates {
  return {
    referenceSize: column.reference.count,
    currentSize: column.current.count,
    referenceDistinct: column.reference.distinct,
    mergedDistinct: column.mergedDistinct,
    ksStatistic: column.ksStatistic,
    wasserstein1: column.wasserstein1,
    referenceStdPopulation: column.reference.stdPopulation ?? 0,
    bins: { reference: column.reference.testBins, current: column.current.testBins },
  };
}

/** numpy's linear quantile from the two order statistics around position `q·(n − 1)` (its `_lerp`, bit for bit). */
function quartile(side: SummarizedSide, index: number, q: number): number | null {
  const low = side.quartileBounds[2 * index];
  const high = side.quartileBounds[2 * index + 1];
  if (low === undefined || high === undefined || low === null || high === null) return null;
  const position = q * (side.count - 1);
  const fraction = position - Math.floor(position);
  const diff = high - low;
  return fraction >= 0.5 ? high - diff * (1 - fraction) : low + diff * fraction;
}

/** The data summary's entry of one summarised side (a numerical column; every present value is finite). */
export function summarizedTally(name: string, side: SummarizedSide, rows: number): ColumnTally {
  const empty = side.count === 0;
  return {
    summary: {
      column: name,
      type: 'numerical',
      count: side.count,
      missing: { count: side.missing, share: rows === 0 ? 0 : side.missing / rows },
      distinct: side.distinct,
      min: empty ? null : side.min,
      max: empty ? null : side.max,
      mean: empty ? null : side.mean,
      std: side.count < 2 ? null : side.stdSample,
      quantiles: {
        '0.25': empty ? null : quartile(side, 0, 0.25),
        '0.5': empty ? null : quartile(side, 1, 0.5),
        '0.75': empty ? null : quartile(side, 2, 0.75),
      },
    },
    modeCount: side.modeCount,
  };
}

/**
 * The report entry and the summary tallies of a summarised column, as `scoreColumn` computes them from values:
 * the same test choice (the user's, else Evidently's default from the sizes and distinct counts), threshold
 * checks, score, effect sizes and chart (on the chart edges the policy chose, from the database's bin counts).
 *
 * @throws {UserError} STATTEST_TYPE for a test the column's type does not allow; THRESHOLD_RANGE as `scoreColumn`
 */
export function scoreSummarizedColumn(
  { name, type: columnType }: PlannedColumn,
  column: SummarizedColumn,
  rows: { readonly reference: number; readonly current: number },
  options: DriftOptions,
): ColumnWork {
  const aggregates = aggregatesOf(column);
  const requested = resolveOverride(options.stattest, name, columnType);
  if (requested !== undefined && !getStatTest(requested).allowedTypes.includes(columnType))
    throw new UserError(
      'STATTEST_TYPE',
      `${settingName(options, 'stattest')}: '${requested}' cannot be applied to ${columnType} column '${name}' (it accepts ${getStatTest(requested).allowedTypes.join(', ')} columns)`,
    );
  const test = getStatTest(requested ?? defaultAggregateTest(aggregates));
  const threshold = resolveOverride(options.threshold, name, columnType) ?? test.defaultThreshold;
  const maximum = maxThreshold(test);
  if (!(threshold > 0 && threshold <= maximum))
    throw new UserError(
      'THRESHOLD_RANGE',
      `${settingName(options, 'threshold')}: ${threshold} for column '${name}' is out of the range of '${test.id}' (${test.scoreKind === 'p_value' ? 'a p-value' : 'a distance'}): must be ${maximum === Infinity ? 'above 0' : `between 0 and ${maximum}`}`,
    );
  const base = {
    column: name,
    column_type: columnType,
    stattest: test.id,
    stattest_name: test.displayName,
    threshold,
    reference_size: aggregates.referenceSize,
    current_size: aggregates.currentSize,
  };
  let result: ColumnDriftResult;
  try {
    const outcome = scoreFromAggregates(test.id, aggregates);
    result = {
      ...base,
      drift_score: outcome.score,
      drift_detected: isDrift(test.comparison, outcome.score, threshold),
      skipped: null,
    };
    if (outcome.statistic !== undefined) result.statistic = outcome.statistic;
    if (outcome.method !== undefined) result.method = outcome.method;
    if (outcome.warnings && outcome.warnings.length > 0) result.warnings = [...outcome.warnings];
    result.effect = {
      wasserstein_normed: normedWasserstein(aggregates.wasserstein1, aggregates.referenceStdPopulation),
      jensenshannon: jensenShannonFromCounts({
        binning: 'histogram',
        referenceCounts: column.reference.testBins,
        currentCounts: column.current.testBins,
        referenceSize: aggregates.referenceSize,
        currentSize: aggregates.currentSize,
      }),
    };
  } catch (error) {
    if (!(error instanceof StatTestSkip)) throw error;
    result = { ...base, drift_score: null, drift_detected: false, skipped: `${test.id}: ${error.message}` };
  }
  result.distribution = {
    kind: 'histogram',
    bin_edges: Array.from(column.chartEdges),
    reference_counts: Array.from(column.reference.chartBins),
    current_counts: Array.from(column.current.chartBins),
  };
  result.computed = 'sql_statistics';
  // As for a column of values: an integer column with its own value in every row of both snapshots is most
  // likely an id; its score stays, and the warning says how to leave it out.
  const uniqueIn = (side: SummarizedSide, sideRows: number) =>
    sideRows >= UNIQUE_WARNING_MIN_ROWS && side.count === sideRows && side.distinct === sideRows;
  if (
    column.storage === 'int' &&
    uniqueIn(column.reference, rows.reference) &&
    uniqueIn(column.current, rows.current)
  )
    result.warnings = [...(result.warnings ?? []), UNIQUE_REASON];
  return {
    result,
    referenceTally: summarizedTally(name, column.reference, rows.reference),
    currentTally: summarizedTally(name, column.current, rows.current),
  };
}
