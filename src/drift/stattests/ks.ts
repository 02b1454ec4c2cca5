/**
 * `ks`: the two-sample Kolmogorov–Smirnov test, Evidently's `ks_stattest.py` →
 * `scipy.stats.ks_2samp(reference, current)` (two-sided, `method="auto"`, scipy 1.10.1).
 *
 * Skeleton as scipy's: statistic (ECDF walk, `searchsorted(side="right")`), choose the method (exact when
 * `max(n1, n2) <= 10000`), p-value, fallback to the asymptotic distribution when the exact computation fails
 * (recorded in `warnings`), clip to [0, 1]. Drift if and only if `p <= threshold`.
 */
import { columnEcdfWalk } from '../kernels/index.js';
import { currentSize, referenceSize } from '../kernels/side-runs.js';
import { kstwoSf } from '../special/kolmogn.js';
import { computeOuterProbInsideMethod, computeProbOutsideSquare } from '../special/ks-two-sample.js';
import type { ColumnPair, StatTest, StatTestOutcome } from '../types.js';

/** scipy's `MAX_AUTO_N`: `method="auto"` is exact when both sizes are at most this. */
export const KS_MAX_EXACT_N = 10000;

/** How the KS p-value was obtained. */
export type KsMethod = 'exact' | 'asymptotic';

/** A KS p-value with the statistic as scipy reports it and the method actually used. */
export interface KsPValue {
  /** The p-value, clipped to [0, 1]. */
  readonly pValue: number;
  /** D as scipy returns it: snapped to `h / lcm(n1, n2)` when the exact method was attempted. */
  readonly statistic: number;
  readonly method: KsMethod;
  /** Set when the exact computation failed and the asymptotic p-value was used instead. */
  readonly warning?: string;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** numpy `round` (round half to even) for a finite double. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * scipy's `_attempt_exact_2kssamp` (two-sided): snaps D to `h / lcm`, `h = round(D * lcm)`, then the exact
 * lattice-path probability. Fails (returns `success: false`) when the result is NaN or outside [0, 1].
 */
function attemptExact(n1: number, n2: number, d: number): { success: boolean; d: number; p: number } {
  const g = gcd(n1, n2);
  const lcm = Math.trunc(n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  const snapped = (h * 1.0) / lcm;
  if (h === 0) return { success: true, d: snapped, p: 1.0 };
  const p = n1 === n2 ? computeProbOutsideSquare(n1, h) : computeOuterProbInsideMethod(n1, n2, g, h);
  if (!Number.isFinite(p)) return { success: false, d: snapped, p: NaN };
  if (!(p >= 0 && p <= 1)) return { success: false, d: snapped, p };
  return { success: true, d: snapped, p };
}

/**
 * The asymptotic two-sided p-value scipy uses: `kstwo.sf(D, round(n1 n2 / (n1 + n2)))`.
 *
 * @param d the KS statistic
 * @param n1 reference size
 * @param n2 current size
 * @returns the p-value (not yet clipped)
 */
export function ksAsymptoticPValue(d: number, n1: number, n2: number): number {
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const effectiveSize = (m * n) / (m + n);
  return kstwoSf(d, roundHalfEven(effectiveSize));
}

/**
 * The two-sided two-sample KS p-value from the statistic and the sample sizes, exactly as scipy 1.10.1's
 * `ks_2samp(method="auto")` computes it. This is the aggregate entry point: a database can compute D (e.g.
 * from per-value counts) and call this without the rows.
 *
 * This runs in `O(n)` for equal sizes, `O(max(n1, n2) · h / (max/gcd))` for unequal sizes up to 10000, and
 * `O(effective n)` at worst in the asymptotic regime.
 *
 * @param d the KS statistic `max |F_ref - F_cur|` as computed from `count / n` ECDF values
 * @param n1 reference size (≥ 1)
 * @param n2 current size (≥ 1)
 * @throws {Error} if a size is not a positive integer
 * @returns the p-value, the (snapped) statistic and the method used
 * @example
 * ksPValue(0.625, 8, 8).pValue; // => 0.08702408702408701
 */
export function ksPValue(d: number, n1: number, n2: number): KsPValue {
  if (!Number.isInteger(n1) || !Number.isInteger(n2) || n1 < 1 || n2 < 1) {
    throw new Error(`ksPValue requires at least 1 data point on each side, got ${n1} and ${n2}`);
  }
  let statistic = d;
  let warning: string | undefined;
  if (Math.max(n1, n2) <= KS_MAX_EXACT_N) {
    const exact = attemptExact(n1, n2, d);
    statistic = exact.d;
    if (exact.success) return { pValue: clip01(exact.p), statistic, method: 'exact' };
    warning =
      'ks_2samp: exact calculation unsuccessful; switched to the asymptotic distribution (as scipy does)';
  }
  const p = clip01(ksAsymptoticPValue(statistic, n1, n2));
  return warning === undefined
    ? { pValue: p, statistic, method: 'asymptotic' }
    : { pValue: p, statistic, method: 'asymptotic', warning };
}

function clip01(p: number): number {
  if (Number.isNaN(p)) return p;
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/**
 * Two-sample two-sided KS test of a column (scipy `ks_2samp(reference, current)`).
 *
 * This runs in `O(n log n)` for the (cached) sort plus the p-value cost of {@link ksPValue}.
 *
 * @param pair the cleaned column pair
 * @returns the p-value, statistic and method
 * @example
 * ks2samp(pairOf([38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0], [39.2, 39.3, 39.7, 41.4, 41.8, 42.9, 43.3, 45.8])).pValue;
 * // => 0.08702408702408701
 */
export function ks2samp(pair: ColumnPair): KsPValue {
  const walk = columnEcdfWalk(pair);
  return ksPValue(walk.ksStatistic, referenceSize(pair), currentSize(pair));
}

/** The `ks` registry entry: display name `K-S p_value`, numerical, default threshold 0.05, drift when `p <= threshold`. */
export const ks: StatTest = {
  id: 'ks',
  displayName: 'K-S p_value',
  allowedTypes: ['numerical'],
  defaultThreshold: 0.05,
  scoreKind: 'p_value',
  comparison: 'p<=thr',
  compute(pair: ColumnPair): StatTestOutcome {
    const result = ks2samp(pair);
    return {
      score: result.pValue,
      statistic: result.statistic,
      method: result.method,
      ...(result.warning === undefined ? {} : { warnings: [result.warning] }),
    };
  },
};
