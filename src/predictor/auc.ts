/**
 * Area under the ROC curve from scores and binary labels.
 *
 * Computed as the Mann–Whitney U statistic of the positive scores divided by `nPositive · nNegative`, with tied
 * scores given their average rank, which is what `sklearn.metrics.roc_auc_score` returns for binary labels
 * (the trapezoidal ROC area equals the tie-corrected U / (n1 n0)). Runs in `O(n log n)`.
 *
 * @param scores predicted scores or probabilities, one per row
 * @param labels 1 for the positive class, 0 for the negative class
 * @throws {Error} if the lengths differ or either class is absent
 * @returns the AUC in [0, 1]
 * @example rocAuc(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1)); // => 0.75
 */
export function rocAuc(scores: Float64Array, labels: Uint8Array): number {
  const n = scores.length;
  if (labels.length !== n) throw new Error('rocAuc requires as many labels as scores');
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i]!;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0)
    throw new Error('rocAuc requires at least one positive and one negative label');

  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[a]! - scores[b]!);

  // Sum of the (1-based, tie-averaged) ranks of the positive rows.
  let positiveRankSum = 0;
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && scores[order[end]!] === scores[order[start]!]) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) if (labels[order[k]!] === 1) positiveRankSum += averageRank;
    start = end;
  }
  const u = positiveRankSum - (positives * (positives + 1)) / 2;
  return u / (positives * negatives);
}
