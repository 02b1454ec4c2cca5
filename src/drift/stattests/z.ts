/**
 * `z`: Evidently's two-proportion Z-test (`z_stattest.py`). The smallest key of the union (in
 * Python `sorted` order, which the column encoding preserves) maps to 0 and every other value to 1, so with more
 * than two categories it tests "smallest category vs the rest". Both sides holding the same single value give
 * p = 1. The p-value is literally `2 * (1 - Φ(|z|))`, which underflows to 0 for |z| above about 8.3, as in
 * Evidently. Drift if and only if `p < threshold`.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { currentDistinctCount, referenceDistinctCount, valueCounts } from '../kernels/index.js';
import type { ColumnPair, StatTest, StatTestOutcome } from '../types.js';

/** Statistic and p-value of the Z-test. */
export interface ZTestResult {
  /** z, NaN when p = 1 is decided without a statistic (same single value on both sides). */
  readonly statistic: number;
  readonly pValue: number;
}

/**
 * Two-proportion Z-test from counts (column data or database aggregates), as Evidently computes it:
 * `p1 = ones1 / n1`, `p2 = ones2 / n2`, `P = (p1 n1 + p2 n2) / (n1 + n2)`,
 * `z = (p1 − p2) / sqrt(P (1 − P) (1/n1 + 1/n2))`, `p = 2 (1 − Φ(|z|))`.
 *
 * @param referenceOnes reference values that are not the smallest key
 * @param referenceSize reference sample size
 * @param currentOnes current values that are not the smallest key
 * @param currentSize current sample size
 * @returns z and the two-sided p-value
 * @example
 * twoProportionZTest(40, 100, 55, 100).pValue; // => 0.03367206885634588 (vector E; Evidently: 0.03367206885634566)
 */
export function twoProportionZTest(
  referenceOnes: number,
  referenceSize: number,
  currentOnes: number,
  currentSize: number,
): ZTestResult {
  const n1 = referenceSize;
  const n2 = currentSize;
  const p1 = referenceOnes / n1;
  const p2 = currentOnes / n2;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const statistic = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
  // Literally 2 * (1 - Φ(|z|)): Evidently's form, including its underflow to 0 in the far tail.
  return { statistic, pValue: 2 * (1 - normalCdf(Math.abs(statistic), 0, 1)) };
}

/**
 * Evidently's Z-test of a column.
 *
 * @param pair the cleaned column pair
 * @returns z and the p-value
 */
export function zTest(pair: ColumnPair): ZTestResult {
  const counts = valueCounts(pair);
  if (
    referenceDistinctCount(counts) === 1 &&
    currentDistinctCount(counts) === 1 &&
    counts.values.length === 1
  ) {
    return { statistic: NaN, pValue: 1 };
  }
  // Index 0 of the merged distribution is the smallest key of the union.
  const referenceOnes = counts.referenceSize - counts.referenceCounts[0]!;
  const currentOnes = counts.currentSize - counts.currentCounts[0]!;
  return twoProportionZTest(referenceOnes, counts.referenceSize, currentOnes, counts.currentSize);
}

/** The `z` registry entry: `Z-test p_value`, categorical (also run on ≤ 2-value numerical columns by default), 0.05, `p < threshold`. */
export const z: StatTest = {
  id: 'z',
  displayName: 'Z-test p_value',
  allowedTypes: ['categorical'],
  defaultThreshold: 0.05,
  scoreKind: 'p_value',
  comparison: 'p<thr',
  compute(pair: ColumnPair): StatTestOutcome {
    const result = zTest(pair);
    return Number.isNaN(result.statistic)
      ? { score: result.pValue }
      : { score: result.pValue, statistic: result.statistic };
  },
};
