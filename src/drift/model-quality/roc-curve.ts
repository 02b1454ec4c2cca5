/**
 * The empirical ROC curve, as `sklearn.metrics.roc_curve(y, p)` returns it (`drop_intermediate=True`): one point
 * per distinct score from the highest down, collinear intermediate points dropped, `(0, 0)` prepended; plus a
 * thinning of it for charts, whose size must not grow with the rows.
 */
import type { BinarySample } from './binary-sample.js';

/** Points of a ROC curve: false and true positive rates, from (0, 0) to (1, 1). */
export interface RocCurve {
  readonly fpr: Float64Array;
  readonly tpr: Float64Array;
}

/**
 * The ROC curve of a binary sample.
 *
 * This runs in `O(n)` on the sorted class scores of the sample.
 *
 * @param sample scores and labels, with each class's scores sorted
 * @throws {Error} if either class is absent (a rate would divide by zero)
 * @returns the curve's points, as scikit-learn's `fpr` and `tpr`
 * @example
 * rocCurve(binarySample(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1))).tpr;
 * // => [0, 0.5, 0.5, 1, 1]
 */
export function rocCurve(sample: BinarySample): RocCurve {
  const { positives, negatives } = sample;
  const positiveCount = positives.length;
  const negativeCount = negatives.length;
  if (positiveCount === 0 || negativeCount === 0)
    throw new Error('rocCurve requires at least one positive and one negative label');
  // Cumulative true and false positives at each distinct score, highest first.
  const tps: number[] = [];
  const fps: number[] = [];
  let p = positiveCount - 1;
  let q = negativeCount - 1;
  let truePositives = 0;
  let falsePositives = 0;
  while (p >= 0 || q >= 0) {
    const value = Math.max(p >= 0 ? positives[p]! : -Infinity, q >= 0 ? negatives[q]! : -Infinity);
    while (p >= 0 && positives[p] === value) {
      truePositives++;
      p--;
    }
    while (q >= 0 && negatives[q] === value) {
      falsePositives++;
      q--;
    }
    tps.push(truePositives);
    fps.push(falsePositives);
  }
  // Keep the ends and every point where either count's second difference is non-zero (a corner).
  const kept: number[] = [];
  for (let k = 0; k < tps.length; k++) {
    if (
      tps.length <= 2 ||
      k === 0 ||
      k === tps.length - 1 ||
      fps[k + 1]! - 2 * fps[k]! + fps[k - 1]! !== 0 ||
      tps[k + 1]! - 2 * tps[k]! + tps[k - 1]! !== 0
    )
      kept.push(k);
  }
  const fpr = new Float64Array(kept.length + 1);
  const tpr = new Float64Array(kept.length + 1);
  kept.forEach((k, i) => {
    fpr[i + 1] = fps[k]! / negativeCount;
    tpr[i + 1] = tps[k]! / positiveCount;
  });
  return { fpr, tpr };
}

/**
 * A chart-sized ROC curve: the first and last points and every point at least `step` away (in either rate) from
 * the previous one kept. The curve is monotone, so at most `2 / step + 2` points remain.
 *
 * This runs in `O(points)`.
 *
 * @param curve a ROC curve
 * @param step smallest change of either rate between two kept points, e.g. 0.005
 * @returns plain arrays of the kept rates, rounded to 6 decimals (for the JSON report)
 * @example
 * thinRocCurve({ fpr: Float64Array.of(0, 0.001, 1), tpr: Float64Array.of(0, 0.001, 1) }, 0.01);
 * // => { fpr: [0, 1], tpr: [0, 1] }
 */
export function thinRocCurve(curve: RocCurve, step: number): { fpr: number[]; tpr: number[] } {
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  const last = curve.fpr.length - 1;
  const fpr: number[] = [];
  const tpr: number[] = [];
  let previous = -1;
  for (let k = 0; k <= last; k++) {
    const far =
      previous < 0 ||
      Math.abs(curve.fpr[k]! - curve.fpr[previous]!) >= step ||
      Math.abs(curve.tpr[k]! - curve.tpr[previous]!) >= step;
    if (k === 0 || k === last || far) {
      fpr.push(round(curve.fpr[k]!));
      tpr.push(round(curve.tpr[k]!));
      previous = k;
    }
  }
  return { fpr, tpr };
}
