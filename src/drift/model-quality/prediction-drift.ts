/**
 * Drift of the model's predicted probability between the two snapshots, scored exactly as a numerical feature
 * column is: cleaned, Evidently's default stat test for its size and distinct values (or the override the user set
 * for that column name or for numerical columns), its default threshold, its drift direction.
 */
import type { Table } from '../../snapshot/table.js';
import type { DriftOptions } from '../options.js';
import type { ColumnDriftResult } from '../report.js';
import { scoreColumn } from '../score-column.js';

/** The `prediction_drift` block of the model section. */
export interface PredictionDrift {
  /** Name the predicted probability goes by (its column, or `prediction` for a model's scores). */
  column: string;
  stattest: ColumnDriftResult['stattest'];
  stattest_name: string | null;
  threshold: number | null;
  drift_score: number | null;
  drift_detected: boolean;
  /** Why the probability could not be tested (e.g. no values), else null. */
  skipped: string | null;
}

function asTable(source: string, column: string, values: Float64Array): Table {
  return { source, rows: values.length, columns: [{ name: column, type: 'float', values }] };
}

/**
 * Prediction drift of two probability vectors.
 *
 * This runs in the time of the chosen stat test (`O(n log n)` for the defaults).
 *
 * @param column the name the probability goes by (overrides of `--stattest`/`--threshold` apply to it)
 * @param reference predicted probabilities of the reference snapshot's rows
 * @param current predicted probabilities of the current snapshot's rows
 * @param options the comparison's engine options (labels, overrides, seed)
 * @returns the block
 */
export function predictionDrift(
  column: string,
  reference: Float64Array,
  current: Float64Array,
  options: DriftOptions,
): PredictionDrift {
  const { result } = scoreColumn(
    { name: column, type: 'numerical' },
    {
      reference: asTable(options.referenceLabel, column, reference),
      current: asTable(options.currentLabel, column, current),
    },
    options,
  );
  return {
    column,
    stattest: result.stattest,
    stattest_name: result.stattest_name,
    threshold: result.threshold,
    drift_score: result.drift_score,
    drift_detected: result.drift_detected,
    skipped: result.skipped,
  };
}
