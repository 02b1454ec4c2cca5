/**
 * The labelled part of a scored snapshot: predicted probabilities of the positive class and 0/1 labels, row by row,
 * and the same scores split by class and sorted, which every ranking metric (ROC AUC, DeLong, the ROC curve) reads.
 */
import { fastSortedCopy } from '../../util/sort.js';

/** Scores and labels of the labelled rows, in row order, plus each class's scores sorted ascending. */
export interface BinarySample {
  /** Predicted probability (or any score where larger means "more positive") per labelled row; never NaN. */
  readonly scores: Float64Array;
  /** 1 for the positive class, 0 for the negative class, per labelled row. */
  readonly labels: Uint8Array;
  /** Scores of the positive rows, ascending. */
  readonly positives: Float64Array;
  /** Scores of the negative rows, ascending. */
  readonly negatives: Float64Array;
}

/**
 * Builds a {@link BinarySample} from scores and labels of the same rows.
 *
 * This runs in `O(n)` plus one sort of each class's scores (radix or counting sort, `O(n)` in practice).
 *
 * @param scores one score per row, no NaN
 * @param labels one 0/1 label per row
 * @throws {Error} if the lengths differ, a label is not 0/1 or a score is NaN
 * @returns the sample (the inputs are kept, not copied)
 * @example
 * binarySample(Float64Array.of(0.9, 0.2, 0.6), Uint8Array.of(1, 0, 0)).positives; // => [0.9]
 */
export function binarySample(scores: Float64Array, labels: Uint8Array): BinarySample {
  const n = scores.length;
  if (labels.length !== n) throw new Error('binarySample requires as many labels as scores');
  let positiveCount = 0;
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    if (label > 1) throw new Error(`binarySample requires 0/1 labels, found ${label} at index ${i}`);
    if (Number.isNaN(scores[i]!)) throw new Error(`binarySample requires scores without NaN (index ${i})`);
    positiveCount += label;
  }
  const positives = new Float64Array(positiveCount);
  const negatives = new Float64Array(n - positiveCount);
  for (let i = 0, p = 0, q = 0; i < n; i++) {
    if (labels[i] === 1) positives[p++] = scores[i]!;
    else negatives[q++] = scores[i]!;
  }
  return { scores, labels, positives: fastSortedCopy(positives), negatives: fastSortedCopy(negatives) };
}

/**
 * The labelled rows of a scored snapshot: rows whose target is 0 or 1; a missing target (NaN) leaves the row out.
 *
 * This runs in `O(n)` plus the sorts of {@link binarySample}.
 *
 * @param scores one score per row of the snapshot
 * @param target the target column: 0, 1 or NaN (missing) per row
 * @throws {Error} if the lengths differ or a target value is neither 0, 1 nor NaN (callers validate first, naming
 *   the file and row)
 * @returns the sample of labelled rows
 * @example
 * labelledSample(Float64Array.of(0.9, 0.2, 0.6), Float64Array.of(1, NaN, 0)).labels; // => [1, 0]
 */
export function labelledSample(scores: Float64Array, target: Float64Array): BinarySample {
  const n = scores.length;
  if (target.length !== n) throw new Error('labelledSample requires one target value per score');
  let labelled = 0;
  for (let i = 0; i < n; i++) {
    const value = target[i]!;
    if (value === 0 || value === 1) labelled++;
    else if (!Number.isNaN(value))
      throw new Error(`labelledSample requires 0/1 targets, found ${value} at row ${i}`);
  }
  const labelledScores = new Float64Array(labelled);
  const labels = new Uint8Array(labelled);
  for (let i = 0, k = 0; i < n; i++) {
    const value = target[i]!;
    if (value === 0 || value === 1) {
      labelledScores[k] = scores[i]!;
      labels[k++] = value;
    }
  }
  return binarySample(labelledScores, labels);
}
