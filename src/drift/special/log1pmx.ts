/**
 * `ln(1 + x) − x`, the exponent of every gamma-type tail: Q(a, x) ∝ exp(a · log1pmx((x − a)/a)), so its
 * relative error is multiplied by |exponent| (up to ~745) in the p-value.
 *
 * Hand-written because `@stdlib/math-base-special-log1pmx` 0.2.4 sums the Taylor series term by term and is off
 * by up to 5 ulp near |x| = 0.95 (e.g. 1.2e-15 relative at x = 0.949), which becomes 6e-13 in a chi-square tail.
 * Here `ln(1 + x) = 2 atanh(u)` with `u = x / (2 + x)`, so `ln(1 + x) − x = u · (2u² S − x)` with
 * `S = Σ_k u^{2k} / (2k + 3)`: the subtraction `2u²S − x` never cancels (|2u²S| < |x| / 3), and u is formed with
 * the rounding error of `2 + x` corrected, so the result is within ~1 ulp.
 */

/** Outside this range `ln(1 + x) − x` loses at most a factor ~2 to cancellation and the series is slow. */
const SERIES_MIN = -0.7;
const SERIES_MAX = 2;

/**
 * `ln(1 + x) − x` for x > −1, accurate to ~1 ulp.
 *
 * @param x the argument (−1 gives −∞, below −1 NaN)
 * @returns `ln(1 + x) − x` (≤ 0)
 * @example
 * log1pmx(0.8); // => -0.21221333509788104
 */
export function log1pmx(x: number): number {
  if (Number.isNaN(x) || x < -1) return Number.NaN;
  if (x === -1) return Number.NEGATIVE_INFINITY;
  if (x < SERIES_MIN || x > SERIES_MAX) return Math.log1p(x) - x;
  // u = x / (2 + x), with 2 + x = sum + sumError exactly (Fast2Sum, valid as |x| ≤ 2 here).
  const sum = 2 + x;
  const sumError = x - (sum - 2);
  const quotient = x / sum;
  const u = quotient - (quotient * sumError) / sum;
  const u2 = u * u;
  let s = 0;
  let power = 1;
  for (let k = 0; k < 80; k++) {
    const term = power / (2 * k + 3);
    s += term;
    if (term <= 1e-17 * s) break;
    power *= u2;
  }
  return u * (2 * u2 * s - x);
}
