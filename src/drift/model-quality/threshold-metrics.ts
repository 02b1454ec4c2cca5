/**
 * The confusion matrix at a probability threshold (a row is predicted positive when its probability is at or
 * above the threshold) and the metrics read from it, with scikit-learn's definitions: `accuracy_score`,
 * `precision_score`, `recall_score` and `f1_score` for the positive label 1. Where a ratio has a zero denominator
 * scikit-learn's default (`zero_division="warn"`) returns 0 and warns; so does this, listing the warning.
 */
import type { BinarySample } from './binary-sample.js';

/** Counts of the confusion matrix for the positive label 1. */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface ThresholdMetrics {
  readonly confusion: Confusion;
  readonly accuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Share of rows predicted positive, `(tp + fp) / n`. */
  readonly predictedPositiveRate: number;
  /** scikit-learn's UndefinedMetricWarning cases, e.g. precision with no predicted positive. */
  readonly warnings: readonly string[];
}

/**
 * Confusion matrix of a binary sample at a threshold.
 *
 * This runs in `O(n)`.
 *
 * @param sample probabilities and labels
 * @param threshold a row is predicted positive when its probability is `>= threshold`
 * @returns the four counts
 * @example
 * confusionAt(binarySample(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1)), 0.5);
 * // => { tp: 1, fp: 0, fn: 1, tn: 2 }
 */
export function confusionAt(sample: BinarySample, threshold: number): Confusion {
  const { scores, labels } = sample;
  const confusion: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let row = 0; row < scores.length; row++) {
    const predictedPositive = scores[row]! >= threshold;
    if (labels[row] === 1) {
      if (predictedPositive) confusion.tp++;
      else confusion.fn++;
    } else if (predictedPositive) confusion.fp++;
    else confusion.tn++;
  }
  return confusion;
}

/**
 * Accuracy, precision, recall, F1 and the predicted positive rate at a threshold.
 *
 * This runs in `O(n)`.
 *
 * @param sample probabilities and labels
 * @param threshold a row is predicted positive when its probability is `>= threshold`
 * @throws {Error} if the sample is empty
 * @returns the metrics, the confusion matrix and any zero-division warnings
 * @example
 * thresholdMetrics(binarySample(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1)), 0.5).f1;
 * // => 0.6666666666666666
 */
export function thresholdMetrics(sample: BinarySample, threshold: number): ThresholdMetrics {
  const rows = sample.scores.length;
  if (rows === 0) throw new Error('thresholdMetrics requires at least one row');
  const confusion = confusionAt(sample, threshold);
  const { tp, fp, fn, tn } = confusion;
  const warnings: string[] = [];
  const ratio = (numerator: number, denominator: number, warning: string): number => {
    if (denominator > 0) return numerator / denominator;
    warnings.push(warning);
    return 0;
  };
  const precision = ratio(tp, tp + fp, 'precision is ill-defined (no predicted positive) and set to 0');
  const recall = ratio(tp, tp + fn, 'recall is ill-defined (no positive label) and set to 0');
  if (tp + fp === 0 && tp + fn === 0)
    warnings.push('f1 is ill-defined (neither positive labels nor predictions) and set to 0');
  // scikit-learn's F-beta with beta = 1, from the rounded precision and recall: 2·p·r / (p + r), 0 when p + r = 0.
  const denominator = precision + recall;
  const f1 = (2 * precision * recall) / (denominator === 0 ? 1 : denominator);
  return {
    confusion,
    accuracy: (tp + tn) / rows,
    precision,
    recall,
    f1,
    predictedPositiveRate: (tp + fp) / rows,
    warnings,
  };
}
