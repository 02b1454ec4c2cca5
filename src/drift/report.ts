/**
 * The drift report: what the engine returns, the JSON report holds (schema/report.schema.json, checked field by
 * field against these types by a test) and the renderers draw. Closed types: every field is declared here.
 */
import type { CorrectionMethod } from './correction.js';
import type { ColumnDistribution } from './distribution.js';
import type { ColumnEffect } from './effect.js';
import type { MissingDrift } from './missing-drift.js';
import type { ModelQualityBlock } from './model-quality/model-block.js';
import { STAT_TESTS } from './stattests/index.js';
import type { DriftTrend } from './history.js';
import type { DataSummary } from './summary.js';
import type { ColumnType, StatTestId } from './types.js';

/** Version of the JSON report's shape; bumped on breaking changes (see schema/report.schema.json). */
export const SCHEMA_VERSION = 1;

/** One column of the report (the JSON `columns[]` entry). Field names are part of the published schema. */
export interface ColumnDriftResult extends Partial<MissingDrift> {
  column: string;
  column_type: ColumnType;
  /** Registry name of the test that ran, null when skipped before a test was chosen. */
  stattest: StatTestId | null;
  /** Evidently display name, e.g. `K-S p_value`. */
  stattest_name: string | null;
  threshold: number | null;
  drift_score: number | null;
  drift_detected: boolean;
  /** Why the column was not tested (text column, empty after cleaning, test not applicable), else null. */
  skipped: string | null;
  /** Non-null rows after cleaning, per side. */
  reference_size: number;
  current_size: number;
  /** The test statistic, when the score is a p-value. */
  statistic?: number;
  /** The p-value method actually used, e.g. `exact` or `asymptotic`. */
  method?: string;
  /** Visible fallbacks and caveats. */
  warnings?: string[];
  /** Effect sizes next to the score, whatever the test (tested columns). */
  effect?: ColumnEffect;
  /** Chart data: both sides on shared bins or over the top categories (columns that got as far as cleaning). */
  distribution?: ColumnDistribution;
  /** With a correction: the p-value adjusted across the report's p-value tests; drift is decided on it. */
  drift_score_adjusted?: number;
  /** With a correction: the method, on the columns it adjusted. */
  correction?: CorrectionMethod;
  /**
   * How the column's statistics were computed: from its values, from its value counts (computed in the
   * database), or from statistics over the merged distribution computed in SQL (a column with many distinct
   * values under `compute: database`).
   */
  computed?: ComputedFrom;
}

/** How a column's statistics were computed (the `computed` field). */
export type ComputedFrom = 'values' | 'value_counts' | 'sql_statistics';

/** The target block of the report. */
export interface TargetDrift {
  column: string;
  stattest: StatTestId | null;
  drift_score: number | null;
  drift_detected: boolean;
  /** Share of positive labels (value 1 / true / a yes-like label) per side. */
  reference_rate: number | null;
  current_rate: number | null;
  abs_rate_diff: number | null;
}

export type DecisionAction = 'NO_ACTION' | 'RETRAIN';

export interface Decision {
  action: DecisionAction;
  retrain_threshold: number;
  reason: string;
  /**
   * The rules that fired: with a model rule (`--max-auc-drop`) `drift_share` and/or `auc_drop`; with
   * `--retrain-after`, `trend`.
   */
  triggered_by?: ('drift_share' | 'auc_drop' | 'trend')[];
}

/** One snapshot as the report names it. */
export interface SnapshotInfo {
  label: string;
  rows: number;
  /** Where it was read from: a file path, `git:<rev>:<path>` or `postgres:<table>@<as_of>`. */
  source?: string;
}

/** The whole drift report (the JSON report's shape; `src/report` renders it). */
export interface DriftReport {
  schema_version: number;
  reference: SnapshotInfo;
  current: SnapshotInfo;
  columns: ColumnDriftResult[];
  /** Tested columns (skipped ones are not counted in drift_share). */
  number_of_columns: number;
  number_of_drifted_columns: number;
  number_of_skipped_columns: number;
  drift_share: number;
  drift_share_threshold: number;
  dataset_drift: boolean;
  target: TargetDrift | null;
  decision: Decision;
  /** The multiple-testing correction in force, when one was asked for. */
  correction?: CorrectionMethod;
  /** Present (true) when a significant change of a column's missing share counts as its drift. */
  missing_drift?: true;
  /** Data summary of both snapshots. */
  summary: { reference: DataSummary; current: DataSummary };
  /** The model section (`--model` / `--prediction-column`). */
  model?: ModelQualityBlock;
  /** With a history: drift over the runs, this run last. */
  trend?: DriftTrend;
}

/**
 * Whether a stat test's score is a p-value (small means drift) rather than a distance (large means drift).
 *
 * @param stattest a registry name as a report holds it (null or unknown: not a p-value)
 * @example
 * isPValueTest('ks'); // => true
 */
export function isPValueTest(stattest: string | null | undefined): boolean {
  return stattest !== null && stattest !== undefined && Object.hasOwn(STAT_TESTS, stattest)
    ? STAT_TESTS[stattest as StatTestId].scoreKind === 'p_value'
    : false;
}
