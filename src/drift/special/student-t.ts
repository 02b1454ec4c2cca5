/**
 * The two-sided Student t tail `P(|T_ν| ≥ |t|) = 2 · stdtr(ν, −|t|) = I_x(ν/2, ½)` with `x = ν / (ν + t²)`, the
 * p-value of `t_test`.
 *
 * Hand-written because the library route loses the small number that matters: `@stdlib/math-base-special-betainc`
 * 0.2.3 takes x only and forms 1 − x = t² / (ν + t²) internally, so for large ν the rounding of x (relative 1e-16)
 * is multiplied by ν/2 — 2.6e-12 relative at ν = 1e5, 1e-9 at ν = 1e8, 0.09 at ν = 1e15 (where x rounds to 1
 * for t = 0.1 and the p-value comes out 1). scipy 1.10.1 evaluates the same function with CDFLIB's `bratio`
 * (TOMS 708, DiDonato & Morris 1992), which is given both x and 1 − x. This module follows that algorithm's
 * choice of method for b = ½, with x, 1 − x and ln x all formed from r = t²/ν without cancellation:
 * - x ≤ 0.7: the power series of I_x(a, b) (TOMS 708 `bpser`), all terms positive;
 * - x > 0.7, small a·(1 − x): 1 − I_{1−x}(½, a) by the same series (the p-value is above ~0.3 there);
 * - otherwise: `bgrat`, the asymptotic expansion for large a and b ≤ 1 in incomplete gamma functions, which for
 *   b = ½ are `erfc` (the normal tail is its first term); for a < 15 it is applied at a + 20 and the difference
 *   is the finite positive sum of `bup`.
 * Every branch is evaluated in logarithms, so p-values down to the smallest denormal are returned rather than 0
 * (CDFLIB's result underflows to 0 below ~1e-300).
 */
import erfc from '@stdlib/math-base-special-erfc';
import erfcx from '@stdlib/math-base-special-erfcx';
import { logGammaRatioHalf } from './log-gamma.js';

const EPSILON = 2.220446049250313e-16;
const HALF_LN_PI = 0.5723649429247001;
/** `bgrat` needs a ≥ 15; below, the expansion is applied at a + `SHIFT` (TOMS 708 `bratio`). */
const BGRAT_MIN_A = 15;
const SHIFT = 20;

/** The logarithm of `x^a / (a · B(a, ½))`: the prefactor of the series for I_x(a, ½). */
function logSeriesPrefactor(a: number, logX: number): number {
  return a * logX - Math.log(a) - HALF_LN_PI + logGammaRatioHalf(a);
}

/**
 * `I_x(a, ½)` by the power series `x^a / (a B(a, ½)) · [1 + a Σ_{j≥1} (½)_j x^j / (j! (a + j))]` (TOMS 708
 * `bpser` for b = ½), for x ≤ 0.7. Returned as a logarithm.
 */
function logSeriesLowerTail(a: number, x: number, logX: number): number {
  let sum = 0;
  let c = 1;
  for (let j = 1; j < 2000; j++) {
    c *= ((j - 0.5) / j) * x;
    const term = c / (a + j);
    sum += term;
    if (term <= EPSILON * 0.25 * (1 / a + sum)) break;
  }
  return logSeriesPrefactor(a, logX) + Math.log1p(a * sum);
}

/**
 * `I_y(½, a)` by the same series with the parameters swapped: `y^½ / (½ B(½, a)) · [1 + ½ Σ_{j≥1} (1 − a)_j y^j /
 * (j! (½ + j))]`, for a·y ≤ 0.49 or a ≤ 1 (the terms then shrink geometrically).
 */
function seriesUpperPart(a: number, y: number, logY: number): number {
  let sum = 0;
  let c = 1;
  for (let j = 1; j < 2000; j++) {
    c *= ((j - a) / j) * y;
    const term = c / (0.5 + j);
    sum += term;
    if (Math.abs(term) <= EPSILON * 0.25 * Math.abs(2 + sum)) break;
  }
  const logPrefactor = 0.5 * logY + Math.LN2 - HALF_LN_PI + logGammaRatioHalf(a);
  return Math.exp(logPrefactor) * (1 + 0.5 * sum);
}

/**
 * `I_x(a, ½) − I_x(a + n, ½) = Σ_{i<n} x^{a+i} y^½ / ((a + i) B(a + i, ½))` (TOMS 708 `bup`): positive terms,
 * each the previous times `x (a + i + ½) / (a + i + 1)`. Returned as a logarithm (−∞ for an empty sum).
 */
function logShiftSum(a: number, n: number, x: number, logX: number, logY: number): number {
  const logFirst = logSeriesPrefactor(a, logX) + 0.5 * logY;
  let term = 1;
  let sum = 1;
  for (let i = 0; i < n - 1; i++) {
    term *= (x * (a + i + 0.5)) / (a + i + 1);
    sum += term;
  }
  return logFirst + Math.log(sum);
}

/**
 * TOMS 708 `bgrat` for b = ½: the asymptotic expansion of I_x(a, ½) for a ≥ 15 (DiDonato & Morris 1992, §9), with
 * `z = −(a − ¼) ln x` and the incomplete gamma ratio `Q(½, z) = erfc(√z)`. `logAdded` is the logarithm of what the
 * caller adds to the result (it enters only the stopping rule). Returns the logarithm of the expansion, or NaN if
 * the expansion cannot be formed (TOMS 708's `ierr` cases; not reached for b = ½ and x > 0.7).
 */
function logAsymptoticLowerTail(a: number, logX: number, logAdded: number): number {
  const b = 0.5;
  const bm1 = b - 1;
  const nu = a + 0.5 * bm1;
  const z = -nu * logX;
  // u = e^{−z} z^b / Γ(b) · Γ(a + b) / (Γ(a) nu^b): the factor taken out of the expansion.
  const logU = -z + 0.5 * Math.log(z) - HALF_LN_PI + logGammaRatioHalf(a) - 0.5 * Math.log(nu);
  const sqrtZ = Math.sqrt(z);
  // j_0 = Q(½, z) / (e^{−z} z^½ / Γ(½)) = √π erfcx(√z) / √z, free of underflow.
  let j = (Math.sqrt(Math.PI) * erfcx(sqrtZ)) / sqrtZ;
  const l = Number.isFinite(logAdded) ? Math.exp(logAdded - logU) : 0;
  const v = 0.25 / (nu * nu);
  const t2 = 0.25 * logX * logX;
  let sum = j;
  let t = 1;
  let cn = 1;
  let n2 = 0;
  const c: number[] = [];
  const d: number[] = [];
  for (let n = 1; n <= 30; n++) {
    const bp2n = b + n2;
    j = (bp2n * (bp2n + 1) * j + (z + bp2n + 1) * t) * v;
    n2 += 2;
    t *= t2;
    cn /= n2 * (n2 + 1);
    c.push(cn);
    let s = 0;
    let coefficient = b - n;
    for (let i = 1; i <= n - 1; i++) {
      s += coefficient * c[i - 1]! * d[n - 1 - i]!;
      coefficient += b;
    }
    const dn = bm1 * cn + s / n;
    d.push(dn);
    const dj = dn * j;
    sum += dj;
    if (sum <= 0) return Number.NaN;
    if (Math.abs(dj) <= EPSILON * 0.25 * (sum + l)) break;
  }
  return logU + Math.log(sum);
}

/** `ln(e^p + e^q)` for p ≥ q or either −∞. */
function logAdd(p: number, q: number): number {
  if (q === Number.NEGATIVE_INFINITY) return p;
  if (p === Number.NEGATIVE_INFINITY) return q;
  const [hi, lo] = p >= q ? [p, q] : [q, p];
  return hi + Math.log1p(Math.exp(lo - hi));
}

/**
 * Two-sided Student t p-value `2 · stdtr(ν, −|t|)`, accurate to ~1e-13 relative for ν from 0.5 to 1e15 and
 * p-values into the denormal range (see the committed vectors).
 *
 * `t = 0` gives 1; `|t| = ∞` gives 0; ν = ∞ gives the normal tail `erfc(|t| / √2)`; NaN or ν ≤ 0 gives NaN.
 *
 * @param t the t statistic
 * @param degreesOfFreedom ν > 0
 * @returns the two-sided p-value
 * @example
 * studentTwoSidedTail(5, 1e8); // => 5.733041101267302e-7
 */
export function studentTwoSidedTail(t: number, degreesOfFreedom: number): number {
  const nu = degreesOfFreedom;
  if (Number.isNaN(t) || Number.isNaN(nu) || nu <= 0) return Number.NaN;
  const absT = Math.abs(t);
  if (absT === Number.POSITIVE_INFINITY) return 0;
  if (absT === 0) return 1;
  if (nu === Number.POSITIVE_INFINITY) return erfc(absT * Math.SQRT1_2);
  const a = nu / 2;
  // r = t² / ν; x = 1 / (1 + r), y = 1 − x = r / (1 + r), ln x = −ln(1 + r), ln y = ln r − ln(1 + r).
  const r = (absT * absT) / nu;
  let logX: number;
  let logY: number;
  let x: number;
  let y: number;
  if (Number.isFinite(r)) {
    logX = -Math.log1p(r);
    logY = Math.log(r) + logX;
    x = 1 / (1 + r);
    y = r / (1 + r);
  } else {
    // t² / ν overflows: ln(1 + r) = ln r to double precision.
    logX = -(2 * Math.log(absT) - Math.log(nu));
    logY = 0;
    x = Math.exp(logX);
    y = 1;
  }
  if (x <= 0.7) return Math.exp(logSeriesLowerTail(a, x, logX));
  if ((y < 0.1 && a * y <= 0.49) || a <= 1) return 1 - seriesUpperPart(a, y, logY);
  const shift = a < BGRAT_MIN_A ? SHIFT : 0;
  const logShift = shift > 0 ? logShiftSum(a, shift, x, logX, logY) : Number.NEGATIVE_INFINITY;
  const logTail = logAsymptoticLowerTail(a + shift, logX, logShift);
  return Math.exp(logAdd(logTail, logShift));
}
