/**
 * Tail probabilities of the reference distributions used by the catalogue's p-value tests, built on the
 * stdlib-js special functions (see drift spec §16.2 for why each form is chosen).
 */
import betainc from '@stdlib/math-base-special-betainc';
import gammainc from '@stdlib/math-base-special-gammainc';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/**
 * Chi-square survival function `chi2.sf(x, k)` = scipy `chdtrc(k, x)` = the regularized upper incomplete gamma
 * `Q(k/2, x/2)`.
 *
 * `+Infinity` gives 0 (scipy's value; stdlib's `gammainc(Infinity, …)` is NaN), `k <= 0` gives NaN (scipy's
 * value for zero degrees of freedom). Never `1 - cdf`: that loses relative accuracy for small p.
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
  return gammainc(x / 2, degreesOfFreedom / 2, true, true);
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
 * Two-sided Student t p-value `2 * stdtr(df, -|t|)`, computed as the regularized incomplete beta
 * `I_{df/(df+t²)}(df/2, 1/2)` (the closed form of scipy's CDFLIB `cdft`).
 *
 * `|t| = ∞` gives 0; NaN gives NaN.
 *
 * @param t the t statistic
 * @param degreesOfFreedom df > 0
 * @returns the two-sided p-value
 * @example
 * studentTwoSidedP(2, 10); // => 0.0733880347707404
 */
export function studentTwoSidedP(t: number, degreesOfFreedom: number): number {
  if (Number.isNaN(t) || Number.isNaN(degreesOfFreedom) || degreesOfFreedom <= 0) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  return betainc(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5, true, false);
}
