/**
 * `fisher_exact`: Fisher's exact test on the 2×2 table of a binary column, Evidently's
 * `fisher_exact_stattest.py` → `scipy.stats.fisher_exact(table)` (two-sided, scipy 1.10.1 algorithm).
 *
 * Evidently raises (→ the column is skipped with the reason) when a side has more than 2 distinct values or
 * the two sides differ in length (its contingency-table builder requires equal lengths). When the two sides
 * together hold 3 or 4 categories (each side ≤ 2) Evidently's table depends on Python's string-hash set order,
 * so the result is not reproducible there; driftwatch skips that case too and says so.
 * Drift if and only if `p < threshold`.
 */
import { valueCounts } from '../kernels/index.js';
import { StatTestSkip, type ColumnPair, type StatTest, type StatTestOutcome } from '../types.js';

/** scipy's relative tolerance for "as likely as the observed table". */
const RELATIVE_TOLERANCE = 1e-14;

/**
 * The hypergeometric distribution of the top-left cell given the margins, as an explicit pmf table.
 *
 * Weights are built by the exact term ratio outward from the mode and normalised once, so every probability
 * has ~1e-16·distance relative error without log-gamma cancellation. Where the distribution is symmetric
 * (equal row sums, or equal column sums) the lower half is mirrored so that mirror tables get bit-identical
 * probabilities, as the two-sided tie rule requires.
 */
class Hypergeometric {
  readonly low: number;
  readonly high: number;
  private readonly pmfs: Float64Array;
  private readonly lowerTails: Float64Array;
  private readonly upperTails: Float64Array;

  /**
   * @param total M, the table total
   * @param good n1, the first row's sum
   * @param draws N, the first column's sum
   */
  constructor(total: number, good: number, draws: number) {
    const bad = total - good;
    this.low = Math.max(0, draws - bad);
    this.high = Math.min(good, draws);
    const size = this.high - this.low + 1;
    const mode = Math.min(
      this.high,
      Math.max(this.low, Math.trunc(((draws + 1) * (good + 1)) / (total + 2))),
    );
    const weights = new Float64Array(size);
    weights[mode - this.low] = 1;
    for (let x = mode; x > this.low; x--) {
      // pmf(x−1)/pmf(x) = x (bad − draws + x) / ((good − x + 1)(draws − x + 1))
      const ratio = (x * (bad - draws + x)) / ((good - x + 1) * (draws - x + 1));
      weights[x - 1 - this.low] = weights[x - this.low]! * ratio;
    }
    for (let x = mode; x < this.high; x++) {
      // pmf(x+1)/pmf(x) = (good − x)(draws − x) / ((x + 1)(bad − draws + x + 1))
      const ratio = ((good - x) * (draws - x)) / ((x + 1) * (bad - draws + x + 1));
      weights[x + 1 - this.low] = weights[x - this.low]! * ratio;
    }
    // Mirror symmetric distributions: pmf(x) = pmf(c − x) with c = draws (equal rows) or good (equal columns).
    const centre = good === bad ? draws : draws === total - draws ? good : -1;
    if (centre >= 0) {
      for (let x = this.low; x <= this.high; x++) {
        const mirror = centre - x;
        if (mirror > x && mirror <= this.high) weights[mirror - this.low] = weights[x - this.low]!;
      }
    }
    let sum = 0;
    for (let i = 0; i < size; i++) sum += weights[i]!;
    this.pmfs = new Float64Array(size);
    for (let i = 0; i < size; i++) this.pmfs[i] = weights[i]! / sum;
    // Tails are summed from the far end inwards (small terms first).
    this.lowerTails = new Float64Array(size);
    let running = 0;
    for (let i = 0; i < size; i++) {
      running += this.pmfs[i]!;
      this.lowerTails[i] = running;
    }
    this.upperTails = new Float64Array(size);
    running = 0;
    for (let i = size - 1; i >= 0; i--) {
      this.upperTails[i] = running; // P(X > low + i)
      running += this.pmfs[i]!;
    }
  }

  pmf(x: number): number {
    return x < this.low || x > this.high ? 0 : this.pmfs[x - this.low]!;
  }

  /** P(X ≤ x). */
  cdf(x: number): number {
    if (x < this.low) return 0;
    if (x >= this.high) return 1;
    return this.lowerTails[x - this.low]!;
  }

  /** P(X > x). */
  sf(x: number): number {
    if (x < this.low) return 1;
    if (x >= this.high) return 0;
    return this.upperTails[x - this.low]!;
  }
}

/** scipy `_binary_search_for_binom_tst`: the i in [lo, hi] with a(i) ≤ d < a(i+1) for ascending a. */
function binarySearch(a: (x: number) => number, d: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const midValue = a(mid);
    if (midValue < d) lo = mid + 1;
    else if (midValue > d) hi = mid - 1;
    else return mid;
  }
  return a(lo) <= d ? lo : lo - 1;
}

/**
 * Two-sided p-value of Fisher's exact test on the table `[[a, b], [c, d]]` (scipy 1.10.1 `fisher_exact`).
 *
 * p = 1 when a row or column sums to 0 or the observed table is (within 1e-14) as likely as the mode; otherwise
 * the tail on the observed side plus the opposite-side tables with pmf ≤ pmf(observed)·(1 + 1e-14).
 * This runs in `O(min(a + b, a + c))`.
 *
 * @param table non-negative integer counts `[[a, b], [c, d]]`
 * @returns the two-sided p-value
 * @example
 * fisherExactTwoSided([[0, 6], [6, 0]]); // ≈ 0.0021645021645021645 (scipy)
 */
export function fisherExactTwoSided(
  table: readonly [readonly [number, number], readonly [number, number]],
): number {
  const [[a, b], [c, d]] = table;
  if (a + b === 0 || c + d === 0 || a + c === 0 || b + d === 0) return 1;
  const n1 = a + b;
  const n2 = c + d;
  const n = a + c;
  const dist = new Hypergeometric(n1 + n2, n1, n);
  const mode = Math.trunc(((n + 1) * (n1 + 1)) / (n1 + n2 + 2));
  const pExact = dist.pmf(a);
  const pMode = dist.pmf(mode);
  const gamma = 1 + RELATIVE_TOLERANCE;
  let p: number;
  if (Math.abs(pExact - pMode) / Math.max(pExact, pMode) <= RELATIVE_TOLERANCE) {
    return 1;
  } else if (a < mode) {
    const pLower = dist.cdf(a);
    if (dist.pmf(n) > pExact * gamma) return pLower;
    const guess = binarySearch((x) => -dist.pmf(x), -pExact * gamma, mode, n);
    p = pLower + dist.sf(guess);
  } else {
    const pUpper = dist.sf(a - 1);
    if (dist.pmf(0) > pExact * gamma) return pUpper;
    const guess = binarySearch((x) => dist.pmf(x), pExact * gamma, 0, mode);
    p = pUpper + dist.cdf(guess);
  }
  return Math.min(p, 1);
}

/**
 * Evidently's 2×2 table `[[ones_cur, zeros_cur], [ones_ref, zeros_ref]]` for a binary column, then Fisher's
 * exact test.
 *
 * @param pair the cleaned column pair
 * @throws {StatTestSkip} where Evidently raises: a side with more than 2 categories, or unequal lengths;
 *   also when both sides together hold more than 2 categories (Evidently's table is hash-order dependent then)
 * @returns the contingency table and the two-sided p-value
 */
export function fisherExactOnColumn(pair: ColumnPair): {
  table: [[number, number], [number, number]];
  pValue: number;
} {
  const counts = valueCounts(pair);
  let referenceDistinct = 0;
  let currentDistinct = 0;
  for (let k = 0; k < counts.values.length; k++) {
    if (counts.referenceCounts[k]! > 0) referenceDistinct++;
    if (counts.currentCounts[k]! > 0) currentDistinct++;
  }
  if (referenceDistinct > 2 || currentDistinct > 2) {
    throw new StatTestSkip(
      `fisher_exact expects binary data, but found ${Math.max(referenceDistinct, currentDistinct)} categories ` +
        `(reference ${referenceDistinct}, current ${currentDistinct})`,
    );
  }
  if (counts.referenceSize !== counts.currentSize) {
    throw new StatTestSkip(
      `fisher_exact requires reference and current of equal length (reference ${counts.referenceSize}, ` +
        `current ${counts.currentSize})`,
    );
  }
  if (counts.values.length > 2) {
    throw new StatTestSkip(
      `fisher_exact needs at most 2 categories across both samples, found ${counts.values.length} ` +
        "(Evidently's 2x2 table would depend on Python's set order)",
    );
  }
  // With one category Evidently adds a "placeholder" second category; either mapping gives p = 1.
  const ones = counts.values.length === 2 ? 1 : 0;
  const onesReference = counts.values.length === 2 ? counts.referenceCounts[ones]! : 0;
  const onesCurrent = counts.values.length === 2 ? counts.currentCounts[ones]! : 0;
  const table: [[number, number], [number, number]] = [
    [onesCurrent, counts.currentSize - onesCurrent],
    [onesReference, counts.referenceSize - onesReference],
  ];
  return { table, pValue: fisherExactTwoSided(table) };
}

export const fisherExact: StatTest = {
  id: 'fisher_exact',
  displayName: "Fisher's Exact test",
  allowedTypes: ['categorical'],
  defaultThreshold: 0.1,
  scoreKind: 'p_value',
  comparison: 'p<thr',
  compute(pair: ColumnPair): StatTestOutcome {
    return { score: fisherExactOnColumn(pair).pValue };
  },
};
