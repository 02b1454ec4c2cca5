/**
 * The drift engine: two snapshot tables in, a {@link DriftReport} out. Pure: no I/O, no clock.
 *
 * Pipeline per column (Evidently 0.7.21 `get_one_column_drift`, drift spec §2): type from the current snapshot →
 * clean both sides → skip (with the reason) where Evidently would raise → resolve test and threshold → score →
 * decide. Then the dataset level (§10), the target block and the retrain decision.
 */
import { UserError } from '../errors.js';
import type { Column, Table } from '../snapshot/table.js';
import { countMissing, getColumn, hasColumn } from '../snapshot/table.js';
import { inferColumnType } from './column-types.js';
import { applyCorrection, type CorrectionMethod } from './correction.js';
import { columnEffect } from './effect.js';
import { missingDrift } from './missing-drift.js';
import { computeSummary, summarizeColumn, type ColumnTally } from './summary.js';
import { defaultStatTest } from './default-stattest.js';
import { mergedDistribution } from './kernels/index.js';
import { currentRuns, referenceRuns } from './kernels/side-runs.js';
import { computeDistribution } from './distribution.js';
import { prepareColumnPair } from './prepare.js';
import { getStatTest } from './stattests/index.js';
import {
  type ColumnDriftResult,
  type ColumnPair,
  type ColumnType,
  type Decision,
  type DriftReport,
  type StatTest,
  type StatTestId,
  type TargetDrift,
  StatTestSkip,
  isDrift,
} from './types.js';

/** Version of the JSON report's shape; bumped on breaking changes (see schema/report.schema.json). */
export const SCHEMA_VERSION = 1;

/** A per-column / per-type / global override, resolved in Evidently's order (drift spec §5). */
export interface Overrides<T> {
  /** `--stattest psi` / `--threshold 0.1`: every column. */
  readonly all?: T;
  /** `--stattest numerical=ks`: every column of that type (overrides `all`). */
  readonly byType?: Partial<Record<ColumnType, T>>;
  /** `--stattest col=psi`: one column (overrides everything). */
  readonly byColumn?: Readonly<Record<string, T>>;
}

/** Everything the engine needs besides the two tables. Defaults reproduce Evidently's DataDriftPreset. */
export interface DriftOptions {
  readonly referenceLabel: string;
  readonly currentLabel: string;
  /** Test exactly these columns (default: every column of both snapshots that is not excluded). */
  readonly columns?: readonly string[];
  readonly exclude?: readonly string[];
  /** Force the type of these columns. */
  readonly numerical?: readonly string[];
  readonly categorical?: readonly string[];
  /** Id and timestamp columns are never tested. */
  readonly idColumn?: string;
  readonly timestampColumn?: string;
  /** Adds the target block; the target stays an ordinary column of drift_share unless excluded. */
  readonly target?: string;
  readonly stattest?: Overrides<StatTestId>;
  readonly threshold?: Overrides<number>;
  /** dataset_drift = drift_share >= driftShare (default 0.5). */
  readonly driftShare?: number;
  /** RETRAIN when drift_share >= retrainThreshold (default 0.3). */
  readonly retrainThreshold?: number;
  /** `--bins N` for psi, kl_div and jensenshannon (Evidently ignores n_bins; unset keeps parity). */
  readonly bins?: number;
  /** Seed of the permutation tests (default 0). */
  readonly seed?: number;
  /** `--correction`: adjust the p-value tests across the report's columns (unset keeps parity). */
  readonly correction?: CorrectionMethod;
  /** `--missing-drift`: a significant change of a tested column's missing share counts as its drift. */
  readonly missingDrift?: boolean;
}

export const DEFAULT_DRIFT_SHARE = 0.5;
export const DEFAULT_RETRAIN_THRESHOLD = 0.3;

function resolve<T>(
  overrides: Overrides<T> | undefined,
  column: string,
  columnType: ColumnType,
): T | undefined {
  return overrides?.byColumn?.[column] ?? overrides?.byType?.[columnType] ?? overrides?.all;
}

function isNumericStorage(column: Column): boolean {
  return column.type === 'float' || column.type === 'int' || column.type === 'bool';
}

function storageName(column: Column): string {
  return column.type === 'string'
    ? 'text'
    : column.type === 'bool'
      ? 'boolean'
      : column.type === 'datetime'
        ? 'datetime'
        : 'numeric';
}

/** The columns to test, in Evidently's order: numerical, then categorical, then text (each in source order). */
export function planColumns(
  reference: Table,
  current: Table,
  options: DriftOptions,
): { name: string; type: ColumnType }[] {
  const reserved = new Set(
    [options.idColumn, options.timestampColumn].filter((name): name is string => !!name),
  );
  const excluded = new Set(options.exclude ?? []);
  const forcedNumerical = new Set(options.numerical ?? []);
  const forcedCategorical = new Set(options.categorical ?? []);
  for (const name of [
    ...reserved,
    ...excluded,
    ...forcedNumerical,
    ...forcedCategorical,
    ...(options.columns ?? []),
    ...(options.target ? [options.target] : []),
  ]) {
    if (!hasColumn(reference, name) && !hasColumn(current, name))
      throw new UserError(
        'COLUMN_MISSING',
        `column '${name}' is in neither snapshot (${reference.source}, ${current.source})`,
      );
  }
  const names = options.columns
    ? [...options.columns]
    : [...new Set([...current.columns.map((c) => c.name), ...reference.columns.map((c) => c.name)])];
  const typed: { name: string; type: ColumnType }[] = [];
  for (const name of names) {
    if (reserved.has(name) || excluded.has(name)) continue;
    const ref = getColumn(reference, name);
    const cur = getColumn(current, name);
    if (!ref)
      throw new UserError(
        'COLUMN_MISSING',
        `column '${name}' is missing from the reference snapshot ${reference.source}`,
      );
    if (!cur)
      throw new UserError(
        'COLUMN_MISSING',
        `column '${name}' is missing from the current snapshot ${current.source}`,
      );
    if (ref.type === 'datetime' || cur.type === 'datetime') {
      if (options.columns)
        throw new UserError(
          'COLUMN_TYPE_MISMATCH',
          `column '${name}' holds dates; drift is tested on numbers and categories`,
        );
      continue;
    }
    if (isNumericStorage(ref) !== isNumericStorage(cur))
      throw new UserError(
        'COLUMN_TYPE_MISMATCH',
        `column '${name}' is ${storageName(ref)} in the reference (${reference.source}) but ${storageName(cur)} in the current (${current.source})`,
      );
    let type: ColumnType | undefined;
    if (forcedNumerical.has(name)) {
      if (!isNumericStorage(cur))
        throw new UserError(
          'COLUMN_TYPE_MISMATCH',
          `--numerical ${name}: column '${name}' holds text, not numbers`,
        );
      type = 'numerical';
    } else if (forcedCategorical.has(name)) type = 'categorical';
    else type = inferColumnType(cur);
    if (type) typed.push({ name, type });
  }
  const order: ColumnType[] = ['numerical', 'categorical', 'text'];
  return order.flatMap((type) => typed.filter((column) => column.type === type));
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

/** Resolves the test of a column: the user's (type-checked) or Evidently's default for the cleaned data. */
function chooseStatTest(pair: ColumnPair, options: DriftOptions): StatTest {
  const requested = resolve(options.stattest, pair.column, pair.columnType);
  if (requested !== undefined) {
    const test = getStatTest(requested);
    if (!test.allowedTypes.includes(pair.columnType))
      throw new UserError(
        'STATTEST_TYPE',
        `--stattest: '${requested}' cannot be applied to ${pair.columnType} column '${pair.column}' (it accepts ${test.allowedTypes.join(', ')} columns)`,
      );
    return test;
  }
  const uniqueValues = mergedDistribution(pair).values.length;
  return getStatTest(
    defaultStatTest(
      pair.columnType === 'text' ? 'categorical' : pair.columnType,
      pair.reference.length,
      uniqueValues,
    ),
  );
}

/**
 * Drift of one column and, when the column got that far, its cleaned pair (for the summary tallies). Never throws
 * for data problems Evidently raises on: those become `skipped`.
 */
function scoreColumn(
  name: string,
  columnType: ColumnType,
  reference: Table,
  current: Table,
  options: DriftOptions,
): { result: ColumnDriftResult; pair?: ColumnPair } {
  const ref = getColumn(reference, name)!;
  const cur = getColumn(current, name)!;
  if (columnType === 'text') {
    const result = skippedResult(
      name,
      columnType,
      'text column: more than half of its values are distinct; Evidently scores text with an sklearn domain classifier that driftwatch does not reproduce (pass --categorical to test it as categories)',
      [
        ref.type === 'string' ? ref.codes.length : ref.values.length,
        cur.type === 'string' ? cur.codes.length : cur.values.length,
      ],
    );
    return { result };
  }
  const pair = prepareColumnPair(name, columnType, ref, cur);
  const sizes: [number, number] = [pair.reference.length, pair.current.length];
  if (pair.reference.length === 0 || pair.current.length === 0) {
    const side = pair.reference.length === 0 ? 'reference' : 'current';
    const result = skippedResult(
      name,
      columnType,
      `empty column: no values left in the ${side} snapshot after removing missing and infinite values`,
      sizes,
    );
    return { result };
  }
  const test = chooseStatTest(pair, options);
  const threshold = resolve(options.threshold, name, columnType) ?? test.defaultThreshold;
  if (test.scoreKind === 'p_value' && threshold > 1)
    throw new UserError(
      'THRESHOLD_RANGE',
      `--threshold: ${threshold} for column '${name}' is a p-value threshold of '${test.id}' and must be in (0, 1]`,
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

/** Everything computed for one column: its result and the summary tallies of its two sides. */
export interface ColumnWork {
  readonly result: ColumnDriftResult;
  readonly referenceTally?: ColumnTally;
  readonly currentTally?: ColumnTally;
}

/**
 * All the per-column work of a report for one column: the drift result, and the summary tallies of numeric sides
 * computed from the column's one sort while it is at hand. Columns are independent, so this can run on any thread.
 */
export function computeColumn(
  name: string,
  columnType: ColumnType,
  reference: Table,
  current: Table,
  options: DriftOptions,
): ColumnWork {
  const { result, pair } = scoreColumn(name, columnType, reference, current, options);
  if (!pair) return { result };
  const ref = getColumn(reference, name)!;
  const cur = getColumn(current, name)!;
  // Numeric sides reuse the column's runs (distinct values with counts); string sides are tallied from their codes.
  return {
    result,
    referenceTally: summarizeColumn(
      ref,
      reference.rows,
      ref.type !== 'string' ? referenceRuns(pair) : undefined,
    ),
    currentTally: summarizeColumn(cur, current.rows, cur.type !== 'string' ? currentRuns(pair) : undefined),
  };
}

/** The positive-class rate of a target column: share of 1 / true, or of a yes-like label for strings. */
function positiveRate(column: Column): number | null {
  if (column.type === 'datetime') return null;
  if (column.type === 'string') {
    const positive = column.dictionary.findIndex((label) =>
      /^(1|true|yes|y|positive|churn(ed)?)$/i.test(label.trim()),
    );
    if (positive < 0) return null;
    let hits = 0;
    let count = 0;
    const codes = column.codes;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      if (code < 0) continue;
      count++;
      if (code === positive) hits++;
    }
    return count === 0 ? null : hits / count;
  }
  let hits = 0;
  let count = 0;
  const values = column.values;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value - value !== 0) continue; // NaN or ±inf
    count++;
    if (value === 1) hits++;
  }
  return count === 0 ? null : hits / count;
}

function formatShare(value: number): string {
  return value.toFixed(2);
}

/**
 * Computes the drift report of two snapshots.
 *
 * @param reference the baseline snapshot
 * @param current the snapshot being checked
 * @param options labels, column selection, overrides and thresholds
 * @returns the report (the JSON report's content)
 * @throws UserError for configuration problems (unknown columns, a test applied to the wrong column type)
 */
export function computeDrift(reference: Table, current: Table, options: DriftOptions): DriftReport {
  const works = planColumns(reference, current, options).map(({ name, type }) =>
    computeColumn(name, type, reference, current, options),
  );
  return assembleDrift(reference, current, options, works);
}

/**
 * The report from the per-column work (in {@link planColumns} order, computed here or on worker threads):
 * missing-value drift, corrections, dataset level, target, decision and the data summary.
 */
export function assembleDrift(
  reference: Table,
  current: Table,
  options: DriftOptions,
  works: readonly ColumnWork[],
  /** Duplicated rows of each snapshot when already counted elsewhere (the threads that read them). */
  duplicatedRows?: { readonly reference?: number; readonly current?: number },
): DriftReport {
  const driftShareThreshold = options.driftShare ?? DEFAULT_DRIFT_SHARE;
  const retrainThreshold = options.retrainThreshold ?? DEFAULT_RETRAIN_THRESHOLD;
  const columns = works.map((work) => work.result);
  const referenceTallies = new Map<string, ColumnTally>();
  const currentTallies = new Map<string, ColumnTally>();
  for (const work of works) {
    if (work.referenceTally) referenceTallies.set(work.result.column, work.referenceTally);
    if (work.currentTally) currentTallies.set(work.result.column, work.currentTally);
  }
  // Missing-value drift (evidently#187): additive fields on every column; counted as drift only on request.
  for (const column of columns) {
    const ref = getColumn(reference, column.column);
    const cur = getColumn(current, column.column);
    if (ref && cur && reference.rows > 0 && current.rows > 0) {
      const referenceMissing =
        referenceTallies.get(column.column)?.summary.missing.count ?? countMissing(ref);
      const currentMissing = currentTallies.get(column.column)?.summary.missing.count ?? countMissing(cur);
      Object.assign(column, missingDrift(referenceMissing, reference.rows, currentMissing, current.rows));
    }
  }
  if (options.correction) applyCorrection(columns, options.correction);
  if (options.missingDrift) {
    for (const column of columns)
      if (column.skipped === null && column.missing_drift_detected === true) column.drift_detected = true;
  }
  const report = summarizeDrift(columns, {
    reference: { label: options.referenceLabel, rows: reference.rows, source: reference.source },
    current: { label: options.currentLabel, rows: current.rows, source: current.source },
    driftShareThreshold,
    retrainThreshold,
    target: options.target
      ? {
          column: options.target,
          referenceRate: positiveRate(getColumn(reference, options.target)!),
          currentRate: positiveRate(getColumn(current, options.target)!),
        }
      : undefined,
  });
  if (options.correction) report.correction = options.correction;
  if (options.missingDrift) report.missing_drift = true;
  // DataSummaryPreset-style summary of both snapshots.
  report.summary = {
    reference: computeSummary(reference, (name) => referenceTallies.get(name), duplicatedRows?.reference),
    current: computeSummary(current, (name) => currentTallies.get(name), duplicatedRows?.current),
  };
  return report;
}

/** Inputs of the dataset-level summary. */
interface SummaryInputs {
  readonly reference: { label: string; rows: number; source?: string };
  readonly current: { label: string; rows: number; source?: string };
  readonly driftShareThreshold: number;
  readonly retrainThreshold: number;
  readonly target?: { column: string; referenceRate: number | null; currentRate: number | null };
}

/**
 * Dataset level (drift spec §10), target block and decision from per-column results.
 * drift_share = drifted / tested columns (skipped columns are not tested); dataset_drift = share >= threshold.
 */
function summarizeDrift(columns: ColumnDriftResult[], inputs: SummaryInputs): DriftReport {
  const tested = columns.filter((column) => column.skipped === null);
  const drifted = tested.filter((column) => column.drift_detected).length;
  const driftShare = tested.length === 0 ? 0 : drifted / tested.length;
  let target: TargetDrift | null = null;
  if (inputs.target) {
    const column = columns.find((c) => c.column === inputs.target!.column);
    const { referenceRate, currentRate } = inputs.target;
    target = {
      column: inputs.target.column,
      stattest: column?.stattest ?? null,
      drift_score: column?.drift_score ?? null,
      drift_detected: column?.drift_detected ?? false,
      reference_rate: referenceRate,
      current_rate: currentRate,
      abs_rate_diff:
        referenceRate === null || currentRate === null ? null : Math.abs(currentRate - referenceRate),
    };
  }
  const retrain = driftShare >= inputs.retrainThreshold;
  const decision: Decision = {
    action: retrain ? 'RETRAIN' : 'NO_ACTION',
    retrain_threshold: inputs.retrainThreshold,
    reason: `drift_share=${formatShare(driftShare)} ${retrain ? '>=' : '<'} ${formatShare(inputs.retrainThreshold)} (${drifted} of ${tested.length} tested columns drifted)`,
  };
  return {
    schema_version: SCHEMA_VERSION,
    reference: inputs.reference,
    current: inputs.current,
    columns,
    number_of_columns: tested.length,
    number_of_drifted_columns: drifted,
    number_of_skipped_columns: columns.length - tested.length,
    drift_share: driftShare,
    drift_share_threshold: inputs.driftShareThreshold,
    dataset_drift: tested.length > 0 && driftShare >= inputs.driftShareThreshold,
    target,
    decision,
  };
}
