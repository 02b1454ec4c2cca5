/**
 * Mean logistic loss (cross-entropy) of predicted probabilities, as scikit-learn 1.2's `log_loss(y, p)` computes
 * it: probabilities are clipped to `[eps, 1 − eps]` with `eps` the float64 machine epsilon (2.22e-16, the
 * `eps="auto"` default of that version; 1.1 and earlier clipped at 1e-15), expanded to the two columns
 * `[1 − p, p]`, each row renormalised by its (floating-point) sum, and the natural log of the true class's
 * column averaged with numpy's pairwise summation.
 */
import { pairwiseSum } from '../kernels/pairwise-sum.js';
import type { BinarySample } from './binary-sample.js';

/** scikit-learn 1.2's clipping bound: `np.finfo(np.float64).eps`. */
export const LOG_LOSS_EPSILON = Number.EPSILON;

/**
 * Log loss of a binary sample.
 *
 * This runs in `O(n)`.
 *
 * @param sample probabilities in [0, 1] and labels
 * @throws {Error} if the sample holds a single class (scikit-learn raises: the label set is ambiguous)
 * @returns the mean loss in nats
 * @example
 * logLoss(binarySample(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1))); // => 0.47228795380917615
 */
export function logLoss(sample: BinarySample): number {
  const { scores, labels, positives, negatives } = sample;
  if (positives.length === 0 || negatives.length === 0)
    throw new Error('logLoss requires both classes among the labels');
  const losses = new Float64Array(scores.length);
  for (let row = 0; row < scores.length; row++) {
    const probability = Math.min(Math.max(scores[row]!, LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
    const complement = 1 - probability;
    const total = complement + probability;
    losses[row] = -Math.log((labels[row] === 1 ? probability : complement) / total);
  }
  return pairwiseSum(losses) / scores.length;
}
