/**
 * DeLong's variance of an empirical ROC AUC, from the placement values of each row (DeLong, DeLong &
 * Clarke-Pearson, Biometrics 44(3), 1988; the O(n log n) form of Sun & Xu, IEEE Signal Processing Letters 21(11),
 * 2014).
 *
 * The placement of a positive row with score s is the share of negative rows it outranks, ties counting one half:
 * `V10 = (#negatives < s + ½ #negatives = s) / nNegative`; the placement of a negative row with score t is the share
 * of positive rows that outrank it: `V01 = (#positives > t + ½ #positives = t) / nPositive`. Both average to the
 * AUC. The AUC's variance is `S10 / nPositive + S01 / nNegative` with `S10`, `S01` the sample variances (n − 1) of
 * the placements, and the covariance of two AUCs measured on the same rows is formed the same way from the
 * products of their placements. These are the formulas of R's pROC (`var(roc, method = "delong")`, `roc.test`),
 * which the committed reference vectors check to 1e-12.
 */
import { pairwiseSum } from '../kernels/pairwise-sum.js';
import type { BinarySample } from './binary-sample.js';
import { rocAuc } from './roc-auc.js';

/** The AUC with the placement values of its rows. */
export interface AucPlacements {
  readonly auc: number;
  /** `V10` of each positive row, in row order. */
  readonly positive: Float64Array;
  /** `V01` of each negative row, in row order. */
  readonly negative: Float64Array;
}

/** Number of elements of the ascending `sorted` that are below `value` (strictly, or also equal with `orEqual`). */
function countBelow(sorted: Float64Array, value: number, orEqual: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const element = sorted[middle]!;
    if (element < value || (orEqual && element === value)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * DeLong's placement values of every row, and the AUC.
 *
 * This runs in `O(n log n)`: one binary search per row in the other class's sorted scores.
 *
 * @param sample scores and labels, with each class's scores sorted
 * @throws {Error} if either class is absent
 * @returns the AUC and the placements of the positive and of the negative rows, each in row order
 * @example
 * delongPlacements(binarySample(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1))).positive;
 * // => [0.5, 1]
 */
export function delongPlacements(sample: BinarySample): AucPlacements {
  const auc = rocAuc(sample);
  const { scores, labels, positives, negatives } = sample;
  const positive = new Float64Array(positives.length);
  const negative = new Float64Array(negatives.length);
  const twicePositives = 2 * positives.length;
  const twiceNegatives = 2 * negatives.length;
  for (let row = 0, p = 0, q = 0; row < scores.length; row++) {
    const score = scores[row]!;
    if (labels[row] === 1) {
      positive[p++] =
        (countBelow(negatives, score, false) + countBelow(negatives, score, true)) / twiceNegatives;
    } else {
      const ranks = countBelow(positives, score, false) + countBelow(positives, score, true);
      negative[q++] = (twicePositives - ranks) / twicePositives;
    }
  }
  return { auc, positive, negative };
}

/** `Σ (a_i − centreA)(b_i − centreB) / (n − 1)`, summed pairwise. */
function sampleCovariance(a: Float64Array, centreA: number, b: Float64Array, centreB: number): number {
  const products = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) products[i] = (a[i]! - centreA) * (b[i]! - centreB);
  return pairwiseSum(products) / (a.length - 1);
}

/**
 * DeLong's covariance of two AUCs measured on the same rows (the variance when both are the same).
 *
 * This runs in `O(n)`.
 *
 * @param first placements of the first score
 * @param second placements of the second score, on the same rows
 * @throws {Error} if a class has fewer than two rows (the sample variances are undefined) or the row counts differ
 * @returns `S10(first, second) / nPositive + S01(first, second) / nNegative`
 * @example
 * delongCovariance(
 *   delongPlacements(binarySample(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1))),
 *   delongPlacements(binarySample(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1))),
 * ); // => 0.125
 */
export function delongCovariance(first: AucPlacements, second: AucPlacements): number {
  const positiveCount = first.positive.length;
  const negativeCount = first.negative.length;
  if (second.positive.length !== positiveCount || second.negative.length !== negativeCount)
    throw new Error('delongCovariance requires placements of the same rows');
  if (positiveCount < 2 || negativeCount < 2)
    throw new Error('delongCovariance requires at least two positive and two negative rows');
  return (
    sampleCovariance(first.positive, first.auc, second.positive, second.auc) / positiveCount +
    sampleCovariance(first.negative, first.auc, second.negative, second.auc) / negativeCount
  );
}

/**
 * DeLong's variance of an AUC.
 *
 * This runs in `O(n)` on the placements.
 *
 * @param placements placements of one score
 * @throws {Error} if a class has fewer than two rows
 * @returns the variance
 * @example
 * delongVariance(delongPlacements(binarySample(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1))));
 * // => 0.125
 */
export function delongVariance(placements: AucPlacements): number {
  return delongCovariance(placements, placements);
}
