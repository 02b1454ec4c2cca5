/**
 * `chisquare`: Pearson's chi-square test of the current counts against the reference counts rescaled to the
 * current size, Evidently's `chisquare_stattest.py` → `scipy.stats.chisquare(f_obs, f_exp)`.
 *
 * Keys are the union of both sides. A key only in the current sample has expected count 0, so the
 * statistic is +∞ and p = 0 (always drift). One key on both sides gives 0 degrees of freedom and p = NaN
 * (never drift, Evidently issue #1929). Drift if and only if `p < threshold`.
 */
import { pairwiseSum, valueCounts } from '../kernels/index.js';
import { chiSquareSf } from '../kernels/p-values.js';
import { StatTestSkip, type ColumnPair, type StatTest, type StatTestOutcome } from '../types.js';

/** scipy `power_divergence`'s relative tolerance on `|Σobs − Σexp| / min(Σobs, Σexp)`. */
const SUM_RELATIVE_TOLERANCE = 1e-8;

/** Statistic and p-value of a chi-square test. */
export interface ChiSquareResult {
  readonly statistic: number;
  readonly pValue: number;
  readonly degreesOfFreedom: number;
}

/**
 * Evidently's chi-square from per-key counts (column data or database aggregates):
 * `f_obs = currentCounts`, `f_exp = referenceCounts · (currentSize / referenceSize)`,
 * `stat = Σ (obs − exp)² / exp` (numpy pairwise sum), `p = chi2.sf(stat, K − 1)`.
 *
 * This runs in `O(K)`.
 *
 * @param referenceCounts reference count per key (keys aligned with `currentCounts`; union of both sides)
 * @param currentCounts current count per key
 * @param referenceSize reference sample size
 * @param currentSize current sample size
 * @throws {StatTestSkip} if the observed and expected sums disagree beyond 1e-8 relative (scipy raises)
 * @returns the statistic, p-value and degrees of freedom
 * @example
 * chiSquareFromCounts([1, 2, 1], [3, 1, 0], 4, 4).pValue; // => 0.06392786120670757 (e^-2.75: [1,1,2,0] vs [0,0,0,1])
 */
export function chiSquareFromCounts(
  referenceCounts: ArrayLike<number>,
  currentCounts: ArrayLike<number>,
  referenceSize: number,
  currentSize: number,
): ChiSquareResult {
  const keys = referenceCounts.length;
  const scale = currentSize / referenceSize; // Evidently's k_norm
  const observed = new Float64Array(keys);
  const expected = new Float64Array(keys);
  for (let k = 0; k < keys; k++) {
    observed[k] = currentCounts[k]!;
    expected[k] = referenceCounts[k]! * scale;
  }
  const observedSum = pairwiseSum(observed);
  const expectedSum = pairwiseSum(expected);
  if (Math.abs(observedSum - expectedSum) / Math.min(observedSum, expectedSum) > SUM_RELATIVE_TOLERANCE) {
    throw new StatTestSkip(
      `chisquare: observed and expected frequencies sum to ${observedSum} and ${expectedSum}; scipy raises when they differ by more than 1e-8 relative`,
    );
  }
  const terms = new Float64Array(keys);
  for (let k = 0; k < keys; k++) {
    const d = observed[k]! - expected[k]!;
    terms[k] = (d * d) / expected[k]!;
  }
  const statistic = pairwiseSum(terms);
  const degreesOfFreedom = keys - 1;
  return { statistic, pValue: chiSquareSf(statistic, degreesOfFreedom), degreesOfFreedom };
}

/**
 * Chi-square test of a column over the union of its keys.
 *
 * @param pair the cleaned column pair
 * @returns the statistic, p-value and degrees of freedom
 */
export function chiSquare(pair: ColumnPair): ChiSquareResult {
  const counts = valueCounts(pair);
  return chiSquareFromCounts(
    counts.referenceCounts,
    counts.currentCounts,
    counts.referenceSize,
    counts.currentSize,
  );
}

/** The `chisquare` registry entry: `chi-square p_value`, categorical, default 0.05, drift when `p < threshold`. */
export const chisquare: StatTest = {
  id: 'chisquare',
  displayName: 'chi-square p_value',
  allowedTypes: ['categorical'],
  defaultThreshold: 0.05,
  scoreKind: 'p_value',
  comparison: 'p<thr',
  compute(pair: ColumnPair): StatTestOutcome {
    const result = chiSquare(pair);
    const warnings =
      result.degreesOfFreedom === 0
        ? [
            'chi-square with a single category has 0 degrees of freedom: p-value is NaN (Evidently: never drift)',
          ]
        : undefined;
    return { score: result.pValue, statistic: result.statistic, ...(warnings ? { warnings } : {}) };
  },
};
