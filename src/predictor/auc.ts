/**
 * Area under the ROC curve from scores and binary labels, for training's train/holdout AUC: the model-quality
 * metric of src/drift/model-quality (ties averaged, equal to `sklearn.metrics.roc_auc_score`), on plain arrays.
 */
import { binarySample } from '../drift/model-quality/binary-sample.js';
import { rocAuc as rocAucOfSample } from '../drift/model-quality/roc-auc.js';

/**
 * ROC AUC of scores against 0/1 labels.
 *
 * This runs in `O(n)` plus a sort of each class's scores.
 *
 * @param scores predicted scores or probabilities, one per row
 * @param labels 1 for the positive class, 0 for the negative class
 * @throws {Error} if the lengths differ or either class is absent
 * @returns the AUC in [0, 1]
 * @example rocAuc(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1)); // => 0.75
 */
export function rocAuc(scores: Float64Array, labels: Uint8Array): number {
  return rocAucOfSample(binarySample(scores, labels));
}
