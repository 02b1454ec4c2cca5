/**
 * `g_test`: the G-test (log-likelihood ratio) of current counts against reference counts, Evidently's
 * `g_stattest.py` → `scipy.stats.power_divergence(f_obs=counts_cur, f_exp=counts_ref, lambda_="log-likelihood")`.
 *
 * Evidently 0.7.21 passes the reference counts **unscaled** as expected frequencies, so scipy (≥ 1.9) raises
 * unless both sides have the same size (sums must agree to 1e-8 relative): the column is then skipped with
 * that reason. `G = 2 Σ obs·ln(obs/exp)` (0 where obs = 0; ∞ for a key absent from the reference,
 * giving p = 0); `p = chi2.sf(G, K − 1)`. One key on both sides gives 0 degrees of freedom and p = NaN, as in
 * scipy and Evidently (never drift), reported with a warning that says why. Drift if and only if `p < threshold`.
 */
import { pairwiseSum, valueCounts } from '../kernels/index.js';
import { chiSquareSf } from '../kernels/p-values.js';
import { StatTestSkip, type ColumnPair, type StatTest, type StatTestOutcome } from '../types.js';

/** scipy `power_divergence`'s tolerance on the observed/expected sums. */
const SUM_RELATIVE_TOLERANCE = 1e-8;

/**
 * G-test p-value of the current counts against the reference counts over the union of keys.
 *
 * This runs in `O(K)` after the column's value counts.
 *
 * @param pair the cleaned column pair
 * @throws {StatTestSkip} if the two sides differ in size (scipy raises; Evidently does not rescale)
 * @returns the G statistic and p-value
 * @example
 * gTest(pairOf(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b'])).pValue; // => 0.3063154055027368
 */
export function gTest(pair: ColumnPair): { statistic: number; pValue: number } {
  const counts = valueCounts(pair);
  const observedSum = counts.currentSize;
  const expectedSum = counts.referenceSize;
  if (Math.abs(observedSum - expectedSum) / Math.min(observedSum, expectedSum) > SUM_RELATIVE_TOLERANCE) {
    throw new StatTestSkip(
      `g_test requires equal sample sizes (reference ${expectedSum}, current ${observedSum}): ` +
        'scipy power_divergence raises because the observed and expected sums differ',
    );
  }
  const keys = counts.values.length;
  const terms = new Float64Array(keys);
  for (let k = 0; k < keys; k++) {
    const observed = counts.currentCounts[k]!;
    const expected = counts.referenceCounts[k]!;
    // scipy: 2 * xlogy(obs, obs / exp); xlogy(0, ·) = 0.
    terms[k] = observed === 0 ? 0 : 2 * observed * Math.log(observed / expected);
  }
  const statistic = pairwiseSum(terms);
  return { statistic, pValue: chiSquareSf(statistic, keys - 1) };
}

export const gTestStatTest: StatTest = {
  id: 'g_test',
  displayName: 'g_test',
  allowedTypes: ['categorical'],
  defaultThreshold: 0.1,
  scoreKind: 'p_value',
  comparison: 'p<thr',
  compute(pair: ColumnPair): StatTestOutcome {
    const { statistic, pValue } = gTest(pair);
    return Number.isNaN(pValue)
      ? {
          score: pValue,
          statistic,
          warnings: [
            'g_test with a single category has 0 degrees of freedom: p-value is NaN (Evidently: never drift)',
          ],
        }
      : { score: pValue, statistic };
  },
};
