/**
 * The dataset level, the target block and the retrain decision, from the per-column results (Evidently's
 * DatasetDriftMetric rules): drift_share = drifted / tested columns (skipped columns are not tested);
 * dataset_drift = drift_share >= its threshold; RETRAIN when drift_share >= the retrain threshold.
 */
import { isScaled, MISSING_DIGITS, scaleOf, type Column, type CountedColumn } from '../snapshot/table.js';
import { countsOf, labelCountsOf } from './counted.js';
import type { ColumnDriftResult, Decision, TargetDrift } from './report.js';

/** What the decision needs besides the columns. */
export interface DecisionInputs {
  readonly driftShareThreshold: number;
  readonly retrainThreshold: number;
  /** The target column's positive rates, when a target was named. */
  readonly target?: { column: string; referenceRate: number | null; currentRate: number | null };
}

/** The dataset-level part of a report. */
export interface DatasetDecision {
  number_of_columns: number;
  number_of_drifted_columns: number;
  number_of_skipped_columns: number;
  drift_share: number;
  drift_share_threshold: number;
  dataset_drift: boolean;
  target: TargetDrift | null;
  decision: Decision;
}

/**
 * The positive-class rate of a target column: share of 1 / true, or of a yes-like label for strings; null for dates
 * or when no value is present.
 */
export function positiveRate(column: Column): number | null {
  if (column.type === 'datetime') return null;
  const counted = countsOf(column);
  if (counted) return positiveRateOfCounts(counted);
  if (column.type === 'string') {
    const positive = column.dictionary.findIndex((label) => POSITIVE_LABEL.test(label.trim()));
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
  if (isScaled(column.values)) {
    // Scaled integers, counted as they are (no decoding: this runs on the main thread after the scoring). A cell is
    // `m / 10^decimals`, never infinite, and is 1 exactly when `m` is 10^decimals.
    const { digits } = column.values;
    const one = scaleOf(column.values.decimals);
    // Without branches: whether a cell is 1 is as unpredictable as the target's classes.
    for (let i = 0; i < digits.length; i++) {
      const m = digits[i]!;
      count += +(m !== MISSING_DIGITS);
      hits += +(m === one);
    }
    return count === 0 ? null : hits / count;
  }
  const values = column.values;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    count += +(value - value === 0); // not NaN or ±inf
    hits += +(value === 1);
  }
  return count === 0 ? null : hits / count;
}

const POSITIVE_LABEL = /^(1|true|yes|y|positive|churn(ed)?)$/i;

/** {@link positiveRate} from a counted column's value counts (the first yes-like label, as in its dictionary). */
function positiveRateOfCounts(counted: CountedColumn): number | null {
  let hits = 0;
  let count = 0;
  if (counted.storage === 'string') {
    const { labels, counts } = labelCountsOf(counted);
    const positive = labels.findIndex((label) => POSITIVE_LABEL.test(label.trim()));
    if (positive < 0) return null;
    for (let k = 0; k < labels.length; k++) count += counts[k]!;
    hits = counts[positive]!;
  } else {
    const keys = counted.counts.keys as Float64Array;
    for (let k = 0; k < keys.length; k++) {
      const value = keys[k]!;
      if (value - value !== 0) continue; // NaN or ±inf
      count += counted.counts.counts[k]!;
      if (value === 1) hits += counted.counts.counts[k]!;
    }
  }
  return count === 0 ? null : hits / count;
}

function formatShare(value: number): string {
  return value.toFixed(2);
}

/**
 * The dataset level, target block and decision of a report.
 *
 * @param columns the per-column results, final (after corrections and missing-value drift)
 * @param inputs thresholds and the target's rates
 * @returns counts, drift_share, dataset_drift, the target block and the decision with its reason
 * @example
 * decideDrift([], { driftShareThreshold: 0.5, retrainThreshold: 0.3 }).decision.action; // => 'NO_ACTION'
 */
export function decideDrift(columns: readonly ColumnDriftResult[], inputs: DecisionInputs): DatasetDecision {
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
  return {
    number_of_columns: tested.length,
    number_of_drifted_columns: drifted,
    number_of_skipped_columns: columns.length - tested.length,
    drift_share: driftShare,
    drift_share_threshold: inputs.driftShareThreshold,
    dataset_drift: tested.length > 0 && driftShare >= inputs.driftShareThreshold,
    target,
    decision: {
      action: retrain ? 'RETRAIN' : 'NO_ACTION',
      retrain_threshold: inputs.retrainThreshold,
      reason: `drift_share=${formatShare(driftShare)} ${retrain ? '>=' : '<'} ${formatShare(inputs.retrainThreshold)} (${drifted} of ${tested.length} tested columns drifted)`,
    },
  };
}
