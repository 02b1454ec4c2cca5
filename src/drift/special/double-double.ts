/**
 * The subset of double-double arithmetic that scipy's cephes `kolmogorov.c` uses (port of scipy's
 * `scipy/special/cephes/dd_idefs.h` and `dd_real_idefs.h`, themselves from the QD library by Hida, Li and
 * Bailey, LBNL, modified BSD licence).
 *
 * Hand-written because no npm package offers double-double with these exact operation sequences, and the
 * one-sided Smirnov survival function (the asymptotic two-sample KS p-value) must follow them to agree with
 * scipy to ~1e-15. A value is a pair `[hi, lo]` with `|lo| <= ulp(hi) / 2`. Error-free transformations (two-sum,
 * two-product by Dekker splitting) are exact in IEEE double arithmetic, so results match the C code bit for bit
 * wherever the C library's `pow`/`log` are not involved.
 */

/** A double-double number: the unevaluated sum `hi + lo`. */
export type DD = readonly [hi: number, lo: number];

const SPLITTER = 134217729.0; // 2^27 + 1
const SPLIT_THRESHOLD = 6.69692879491417e299; // 2^996

/** Double-double 0. */
export const DD_ZERO: DD = [0, 0];
/** Double-double 1. */
export const DD_ONE: DD = [1, 0];

/** fl(a+b) and its error, assuming |a| >= |b|. */
function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

/** fl(a+b) and its error (Knuth's two-sum). */
function twoSum(a: number, b: number): DD {
  const s = a + b;
  const c = s - a;
  const d = b - c;
  const e = s - c;
  return [s, a - e + d];
}

/** Dekker split of a into 26-bit halves. */
function twoSplit(a: number): DD {
  if (a > SPLIT_THRESHOLD || a < -SPLIT_THRESHOLD) {
    const scaled = a * 3.7252902984619140625e-9; // 2^-28
    const temp = SPLITTER * scaled;
    const hi = temp - (temp - scaled);
    const lo = scaled - hi;
    return [hi * 268435456.0, lo * 268435456.0]; // 2^28
  }
  const temp = SPLITTER * a;
  const hi = temp - (temp - a);
  return [hi, a - hi];
}

/** fl(a*b) and its error (Dekker's two-product). */
function twoProd(a: number, b: number): DD {
  const p = a * b;
  const [aHi, aLo] = twoSplit(a);
  const [bHi, bLo] = twoSplit(b);
  const c = aHi * bHi - p;
  const d = c + aHi * bLo + aLo * bHi;
  return [p, d + aLo * bLo];
}

/** `dd_add_d_d`: a + b exactly. */
export function addDoubles(a: number, b: number): DD {
  return twoSum(a, b);
}

/** `dd_mul_d_d`: a * b exactly. */
export function mulDoubles(a: number, b: number): DD {
  return twoProd(a, b);
}

/** `dd_add_dd_d`. */
export function addDDDouble(a: DD, b: number): DD {
  const [s1, e] = twoSum(a[0], b);
  return quickTwoSum(s1, e + a[1]);
}

/** `dd_sub_dd_d`. */
export function subDDDouble(a: DD, b: number): DD {
  const [s1, e] = twoSum(a[0], -b);
  return quickTwoSum(s1, e + a[1]);
}

/** `dd_ieee_add` (what `dd_add` uses). */
export function addDD(a: DD, b: DD): DD {
  const [s1, s2a] = twoSum(a[0], b[0]);
  const [t1, t2] = twoSum(a[1], b[1]);
  const [u1, u2] = quickTwoSum(s1, s2a + t1);
  return quickTwoSum(u1, u2 + t2);
}

/** `dd_sub`. */
export function subDD(a: DD, b: DD): DD {
  return addDD(a, [-b[0], -b[1]]);
}

/** `dd_mul`. */
export function mulDD(a: DD, b: DD): DD {
  const [p1, p2] = twoProd(a[0], b[0]);
  return quickTwoSum(p1, p2 + (a[0] * b[1] + a[1] * b[0]));
}

/** `dd_mul_dd_d`. */
export function mulDDDouble(a: DD, b: number): DD {
  const [p1, e1] = twoProd(a[0], b);
  const [p2, e2] = twoProd(a[1], b);
  return quickTwoSum(p1, e2 + p2 + e1);
}

/** `dd_mul_d_dd`. */
export function mulDoubleDD(a: number, b: DD): DD {
  const [p1, e1] = twoProd(a, b[0]);
  const [p2, e2] = twoProd(a, b[1]);
  return quickTwoSum(p1, e2 + p2 + e1);
}

/** `dd_accurate_div` (what `dd_div` and the mixed divisions use). */
export function divDD(a: DD, b: DD): DD {
  let q1 = a[0] / b[0];
  let r = subDD(a, mulDDDouble(b, q1));
  let q2 = r[0] / b[0];
  r = subDD(r, mulDDDouble(b, q2));
  const q3 = r[0] / b[0];
  [q1, q2] = quickTwoSum(q1, q2);
  return addDDDouble([q1, q2], q3);
}

/** `dd_div_d_d`. */
export function divDoubles(a: number, b: number): DD {
  return divDD([a, 0], [b, 0]);
}

/** `dd_div_dd_d`. */
export function divDDDouble(a: DD, b: number): DD {
  return divDD(a, [b, 0]);
}

/** `dd_inv`. */
export function invDD(a: DD): DD {
  return divDD(DD_ONE, a);
}

/** `dd_floor`. */
export function floorDD(a: DD): DD {
  let hi = Math.floor(a[0]);
  let lo = 0;
  if (hi === a[0]) {
    lo = Math.floor(a[1]);
    [hi, lo] = quickTwoSum(hi, lo);
  }
  return [hi, lo];
}

const bitsView = new DataView(new ArrayBuffer(8));

/** 2^k for every integer k in [-1074, 1023] (exact powers of two, subnormal ones included). */
const POWERS_OF_TWO = (() => {
  const table = new Float64Array(1023 + 1074 + 1);
  for (let k = -1074; k <= 1023; k++) table[k + 1074] = 2 ** k;
  return table;
})();

/** 2^e for integer e in [-1074, 1023], exact. */
function powerOfTwo(e: number): number {
  return POWERS_OF_TWO[e + 1074]!;
}

/** C `ldexp`: x * 2^exp with a single rounding (also into the subnormal range). */
export function ldexp(x: number, exp: number): number {
  if (x === 0 || !Number.isFinite(x) || exp === 0) return x;
  if (exp >= -1022 && exp <= 1023) {
    // Multiplying by an exact power of two is exact whenever the result is a finite normal number.
    const y = x * powerOfTwo(exp);
    if (Number.isFinite(y) && Math.abs(y) >= 2.2250738585072014e-308) return y;
  }
  const [m, ex] = frexp(x);
  const t = ex + exp; // x * 2^exp = m * 2^t with 0.5 <= |m| < 1
  if (t > 1024) return m > 0 ? Infinity : -Infinity;
  if (t >= -1021) return m * 2 * powerOfTwo(t - 1); // normal result: exact
  if (t < -1075) return m > 0 ? 0 : -0;
  // Subnormal result: the first product is exact, the second rounds once (as the C library does).
  return m * powerOfTwo(t + 1074) * Number.MIN_VALUE;
}

/** C `frexp`: `[m, e]` with `x = m * 2^e`, `0.5 <= |m| < 1` (or `[x, 0]` for 0, ±inf, NaN). Exact. */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  bitsView.setFloat64(0, x);
  let high = bitsView.getUint32(0);
  let biased = (high >>> 20) & 0x7ff;
  let shift = 0;
  if (biased === 0) {
    // Subnormal: normalise first.
    bitsView.setFloat64(0, x * 18446744073709551616); // 2^64
    high = bitsView.getUint32(0);
    biased = (high >>> 20) & 0x7ff;
    shift = 64;
  }
  // Replace the exponent field with that of 0.5 (biased 1022).
  bitsView.setUint32(0, (high & 0x800fffff) | (1022 << 20));
  return [bitsView.getFloat64(0), biased - 1022 - shift];
}

/** `dd_ldexp`. */
export function ldexpDD(a: DD, exp: number): DD {
  return [ldexp(a[0], exp), ldexp(a[1], exp)];
}

/** `dd_frexp`: mantissa with `0.5 <= |hi| < 1` (or `|hi| == 1` with opposite-sign lo) and the exponent. */
export function frexpDD(a: DD): [DD, number] {
  let [man, exponent] = frexp(a[0]);
  let b1 = ldexp(a[1], -exponent);
  if (Math.abs(man) === 0.5 && man * b1 < 0) {
    man *= 2;
    b1 *= 2;
    exponent -= 1;
  }
  return [[man, b1], exponent];
}
