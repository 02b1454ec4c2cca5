/**
 * Exact null distribution of the two-sided two-sample Kolmogorov–Smirnov statistic, ported from scipy 1.10.1:
 * `_compute_prob_outside_square` (`scipy/stats/_stats_py.py`, for equal sample sizes) and
 * `_compute_outer_prob_inside_method` (`scipy/stats/_stats_pythran.py`, Hodges' lattice-path "inside" recursion
 * in the 1−p form of Viehmann, arXiv:2102.08037). Same floating-point operations in the same order, so the
 * p-values agree with scipy's to the last bit or two.
 *
 * Hand-written because no npm package computes the exact two-sample KS distribution.
 */

/**
 * `P(D_{n,n} >= h/n)`: the proportion of lattice paths that leave the band `|x - y| < h` for two samples of
 * equal size n, as scipy evaluates it (a Horner-like alternating product that avoids cancellation).
 *
 * This runs in `O(n)` (`floor(n/h) + 1` products of `h` factors).
 *
 * @param n the common sample size (> 0)
 * @param h the statistic times n (integer, 0 < h <= n)
 * @returns the two-sided p-value
 * @example
 * computeProbOutsideSquare(8, 5); // => 0.08702408702408701 (vector A's KS p-value)
 */
export function computeProbOutsideSquare(n: number, h: number): number {
  // P = 2 * A0 * (1 - A1*(1 - A2*(1 - A3*(1 - A4*(...)))))
  let P = 0.0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1.0;
    // Each A_k has numerator and denominator with h simple terms.
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1.0 - P);
    k -= 1;
  }
  return 2 * P;
}

/**
 * The proportion of lattice paths from (0, 0) to (m, n) that do not stay strictly inside
 * `|x/m - y/n| < h / lcm(m, n)`: the exact two-sided p-value of `D = h / lcm(m, n)` for unequal sizes.
 *
 * One column of the path-count matrix is kept, in a sliding window, and the recursion is carried out on
 * `1 - proportion` directly (Viehmann), so no rescaling is needed. This runs in `O(m · window)` where the window
 * is about `2 h / (m / g)` rows.
 *
 * @param m first sample size (> 0)
 * @param n second sample size (> 0)
 * @param g gcd(m, n)
 * @param h the statistic times lcm(m, n) (integer)
 * @returns the two-sided p-value
 * @example
 * computeOuterProbInsideMethod(10, 8, 2, 22); // => 0.09511403629050688 (D = 22/40)
 */
export function computeOuterProbInsideMethod(m: number, n: number, g: number, h: number): number {
  // Symmetric in m, n; the computation uses m >= n.
  if (m < n) [m, n] = [n, m];
  const mg = Math.trunc(m / g);
  const ng = Math.trunc(n / g);
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  for (let j = minj; j < maxj; j++) A[j] = 0.0;
  for (let i = 1; i <= m; i++) {
    // The sliding window of this column.
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.max(Math.floor((ng * i - h) / mg) + 1, 0);
    minj = Math.min(minj, n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1.0;
    // Fill in the values (a cumulative recursion; cannot vectorise).
    let val = minj === 0 ? 0.0 : 1.0;
    const offset = minj - lastminj;
    const width = maxj - minj;
    for (let jj = 0; jj < width; jj++) {
      const j = jj + minj;
      val = (A[jj + offset]! * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = width;
    if (lastlen > curlen) {
      // Set carried-over elements to 1.
      A.fill(1, width, Math.min(width + (lastlen - curlen), lenA));
    }
  }
  return A[maxj - minj - 1]!;
}
