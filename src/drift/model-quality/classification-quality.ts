/**
 * The quality block of one scored snapshot: every metric of the model section computed on the labelled rows,
 * each one skipped (null, with the reason) exactly where scikit-learn raises instead of returning a number.
 */
import { brierScore } from './brier-score.js';
import { labelledSample, type BinarySample } from './binary-sample.js';
import { calibrationCurve, type CalibrationBin } from './calibration-curve.js';
import { logLoss } from './log-loss.js';
import { rocAuc } from './roc-auc.js';
import { rocCurve, thinRocCurve } from './roc-curve.js';
import { thresholdMetrics, type Confusion } from './threshold-metrics.js';

/** Metrics of the block that can be skipped. */
export const QUALITY_METRICS = [
  'roc_auc',
  'log_loss',
  'brier',
  'accuracy',
  'precision',
  'recall',
  'f1',
  'predicted_positive_rate',
] as const;
export type QualityMetric = (typeof QUALITY_METRICS)[number];

/** Bins of the calibration curve in the report. */
export const CALIBRATION_BINS = 10;
/** Smallest step (in either rate) between two ROC points kept for the chart: at most ~400 points per side. */
export const ROC_CHART_STEP = 0.005;

/** One side's block (`model.reference`, `model.current`, or one model of `evaluate`). Field names are published. */
export interface ClassificationQuality {
  /** Rows of the snapshot (labelled or not). */
  rows: number;
  /** Rows with a 0/1 label: the rows every metric is computed on. */
  labelled: number;
  roc_auc: number | null;
  log_loss: number | null;
  brier: number | null;
  accuracy: number | null;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  predicted_positive_rate: number | null;
  confusion: Confusion;
  /** Metrics left null, with why (no labelled rows, a single class). Absent when none is skipped. */
  skipped?: Partial<Record<QualityMetric, string>>;
  /** Ratios set to 0 as scikit-learn does on a zero denominator. Absent when none. */
  warnings?: string[];
  /** The ROC curve thinned for the chart (both classes needed). */
  roc_curve?: { fpr: number[]; tpr: number[] };
  /** Non-empty bins of the calibration curve over 10 equal-width bins (labelled rows needed). */
  calibration?: CalibrationBin[];
}

/** The block and the labelled sample it was computed on (kept for the AUC-difference interval). */
export interface MeasuredQuality {
  readonly quality: ClassificationQuality;
  readonly sample: BinarySample;
}

/** Why a single-class sample has no AUC or log loss. */
function singleClassReason(sample: BinarySample): string {
  const only = sample.positives.length > 0 ? 1 : 0;
  return `every labelled row has label ${only}: the metric needs both classes`;
}

/**
 * Measures a scored snapshot.
 *
 * This runs in `O(n)` plus the sorts of the labelled scores.
 *
 * @param probabilities predicted probability of label 1 per row of the snapshot, in [0, 1]
 * @param target the target per row: 0, 1, or NaN when the row has no label
 * @param threshold probability at or above which a row is predicted positive
 * @returns the block and the labelled sample
 * @example
 * measureClassification(Float64Array.of(0.1, 0.4, 0.35, 0.8, 0.6), Float64Array.of(0, 0, 1, 1, NaN), 0.5).quality.roc_auc;
 * // => 0.75
 */
export function measureClassification(
  probabilities: Float64Array,
  target: Float64Array,
  threshold: number,
): MeasuredQuality {
  const sample = labelledSample(probabilities, target);
  const labelled = sample.scores.length;
  const quality: ClassificationQuality = {
    rows: probabilities.length,
    labelled,
    roc_auc: null,
    log_loss: null,
    brier: null,
    accuracy: null,
    precision: null,
    recall: null,
    f1: null,
    predicted_positive_rate: null,
    confusion: { tp: 0, fp: 0, fn: 0, tn: 0 },
  };
  if (labelled === 0) {
    quality.skipped = Object.fromEntries(QUALITY_METRICS.map((metric) => [metric, 'no labelled rows']));
    return { quality, sample };
  }
  const metrics = thresholdMetrics(sample, threshold);
  Object.assign(quality, {
    brier: brierScore(sample),
    accuracy: metrics.accuracy,
    precision: metrics.precision,
    recall: metrics.recall,
    f1: metrics.f1,
    predicted_positive_rate: metrics.predictedPositiveRate,
    confusion: metrics.confusion,
  });
  if (sample.positives.length > 0 && sample.negatives.length > 0) {
    quality.roc_auc = rocAuc(sample);
    quality.log_loss = logLoss(sample);
  } else {
    const reason = singleClassReason(sample);
    quality.skipped = { roc_auc: reason, log_loss: reason };
  }
  if (metrics.warnings.length > 0) quality.warnings = [...metrics.warnings];
  if (quality.roc_auc !== null) quality.roc_curve = thinRocCurve(rocCurve(sample), ROC_CHART_STEP);
  quality.calibration = calibrationCurve(sample, CALIBRATION_BINS);
  return { quality, sample };
}
