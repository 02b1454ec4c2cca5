/**
 * `t_test`: Student's two-sample t-test with pooled variance (scipy `ttest_ind(ref, cur)`, `equal_var=True`,
 * two-sided), Evidently's `t_test.py`.
 *
 * `t = (mean_ref − mean_cur) / sqrt(sp² (1/n1 + 1/n2))` with `sp² = ((n1−1)s1² + (n2−1)s2²) / (n1 + n2 − 2)`;
 * `p = 2·stdtr(df, −|t|)`. Where scipy's t is not a number — two constant samples with equal means (0/0), a side
 * with one value (its ddof-1 variance is 0/0) — the p-value is NaN as in scipy and Evidently (never drift), and a
 * warning says why. Drift if and only if `p < threshold`.
 */
import { pairwiseSum, pairwiseSumOfRuns } from '../kernels/pairwise-sum.js';
import type { Runs } from '../kernels/runs.js';
import {
  cachedSortedSide,
  currentRuns,
  currentSize,
  referenceRuns,
  referenceSize,
} from '../kernels/side-runs.js';
import { studentTwoSidedP } from '../kernels/p-values.js';
import type { ColumnPair, StatTest, StatTestOutcome } from '../types.js';

/**
 * scipy `_var(x, ddof=1)`: `mean((x − mean(x))²) · n/(n−1)`, sums pairwise as numpy does over the side sorted
 * (row order does not matter to the test), taken from its runs without laying the side out.
 */
function meanAndSampleVariance(runs: Runs): { n: number; mean: number; variance: number } {
  const n = runs.total;
  const mean = pairwiseSumOfRuns({ lengths: runs.counts, values: runs.values }) / n;
  const squares = new Float64Array(runs.values.length);
  for (let k = 0; k < squares.length; k++) {
    const deviation = runs.values[k]! - mean;
    squares[k] = deviation * deviation;
  }
  return {
    n,
    mean,
    variance: (pairwiseSumOfRuns({ lengths: runs.counts, values: squares }) / n) * (n / (n - 1)),
  };
}

/** {@link meanAndSampleVariance} of a sorted side laid out (the same sums, faster when most values are distinct). */
function meanAndSampleVarianceSorted(values: Float64Array): { n: number; mean: number; variance: number } {
  const n = values.length;
  const mean = pairwiseSum(values) / n;
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const deviation = values[i]! - mean;
    squares[i] = deviation * deviation;
  }
  return { n, mean, variance: (pairwiseSum(squares) / n) * (n / (n - 1)) };
}

/** The moments of one side: over its sorted copy when the pair holds one, else over its runs. */
function sideMoments(
  pair: ColumnPair,
  side: 'reference' | 'current',
): { n: number; mean: number; variance: number } {
  // Finding the runs sorts a side with many distinct values (and caches the sorted copy).
  const runs = side === 'reference' ? referenceRuns(pair) : currentRuns(pair);
  const sorted = cachedSortedSide(pair, side);
  return sorted ? meanAndSampleVarianceSorted(sorted) : meanAndSampleVariance(runs);
}

/**
 * Student's t-test for two independent samples with equal variances.
 *
 * Sums run over each side in ascending order (from its runs), so the result does not depend on row order.
 * This runs in `O(k log n)` for k runs.
 *
 * @param pair the cleaned column pair (each side needs at least 2 values for a finite result)
 * @returns the t statistic and two-sided p-value
 * @example
 * studentTTest(pairOf([38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0],
 *                     [39.2, 39.3, 39.7, 41.4, 41.8, 42.9, 43.3, 45.8])).pValue; // ≈ 0.08410572024397052 (scipy)
 */
export function studentTTest(pair: ColumnPair): { statistic: number; pValue: number } {
  const reference = sideMoments(pair, 'reference');
  const current = sideMoments(pair, 'current');
  const n1 = reference.n;
  const n2 = current.n;
  const df = n1 + n2 - 2;
  const pooledVariance = ((n1 - 1) * reference.variance + (n2 - 1) * current.variance) / df;
  const denominator = Math.sqrt(pooledVariance * (1 / n1 + 1 / n2));
  const statistic = (reference.mean - current.mean) / denominator;
  return { statistic, pValue: studentTwoSidedP(statistic, df) };
}

/** Why scipy's t statistic is NaN on this pair (the p-value then is NaN and never drift). */
function undefinedReason(pair: ColumnPair): string {
  const sides = [referenceSize(pair), currentSize(pair)];
  if (Math.min(...sides) < 2) {
    return `t-test needs at least 2 values per side (reference ${sides[0]}, current ${sides[1]}): a single value has no sample variance, so scipy's p-value is NaN (Evidently: never drift)`;
  }
  return "t-test on samples with zero pooled variance and equal means (or values beyond double range): t is 0/0, so scipy's p-value is NaN (Evidently: never drift)";
}

export const tTest: StatTest = {
  id: 't_test',
  displayName: 't_test',
  allowedTypes: ['numerical'],
  defaultThreshold: 0.05,
  scoreKind: 'p_value',
  comparison: 'p<thr',
  compute(pair: ColumnPair): StatTestOutcome {
    const { statistic, pValue } = studentTTest(pair);
    if (!Number.isNaN(pValue)) return { score: pValue, statistic };
    return { score: pValue, statistic, warnings: [undefinedReason(pair)] };
  },
};
