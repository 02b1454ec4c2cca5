/**
 * `anderson`: k-sample Anderson–Darling test for k = 2 (scipy `anderson_ksamp([ref, cur])`, midrank version,
 * Scholz & Stephens 1987), Evidently's `anderson_darling_stattest.py`. The score is scipy's significance level:
 * interpolated from Scholz & Stephens' critical-value table and **clipped to [0.001, 0.25]**.
 * Drift if and only if `p < threshold` (default 0.1).
 *
 * scipy raises when the pooled sample has fewer than 2 distinct values; the column is then skipped. With fewer
 * than 4 pooled values scipy's variance of the statistic divides by (N − 1)(N − 2)(N − 3) = 0 and its p-value is
 * NaN; that column is skipped too, with the reason.
 */
import { mergedDistribution, pairwiseSum, pooledRanks } from '../kernels/index.js';
import { StatTestSkip, type ColumnPair, type StatTest, type StatTestOutcome } from '../types.js';

/** Interpolation coefficients of Table 2 of Scholz and Stephens 1987 (as in scipy). */
const B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
const B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
const B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];
/** Significance levels matching the critical values. */
const SIGNIFICANCE = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];
/** Two samples: m = k − 1 = 1. */
const SAMPLES = 2;
/** σ_N² divides by (N − 1)(N − 2)(N − 3). */
const MIN_POOLED_SIZE = 4;

/** Critical values `b0 + b1/√m + b2/m` for m = 1. */
const CRITICAL = B0.map((b0, i) => b0 + B1[i]! / Math.sqrt(SAMPLES - 1) + B2[i]! / (SAMPLES - 1));

/**
 * Least-squares polynomial fit `np.polyfit(x, y, degree)`: the Vandermonde matrix with columns scaled to unit
 * norm (as numpy does), solved by Householder QR. numpy solves the same scaled problem by SVD (LAPACK gelsd);
 * for this well-conditioned 7×3 system both agree to ~1e-15 relative.
 *
 * @returns coefficients, highest power first
 */
export function polyfit(x: readonly number[], y: readonly number[], degree: number): number[] {
  const rows = x.length;
  const cols = degree + 1;
  const a: number[][] = x.map((xi) => Array.from({ length: cols }, (_, j) => xi ** (degree - j)));
  const scale = Array.from({ length: cols }, (_, j) =>
    Math.sqrt(a.reduce((s, row) => s + row[j]! * row[j]!, 0)),
  );
  for (const row of a) for (let j = 0; j < cols; j++) row[j] = row[j]! / scale[j]!;
  const b = [...y];
  // Householder QR, applied to b as we go.
  for (let j = 0; j < cols; j++) {
    let norm = 0;
    for (let i = j; i < rows; i++) norm += a[i]![j]! * a[i]![j]!;
    norm = Math.sqrt(norm);
    const alpha = a[j]![j]! > 0 ? -norm : norm;
    const v = new Array<number>(rows).fill(0);
    for (let i = j; i < rows; i++) v[i] = a[i]![j]!;
    v[j] = v[j]! - alpha;
    let vNorm2 = 0;
    for (let i = j; i < rows; i++) vNorm2 += v[i]! * v[i]!;
    if (vNorm2 === 0) continue;
    for (let k = j; k < cols; k++) {
      let dot = 0;
      for (let i = j; i < rows; i++) dot += v[i]! * a[i]![k]!;
      const f = (2 * dot) / vNorm2;
      for (let i = j; i < rows; i++) a[i]![k] = a[i]![k]! - f * v[i]!;
    }
    let dotB = 0;
    for (let i = j; i < rows; i++) dotB += v[i]! * b[i]!;
    const fb = (2 * dotB) / vNorm2;
    for (let i = j; i < rows; i++) b[i] = b[i]! - fb * v[i]!;
  }
  const coefficients = new Array<number>(cols).fill(0);
  for (let j = cols - 1; j >= 0; j--) {
    let s = b[j]!;
    for (let k = j + 1; k < cols; k++) s -= a[j]![k]! * coefficients[k]!;
    coefficients[j] = s / a[j]![j]!;
  }
  return coefficients.map((c, j) => c / scale[j]!);
}

/** `np.polyfit(critical, log(sig), 2)`, computed once. */
const LOG_SIGNIFICANCE_FIT = polyfit(CRITICAL, SIGNIFICANCE.map(Math.log), 2);

/** Result of {@link andersonDarling}. */
export interface AndersonDarlingResult {
  /** Standardised statistic `(A2kN − (k−1)) / σ_N`. */
  readonly statistic: number;
  /** Significance level, clipped to [0.001, 0.25]. */
  readonly significanceLevel: number;
}

/**
 * Two-sample Anderson–Darling test with midranks (scipy `anderson_ksamp(..., midrank=True)`).
 *
 * This runs in `O(n1 + n2)` after the column's one sort (plus an `O(N)` harmonic sum for σ_N).
 *
 * @param pair the cleaned column pair
 * @throws {StatTestSkip} if the pooled sample has fewer than 2 distinct values (scipy raises) or fewer than 4 values
 *   (scipy's σ_N is 0/0 and its p-value NaN)
 * @returns the standardised statistic and the clipped significance level
 * @example
 * andersonDarling(pairOf([38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0],
 *                        [39.2, 39.3, 39.7, 41.4, 41.8, 42.9, 43.3, 45.8])).significanceLevel; // ≈ 0.06351467728760844 (scipy)
 */
export function andersonDarling(pair: ColumnPair): AndersonDarlingResult {
  const merged = mergedDistribution(pair);
  const distinct = merged.values.length;
  if (distinct < 2) {
    throw new StatTestSkip('anderson_ksamp needs more than one distinct observation');
  }
  if (merged.referenceSize + merged.currentSize < MIN_POOLED_SIZE) {
    throw new StatTestSkip(
      `anderson_ksamp needs at least ${MIN_POOLED_SIZE} pooled observations ` +
        `(got ${merged.referenceSize + merged.currentSize}): the variance of its statistic divides by (N−1)(N−2)(N−3)`,
    );
  }
  const { tieCounts } = pooledRanks(pair);
  const n1 = merged.referenceSize;
  const n2 = merged.currentSize;
  const N = n1 + n2;
  const noTies = N === distinct;
  // _anderson_ksamp_midrank
  const bj = new Float64Array(distinct);
  let before = 0;
  for (let j = 0; j < distinct; j++) {
    const lj = noTies ? 1 : tieCounts[j]!;
    bj[j] = before + lj / 2;
    before += tieCounts[j]!;
  }
  let a2kN = 0;
  const inner = new Float64Array(distinct);
  for (const [counts, size] of [
    [merged.referenceCounts, n1],
    [merged.currentCounts, n2],
  ] as const) {
    let atOrBelow = 0;
    for (let j = 0; j < distinct; j++) {
      const lj = noTies ? 1 : tieCounts[j]!;
      const fij = counts[j]!;
      atOrBelow += fij;
      const mij = atOrBelow - fij / 2;
      const b = bj[j]!;
      const deviation = N * mij - b * size;
      inner[j] = ((lj / N) * (deviation * deviation)) / (b * (N - b) - (N * lj) / 4);
    }
    a2kN += pairwiseSum(inner) / size;
  }
  a2kN *= (N - 1) / N;
  // Variance of A2kN (Scholz & Stephens eq. 4), as scipy computes it.
  const k = SAMPLES;
  const H = 1 / n1 + 1 / n2;
  const harmonicCumulative = new Float64Array(Math.max(N - 2, 0));
  let running = 0;
  for (let i = 0; i < N - 2; i++) {
    running += 1 / (N - 1 - i);
    harmonicCumulative[i] = running;
  }
  const h = (N - 2 > 0 ? harmonicCumulative[N - 3]! : 0) + 1;
  const ratios = new Float64Array(harmonicCumulative.length);
  for (let i = 0; i < ratios.length; i++) ratios[i] = harmonicCumulative[i]! / (i + 2);
  const g = pairwiseSum(ratios);
  const a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * H;
  const b = (2 * g - 4) * k ** 2 + 8 * h * k + (2 * g - 14 * h - 4) * H - 8 * h + 4 * g - 6;
  const c = (6 * h + 2 * g - 2) * k ** 2 + (4 * h - 4 * g + 6) * k + (2 * h - 6) * H + 4 * h;
  const d = (2 * h + 6) * k ** 2 - 4 * h * k;
  const sigmaSquared = (a * N ** 3 + b * N ** 2 + c * N + d) / ((N - 1) * (N - 2) * (N - 3));
  const m = k - 1;
  const statistic = (a2kN - m) / Math.sqrt(sigmaSquared);
  let significanceLevel: number;
  if (statistic < Math.min(...CRITICAL)) significanceLevel = Math.max(...SIGNIFICANCE);
  else if (statistic > Math.max(...CRITICAL)) significanceLevel = Math.min(...SIGNIFICANCE);
  else {
    // np.polyval: Horner from the highest power.
    let y = 0;
    for (const coefficient of LOG_SIGNIFICANCE_FIT) y = y * statistic + coefficient;
    significanceLevel = Math.exp(y);
  }
  return { statistic, significanceLevel };
}

export const anderson: StatTest = {
  id: 'anderson',
  displayName: 'Anderson-Darling',
  allowedTypes: ['numerical'],
  defaultThreshold: 0.1,
  scoreKind: 'p_value',
  comparison: 'p<thr',
  compute(pair: ColumnPair): StatTestOutcome {
    const { statistic, significanceLevel } = andersonDarling(pair);
    return { score: significanceLevel, statistic };
  },
};
