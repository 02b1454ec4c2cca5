/**
 * Both sides of a compact column (scaled integers at one scale, see `ScaledDecimals`) sorted together and walked
 * once: the runs of each side and the column's ECDF walk sums, from one radix sort of the pooled integers instead of a
 * sort of each side, the runs of each, then a merge of the two that the walk does step by step.
 *
 * Why: on a wide table of six-decimal floats (400 columns of 100,000 values a side) this was most of scoring. In a
 * CPU profile of `compare` (Node 24), the compiled sorts, the runs of each side, the merged walk and the running
 * totals a histogram reads took ~4.4 ms a column, the pooled walk ~2.9 ms: the runs, the walk and the totals come out
 * of one compiled pass over the pooled keys, where the merge took the smaller of two next values at each step.
 *
 * The numbers are the same doubles as the separate path: the runs are the distinct values ascending with their
 * counts (however found, they are one thing), and the walk's terms are those `ecdf.ts` forms, in numpy's slots,
 * summed as numpy sums them. The compiled module does it (the reader's, which the job layer hands to
 * {@link useScaledPooler}); without it, or outside the lengths it takes, a column goes the separate way.
 */
import { scaleOf } from '../../snapshot/table.js';
import { COMPILED_SORT_MIN } from '../../util/sort.js';
import { ThreadKernel } from '../../util/thread-kernel.js';
import { scaledSource } from '../doubles.js';
import type { ColumnPair } from '../types.js';
import type { Runs } from './runs.js';
import { scratchFloat64, scratchOpen } from './scratch.js';

/**
 * One side's runs from {@link ScaledPooling.poolScaled}: views, valid until its next call. A run's count is the
 * difference of its running totals.
 */
export interface PooledSide {
  readonly values: Float64Array;
  /** `prefix[k]`: how many of the side's values are below `values[k]`; `prefix[values.length]` its size. */
  readonly prefix: Float64Array;
  readonly largest: number;
}

/** What {@link ScaledPooling.poolScaled} returns: each side's runs and the walk's sums. */
export interface PooledScaled {
  readonly reference: PooledSide;
  readonly current: PooledSide;
  /** numpy's sum of scipy's term array `|F_ref - F_cur| Δx`: the first Wasserstein distance. */
  readonly wasserstein1: number;
  /** The largest and smallest `F_ref - F_cur` over the distinct pooled values. */
  readonly maxDiff: number;
  readonly minDiff: number;
}

/**
 * The pooled walk of two compact sides at one scale (`scale` = 10^decimals), given the least and greatest integer of
 * both, less than 2^31 apart.
 */
export interface ScaledPooling {
  poolScaled(
    reference: Int32Array,
    current: Int32Array,
    min: number,
    max: number,
    scale: number,
  ): PooledScaled;
}

/** The walk sums a pooled column leaves on its pair for `ecdf.ts`. */
export interface PooledWalkSums {
  readonly wasserstein1: number;
  readonly maxDiff: number;
  readonly minDiff: number;
}

/** Cache key of the {@link PooledWalkSums} of a pair whose sides were pooled. */
export const POOLED_WALK = 'kernels:pooled-walk';

/** Sides whose integers span less than this are tallied by value instead (`scaled-counts.ts`: cheaper still). */
export const POOL_RANGE_MIN = 1 << 16;

/**
 * Most values of both sides pooled: the pooler's memory holds 24 bytes a value (the keys twice, then each side's
 * values and running totals), at most 24 MiB a thread. Longer columns go the separate way.
 */
export const POOL_MAX = 1 << 20;

/** This thread's compiled pooler, if the job layer handed one in. */
const pooler = new ThreadKernel<ScaledPooling>();

/**
 * Has this thread pool compact columns whose two sides hold 4,096 values each at least and {@link POOL_MAX} together at
 * most, with the pooler `make` makes (undefined: every column goes the separate way). The pooler made is kept while
 * `make` stays the same.
 */
export function useScaledPooler(make: (() => ScaledPooling | undefined) | undefined): void {
  pooler.use(make);
}

/**
 * Both sides' runs of a pair whose sides are compact at one scale with none missing, each spanning at least
 * {@link POOL_RANGE_MIN} integers, from the pooled walk (whose sums it leaves on the pair under {@link POOLED_WALK});
 * undefined for any other pair, outside a column's scoring (`withColumnScratch`), or where this thread has no pooler.
 *
 * @param pair the cleaned column pair
 * @returns the reference's and the current's runs, valid for the column's scoring
 */
export function pooledRuns(pair: ColumnPair): { reference: Runs; current: Runs } | undefined {
  const n1 = pair.reference.length;
  const n2 = pair.current.length;
  if (n1 < COMPILED_SORT_MIN || n2 < COMPILED_SORT_MIN || n1 + n2 > POOL_MAX) return undefined;
  const reference = scaledSource(pair.reference);
  const current = scaledSource(pair.current);
  if (reference === undefined || current === undefined || reference.decimals !== current.decimals)
    return undefined;
  if (reference.digits.length !== n1 || current.digits.length !== n2) return undefined;
  if (reference.max - reference.min < POOL_RANGE_MIN || current.max - current.min < POOL_RANGE_MIN)
    return undefined;
  const min = Math.min(reference.min, current.min);
  const max = Math.max(reference.max, current.max);
  if (max - min >= 2 ** 31) return undefined;
  // The runs are views of the pooler's memory, valid until its next walk: only a column's scoring, which is done with
  // them before the next column's, may hold them (as it holds the arrays lent for it).
  if (!scratchOpen()) return undefined;
  const compiled = pooler.get();
  if (compiled === undefined) return undefined;
  const pooled = compiled.poolScaled(reference.digits, current.digits, min, max, scaleOf(reference.decimals));
  const sums: PooledWalkSums = {
    wasserstein1: pooled.wasserstein1,
    maxDiff: pooled.maxDiff,
    minDiff: pooled.minDiff,
  };
  pair.cache.set(POOLED_WALK, sums);
  return { reference: pooledSideRuns(pooled.reference, n1), current: pooledSideRuns(pooled.current, n2) };
}

/**
 * A pooled side as {@link Runs}, its counts made from the running totals when first read. A default compare reads
 * only the totals (the chart's histogram, the quartiles), so the pooled walk writes no counts: they were a third of
 * its stores (400 columns of 2 × 100,000 six-decimal floats, 6 alternated runs: wall medians 2.22 → 2.00 s).
 */
function pooledSideRuns(side: PooledSide, total: number): Runs {
  let counts: Float64Array | undefined;
  return {
    values: side.values,
    get counts(): Float64Array {
      return (counts ??= countsOfPrefix(side.prefix));
    },
    total,
    largest: side.largest,
    prefix: side.prefix,
  };
}

/** The counts whose running totals are `prefix` (differences of whole numbers below 2^53, so exact), lent. */
function countsOfPrefix(prefix: Float64Array): Float64Array {
  const counts = scratchFloat64(prefix.length - 1, false);
  for (let k = 0; k < counts.length; k++) counts[k] = prefix[k + 1]! - prefix[k]!;
  return counts;
}
