/**
 * `hellinger`: Evidently's Hellinger distance (`hellinger_distance.py`).
 *
 * Categorical: `BC = Σ_k sqrt(p_k q_k)` over the union of keys with `p = count / n`.
 * Numerical: Sturges bins over the **distinct values** of the union (not the samples), densities from
 * `np.histogram(density=True)`, `BC = Σ sqrt(d1_i d2_i) · bin_width`. Then `H = sqrt(1 − clip(BC, 0, 1))`.
 * Both sums run left to right (a Python loop). Drift if and only if `H >= threshold`.
 */
import {
  histogramCountsFromValueCounts,
  sturgesEdges,
  valueCounts,
  type MergedDistribution,
} from '../kernels/index.js';
import type { ColumnPair, StatTest, StatTestOutcome } from '../types.js';

function hellingerFromCoefficient(bhattacharyya: number): number {
  const clipped = bhattacharyya < 0 ? 0 : bhattacharyya > 1 ? 1 : bhattacharyya;
  return Math.sqrt(1 - clipped);
}

/**
 * Categorical Hellinger distance from per-key counts (the aggregate entry point).
 *
 * @param referenceCounts reference count per key of the union
 * @param currentCounts current count per key, aligned
 * @param referenceSize reference sample size
 * @param currentSize current sample size
 * @returns the distance
 * @example
 * hellingerCategoricalFromCounts([50, 50], [50, 50], 100, 100); // => 0
 */
export function hellingerCategoricalFromCounts(
  referenceCounts: ArrayLike<number>,
  currentCounts: ArrayLike<number>,
  referenceSize: number,
  currentSize: number,
): number {
  let coefficient = 0.0;
  for (let k = 0; k < referenceCounts.length; k++) {
    coefficient += Math.sqrt((referenceCounts[k]! / referenceSize) * (currentCounts[k]! / currentSize));
  }
  return hellingerFromCoefficient(coefficient);
}

/**
 * Numerical Hellinger distance from the merged distribution (distinct values with per-side counts, e.g. from
 * a database): Sturges edges on the distinct values, densities `count / width / total`, then
 * `Σ sqrt(d1 d2) · (max − min) / bins`.
 *
 * @param merged distinct pooled values with per-side counts
 * @returns the distance
 */
export function hellingerNumericalFromDistribution(merged: MergedDistribution): number {
  const keys = merged.values;
  const edges = sturgesEdges(keys[0]!, keys[keys.length - 1]!, keys.length);
  const referenceBins = histogramCountsFromValueCounts(keys, merged.referenceCounts, edges);
  const currentBins = histogramCountsFromValueCounts(keys, merged.currentCounts, edges);
  const bins = edges.length - 1;
  let referenceTotal = 0;
  let currentTotal = 0;
  for (let i = 0; i < bins; i++) {
    referenceTotal += referenceBins[i]!;
    currentTotal += currentBins[i]!;
  }
  const binWidth = (edges[bins]! - edges[0]!) / bins;
  let coefficient = 0.0;
  for (let i = 0; i < bins; i++) {
    const width = edges[i + 1]! - edges[i]!;
    const d1 = referenceBins[i]! / width / referenceTotal;
    const d2 = currentBins[i]! / width / currentTotal;
    coefficient += Math.sqrt(d1 * d2) * binWidth;
  }
  return hellingerFromCoefficient(coefficient);
}

/**
 * Evidently's Hellinger distance of a column (the branch follows the column type).
 *
 * @param pair the cleaned column pair
 * @returns the distance
 */
export function hellingerDistance(pair: ColumnPair): number {
  const counts = valueCounts(pair);
  if (pair.columnType === 'numerical') return hellingerNumericalFromDistribution(counts);
  return hellingerCategoricalFromCounts(
    counts.referenceCounts,
    counts.currentCounts,
    counts.referenceSize,
    counts.currentSize,
  );
}

/** The `hellinger` registry entry: `Hellinger distance`, categorical and numerical, 0.1, `distance >= threshold`. */
export const hellinger: StatTest = {
  id: 'hellinger',
  displayName: 'Hellinger distance',
  allowedTypes: ['categorical', 'numerical'],
  defaultThreshold: 0.1,
  scoreKind: 'distance',
  comparison: 'd>=thr',
  compute(pair: ColumnPair): StatTestOutcome {
    return { score: hellingerDistance(pair) };
  },
};
