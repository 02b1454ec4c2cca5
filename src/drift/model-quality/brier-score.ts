/**
 * Brier score: the mean squared difference between the predicted probability and the 0/1 label, as
 * `sklearn.metrics.brier_score_loss(y, p)` (numpy's pairwise mean). Defined for a single class too.
 */
import { pairwiseSum } from '../kernels/pairwise-sum.js';
import type { BinarySample } from './binary-sample.js';

/**
 * Brier score of a binary sample.
 *
 * This runs in `O(n)`.
 *
 * @param sample probabilities in [0, 1] and labels
 * @throws {Error} if the sample is empty or a probability is outside [0, 1]
 * @returns the score in [0, 1]
 * @example
 * brierScore(binarySample(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1))); // => 0.15812500000000002
 */
export function brierScore(sample: BinarySample): number {
  const { scores, labels } = sample;
  if (scores.length === 0) throw new Error('brierScore requires at least one row');
  const squares = new Float64Array(scores.length);
  for (let row = 0; row < scores.length; row++) {
    const probability = scores[row]!;
    if (!(probability >= 0 && probability <= 1))
      throw new Error(`brierScore requires probabilities in [0, 1], found ${probability}`);
    const difference = labels[row]! - probability;
    squares[row] = difference * difference;
  }
  return pairwiseSum(squares) / scores.length;
}
