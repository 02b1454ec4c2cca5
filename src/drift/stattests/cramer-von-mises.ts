/**
 * `cramer_von_mises`: two-sample Cramér–von Mises test, Evidently's vendored copy of scipy 1.10.1's
 * `cramervonmises_2samp` (`cramer_von_mises_stattest.py::_cvm_2samp`, method "auto"):
 * - exact p-value (Xiao–Gordon–Yakovlev frequency recursion) when `max(n1, n2) ≤ 20`;
 * - otherwise the normalised statistic `tn` against the limiting distribution (Csörgő & Faraway series with
 *   K_{1/4}), p = 1 when `tn < 0.003`.
 * Drift if and only if **`p ≤ threshold`** (default 0.1). scipy raises for fewer than 2 values on a side; the
 * column is then skipped.
 *
 * Exactness note: the recursion's frequency table uses `np.min_scalar_type(max(zeta_bound, C(m+n, m)))` as
 * its dtype, and `C(m+n, m)` is a Python float there, so for most sample sizes numpy runs the recursion in
 * **float16** (C ≤ 65504) or **float32** arithmetic, and the p-value carries that rounding. The port below
 * reproduces the dtype choice and each rounding step (element order included), so it matches scipy bit for bit
 * rather than giving the mathematically exact but different value.
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import { besselK } from '../kernels/bessel-k.js';
import { pairwiseSum, pooledRanks, mergedDistribution } from '../kernels/index.js';
import { pairwiseSumOfRuns } from '../kernels/pairwise-sum.js';
import type { Runs } from '../kernels/runs.js';
import {
  cachedSortedSide,
  currentRuns,
  currentSize,
  referenceRuns,
  referenceSize,
} from '../kernels/side-runs.js';
import { StatTestSkip, type ColumnPair, type StatTest, type StatTestOutcome } from '../types.js';

/** Above this sample size (of the larger sample) the asymptotic method is used. */
const EXACT_MAX_SIZE = 20;
/** Below this normalised statistic the limiting CDF is < 1.3e-18: p = 1. */
const TN_MIN = 0.003;
/** The limiting-distribution series stops after the first term below this. */
const SERIES_TOLERANCE = 1e-7;
const FLOAT16_MAX = 65504;
const FLOAT32_MAX = 3.4028234663852886e38;
/** numpy's ufunc buffer: reductions see at most this many elements per inner-loop call. */
const REDUCE_BUFFER_SIZE = 8192;

/** Rounds a double to the nearest IEEE binary16 value (ties to even), as numpy's float16 stores it. */
export function float16Round(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const sign = x < 0 ? -1 : 1;
  const magnitude = Math.abs(x);
  if (magnitude >= 65520) return sign * Number.POSITIVE_INFINITY;
  let exponent = Math.floor(Math.log2(magnitude));
  if (2 ** exponent > magnitude) exponent--;
  else if (2 ** (exponent + 1) <= magnitude) exponent++;
  exponent = Math.max(exponent, -14);
  const ulp = 2 ** (exponent - 10);
  const scaled = magnitude / ulp;
  const floor = Math.floor(scaled);
  const remainder = scaled - floor;
  const rounded = remainder > 0.5 || (remainder === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
  return sign * rounded * ulp;
}

type Storage = 'uint' | 'float16' | 'float32' | 'float64';

/** numpy `min_scalar_type` of `max(zeta_bound, combinations)` (an int64 vs a Python float). */
function storageFor(zetaBound: number, combinations: number): Storage {
  if (!(combinations > zetaBound)) return 'uint';
  if (combinations <= FLOAT16_MAX) return 'float16';
  if (combinations <= FLOAT32_MAX) return 'float32';
  return 'float64';
}

function rounderFor(storage: Storage): (x: number) => number {
  switch (storage) {
    case 'float16':
      return float16Round;
    case 'float32':
      return Math.fround;
    default:
      return (x) => x;
  }
}

/** numpy `floor_divide` for doubles (`npy_divmod`): fmod-based, as `//` on a float64 scalar computes it. */
function numpyFloorDivide(a: number, b: number): number {
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return Math.sign(a / b) * 0;
  let floorDiv = Math.floor(div);
  if (div - floorDiv > 0.5) floorDiv += 1;
  return floorDiv;
}

/** numpy's pairwise sum of a float32 / float16 array, every addition rounded to float32 (`@TYPE@_pairwise_sum`). */
function pairwiseSumFloat32(values: Float64Array, start: number, length: number): number {
  const f = Math.fround;
  if (length < 8) {
    let result = 0;
    for (let i = 0; i < length; i++) result = f(result + values[start + i]!);
    return result;
  }
  if (length <= 128) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => f(values[start + k]!));
    const unrolledEnd = length - (length % 8);
    let i = 8;
    for (; i < unrolledEnd; i += 8) for (let k = 0; k < 8; k++) r[k] = f(r[k]! + values[start + i + k]!);
    let result = f(f(f(r[0]! + r[1]!) + f(r[2]! + r[3]!)) + f(f(r[4]! + r[5]!) + f(r[6]! + r[7]!)));
    for (; i < length; i++) result = f(result + values[start + i]!);
    return result;
  }
  let half = Math.floor(length / 2);
  half -= half % 8;
  return f(pairwiseSumFloat32(values, start, half) + pairwiseSumFloat32(values, start + half, length - half));
}

/** `np.sum` of the selected frequencies in the table's storage type. */
function sumInStorage(values: Float64Array, storage: Storage): number {
  if (storage === 'uint') {
    let total = 0;
    for (const v of values) total += v;
    return total;
  }
  if (storage === 'float64') return pairwiseSum(values);
  const store = rounderFor(storage);
  let result = 0;
  for (let offset = 0; offset < values.length || offset === 0; offset += REDUCE_BUFFER_SIZE) {
    const length = Math.min(REDUCE_BUFFER_SIZE, values.length - offset);
    result = store(Math.fround(result + pairwiseSumFloat32(values, offset, length)));
    if (values.length === 0) break;
  }
  return result;
}

/** One row pair of the frequency table: distinct statistic values and their frequencies, in numpy's order. */
interface Table {
  values: Float64Array;
  freqs: Float64Array;
}

/** `np.unique(ar, return_index=True)`: sorted distinct values with the index of their first occurrence. */
function uniqueFirstIndices(values: Float64Array): { sorted: number[]; firstIndex: number[] } {
  const order = Array.from(values.keys()).sort((i, j) => values[i]! - values[j]! || i - j);
  const sorted: number[] = [];
  const firstIndex: number[] = [];
  for (const index of order) {
    if (sorted.length === 0 || sorted[sorted.length - 1] !== values[index]) {
      sorted.push(values[index]!);
      firstIndex.push(index);
    }
  }
  return { sorted, firstIndex };
}

/**
 * Exact p-value `P(U ≥ u)` of the two-sample statistic (scipy `_pval_cvm_2samp_exact`, Xiao–Gordon–Yakovlev
 * 2006 Algorithm 1), reproducing numpy's dtype, element order and rounding.
 *
 * This runs in `O(m · n · distinct values)`; m, n ≤ 20.
 *
 * @param u the U statistic (eq. 10 of Anderson 1962)
 * @param m reference size
 * @param n current size
 * @returns the exact p-value as scipy 1.10.1 computes it
 */
export function cramerVonMisesExactPValue(u: number, m: number, n: number): number {
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
  const lcm = (m / gcd(m, n)) * n;
  const a = lcm / m;
  const b = lcm / n;
  const mn = m * n;
  const zeta = numpyFloorDivide(lcm ** 2 * (m + n) * (6 * u - mn * (4 * mn - 1)), 6 * mn ** 2);
  const zetaBound = lcm ** 2 * (m + n);
  // Evidently: math.factorial(m + n) / (math.factorial(m) * math.factorial(n)), a correctly rounded quotient.
  // The quotient is an exact integer, and Number() of a bigint rounds correctly, as Python's int / int does.
  const combinations = Number(factorialBig(m + n) / (factorialBig(m) * factorialBig(n)));
  const storage = storageFor(zetaBound, combinations);
  const store = rounderFor(storage);
  const empty = (): Table => ({ values: new Float64Array(0), freqs: new Float64Array(0) });
  let gs: Table[] = [{ values: Float64Array.of(0), freqs: Float64Array.of(1) }];
  for (let v = 0; v < m; v++) gs.push(empty());
  for (let step = 0; step <= n; step++) {
    const next: Table[] = [];
    let tmp = empty();
    for (let v = 0; v < gs.length; v++) {
      const g = gs[v]!;
      // np.intersect1d(tmp[0], g[0], return_indices=True)
      const left = uniqueFirstIndices(tmp.values);
      const right = uniqueFirstIndices(g.values);
      const common: number[] = [];
      const leftIdx: number[] = [];
      const rightIdx: number[] = [];
      let i = 0;
      let j = 0;
      while (i < left.sorted.length && j < right.sorted.length) {
        if (left.sorted[i]! < right.sorted[j]!) i++;
        else if (left.sorted[i]! > right.sorted[j]!) j++;
        else {
          common.push(left.sorted[i]!);
          leftIdx.push(left.firstIndex[i]!);
          rightIdx.push(right.firstIndex[j]!);
          i++;
          j++;
        }
      }
      const size = tmp.values.length + g.values.length - common.length;
      const values = new Float64Array(size);
      const freqs = new Float64Array(size);
      let k = 0;
      for (let c = 0; c < common.length; c++) {
        values[k] = common[c]!;
        freqs[k] = store(tmp.freqs[leftIdx[c]!]! + g.freqs[rightIdx[c]!]!);
        k++;
      }
      const dropLeft = new Set(leftIdx);
      for (let t = 0; t < tmp.values.length; t++) {
        if (dropLeft.has(t)) continue;
        values[k] = tmp.values[t]!;
        freqs[k] = tmp.freqs[t]!;
        k++;
      }
      const dropRight = new Set(rightIdx);
      for (let t = 0; t < g.values.length; t++) {
        if (dropRight.has(t)) continue;
        values[k] = g.values[t]!;
        freqs[k] = g.freqs[t]!;
        k++;
      }
      const increment = store((a * v - b * step) ** 2);
      for (let t = 0; t < size; t++) values[t] = store(values[t]! + increment);
      tmp = { values, freqs };
      next.push(tmp);
    }
    gs = next;
  }
  const final = gs[m]!;
  const selected: number[] = [];
  for (let t = 0; t < final.values.length; t++) if (final.values[t]! >= zeta) selected.push(final.freqs[t]!);
  return sumInStorage(Float64Array.from(selected), storage) / combinations;
}

function factorialBig(k: number): bigint {
  let result = 1n;
  for (let i = 2n; i <= BigInt(k); i++) result *= i;
  return result;
}

/**
 * Limiting CDF of the Cramér–von Mises statistic (scipy `_cdf_cvm_inf`, Csörgő & Faraway 1996 eq. 1.2):
 * terms are added until one is below 1e-7.
 *
 * @param x the normalised statistic, > 0
 * @returns the CDF at x
 */
export function cramerVonMisesLimitCdf(x: number): number {
  let total = 0;
  for (let k = 0; ; k++) {
    const u = Math.exp(gammaln(k + 0.5) - gammaln(k + 1)) / (Math.PI ** 1.5 * Math.sqrt(x));
    const y = 4 * k + 1;
    const q = y ** 2 / (16 * x);
    const term = u * Math.sqrt(y) * Math.exp(-q) * besselK(0.25, q);
    total += term;
    if (!(Math.abs(term) >= SERIES_TOLERANCE)) break;
  }
  return total;
}

/** Result of {@link cramerVonMises}. */
export interface CramerVonMisesResult {
  /** T (eq. 9 of Anderson 1962). */
  readonly statistic: number;
  readonly pValue: number;
  readonly method: 'exact' | 'asymptotic';
}

/**
 * Two-sample Cramér–von Mises test, method "auto".
 *
 * This runs in `O(n1 + n2)` time and `O(distinct values)` memory from the runs, for the asymptotic method; the exact method is bounded
 * by its 20-observation limit.
 *
 * @param pair the cleaned column pair
 * @throws {StatTestSkip} if a side has fewer than 2 values (scipy raises)
 * @returns T, the p-value and the method
 * @example
 * cramerVonMises(pairOf([38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0],
 *                       [39.2, 39.3, 39.7, 41.4, 41.8, 42.9, 43.3, 45.8])).pValue; // => 0.06433566433566433
 */
export function cramerVonMises(pair: ColumnPair): CramerVonMisesResult {
  const nx = referenceSize(pair);
  const ny = currentSize(pair);
  if (nx <= 1 || ny <= 1) {
    throw new StatTestSkip(
      `Cramer-von Mises requires at least two observations per side (reference ${nx}, current ${ny})`,
    );
  }
  const method = Math.max(nx, ny) > EXACT_MAX_SIZE ? 'asymptotic' : 'exact';
  const merged = mergedDistribution(pair);
  const { averageRanks } = pooledRanks(pair);
  // Σ (rank of the i-th smallest value of a side − i)², summed by numpy over the side sorted; the side's runs give
  // each element without sorting or laying it out: the run's pooled average rank and its position in the side.
  const deviations = (runs: Runs): number => {
    const runRank = new Float64Array(runs.values.length);
    const runStart = new Float64Array(runs.values.length);
    let k = 0;
    let before = 0;
    for (let r = 0; r < runs.values.length; r++) {
      // Both ascending: advance through the distinct pooled values instead of searching.
      while (merged.values[k]! < runs.values[r]!) k++;
      runRank[r] = averageRanks[k]!;
      runStart[r] = before;
      before += runs.counts[r]!;
    }
    return pairwiseSumOfRuns({
      lengths: runs.counts,
      element: (r, offset) => {
        const d = runRank[r]! - (runStart[r]! + offset + 1);
        return d * d;
      },
    });
  };
  // A side sorted already (many distinct values) is walked as it is: the same terms, faster than one run at a time.
  const sortedDeviations = (sorted: Float64Array): number => {
    const out = new Float64Array(sorted.length);
    let k = 0;
    for (let i = 0; i < sorted.length; i++) {
      while (merged.values[k]! < sorted[i]!) k++;
      const d = averageRanks[k]! - (i + 1);
      out[i] = d * d;
    }
    return pairwiseSum(out);
  };
  // (mergedDistribution above found each side's runs, sorting a side with many distinct values.)
  const side = (name: 'reference' | 'current', runs: Runs): number => {
    const sorted = cachedSortedSide(pair, name);
    return sorted ? sortedDeviations(sorted) : deviations(runs);
  };
  let u = nx * side('reference', referenceRuns(pair));
  u += ny * side('current', currentRuns(pair));
  const k = nx * ny;
  const N = nx + ny;
  const statistic = u / (k * N) - (4 * k - 1) / (6 * N);
  let pValue: number;
  if (method === 'exact') {
    pValue = cramerVonMisesExactPValue(u, nx, ny);
  } else {
    const et = (1 + 1 / N) / 6;
    let vt = (N + 1.0) * (4 * k * N - 3 * (nx ** 2 + ny ** 2) - 2 * k);
    vt = vt / (45 * N ** 2 * 4 * k);
    const tn = 1 / 6 + (statistic - et) / Math.sqrt(45 * vt);
    pValue = tn < TN_MIN ? 1.0 : Math.max(0, 1 - cramerVonMisesLimitCdf(tn));
  }
  return { statistic, pValue, method };
}

export const cramerVonMisesStatTest: StatTest = {
  id: 'cramer_von_mises',
  displayName: 'Cramer-von Mises',
  allowedTypes: ['numerical'],
  defaultThreshold: 0.1,
  scoreKind: 'p_value',
  comparison: 'p<=thr',
  compute(pair: ColumnPair): StatTestOutcome {
    const { statistic, pValue, method } = cramerVonMises(pair);
    return { score: pValue, statistic, method };
  },
};
