/**
 * `mannw`: Mann–Whitney U test, **one-sided** `alternative="less"` (reference stochastically smaller than
 * current), Evidently's `mann_whitney_urank_stattest.py` → `scipy.stats.mannwhitneyu(x=ref, y=cur,
 * alternative="less")` with scipy 1.10.1's automatic method choice:
 * - asymptotic (normal approximation with continuity correction and tie correction) if both samples have more
 *   than 8 observations or there is any tie in the pooled sample;
 * - exact (null distribution of U) otherwise.
 * Drift if and only if `p < threshold`.
 */
import { mergedDistribution, pooledRanks } from '../kernels/index.js';
import { normalSf } from '../kernels/p-values.js';
import { currentSize, referenceSize } from '../kernels/side-runs.js';
import type { ColumnPair, StatTest, StatTestOutcome } from '../types.js';

/** scipy `_mwu_choose_method`: both samples larger than this use the normal approximation. */
const EXACT_MAX_SIZE = 8;
/**
 * Work budget of the exact distribution (≈ m²n²/4 additions). scipy's memoised recursion needs
 * (m+1)(n+1)(mn+1) doubles and fails with MemoryError long before this budget is reached; beyond it the
 * normal approximation is used and the fallback is recorded in the outcome's warnings.
 */
const EXACT_WORK_BUDGET = 4e8;

/**
 * Number of arrangements giving each value of U for sample sizes (m, n): `f(m, n, k)` of scipy's `_MWU`
 * ([3] Theorem 2.5: f(m, n, k) = f(m−1, n, k−n) + f(m, n−1, k)), all k at once.
 *
 * This runs in `O(min(m,n)² · max(m,n)² / 4)`.
 *
 * @returns counts indexed by k = 0..m·n (doubles; exact while below 2^53)
 */
export function mannWhitneyCounts(m: number, n: number): Float64Array {
  const small = Math.min(m, n);
  const large = Math.max(m, n);
  // rows[j] holds f(j, t, ·) for the current t (j = 0..small); f(j, 0, ·) = [1] (k = 0 only).
  let rows: Float64Array[] = [];
  for (let j = 0; j <= small; j++) rows.push(Float64Array.of(1));
  for (let t = 1; t <= large; t++) {
    const next: Float64Array[] = [Float64Array.of(1)];
    for (let j = 1; j <= small; j++) {
      const row = new Float64Array(j * t + 1);
      const previousT = rows[j]!; // f(j, t−1, ·), length j(t−1)+1
      const previousJ = next[j - 1]!; // f(j−1, t, ·), length (j−1)t+1, shifted by t
      for (let k = 0; k < previousT.length; k++) row[k] = previousT[k]!;
      for (let k = 0; k < previousJ.length; k++) row[k + t] = row[k + t]! + previousJ[k]!;
      next.push(row);
    }
    rows = next;
  }
  return rows[small]!;
}

/** Binomial coefficient C(m+n, m) as scipy `special.binom` (double). */
function binomial(total: number, k: number): number {
  let result = 1;
  const r = Math.min(k, total - k);
  for (let i = 1; i <= r; i++) result = (result * (total - r + i)) / i;
  return Math.round(result);
}

/** Result of {@link mannWhitneyLess}. */
export interface MannWhitneyResult {
  /** U1, the reference's U statistic (scipy's returned statistic). */
  readonly statistic: number;
  readonly pValue: number;
  readonly method: 'exact' | 'asymptotic';
  readonly warnings?: readonly string[];
}

/**
 * One-sided Mann–Whitney U test, alternative "less" (reference < current).
 *
 * `U1 = R1 − n1(n1+1)/2` from the average ranks; the p-value is the survival function at `U2 = n1·n2 − U1`.
 * This runs in `O(K)` after the column's one sort for the asymptotic method.
 *
 * @param pair the cleaned column pair
 * @returns U1, the p-value and the method used
 * @example
 * mannWhitneyLess(pairOf([38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0],
 *                        [39.2, 39.3, 39.7, 41.4, 41.8, 42.9, 43.3, 45.8])).pValue; // => 0.9675213675213674
 */
export function mannWhitneyLess(pair: ColumnPair): MannWhitneyResult {
  const n1 = referenceSize(pair);
  const n2 = currentSize(pair);
  const ranks = pooledRanks(pair);
  const hasTies = mergedDistribution(pair).values.length < n1 + n2;
  const u1 = ranks.referenceRankSum - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const warnings: string[] = [];
  let method: 'exact' | 'asymptotic' =
    (n1 > EXACT_MAX_SIZE && n2 > EXACT_MAX_SIZE) || hasTies ? 'asymptotic' : 'exact';
  const small = Math.min(n1, n2);
  const large = Math.max(n1, n2);
  if (method === 'exact' && (small * small * large * large) / 4 > EXACT_WORK_BUDGET) {
    method = 'asymptotic';
    warnings.push(
      `exact Mann-Whitney distribution for sizes ${n1} and ${n2} is too large to tabulate; normal approximation used`,
    );
  }
  let pValue: number;
  if (method === 'exact') {
    // scipy: sf(U, m, n) = cdf(m·n − U) = cumsum(pmf)[m·n − U], pmf = f / binom(m+n, m).
    const counts = mannWhitneyCounts(n1, n2);
    const total = binomial(n1 + n2, n1);
    const k = n1 * n2 - Math.trunc(u2);
    let cumulative = 0;
    for (let i = 0; i <= k; i++) cumulative += counts[i]! / total;
    pValue = cumulative;
  } else {
    const n = n1 + n2;
    const s = Math.sqrt(((n1 * n2) / 12) * (n + 1 - ranks.tieCorrection / (n * (n - 1))));
    const z = (u2 - (n1 * n2) / 2 - 0.5) / s;
    pValue = normalSf(z);
  }
  pValue = Math.min(Math.max(pValue, 0), 1);
  return warnings.length > 0
    ? { statistic: u1, pValue, method, warnings }
    : { statistic: u1, pValue, method };
}

export const mannw: StatTest = {
  id: 'mannw',
  displayName: 'Mann-Whitney U-rank test',
  allowedTypes: ['numerical'],
  defaultThreshold: 0.05,
  scoreKind: 'p_value',
  comparison: 'p<thr',
  compute(pair: ColumnPair): StatTestOutcome {
    const result = mannWhitneyLess(pair);
    return {
      score: result.pValue,
      statistic: result.statistic,
      method: result.method,
      ...(result.warnings ? { warnings: result.warnings } : {}),
    };
  },
};
