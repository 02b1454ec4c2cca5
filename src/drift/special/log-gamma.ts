/**
 * Log-gamma pieces that the tail probabilities need without the cancellation of subtracting two large
 * `lnΓ` values: Stirling's remainder and the ratio `Γ(a + ½) / Γ(a)`.
 */
import gammaln from '@stdlib/math-base-special-gammaln';

/** ½ ln(2π). */
export const HALF_LN_TWO_PI = 0.9189385332046728;

/**
 * Stirling's series coefficients B_{2k} / (2k (2k − 1)) for k = 1..8: the remainder
 * `μ(a) = lnΓ(a) − (a − ½) ln a + a − ½ ln(2π) = Σ_k B_{2k} / (2k (2k − 1) a^{2k−1})`.
 */
const STIRLING = [
  1 / 12,
  -1 / 360,
  1 / 1260,
  -1 / 1680,
  1 / 1188,
  -691 / 360360,
  1 / 156,
  -3617 / 122400,
] as const;

/** Below this, μ(a) is taken from lnΓ directly (the series above needs a ≥ 10 for full precision). */
const STIRLING_MIN_ARGUMENT = 10;

/**
 * Stirling's remainder `μ(a) = lnΓ(a) − (a − ½) ln a + a − ½ ln(2π)` for a > 0, to full double precision.
 * For a ≥ 10 the asymptotic series (eight terms leave a relative error below 1e-17); below, the definition with
 * stdlib's `gammaln` (there all three terms are small, so nothing cancels).
 *
 * @param a the argument (> 0)
 * @returns μ(a), about 1 / (12a) for large a
 * @example
 * stirlingRemainder(10); // => 0.008330563433362869
 */
export function stirlingRemainder(a: number): number {
  if (a < STIRLING_MIN_ARGUMENT) return gammaln(a) - (a - 0.5) * Math.log(a) + a - HALF_LN_TWO_PI;
  const inverseSquare = 1 / (a * a);
  let sum = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) sum = sum * inverseSquare + STIRLING[k]!;
  return sum / a;
}

/** TOMS 708 `algdiv` polynomial coefficients for the difference of Stirling remainders. */
const ALGDIV = [
  0.833333333333333e-1, -0.277777777760991e-2, 0.79365066682539e-3, -0.59520293135187e-3,
  0.837308034031215e-3, -0.165322962780713e-2,
] as const;

/**
 * `ln(Γ(a + ½) / Γ(a))` for a > 0, about ½ ln a for large a.
 *
 * For a ≥ 8 this is TOMS 708's `algdiv(½, a)` (DiDonato & Morris 1992, the routine scipy's CDFLIB uses for the
 * same ratio), which never forms the two large log-gammas; below 8 both log-gammas are small and are subtracted
 * directly.
 *
 * @param a the argument (> 0)
 * @returns `lnΓ(a + ½) − lnΓ(a)`
 * @example
 * logGammaRatioHalf(8); // => 1.0241058962355833
 */
export function logGammaRatioHalf(a: number): number {
  if (a < 8) return gammaln(a + 0.5) - gammaln(a);
  // algdiv(b = ½, a): ln(Γ(a) / Γ(a + b)), negated.
  const b = 0.5;
  const h = b / a;
  const c = h / (1 + h);
  const x = 1 / (1 + h);
  const d = a + (b - 0.5);
  const x2 = x * x;
  const s3 = 1 + (x + x2);
  const s5 = 1 + (x + x2 * s3);
  const s7 = 1 + (x + x2 * s5);
  const s9 = 1 + (x + x2 * s7);
  const s11 = 1 + (x + x2 * s9);
  const t = (1 / a) ** 2;
  const [c0, c1, c2, c3, c4, c5] = ALGDIV;
  let w = ((((c5 * s11 * t + c4 * s9) * t + c3 * s7) * t + c2 * s5) * t + c1 * s3) * t + c0;
  w *= c / a;
  const u = d * Math.log1p(b / a);
  const v = b * (Math.log(a) - 1);
  const algdiv = u <= v ? w - u - v : w - v - u;
  return -algdiv;
}
