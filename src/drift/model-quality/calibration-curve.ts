/**
 * Reliability (calibration) curve: predicted probabilities grouped into equal-width bins over [0, 1], each bin's
 * mean prediction against its observed positive rate, as `sklearn.calibration.calibration_curve(y, p, n_bins=10)`
 * (strategy "uniform"): bin edges `i / n` as `np.linspace` computes them, a probability on an inner edge falls in
 * the lower bin (`np.searchsorted` on the inner edges), sums accumulated in row order (`np.bincount`), empty bins
 * left out.
 */
import type { BinarySample } from './binary-sample.js';

/** One non-empty bin of the calibration curve. */
export interface CalibrationBin {
  /** Bin edges: `(lower, upper]`, the first bin also holding 0. */
  lower: number;
  upper: number;
  /** Labelled rows whose probability falls in the bin. */
  count: number;
  /** Mean predicted probability of those rows (scikit-learn's `prob_pred`). */
  mean_predicted: number;
  /** Share of those rows with label 1 (scikit-learn's `prob_true`). */
  observed_rate: number;
}

/**
 * Equal-width bin edges over [0, 1], as `np.linspace(0, 1, bins + 1)`: `i · (1 / bins)`, the last edge exactly 1.
 *
 * @param bins number of bins (at least 1)
 * @returns `bins + 1` edges
 * @example
 * linspaceEdges(10)[3]; // => 0.30000000000000004
 */
export function linspaceEdges(bins: number): Float64Array {
  const step = 1 / bins;
  const edges = Float64Array.from({ length: bins + 1 }, (_, i) => i * step);
  edges[bins] = 1;
  return edges;
}

/**
 * The calibration curve of a binary sample.
 *
 * This runs in `O(n log bins)`.
 *
 * @param sample probabilities in [0, 1] and labels
 * @param bins number of equal-width bins (scikit-learn's default is 5; driftwatch charts 10)
 * @returns the non-empty bins, in order
 * @example
 * calibrationCurve(binarySample(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1)), 2).map((b) => b.observed_rate);
 * // => [1 / 3, 1]
 */
export function calibrationCurve(sample: BinarySample, bins: number): CalibrationBin[] {
  const edges = linspaceEdges(bins);
  const counts = new Float64Array(bins);
  const sums = new Float64Array(bins);
  const positives = new Float64Array(bins);
  const { scores, labels } = sample;
  for (let row = 0; row < scores.length; row++) {
    const probability = scores[row]!;
    // Number of inner edges strictly below the probability (searchsorted, side "left").
    let low = 0;
    let high = bins - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (edges[middle + 1]! < probability) low = middle + 1;
      else high = middle;
    }
    counts[low]++;
    sums[low] += probability;
    positives[low] += labels[row]!;
  }
  const curve: CalibrationBin[] = [];
  for (let bin = 0; bin < bins; bin++) {
    const count = counts[bin]!;
    if (count === 0) continue;
    curve.push({
      lower: edges[bin]!,
      upper: edges[bin + 1]!,
      count,
      mean_predicted: sums[bin]! / count,
      observed_rate: positives[bin]! / count,
    });
  }
  return curve;
}
