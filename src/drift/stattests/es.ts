/**
 * `es`: the Epps–Singleton two-sample test on the empirical characteristic function (scipy
 * `epps_singleton_2samp(ref, cur, t=(0.4, 0.8))`), Evidently's `epps_singleton_stattest.py`.
 *
 * Evidently raises when the interquartile range of the pooled data is 0, and scipy raises when a side has
 * fewer than 5 observations; the column is then skipped with that reason. A small-sample correction applies
 * when `max(n1, n2) < 25`. Drift if and only if `p < threshold`.
 */
import { pairwiseSum, sortedCurrent, sortedReference } from '../kernels/index.js';
import { chiSquareSf } from '../kernels/p-values.js';
import { percentileSorted } from '../kernels/quantile.js';
import { StatTestSkip, type ColumnPair, type StatTest, type StatTestOutcome } from '../types.js';

/** scipy's default evaluation points of the characteristic function. */
const EVALUATION_POINTS = [0.4, 0.8] as const;
const DIMENSION = 2 * EVALUATION_POINTS.length;
/** scipy: `x and y should have at least 5 elements`. */
const MIN_SIZE = 5;
/** Below this size (of the larger sample) the small-sample correction applies. */
const SMALL_SAMPLE_SIZE = 25;
/** numpy `pinv` default `rcond`. */
const PINV_RCOND = 1e-15;
const EPSILON = 2.220446049250313e-16;

/** Merges two ascending arrays into one ascending array. */
function mergeAscending(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** Row means and biased covariance (`np.cov(g.T, bias=True)`) of the ECF features [cos(t·x)…, sin(t·x)…]. */
function featureMoments(
  values: Float64Array,
  scaledPoints: readonly number[],
): { mean: number[]; cov: number[][] } {
  const n = values.length;
  const features: Float64Array[] = [];
  for (const t of scaledPoints) features.push(values.map((x) => Math.cos(t * x)));
  for (const t of scaledPoints) features.push(values.map((x) => Math.sin(t * x)));
  const mean = features.map((f) => pairwiseSum(f) / n);
  const centred = features.map((f, r) => f.map((v) => v - mean[r]!));
  const cov = centred.map((fr) =>
    centred.map((fc) => {
      const products = new Float64Array(n);
      for (let i = 0; i < n; i++) products[i] = fr[i]! * fc[i]!;
      return pairwiseSum(products) / n;
    }),
  );
  return { mean, cov };
}

/** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations. */
function symmetricEigen(matrix: number[][]): { values: number[]; vectors: number[][] } {
  const size = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v: number[][] = Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => (i === j ? 1 : 0)),
  );
  for (let sweep = 0; sweep < 100; sweep++) {
    let offDiagonal = 0;
    for (let p = 0; p < size; p++) for (let q = p + 1; q < size; q++) offDiagonal += a[p]![q]! * a[p]![q]!;
    if (offDiagonal === 0) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p]![q]!;
        if (apq === 0) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]!), vectors: v };
}

/** Result of {@link eppsSingleton}. */
export interface EppsSingletonResult {
  readonly statistic: number;
  readonly pValue: number;
  /** Rank of the estimated covariance (degrees of freedom of the chi-square), normally 4. */
  readonly rank: number;
}

/**
 * Epps–Singleton test (scipy 1.10.1 algorithm): ECF at t/σ with σ = IQR(pooled)/2, biased covariances,
 * pseudo-inverse with numpy's rcond, `w = n·Δgᵀ·pinv·Δg`, small-sample correction, `p = chi2.sf(w, rank)`.
 *
 * Sums run over the column's cached sorted copies, so the result does not depend on row order.
 * This runs in `O(n1 + n2)` after the column's one sort.
 *
 * @param pair the cleaned column pair
 * @throws {StatTestSkip} if a side has fewer than 5 values or the pooled IQR is 0 (where scipy/Evidently raise), or
 *   the IQR is so small or large that t/σ is not finite, or the estimated covariance is zero (scipy's p-value is
 *   NaN in both cases)
 * @returns the statistic, p-value and covariance rank
 * @example
 * eppsSingleton(pairOf([38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0],
 *                      [39.2, 39.3, 39.7, 41.4, 41.8, 42.9, 43.3, 45.8])).pValue; // ≈ 0.40844891295815844 (scipy)
 */
export function eppsSingleton(pair: ColumnPair): EppsSingletonResult {
  const reference = sortedReference(pair);
  const current = sortedCurrent(pair);
  const nx = reference.length;
  const ny = current.length;
  const pooled = mergeAscending(reference, current);
  const iqr = percentileSorted(pooled, 75) - percentileSorted(pooled, 25);
  if (iqr === 0) {
    throw new StatTestSkip(
      'Epps-Singleton requires a non-zero interquartile range of the pooled data (Evidently raises on IQR 0)',
    );
  }
  if (nx < MIN_SIZE || ny < MIN_SIZE) {
    throw new StatTestSkip(
      `Epps-Singleton requires at least ${MIN_SIZE} values per side (reference ${nx}, current ${ny})`,
    );
  }
  const n = nx + ny;
  const sigma = iqr / 2;
  const scaledPoints = EVALUATION_POINTS.map((t) => t / sigma);
  if (!scaledPoints.every(Number.isFinite) || !Number.isFinite(iqr)) {
    throw new StatTestSkip(
      `Epps-Singleton: the pooled interquartile range (${iqr}) is beyond double precision, so t / sigma is not finite (scipy's p-value is NaN)`,
    );
  }
  const gx = featureMoments(reference, scaledPoints);
  const gy = featureMoments(current, scaledPoints);
  const estimatedCov = gx.cov.map((row, i) => row.map((v, j) => (n / nx) * v + (n / ny) * gy.cov[i]![j]!));
  // pinv of a symmetric matrix: eigenvalues are the singular values up to sign.
  const { values, vectors } = symmetricEigen(estimatedCov);
  const largest = Math.max(...values.map(Math.abs));
  const cutoff = PINV_RCOND * largest;
  const inverseValues = values.map((lambda) => (Math.abs(lambda) > cutoff ? 1 / lambda : 0));
  // matrix_rank(pinv): singular values of pinv above max·max(M, N)·eps.
  const inverseLargest = Math.max(...inverseValues.map(Math.abs));
  const rank = inverseValues.filter((s) => Math.abs(s) > inverseLargest * DIMENSION * EPSILON).length;
  if (rank === 0) {
    throw new StatTestSkip(
      "Epps-Singleton: the estimated covariance matrix is zero (each side constant), so the test has 0 degrees of freedom (scipy's p-value is NaN)",
    );
  }
  const gDiff = gx.mean.map((m, i) => m - gy.mean[i]!);
  // w = n · Δgᵀ V Λ⁺ Vᵀ Δg
  let quadratic = 0;
  for (let k = 0; k < DIMENSION; k++) {
    let projection = 0;
    for (let i = 0; i < DIMENSION; i++) projection += vectors[i]![k]! * gDiff[i]!;
    quadratic += inverseValues[k]! * projection * projection;
  }
  let statistic = n * quadratic;
  if (Math.max(nx, ny) < SMALL_SAMPLE_SIZE) {
    const correction = 1 / (1 + n ** -0.45 + 10.1 * (nx ** -1.7 + ny ** -1.7));
    statistic = correction * statistic;
  }
  return { statistic, pValue: chiSquareSf(statistic, rank), rank };
}

export const es: StatTest = {
  id: 'es',
  displayName: 'Epps-Singleton',
  allowedTypes: ['numerical'],
  defaultThreshold: 0.05,
  scoreKind: 'p_value',
  comparison: 'p<thr',
  compute(pair: ColumnPair): StatTestOutcome {
    const result = eppsSingleton(pair);
    const outcome: StatTestOutcome = { score: result.pValue, statistic: result.statistic };
    return result.rank < DIMENSION
      ? {
          ...outcome,
          warnings: [
            `estimated covariance matrix has rank ${result.rank} < ${DIMENSION}; the test might not be consistent`,
          ],
        }
      : outcome;
  },
};
