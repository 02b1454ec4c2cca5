/**
 * One walk over the merged distribution that yields the two-sample ECDF statistics: the Kolmogorov–Smirnov
 * D (scipy `ks_2samp`), the first Wasserstein distance W1 and the energy-distance integral (scipy
 * `_cdf_distance` with p = 1 and p = 2).
 *
 * scipy evaluates both ECDFs at every pooled value (with duplicates) via `searchsorted(side="right")`, takes
 * `deltas = np.diff(all_values)` and sums `|F_ref - F_cur| * deltas` with `np.sum`. Duplicate values give
 * zero-width terms; they add nothing but they do shift numpy's pairwise grouping, so the terms are summed
 * as if laid out at their exact pooled positions (kept sparse, never allocated per value). That keeps W1 and the energy distance bit-equal to
 * scipy instead of merely close.
 */
import type { ColumnPair } from '../types.js';
import { mergedDistribution, unmergedRuns, type MergedDistribution } from './merged.js';
import { REDUCE_BUFFER_SIZE, SparseSumStream, pairwiseSum } from './pairwise-sum.js';
import { POOLED_WALK, type PooledWalkSums } from './pooled.js';
import { countedOnce, type Runs } from './runs.js';
import { cachedOnPair } from './sorted.js';

/** Results of {@link ecdfWalk}. */
export interface EcdfWalk {
  /** Two-sided KS statistic `max(clip(-min(F_ref - F_cur), 0, 1), max(F_ref - F_cur))`, as scipy computes it. */
  readonly ksStatistic: number;
  /** `max(F_ref - F_cur)` over the pooled values (scipy's `maxS`, the "greater" one-sided statistic). */
  readonly ksPlus: number;
  /** `clip(-min(F_ref - F_cur), 0, 1)` (scipy's `minS`, the "less" one-sided statistic). */
  readonly ksMinus: number;
  /** First Wasserstein distance `∫|F_ref - F_cur| dx` (scipy `wasserstein_distance`). */
  readonly wasserstein1: number;
  /**
   * `Σ (F_ref - F_cur)² Δx` over the pooled values; scipy's `energy_distance` is `sqrt(2) * sqrt(this)`.
   */
  readonly energyIntegral: number;
}

const WALK = 'kernels:ecdf-walk';

/** The summer of the walks' terms, kept per thread (a walk is synchronous and finishes its sum before returning). */
const stream = new SparseSumStream();

/** What one walk over the pooled values yields: the extreme ECDF differences and numpy's sum of the terms. */
interface WalkSums {
  readonly maxDiff: number;
  readonly minDiff: number;
  readonly sum: number;
}

/**
 * Walks both right-continuous ECDFs over the distinct pooled values (`merged.values` with their counts), summing
 * `|F_ref - F_cur| Δx` (or `(F_ref - F_cur)² Δx` with `squared`) as numpy sums scipy's term array: one term per
 * pooled value but the last, zero wherever `Δx` is (all but the last slot of each distinct value's block), so only
 * the non-zero slots are fed to the summer, as they come.
 */
function walkMerged(merged: MergedDistribution, squared: boolean): WalkSums {
  const { values, referenceCounts, currentCounts, referenceSize: n1, currentSize: n2 } = merged;
  const distinct = values.length;
  stream.reset(Math.max(n1 + n2 - 1, 0));
  let cumRef = 0;
  let cumCur = 0;
  let position = 0;
  let maxDiff = -Infinity;
  let minDiff = Infinity;
  for (let k = 0; k < distinct; k++) {
    cumRef += referenceCounts[k]!;
    cumCur += currentCounts[k]!;
    position += referenceCounts[k]! + currentCounts[k]!;
    const diff = cumRef / n1 - cumCur / n2;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
    if (k + 1 < distinct) {
      const delta = values[k + 1]! - values[k]!;
      stream.add(position - 1, squared ? diff * diff * delta : Math.abs(diff) * delta);
    }
  }
  return { maxDiff, minDiff, sum: stream.finish() };
}

/**
 * The running state of {@link walkRuns} between blocks, by index: the cumulative counts and shares of both sides,
 * the extreme differences, the previous key with its difference and end position, whether no key was taken yet,
 * and the next index of each side.
 */
const CUM_REF = 0;
const CUM_CUR = 1;
const REF_SHARE = 2;
const CUR_SHARE = 3;
const MAX_DIFF = 4;
const MIN_DIFF = 5;
const PREVIOUS = 6;
const PREVIOUS_DIFF = 7;
const PREVIOUS_END = 8;
const FIRST = 9;
const REF_NEXT = 10;
const CUR_NEXT = 11;
const walkState = new Float64Array(12);
/** The two keys {@link walkBlock} picks from by index. */
const keyPair = new Float64Array(2);
/** Keys merged per call of {@link walkBlock}. */
const WALK_BLOCK = 8192;

/**
 * Merges up to {@link WALK_BLOCK} keys of {@link walkRuns}, from and back into {@link walkState}.
 *
 * The walk goes by blocks so that this function is called often: V8 then compiles it whole, with its doubles
 * unboxed, while a loop over a million keys run a few times is compiled on the fly from inside the loop, with the
 * running sums boxed (a heap number each step), at about twice the time.
 *
 * @returns whether keys remain
 */
function walkBlock(reference: Runs, current: Runs, squared: boolean): boolean {
  const refValues = reference.values;
  const refCounts = reference.counts;
  const curValues = current.values;
  const curCounts = current.counts;
  const k1 = refValues.length;
  const k2 = curValues.length;
  const n1 = reference.total;
  const n2 = current.total;
  const state = walkState;
  let cumRef = state[CUM_REF]!;
  let cumCur = state[CUM_CUR]!;
  // Each side's share `cum / n`, divided anew after its count may have grown (an unchanged count gives the same
  // quotient).
  let refShare = state[REF_SHARE]!;
  let curShare = state[CUR_SHARE]!;
  let maxDiff = state[MAX_DIFF]!;
  let minDiff = state[MIN_DIFF]!;
  // The previous distinct value's key, ECDF difference and end position: its term is known once the next key is.
  let previous = state[PREVIOUS]!;
  let previousDiff = state[PREVIOUS_DIFF]!;
  let previousEnd = state[PREVIOUS_END]!;
  let first = state[FIRST] !== 0;
  let i = state[REF_NEXT]! | 0;
  let j = state[CUR_NEXT]! | 0;
  const pair = keyPair;
  let more = true;
  for (let step = 0; step < WALK_BLOCK; step++) {
    let value: number;
    if (i < k1 && j < k2) {
      // Without branching on the order of the keys (it changes at random from key to key on mixed samples): the
      // smaller key is taken, both on a tie (the reference's), and a side not taken adds 0 to its count.
      const r = refValues[i]!;
      const c = curValues[j]!;
      const currentFirst = +(c < r);
      const referenceFirst = +(r < c);
      pair[0] = r;
      pair[1] = c;
      value = pair[currentFirst]!;
      cumRef += (1 - currentFirst) * refCounts[i]!;
      cumCur += (1 - referenceFirst) * curCounts[j]!;
      i += 1 - currentFirst;
      j += 1 - referenceFirst;
      refShare = cumRef / n1;
      curShare = cumCur / n2;
    } else if (i < k1) {
      value = refValues[i]!;
      cumRef += refCounts[i++]!;
      refShare = cumRef / n1;
    } else if (j < k2) {
      value = curValues[j]!;
      cumCur += curCounts[j++]!;
      curShare = cumCur / n2;
    } else {
      more = false;
      break;
    }
    if (!first) {
      const delta = value - previous;
      stream.add(
        previousEnd - 1,
        squared ? previousDiff * previousDiff * delta : Math.abs(previousDiff) * delta,
      );
    }
    first = false;
    const diff = refShare - curShare;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
    previous = value;
    previousDiff = diff;
    previousEnd = cumRef + cumCur;
  }
  state[CUM_REF] = cumRef;
  state[CUM_CUR] = cumCur;
  state[REF_SHARE] = refShare;
  state[CUR_SHARE] = curShare;
  state[MAX_DIFF] = maxDiff;
  state[MIN_DIFF] = minDiff;
  state[PREVIOUS] = previous;
  state[PREVIOUS_DIFF] = previousDiff;
  state[PREVIOUS_END] = previousEnd;
  state[FIRST] = first ? 1 : 0;
  state[REF_NEXT] = i;
  state[CUR_NEXT] = j;
  return more;
}

/**
 * numpy's term array of the walk, one reduction buffer (8192 slots) at a time, laid out densely: the zero-width slots
 * hold zeros, as in numpy's own array, so {@link pairwiseSum} of each full buffer is numpy's sum of it. Used when
 * most slots hold a term (at least one key per four values): writing a term is then one store, where
 * {@link SparseSumStream} keeps each term's position too and sums by dispatching on the position. Measured (Node 24)
 * with the walks of all-distinct sides below: 12 columns of 2 × 1M full-precision floats 260 → 190 ms, 400 columns of
 * 2 × 100k six-decimal floats 920 → 760 ms.
 */
const dense = new Float64Array(REDUCE_BUFFER_SIZE);
/** The position of `dense[0]` in numpy's term array, the sum of the buffers before it, and the array's length. */
let denseOffset = 0;
let denseResult = 0;
let denseLength = 0;

/** Starts a dense sum of a term array of `length` slots. */
function resetDense(length: number): void {
  dense.fill(0);
  denseOffset = 0;
  denseResult = 0;
  denseLength = length;
}

/**
 * Adds the full buffer to the sum and clears it for the buffer holding `position`, whose offset it returns (the
 * buffers skipped in between hold only zeros and add nothing).
 */
function flushDense(position: number): number {
  denseResult += pairwiseSum(dense, 0, REDUCE_BUFFER_SIZE);
  dense.fill(0);
  denseOffset = position - (position % REDUCE_BUFFER_SIZE);
  return denseOffset;
}

/** numpy's sum of the dense term array: one buffer is summed alone, more are summed buffer by buffer. */
function finishDense(): number {
  const last = Math.min(REDUCE_BUFFER_SIZE, denseLength - denseOffset);
  if (denseLength <= REDUCE_BUFFER_SIZE) return pairwiseSum(dense, 0, last);
  return denseResult + pairwiseSum(dense, 0, last);
}

/**
 * {@link walkBlock} of two sides whose values are all distinct (every count 1, as {@link runsOfSorted} gives a
 * sample without repeats): each side's cumulative count is then its next index, so no count is read, and the terms
 * go into {@link dense}. The same doubles as {@link walkBlock}: a sum of ones is the integer it counts, exactly.
 * Its loop repeats {@link walkDenseBlock}'s first one on purpose: a flag or a shared step would put the count loads
 * and a branch on the kind of side back into the hottest loop of a float column's scoring. It runs whole blocks
 * only, while each side has a block of keys left; {@link walkDenseBlock} takes the last keys (the counts of such
 * sides are ones, so its cumulative counts are these indices).
 *
 * @returns whether a whole block was walked (else a side is within a block of its end, and the walk goes on densely)
 */
function walkDistinctBlock(refValues: Float64Array, curValues: Float64Array, squared: boolean): boolean {
  const k1 = refValues.length;
  const k2 = curValues.length;
  const n1 = k1;
  const n2 = k2;
  const state = walkState;
  let refShare = state[REF_SHARE]!;
  let curShare = state[CUR_SHARE]!;
  let maxDiff = state[MAX_DIFF]!;
  let minDiff = state[MIN_DIFF]!;
  let previous = state[PREVIOUS]!;
  let previousDiff = state[PREVIOUS_DIFF]!;
  let i = state[REF_NEXT]! | 0;
  let j = state[CUR_NEXT]! | 0;
  let offset = denseOffset;
  const terms = dense;
  const pair = keyPair;
  // While each side has `both` keys left, `both` steps read neither past its end (a step takes a key from one side
  // at least): they run without testing either end.
  const both = Math.min(WALK_BLOCK, k1 - i, k2 - j);
  for (let step = 0; step < both;) {
    let at = i + j - 1 - offset;
    if (at >= REDUCE_BUFFER_SIZE) {
      const position = at + offset;
      offset = flushDense(position);
      at = position - offset;
    }
    // The steps that cannot reach the buffer's end (a step takes two keys at most), in a loop without the flush: with
    // the call to it inside, V8 kept fewer of the loop's values in registers (a million values a side: 17.2 → 14.1
    // ms, Node 24, 2026-12-06). A slot is then in [0, REDUCE_BUFFER_SIZE) (the first key was taken before the walk),
    // which the mask (the size is a power of two) tells V8.
    const stop = Math.min(both, step + ((REDUCE_BUFFER_SIZE - at + 1) >> 1));
    for (; step < stop; step++) {
      at = i + j - 1 - offset;
      const r = refValues[i]!;
      const c = curValues[j]!;
      const currentFirst = +(c < r);
      const referenceFirst = +(r < c);
      pair[0] = r;
      pair[1] = c;
      const value = pair[currentFirst]!;
      i += 1 - currentFirst;
      j += 1 - referenceFirst;
      refShare = i / n1;
      curShare = j / n2;
      const delta = value - previous;
      terms[at & (REDUCE_BUFFER_SIZE - 1)] = squared
        ? previousDiff * previousDiff * delta
        : Math.abs(previousDiff) * delta;
      const diff = refShare - curShare;
      if (diff > maxDiff) maxDiff = diff;
      if (diff < minDiff) minDiff = diff;
      previous = value;
      previousDiff = diff;
    }
  }
  state[REF_SHARE] = refShare;
  state[CUR_SHARE] = curShare;
  state[MAX_DIFF] = maxDiff;
  state[MIN_DIFF] = minDiff;
  state[PREVIOUS] = previous;
  state[PREVIOUS_DIFF] = previousDiff;
  state[REF_NEXT] = i;
  state[CUR_NEXT] = j;
  return both === WALK_BLOCK;
}

/**
 * {@link walkBlock} with its terms going into {@link dense}: for sides with many distinct values, most slots of
 * numpy's term array hold a term.
 *
 * @returns whether keys remain
 */
function walkDenseBlock(reference: Runs, current: Runs, squared: boolean): boolean {
  const refValues = reference.values;
  const refCounts = reference.counts;
  const curValues = current.values;
  const curCounts = current.counts;
  const k1 = refValues.length;
  const k2 = curValues.length;
  const n1 = reference.total;
  const n2 = current.total;
  const state = walkState;
  let cumRef = state[CUM_REF]!;
  let cumCur = state[CUM_CUR]!;
  let refShare = state[REF_SHARE]!;
  let curShare = state[CUR_SHARE]!;
  let maxDiff = state[MAX_DIFF]!;
  let minDiff = state[MIN_DIFF]!;
  let previous = state[PREVIOUS]!;
  let previousDiff = state[PREVIOUS_DIFF]!;
  let i = state[REF_NEXT]! | 0;
  let j = state[CUR_NEXT]! | 0;
  let offset = denseOffset;
  const terms = dense;
  const pair = keyPair;
  let more = true;
  // As in walkDistinctBlock: `both` steps without testing either end, then the rest of the block.
  const both = Math.min(WALK_BLOCK, k1 - i, k2 - j);
  let step = 0;
  for (; step < both; step++) {
    let at = cumRef + cumCur - 1 - offset;
    const r = refValues[i]!;
    const c = curValues[j]!;
    const currentFirst = +(c < r);
    const referenceFirst = +(r < c);
    pair[0] = r;
    pair[1] = c;
    const value = pair[currentFirst]!;
    cumRef += (1 - currentFirst) * refCounts[i]!;
    cumCur += (1 - referenceFirst) * curCounts[j]!;
    i += 1 - currentFirst;
    j += 1 - referenceFirst;
    refShare = cumRef / n1;
    curShare = cumCur / n2;
    if (at >= REDUCE_BUFFER_SIZE) {
      const position = at + offset;
      offset = flushDense(position);
      at = position - offset;
    }
    const delta = value - previous;
    terms[at] = squared ? previousDiff * previousDiff * delta : Math.abs(previousDiff) * delta;
    const diff = refShare - curShare;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
    previous = value;
    previousDiff = diff;
  }
  for (; step < WALK_BLOCK; step++) {
    // The previous key's term sits at its end position less one: the values taken so far less one.
    let at = cumRef + cumCur - 1 - offset;
    let value: number;
    if (i < k1 && j < k2) {
      const r = refValues[i]!;
      const c = curValues[j]!;
      const currentFirst = +(c < r);
      const referenceFirst = +(r < c);
      pair[0] = r;
      pair[1] = c;
      value = pair[currentFirst]!;
      cumRef += (1 - currentFirst) * refCounts[i]!;
      cumCur += (1 - referenceFirst) * curCounts[j]!;
      i += 1 - currentFirst;
      j += 1 - referenceFirst;
      refShare = cumRef / n1;
      curShare = cumCur / n2;
    } else if (i < k1) {
      value = refValues[i]!;
      cumRef += refCounts[i++]!;
      refShare = cumRef / n1;
    } else if (j < k2) {
      value = curValues[j]!;
      cumCur += curCounts[j++]!;
      curShare = cumCur / n2;
    } else {
      more = false;
      break;
    }
    if (at >= REDUCE_BUFFER_SIZE) {
      const position = at + offset;
      offset = flushDense(position);
      at = position - offset;
    }
    const delta = value - previous;
    terms[at] = squared ? previousDiff * previousDiff * delta : Math.abs(previousDiff) * delta;
    const diff = refShare - curShare;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
    previous = value;
    previousDiff = diff;
  }
  state[CUM_REF] = cumRef;
  state[CUM_CUR] = cumCur;
  state[REF_SHARE] = refShare;
  state[CUR_SHARE] = curShare;
  state[MAX_DIFF] = maxDiff;
  state[MIN_DIFF] = minDiff;
  state[PREVIOUS] = previous;
  state[PREVIOUS_DIFF] = previousDiff;
  state[REF_NEXT] = i;
  state[CUR_NEXT] = j;
  return more;
}

/**
 * Takes the first key of the merged walk into {@link walkState} (the smaller first key, the reference's on a tie):
 * it has no term before it, so the dense blocks' loops have no first step to tell apart.
 */
function takeFirstKey(reference: Runs, current: Runs): void {
  const r = reference.values[0]!;
  const c = current.values[0]!;
  const cumRef = c < r ? 0 : reference.counts[0]!;
  const cumCur = r < c ? 0 : current.counts[0]!;
  const refShare = cumRef / reference.total;
  const curShare = cumCur / current.total;
  const diff = refShare - curShare;
  walkState[CUM_REF] = cumRef;
  walkState[CUM_CUR] = cumCur;
  walkState[REF_SHARE] = refShare;
  walkState[CUR_SHARE] = curShare;
  walkState[MAX_DIFF] = diff;
  walkState[MIN_DIFF] = diff;
  walkState[PREVIOUS] = c < r ? c : r;
  walkState[PREVIOUS_DIFF] = diff;
  walkState[FIRST] = 0;
  walkState[REF_NEXT] = c < r ? 0 : 1;
  walkState[CUR_NEXT] = r < c ? 0 : 1;
}

/**
 * {@link walkMerged} over the merge of two sides' runs, merged as it walks (as `mergeRuns` merges them: keys by
 * `===`, the reference's on a tie) instead of from built arrays: the same terms in the same order, so the same
 * doubles (the state kept between blocks holds them exactly).
 */
function walkRuns(reference: Runs, current: Runs, squared: boolean): WalkSums {
  const length = Math.max(reference.total + current.total - 1, 0);
  walkState.fill(0);
  walkState[MAX_DIFF] = -Infinity;
  walkState[MIN_DIFF] = Infinity;
  walkState[FIRST] = 1;
  // At least one key per four values (all-distinct sides have one a value): most of numpy's slots hold a term, so
  // they are laid out as numpy has them.
  if (4 * (reference.values.length + current.values.length) >= length) {
    resetDense(length);
    takeFirstKey(reference, current);
    if (countedOnce(reference.counts) && countedOnce(current.counts)) {
      while (walkDistinctBlock(reference.values, current.values, squared));
      // Each side's cumulative count is its next index (counts of one), for the dense walk of the last keys.
      walkState[CUM_REF] = walkState[REF_NEXT]!;
      walkState[CUM_CUR] = walkState[CUR_NEXT]!;
    }
    while (walkDenseBlock(reference, current, squared));
    return { maxDiff: walkState[MAX_DIFF]!, minDiff: walkState[MIN_DIFF]!, sum: finishDense() };
  }
  stream.reset(length);
  while (walkBlock(reference, current, squared));
  return { maxDiff: walkState[MAX_DIFF]!, minDiff: walkState[MIN_DIFF]!, sum: stream.finish() };
}

/** {@link walkRuns} while the merged arrays are not built (reading the sides' runs), else {@link walkMerged}. */
function walk(merged: MergedDistribution, squared: boolean): WalkSums {
  const sides = unmergedRuns(merged);
  return sides ? walkRuns(sides.reference, sides.current, squared) : walkMerged(merged, squared);
}

/**
 * Walks both right-continuous ECDFs over a merged distribution (column data or database aggregates).
 *
 * ECDF values are `count / n` divisions exactly as numpy forms them (`searchsorted(...) / n`), so D snaps to
 * the same double as scipy's. This runs in `O(k)` for k distinct pooled values (at worst `O(k log(n / k))` for the pairwise sums).
 * A distribution whose arrays are not built yet is walked from its sides' runs, and its arrays stay unbuilt.
 *
 * @param merged distinct pooled values with per-side counts (both sides non-empty)
 * @throws {Error} if either side is empty
 * @returns KS D (two-sided and one-sided), W1 and the energy integral
 * @example
 * ecdfWalk(mergeSorted(new Float64Array([1, 2]), new Float64Array([2, 3])));
 * // => { ksStatistic: 0.5, wasserstein1: 1, energyIntegral: 0.5 }
 */
export function ecdfWalk(merged: MergedDistribution): EcdfWalk {
  const { referenceSize: n1, currentSize: n2 } = merged;
  if (n1 <= 0 || n2 <= 0) throw new Error('ecdfWalk requires at least 1 data point on each side');
  const { maxDiff, minDiff, sum } = walk(merged, false);
  return walkResult(merged, maxDiff, minDiff, sum);
}

/** The {@link EcdfWalk} of a walk's extreme differences and W1 sum; the energy integral is walked when read. */
function walkResult(merged: MergedDistribution, maxDiff: number, minDiff: number, sum: number): EcdfWalk {
  const ksMinus = Math.min(Math.max(-minDiff, 0), 1);
  // Only the energy distance reads the energy integral: its terms are walked again when it is asked for.
  let energy: number | undefined;
  return {
    ksStatistic: Math.max(ksMinus, maxDiff),
    ksPlus: maxDiff,
    ksMinus,
    wasserstein1: sum,
    get energyIntegral(): number {
      return (energy ??= walk(merged, true).sum);
    },
  };
}

/**
 * {@link ecdfWalk} of a column, computed once and cached on the pair.
 *
 * @param pair the cleaned column pair
 * @returns the shared walk result
 */
export function columnEcdfWalk(pair: ColumnPair): EcdfWalk {
  return cachedOnPair(pair, WALK, () => {
    const merged = mergedDistribution(pair);
    // Sides sorted together were walked then (pooled.ts): the same sums.
    const pooled = pair.cache.get(POOLED_WALK) as PooledWalkSums | undefined;
    return pooled
      ? walkResult(merged, pooled.maxDiff, pooled.minDiff, pooled.wasserstein1)
      : ecdfWalk(merged);
  });
}
