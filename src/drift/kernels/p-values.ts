/**
 * Tail probabilities of the reference distributions used by the catalogue's p-value tests. The chi-square and
 * Student t tails are driftwatch's own (`../special/incomplete-gamma.ts`, `../special/student-t.ts`: the stdlib-js
 * functions are wrong at large degrees of freedom, as those modules explain); the normal tail is stdlib-js's
 * `normal-cdf`, which is within 2e-13 relative of the exact tail down to the smallest denormal (as scipy's own
 * `ndtr` is), checked against committed vectors.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { regularizedUpperGamma } from '../special/incomplete-gamma.js';
import { studentTwoSidedTail } from '../special/student-t.js';

/**
 * Chi-square survival function `chi2.sf(x, k)` = scipy `chdtrc(k, x)` = the regularized upper incomplete gamma
 * `Q(k/2, x/2)`, accurate to ~3e-13 relative for k up to 2e6 and statistics up to 2e7, including p-values in the
 * denormal range (scipy flushes those below ~1e-308 to 0; the decision is the same).
 *
 * `+Infinity` gives 0 (scipy's value), `k <= 0` gives NaN (scipy's value for zero degrees of freedom). Never
 * `1 - cdf`: that loses relative accuracy for small p.
 *
 * @param x the statistic (≥ 0)
 * @param degreesOfFreedom k
 * @returns the upper tail probability
 * @example
 * chiSquareSf(5.5, 2); // => 0.06392786120670757
 */
export function chiSquareSf(x: number, degreesOfFreedom: number): number {
  if (Number.isNaN(x) || Number.isNaN(degreesOfFreedom) || degreesOfFreedom <= 0) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (x <= 0) return 1;
  return regularizedUpperGamma(degreesOfFreedom / 2, x / 2);
}

/**
 * Standard normal survival function `norm.sf(z)` = Φ(-z), accurate in the upper tail (erfc based).
 *
 * @param z the standardised statistic
 * @returns `P(Z > z)`
 * @example
 * normalSf(1.959963984540054); // => 0.025000000000000015
 */
export function normalSf(z: number): number {
  return normalCdf(-z, 0, 1);
}

/**
 * Two-sided Student t p-value `2 * stdtr(df, -|t|)` = the regularized incomplete beta `I_{df/(df+t²)}(df/2, 1/2)`
 * (what scipy's CDFLIB `cdft` evaluates), accurate to ~3e-13 relative for df up to 1e15, p-values in the denormal
 * range included.
 *
 * `|t| = ∞` gives 0; NaN gives NaN.
 *
 * @param t the t statistic
 * @param degreesOfFreedom df > 0
 * @returns the two-sided p-value
 * @example
 * studentTwoSidedP(2, 10); // => 0.07338803477074039
 */
export function studentTwoSidedP(t: number, degreesOfFreedom: number): number {
  return studentTwoSidedTail(t, degreesOfFreedom);
}
