/**
 * The report of `driftwatch evaluate`: models scored on the same rows of one snapshot, side by side, and the
 * champion/challenger comparison. Field names are published (schema/evaluation.schema.json).
 */
import type { ClassificationQuality } from './classification-quality.js';
import type { ModelComparison } from './model-comparison.js';

export const EVALUATION_SCHEMA_VERSION = 1;

/** What training recorded about a model, as far as the evaluation needs it. */
export interface TrainedOn {
  source: string;
  rows: number;
  holdout_fraction: number;
  seed: number;
  holdout_auc: number;
}

/** One evaluated model: its name, file and threshold, and its metrics on the evaluated rows. */
export interface EvaluatedModel extends ClassificationQuality {
  name: string;
  /** The model file as given. */
  source: string;
  /** Probability at or above which a row is predicted positive (the model's own unless overridden). */
  threshold: number;
  trained_on: TrainedOn | null;
}

/** The evaluated rows: the whole snapshot, or the holdout rows of training's split. */
export interface EvaluatedSnapshot {
  label: string;
  source: string;
  /** Rows of the snapshot. */
  rows: number;
  /** Rows the models were scored on (the holdout rows with `holdout`). */
  evaluated_rows: number;
  holdout: { fraction: number; seed: number; id_column: string | null } | null;
}

export interface EvaluationReport {
  schema_version: typeof EVALUATION_SCHEMA_VERSION;
  snapshot: EvaluatedSnapshot;
  target: string;
  /** The baseline (champion) first. */
  models: EvaluatedModel[];
  /** The second model against the first; null with a single model. */
  comparison: ModelComparison | null;
  /** Caveats, e.g. a model evaluated on rows it was trained on. */
  warnings: string[];
}
