/**
 * The two-sided one-sample Kolmogorov–Smirnov distribution `kolmogn(n, x) = P(D_n <= x)` and scipy's
 * `kstwo.sf(x, n)`, ported from scipy 1.10.1's `scipy/stats/_ksstats.py` (Simard & L'Ecuyer's selection among
 * the Ruben–Gambino closed forms, the Durbin matrix algorithm in the Marsaglia–Tsang–Wang form, the Pomeranz
 * recursion, the Pelz–Good approximation and `2 * smirnov(n, x)`).
 *
 * Hand-written because no npm package implements the finite-n Kolmogorov distribution. `ks_2samp` uses
 * `kstwo.sf(D, round(n1 n2 / (n1 + n2)))` as its asymptotic p-value.
 *
 * Differences from scipy that stay within ~1e-15 relative: numpy multiplies matrices with BLAS and convolves
 * with a BLAS dot, whose summation order differs from the plain loops here, and scipy carries a few rescaled
 * scalars in x87 long double.
 */
import { ldexp } from './double-double.js';
import { smirnov } from './smirnov.js';

const E128 = 128;
const EP128 = 2 ** 128;
const EM128 = 2 ** -128;
const SQRT2PI = Math.sqrt(2 * Math.PI);
const LOG_2PI = Math.log(2 * Math.PI);
const MIN_LOG = -708;
const SQRT3 = Math.sqrt(3);
const PI_SQUARED = Math.PI ** 2;
const PI_FOUR = Math.PI ** 4;
const PI_SIX = Math.PI ** 6;

/** Stirling coefficients B_{2j}/(2j)/(2j-1), j = 8..1 (from scipy's `_loggamma.pxd`). */
// Literals copied from scipy (Python rounds them to the same doubles).
/* eslint-disable no-loss-of-precision */
const STIRLING_COEFFS = [
  -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
  -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
];
/* eslint-enable no-loss-of-precision */

function clipProbability(p: number): number {
  // np.clip(p, 0, 1) propagates NaN
  if (Number.isNaN(p)) return p;
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

function selectAndClip(cdfProbability: number, sfProbability: number, cdf: boolean): number {
  return clipProbability(cdf ? cdfProbability : sfProbability);
}

/** numpy `polyval` (Horner, highest power first). */
function polyval(coefficients: readonly number[], x: number): number {
  let y = 0;
  for (const c of coefficients) y = y * x + c;
  return y;
}

/** log(n! / n^n) by Stirling with the n log n term removed up front. */
function logNFactorialDivNPowN(n: number): number {
  const rn = 1.0 / n;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * polyval(STIRLING_COEFFS, rn / n);
}

/** Row-major m×m matrix product. */
function matmul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const ail = a[i * m + l]!;
      if (ail === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j]! += ail * b[l * m + j]!;
    }
  }
  return out;
}

/**
 * `_kolmogn_DMTW`: P(D_n <= d) by the Durbin matrix algorithm (Marsaglia, Tsang & Wang 2003), with scaling.
 *
 * This runs in `O(m^3 log n)` with `m = 2 ceil(n d) - 1`.
 */
export function kolmognDurbinMatrix(n: number, d: number, cdf = true): number {
  if (d >= 1.0) return selectAndClip(1.0, 0.0, cdf);
  const nd = n * d;
  if (nd <= 0.5) return selectAndClip(0.0, 1.0, cdf);
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;

  let H: Float64Array = new Float64Array(m * m);
  // v is the first column (and reversed last row) of H; w[j] = 1/j!
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  for (let j = 1; j <= m; j++) v[j - 1] = 1.0 - h ** j;
  let fac = 1.0;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j; // may underflow; harmless
    v[j - 1]! *= fac;
  }
  const tt = Math.max(2 * h - 1.0, 0) ** m - 2 * h ** m;
  v[m - 1] = (1.0 + tt) * fac;

  for (let i = 1; i < m; i++) {
    // H[i-1:, i] = w[:m-i+1]
    for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - (i - 1)]!;
  }
  for (let r = 0; r < m; r++) H[r * m] = v[r]!;
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c]!;

  let Hpwr: Float64Array = new Float64Array(m * m);
  for (let i = 0; i < m; i++) Hpwr[i * m + i] = 1;
  let nn = n;
  let expnt = 0;
  let Hexpnt = 0;
  while (nn > 0) {
    if (nn % 2) {
      Hpwr = matmul(Hpwr, H, m);
      expnt += Hexpnt;
    }
    H = matmul(H, H, m);
    Hexpnt *= 2;
    if (Math.abs(H[(k - 1) * m + (k - 1)]!) > EP128) {
      for (let i = 0; i < H.length; i++) H[i]! /= EP128;
      Hexpnt += E128;
    }
    nn = Math.floor(nn / 2);
  }

  let p = Hpwr[(k - 1) * m + (k - 1)]!;
  // Multiply by n!/n^n
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      expnt -= E128;
    }
  }
  if (expnt !== 0) p = ldexp(p, expnt);
  return selectAndClip(p, 1.0 - p, cdf);
}

/** `_pomeranz_compute_j1j2`: endpoints of the non-zero window of row i. */
function pomeranzWindow(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const ip1div2 = Math.floor((i + 1) / 2);
    const ip1mod2 = (i + 1) % 2;
    if (ip1mod2 === 0) {
      if (ip1div2 === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = ip1div2 - 1 - ll - roundf - 1;
        j2 = ip1div2 + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = ip1div2 - 1 - ll - 1;
      j2 = ip1div2 + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/**
 * `_kolmogn_Pomeranz`: P(D_n <= x) by the Pomeranz (1974) recursion, with scaling.
 *
 * This runs in `O(n (n x)^2)`.
 */
export function kolmognPomeranz(n: number, x: number, cdf = true): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = 1.0 * (t - ll);
  const g = Math.min(f, 1.0 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = 1.0;
  twogpower[0] = 1.0;
  onem2gpower[0] = 1.0;
  let expnt = 0;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = (gpower[m - 1]! * gOverN) / m;
    twogpower[m] = (twogpower[m - 1]! * twoGOverN) / m;
    onem2gpower[m] = (onem2gpower[m - 1]! * oneMinusTwoGOverN) / m;
  }

  let V0 = new Float64Array(npwrs);
  let V1 = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0;
  let V1s = 0;
  let [j1] = pomeranzWindow(0, n, ll, ceilf, roundf);
  let j2: number;
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0s, V1s] = [V1s, V0s];
    V1.fill(0.0);
    [j1, j2] = pomeranzWindow(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      // conv = np.convolve(V0[k1 - V0s : k1 - V0s + ln2], pwrs[:ln2]); only entries conv_start.. are used.
      const base = k1 - V0s;
      const convStart = j1 - k1;
      const convLen = j2 - j1 + 1;
      let maxV1 = -Infinity;
      for (let c = 0; c < convLen; c++) {
        const idx = convStart + c;
        let acc = 0;
        const lo = Math.max(0, idx - (ln2 - 1));
        const hi = Math.min(idx, ln2 - 1);
        for (let a = lo; a <= hi; a++) acc += V0[base + a]! * pwrs[idx - a]!;
        V1[c] = acc;
        if (acc > maxV1) maxV1 = acc;
      }
      for (let c = convLen; c < npwrs; c++) if (V1[c]! > maxV1) maxV1 = V1[c]!;
      // Scale to avoid underflow.
      if (maxV1 > 0 && maxV1 < EM128) {
        for (let c = 0; c < npwrs; c++) V1[c]! *= EP128;
        expnt -= E128;
      }
      V1s = V0s + j1 - k1;
    }
  }

  // Multiply by n!
  let ans = V1[n - V1s]!;
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > EP128) {
      ans *= EM128;
      expnt += E128;
    }
    ans *= m;
  }
  if (expnt !== 0) ans = ldexp(ans, expnt);
  return selectAndClip(ans, 1.0 - ans, cdf);
}

/**
 * `_kolmogn_PelzGood`: the Pelz–Good (1976) approximation to P(D_n <= x).
 */
export function kolmognPelzGood(n: number, x: number, cdf = true): number {
  if (x <= 0.0) return selectAndClip(0.0, 1.0, cdf);
  if (x >= 1.0) return selectAndClip(1.0, 0.0, cdf);
  const z = Math.sqrt(n) * x;
  const zsquared = z ** 2;
  const zthree = z ** 3;
  const zfour = z ** 4;
  const zsix = z ** 6;
  const qlog = -PI_SQUARED / 8 / zsquared;
  if (qlog < MIN_LOG) return selectAndClip(0.0, 1.0, cdf);
  let q = Math.exp(qlog);

  const k1a = -zsquared;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * zsix + 2 * zfour;
  const k2b = ((2 * zfour - 5 * zsquared) * PI_SQUARED) / 4;
  const k2c = (PI_FOUR * (1 - 2 * zsquared)) / 16;
  const k3d = (PI_SIX * (5 - 30 * zsquared)) / 64;
  const k3c = (PI_FOUR * (-60 * zsquared + 212 * zfour)) / 16;
  const k3b = (PI_SQUARED * (135 * zfour - 96 * zsix)) / 4;
  const k3a = -30 * zsix - 90 * z ** 8;

  const K = [0, 0, 0, 0];
  // Horner scheme for sum c_i q^(i^2) over odd integers.
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const msquared = m ** 2;
    const mfour = m ** 4;
    const msix = m ** 6;
    const qpower = Math.pow(q, 8 * k);
    const coeffs = [
      1.0,
      k1a + k1b * msquared,
      k2a + k2b * msquared + k2c * mfour,
      k3a + k3b * msquared + k3c * mfour + k3d * msix,
    ];
    for (let i = 0; i < 4; i++) K[i] = K[i]! * qpower + coeffs[i]!;
  }
  const divisors = [z, 6 * zfour, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = (K[i]! * q * SQRT2PI) / divisors[i]!;

  // The other sum, over all integers k (no significant cancellation: direct evaluation).
  q = Math.exp(-PI_SQUARED / 2 / zsquared);
  const sqrt3z = SQRT3 * z;
  // np.sum over k = maxk..1 (pairwise for long arrays; these arrays are short, <= ~20 terms).
  const k2terms: number[] = [];
  const k3terms: number[] = [];
  for (let k = maxk; k > 0; k--) {
    const ksquared = k ** 2;
    const kspi = Math.PI * k;
    const qpwer = q ** ksquared;
    k2terms.push(ksquared * qpwer);
    k3terms.push((sqrt3z + kspi) * (sqrt3z - kspi) * ksquared * qpwer);
  }
  let k2extra = numpySum(k2terms);
  let k3extra = numpySum(k3terms);
  k2extra *= (PI_SQUARED * SQRT2PI) / (-36 * zthree);
  K[2]! += k2extra;
  k3extra *= (PI_SQUARED * SQRT2PI) / (216 * zsix);
  K[3]! += k3extra;
  for (let i = 0; i < 4; i++) K[i] = K[i]! / Math.pow(n * 1.0, i / 2.0);
  if (!cdf) {
    for (let i = 0; i < 4; i++) K[i] = -K[i]!;
    K[0]! += 1;
  }
  // Python's builtin sum(), left to right from 0.
  return 0 + K[0]! + K[1]! + K[2]! + K[3]!;
}

function numpySum(values: number[]): number {
  // Equivalent to numpy's pairwise sum for the short arrays used here (< 8 terms sum left to right;
  // up to 128 terms use 8 interleaved accumulators).
  const n = values.length;
  if (n < 8) {
    let s = 0;
    for (const v of values) s += v;
    return s;
  }
  const r = values.slice(0, 8);
  let i = 8;
  for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j]! += values[i + j]!;
  let s = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
  for (; i < n; i++) s += values[i]!;
  return s;
}

/**
 * The CDF (or survival function) of the two-sided one-sample KS statistic D_n (scipy `_kolmogn`).
 *
 * @param n sample size (positive integer)
 * @param x the statistic
 * @param cdf true for P(D_n <= x), false for P(D_n > x)
 * @returns the probability, clipped to [0, 1]; NaN for a non-integral or non-positive n
 * @example
 * kolmogn(10, 0.274, false); // => 0.3715203845434957 (scipy kstwo.sf(0.274, 10))
 */
export function kolmogn(n: number, x: number, cdf = true): number {
  if (Number.isNaN(n)) return n;
  if (!Number.isInteger(n) || n <= 0) return NaN;
  if (x >= 1.0) return selectAndClip(1.0, 0.0, cdf);
  if (x <= 0.0) return selectAndClip(0.0, 1.0, cdf);
  const t = n * x;
  if (t <= 1.0) {
    // Ruben-Gambino: 1/2n <= x <= 1/n
    if (t <= 0.5) return selectAndClip(0.0, 1.0, cdf);
    let prob: number;
    if (n <= 140) {
      // np.prod(np.arange(1, n+1) * (1.0/n) * (2*t - 1)), a sequential product
      const inv = 1.0 / n;
      const factor = 2 * t - 1;
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * inv * factor;
    } else {
      prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
    }
    return selectAndClip(prob, 1.0 - prob, cdf);
  }
  if (t >= n - 1) {
    // Ruben-Gambino
    const prob = 2 * (1.0 - x) ** n;
    return selectAndClip(1 - prob, prob, cdf);
  }
  if (x >= 0.5) {
    // Exact: 2 * smirnov
    const prob = 2 * smirnov(n, x);
    return selectAndClip(1.0 - prob, prob, cdf);
  }
  const nxsquared = t * x;
  if (n <= 140) {
    if (nxsquared <= 0.754693) {
      const prob = kolmognDurbinMatrix(n, x, true);
      return selectAndClip(prob, 1.0 - prob, cdf);
    }
    if (nxsquared <= 4) {
      const prob = kolmognPomeranz(n, x, true);
      return selectAndClip(prob, 1.0 - prob, cdf);
    }
    // Miller approximation of 2 * smirnov
    const prob = 2 * smirnov(n, x);
    return selectAndClip(1.0 - prob, prob, cdf);
  }
  // Split CDF and SF as they have different cutoffs on nxsquared.
  if (!cdf) {
    if (nxsquared >= 370.0) return 0.0;
    if (nxsquared >= 2.2) return clipProbability(2 * smirnov(n, x));
    // Fall through and compute the SF as 1.0 - CDF
  }
  let cdfProbability: number;
  if (nxsquared >= 18.0) {
    cdfProbability = 1.0;
  } else if (n <= 100000 && n * x ** 1.5 <= 1.4) {
    cdfProbability = kolmognDurbinMatrix(n, x, true);
  } else {
    cdfProbability = kolmognPelzGood(n, x, true);
  }
  return selectAndClip(cdfProbability, 1.0 - cdfProbability, cdf);
}

/**
 * scipy `kstwo.sf(x, n)`: the survival function of the two-sided one-sample KS statistic, with the
 * distribution's support `[1/(2n), 1]` handled as `rv_continuous.sf` does (1 below, 0 at or above the ends).
 *
 * @param x the statistic
 * @param n sample size (positive integer)
 * @returns P(D_n > x)
 * @example
 * kstwoSf(0.5, 10); // => 0.00777741 (2 * smirnov(10, 0.5))
 */
export function kstwoSf(x: number, n: number): number {
  if (Number.isNaN(x) || !(n > 0) || !Number.isInteger(n)) return NaN;
  const lower = 0.5 / n;
  if (x <= lower) return 1.0;
  if (x >= 1.0) return 0.0;
  return kolmogn(n, x, false);
}
