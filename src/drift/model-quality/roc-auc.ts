/**
 * Area under the ROC curve, exactly: the Mann–Whitney U statistic of the positive scores over the negative ones,
 * divided by `nPositive · nNegative`, a tie between a positive and a negative counting one half.
 *
 * That is the trapezoidal area under the empirical ROC curve, so it equals `sklearn.metrics.roc_auc_score` for
 * binary labels (scikit-learn integrates the curve's points with `np.trapz`; tied scores form one point, joined
 * to the next by a diagonal, which is where the half comes from). scikit-learn rounds at every trapezoid; here
 * `2U` is an integer held exactly in a double (below 2^53, i.e. fewer than about 10^8 rows per class pair), so the
 * result is the correctly rounded ratio and agrees with scikit-learn to a few ulps.
 */
import type { BinarySample } from './binary-sample.js';

/**
 * ROC AUC of a binary sample (ties averaged, as `roc_auc_score`).
 *
 * This runs in `O(n)` on the sorted class scores of the sample (one merge).
 *
 * @param sample scores and labels, with each class's scores sorted
 * @throws {Error} if either class is absent (the AUC is undefined)
 * @returns the AUC in [0, 1]
 * @example
 * rocAuc(binarySample(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1))); // => 0.75
 */
export function rocAuc(sample: BinarySample): number {
  const { positives, negatives } = sample;
  const positiveCount = positives.length;
  const negativeCount = negatives.length;
  if (positiveCount === 0 || negativeCount === 0)
    throw new Error('rocAuc requires at least one positive and one negative label');
  // 2U = Σ over positives of (2 · negatives below + negatives equal), walking both sorted classes once.
  let twiceU = 0;
  let below = 0;
  for (let start = 0; start < positiveCount;) {
    const value = positives[start]!;
    let end = start + 1;
    while (end < positiveCount && positives[end] === value) end++;
    while (below < negativeCount && negatives[below]! < value) below++;
    let notAbove = below;
    while (notAbove < negativeCount && negatives[notAbove] === value) notAbove++;
    twiceU += (end - start) * (below + notAbove);
    start = end;
  }
  return twiceU / (2 * positiveCount * negativeCount);
}
