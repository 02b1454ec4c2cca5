/**
 * `TVD`: total variation distance with a permutation p-value, Evidently's `tvd_stattest.py` +
 * `utils.permutation_test(..., iterations=1000)`.
 *
 * Statistic `TVD = ½ Σ_k |count_ref(k)/n_ref − count_cur(k)/n_cur|` over the union of keys. Evidently seeds
 * numpy's global generator with `np.random.seed(0)`, then 1000 times draws `len(ref)` elements without
 * replacement from `ref ++ cur` (`np.random.choice(..., replace=False)` = a prefix of the legacy
 * `RandomState.permutation`) as the new reference, the rest as the new current, and reports
 * `p = #(observed ≤ |TVD_perm|) / 1000`. With the ported MT19937/RandomState the permutations here are
 * numpy's own, so the p-value equals Evidently's (seed: the `seed` setting, default 0). Drift if and only if
 * `p < threshold` (default 0.1).
 */
import { mergedDistribution, indexOfDistinct } from '../kernels/index.js';
import { RandomState } from '../random/random-state.js';
import type { ColumnPair, StatTest, StatTestOptions, StatTestOutcome } from '../types.js';

/** Evidently's number of permutations for TVD. */
export const TVD_ITERATIONS = 1000;

/** ½ Σ |r_k/n_r − c_k/n_c|, summed in key order (as numpy sums the small key array, left to right below 8). */
function tvdOfCounts(
  referenceCounts: ArrayLike<number>,
  currentCounts: ArrayLike<number>,
  nRef: number,
  nCur: number,
): number {
  let sum = 0;
  for (let k = 0; k < referenceCounts.length; k++) {
    sum += Math.abs(referenceCounts[k]! / nRef - currentCounts[k]! / nCur);
  }
  return 0.5 * sum;
}

/**
 * Total variation distance between the two samples' category shares.
 *
 * @param pair the cleaned column pair
 * @returns the distance in [0, 1]
 * @example
 * totalVariationDistance(pairOf(['a', 'a', 'b'], ['a', 'b', 'b'])); // => 0.3333333333333333
 */
export function totalVariationDistance(pair: ColumnPair): number {
  const merged = mergedDistribution(pair);
  return tvdOfCounts(merged.referenceCounts, merged.currentCounts, merged.referenceSize, merged.currentSize);
}

/**
 * Permutation p-value of the TVD exactly as Evidently computes it with numpy's legacy generator.
 *
 * This runs in `O(iterations · (n1 + n2))` and needs the pooled sample as key indices (`n1 + n2` integers, plus
 * the permutation's indices): matching Evidently's draws means permuting the pooled rows in their order.
 *
 * @param pair the cleaned column pair
 * @param seed the seed passed to `np.random.seed` (Evidently: 0)
 * @param iterations number of permutations (Evidently: 1000)
 * @returns the observed TVD and the p-value
 */
export function tvdPermutationTest(
  pair: ColumnPair,
  seed: number,
  iterations: number = TVD_ITERATIONS,
): { statistic: number; pValue: number } {
  const merged = mergedDistribution(pair);
  const nRef = merged.referenceSize;
  const nCur = merged.currentSize;
  const keys = merged.values.length;
  const observed = tvdOfCounts(merged.referenceCounts, merged.currentCounts, nRef, nCur);
  // combined = reference.tolist() + current.tolist(), as key indices.
  const total = nRef + nCur;
  const combinedKeys = new Int32Array(total);
  if (pair.fromCounts) {
    // No row order: each side in ascending order, as the counted column expands, straight from the counts.
    let at = 0;
    for (let k = 0; k < keys; k++) combinedKeys.fill(k, at, (at += merged.referenceCounts[k]!));
    for (let k = 0; k < keys; k++) combinedKeys.fill(k, at, (at += merged.currentCounts[k]!));
  } else {
    for (let i = 0; i < nRef; i++) combinedKeys[i] = indexOfDistinct(merged.values, pair.reference[i]!);
    for (let i = 0; i < nCur; i++) combinedKeys[nRef + i] = indexOfDistinct(merged.values, pair.current[i]!);
  }
  const keyTotals = new Float64Array(keys);
  for (let k = 0; k < keys; k++) keyTotals[k] = merged.referenceCounts[k]! + merged.currentCounts[k]!;
  const random = new RandomState(seed);
  const indices = new Int32Array(total);
  const referenceCounts = new Float64Array(keys);
  const currentCounts = new Float64Array(keys);
  let atLeastObserved = 0;
  for (let iteration = 0; iteration < iterations; iteration++) {
    // np.random.choice(combined, n_ref, replace=False) = permutation(total)[:n_ref]
    for (let i = 0; i < total; i++) indices[i] = i;
    random.shuffle(indices);
    referenceCounts.fill(0);
    for (let i = 0; i < nRef; i++) referenceCounts[combinedKeys[indices[i]!]!]! += 1;
    for (let k = 0; k < keys; k++) currentCounts[k] = keyTotals[k]! - referenceCounts[k]!;
    const permuted = tvdOfCounts(referenceCounts, currentCounts, nRef, nCur);
    if (observed <= Math.abs(permuted)) atLeastObserved++;
  }
  return { statistic: observed, pValue: atLeastObserved / iterations };
}

export const tvd: StatTest = {
  id: 'TVD',
  displayName: 'Total-Variation-Distance',
  allowedTypes: ['categorical'],
  defaultThreshold: 0.1,
  scoreKind: 'p_value',
  comparison: 'p<thr',
  compute(pair: ColumnPair, options: StatTestOptions): StatTestOutcome {
    const { statistic, pValue } = tvdPermutationTest(pair, options.seed);
    return { score: pValue, statistic, method: `permutation (${TVD_ITERATIONS}, seed ${options.seed})` };
  },
};
