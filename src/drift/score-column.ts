/**
 * Scoring one planned column, as Evidently 0.7.21's `get_one_column_drift` does: clean both sides, skip (with the
 * reason) where Evidently would raise, resolve the test and its threshold, score and decide; then the effect sizes,
 * the chart data and the column's summary tallies while its sorted runs are at hand. Columns are independent, so
 * this can run on any thread.
 */
import { UserError } from '../errors.js';
import { getColumn, type Column, type Table } from '../snapshot/table.js';
import { cellCount } from './counted.js';
import { SMALL_UNIQUE_MAX, defaultStatTest } from './default-stattest.js';
import { computeDistribution } from './distribution.js';
import { columnEffect } from './effect.js';
import { mergedDistinctCount, mergedDistribution } from './kernels/index.js';
import { withColumnScratch } from './kernels/scratch.js';
import { currentRuns, currentSize, referenceRuns, referenceSize } from './kernels/side-runs.js';
import { resolveOverride, settingName, type DriftOptions } from './options.js';
import type { PlannedColumn } from './plan.js';
import { withDoubles } from './doubles.js';
import { CODE_COUNTS_CURRENT, CODE_COUNTS_REFERENCE, prepareColumnPair } from './prepare.js';
import type { ColumnDriftResult } from './report.js';
import { getStatTest } from './stattests/index.js';
import { summarizeColumn, type ColumnTally } from './summary.js';
import {
  StatTestSkip,
  isDrift,
  type ColumnPair,
  type ColumnType,
  type StatTest,
  type StatTestId,
} from './types.js';

/** Both snapshots as columns (a counted snapshot as columns whose cells are built only if read: see `counted.ts`). */
export interface TablePair {
  readonly reference: Table;
  readonly current: Table;
}

/** Everything computed for one column: its result and the summary tallies of its two sides. */
export interface ColumnWork {
  readonly result: ColumnDriftResult;
  readonly referenceTally?: ColumnTally;
  readonly currentTally?: ColumnTally;
}

function skippedResult(
  name: string,
  columnType: ColumnType,
  reason: string,
  sizes: [number, number],
  test?: StatTest,
  threshold?: number,
): ColumnDriftResult {
  return {
    column: name,
    column_type: columnType,
    stattest: test?.id ?? null,
    stattest_name: test?.displayName ?? null,
    threshold: threshold ?? null,
    drift_score: null,
    drift_detected: false,
    skipped: reason,
    reference_size: sizes[0],
    current_size: sizes[1],
  };
}

/** Why a column with its own value in every row of both snapshots is not (text) or should not be (integers) tested. */
export const UNIQUE_REASON = 'unique in every row (an id?): pass --id-column';

/** Integer columns this short are often unique by chance: no id warning below it. */
export const UNIQUE_WARNING_MIN_ROWS = 100;

/** Distances that never exceed 1 (scipy's Jensen-Shannon distance is at most sqrt(ln 2) in its default base e). */
const DISTANCES_AT_MOST_ONE: readonly StatTestId[] = ['hellinger', 'jensenshannon'];

/** The largest threshold a test's score can reach: 1 for p-values and the bounded distances, else unbounded. */
export function maxThreshold(test: StatTest): number {
  return test.scoreKind === 'p_value' || DISTANCES_AT_MOST_ONE.includes(test.id) ? 1 : Infinity;
}

/** Resolves the test of a column: the user's (type-checked) or Evidently's default for the cleaned data. */
function chooseStatTest(pair: ColumnPair, options: DriftOptions): StatTest {
  const requested = resolveOverride(options.stattest, pair.column, pair.columnType);
  if (requested !== undefined) {
    const test = getStatTest(requested);
    if (!test.allowedTypes.includes(pair.columnType))
      throw new UserError(
        'STATTEST_TYPE',
        `${settingName(options, 'stattest')}: '${requested}' cannot be applied to ${pair.columnType} column '${pair.column}' (it accepts ${test.allowedTypes.join(', ')} columns)`,
      );
    return test;
  }
  // The default test reads the count only up to SMALL_UNIQUE_MAX: a side with more keys answers at once.
  const uniqueValues = mergedDistinctCount(mergedDistribution(pair), SMALL_UNIQUE_MAX);
  return getStatTest(
    defaultStatTest(
      pair.columnType === 'text' ? 'categorical' : pair.columnType,
      referenceSize(pair),
      uniqueValues,
    ),
  );
}

/**
 * Drift of one column and, when the column got that far, its cleaned pair (for the summary tallies). Never throws
 * for data problems Evidently raises on: those become `skipped`.
 */
function driftOfColumn(
  { name, type: columnType, uniqueInEveryRow }: PlannedColumn,
  ref: Column,
  cur: Column,
  options: DriftOptions,
): { result: ColumnDriftResult; pair?: ColumnPair } {
  if (columnType === 'text') {
    const result = skippedResult(
      name,
      columnType,
      uniqueInEveryRow
        ? UNIQUE_REASON
        : 'text column: more than half of its values are distinct; Evidently scores text with an sklearn domain classifier that driftwatch does not reproduce (force it categorical to test it as categories)',
      [cellCount(ref), cellCount(cur)],
    );
    return { result };
  }
  const pair = prepareColumnPair(name, columnType, ref, cur);
  const sizes: [number, number] = [referenceSize(pair), currentSize(pair)];
  if (sizes[0] === 0 || sizes[1] === 0) {
    const side = sizes[0] === 0 ? 'reference' : 'current';
    const result = skippedResult(
      name,
      columnType,
      `empty column: no values left in the ${side} snapshot after removing missing and infinite values`,
      sizes,
    );
    return { result };
  }
  const test = chooseStatTest(pair, options);
  const threshold = resolveOverride(options.threshold, name, columnType) ?? test.defaultThreshold;
  const maximum = maxThreshold(test);
  if (!(threshold > 0 && threshold <= maximum))
    throw new UserError(
      'THRESHOLD_RANGE',
      `${settingName(options, 'threshold')}: ${threshold} for column '${name}' is out of the range of '${test.id}' (${test.scoreKind === 'p_value' ? 'a p-value' : 'a distance'}): must be ${maximum === Infinity ? 'above 0' : `between 0 and ${maximum}`}`,
    );
  let result: ColumnDriftResult;
  try {
    const outcome = test.compute(pair, { threshold, bins: options.bins, seed: options.seed ?? 0 });
    result = {
      column: name,
      column_type: columnType,
      stattest: test.id,
      stattest_name: test.displayName,
      threshold,
      drift_score: outcome.score,
      drift_detected: isDrift(test.comparison, outcome.score, threshold),
      skipped: null,
      reference_size: sizes[0],
      current_size: sizes[1],
    };
    if (outcome.statistic !== undefined) result.statistic = outcome.statistic;
    if (outcome.method !== undefined) result.method = outcome.method;
    if (outcome.warnings && outcome.warnings.length > 0) result.warnings = [...outcome.warnings];
    // Effect sizes next to every score (evidently#50): normed Wasserstein (numerical) and Jensen-Shannon.
    result.effect = columnEffect(pair);
  } catch (error) {
    if (!(error instanceof StatTestSkip)) throw error;
    result = skippedResult(name, columnType, `${test.id}: ${error.message}`, sizes, test, threshold);
  }
  // Chart data for the HTML report (counts per shared bin or top category; size independent of rows).
  result.distribution = computeDistribution(pair);
  return { result, pair };
}

/**
 * All the per-column work of a report for one column: the drift result, and the summary tallies of numeric sides
 * computed from the column's runs while they are at hand.
 *
 * @param column the planned column (from `planColumns`)
 * @param tables both snapshots as columns
 * @param options the engine options
 * @returns the column's result and tallies
 * @throws {UserError} STATTEST_TYPE for a test the column's type does not allow; THRESHOLD_RANGE for a p-value
 *   threshold above 1
 */
export function scoreColumn(column: PlannedColumn, tables: TablePair, options: DriftOptions): ColumnWork {
  // The column's working arrays are lent from the thread's kept ones and taken back when it is scored: what this
  // returns holds only numbers, strings and plain arrays.
  return withColumnScratch(() => scoreOneColumn(column, tables, options));
}

function scoreOneColumn(column: PlannedColumn, tables: TablePair, options: DriftOptions): ColumnWork {
  // Compact cells are decoded once per side for the column's scoring and summary (valid until the next column).
  const ref = withDoubles(getColumn(tables.reference, column.name)!, 0);
  const cur = withDoubles(getColumn(tables.current, column.name)!, 1);
  const { result, pair } = driftOfColumn(column, ref, cur, options);
  if (!pair) return { result };
  // Numeric sides reuse the column's runs (distinct values with counts); string sides the tally of their codes the
  // cleaning made.
  // Both sides summarised as the one type the engine decided for the column.
  const referenceTally = summarizeColumn(
    ref,
    tables.reference.rows,
    ref.type !== 'string' ? referenceRuns(pair) : undefined,
    result.column_type,
    pair.cache.get(CODE_COUNTS_REFERENCE) as Float64Array | undefined,
  );
  const currentTally = summarizeColumn(
    cur,
    tables.current.rows,
    cur.type !== 'string' ? currentRuns(pair) : undefined,
    result.column_type,
    pair.cache.get(CODE_COUNTS_CURRENT) as Float64Array | undefined,
  );
  // An integer column with its own value in every row of both snapshots is most likely an id. Evidently tests it
  // (numerical), so its score stays and counts; the warning says how to leave it out.
  const uniqueIn = (tally: ColumnTally, rows: number) =>
    rows >= UNIQUE_WARNING_MIN_ROWS && tally.summary.count === rows && tally.summary.distinct === rows;
  if (
    ref.type === 'int' &&
    cur.type === 'int' &&
    uniqueIn(referenceTally, tables.reference.rows) &&
    uniqueIn(currentTally, tables.current.rows)
  )
    result.warnings = [...(result.warnings ?? []), UNIQUE_REASON];
  return { result, referenceTally, currentTally };
}
