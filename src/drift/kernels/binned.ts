/**
 * Evidently's `get_binned_data` (docs/drift-semantics.md, "Binning" and "Zero fill"): the reference and current percentages that
 * `psi`, `kl_div` and `jensenshannon` compare, either over Sturges histogram bins of the pooled data or over
 * exact values, plus the zero fill.
 */
import type { ColumnPair } from '../types.js';
import { equalWidthEdges, sturgesBinCount } from './histogram.js';
import { mergedDistribution, mergedExtremes, mergedHistogram, type MergedDistribution } from './merged.js';
import { referenceRuns } from './side-runs.js';
import { cachedOnPair } from './sorted.js';

/** Evidently takes the histogram branch only for numerical columns with more than this many reference values. */
export const HISTOGRAM_MIN_REFERENCE_DISTINCT = 20;

/** Zero fill constant of Evidently's `get_binned_data` (`feel_zeroes`). */
export const ZERO_FILL_VALUE = 0.0001;
/** Divisor applied to the smallest non-zero share when that share is at most {@link ZERO_FILL_VALUE}. */
export const ZERO_FILL_DIVISOR = 1e6;

/** Per-bin (or per-key) counts of both sides and how they were binned. */
export interface BinnedCounts {
  /** `histogram` (Sturges or `bins` equal-width bins over the pooled range) or `values` (one bin per key). */
  readonly binning: 'histogram' | 'values';
  readonly referenceCounts: Float64Array;
  readonly currentCounts: Float64Array;
  readonly referenceSize: number;
  readonly currentSize: number;
  /** The histogram edges (histogram branch only). */
  readonly edges?: Float64Array;
}

/**
 * Whether Evidently bins this column as a histogram: numerical type and more than 20 distinct reference values.
 *
 * @param columnType the column type
 * @param referenceDistinct `reference.nunique()`
 * @returns true for the histogram branch
 */
export function usesHistogramBinning(
  columnType: ColumnPair['columnType'],
  referenceDistinct: number,
): boolean {
  return columnType === 'numerical' && referenceDistinct > HISTOGRAM_MIN_REFERENCE_DISTINCT;
}

/**
 * Counts per bin from a merged distribution (column data or database aggregates).
 *
 * Histogram branch: edges span the pooled range; their count is Sturges on the pooled size (Evidently's
 * default; `n_bins` is ignored there) unless `bins` is given (the opt-in `bins` setting). Values branch: one bin per
 * key of the union, in ascending key order.
 *
 * @param merged distinct pooled values with per-side counts
 * @param histogram whether to take the histogram branch (see {@link usesHistogramBinning})
 * @param bins optional equal-width bin count replacing Sturges in the histogram branch
 * @returns counts per bin of both sides
 */
export function binnedCountsOf(merged: MergedDistribution, histogram: boolean, bins?: number): BinnedCounts {
  const { referenceSize, currentSize } = merged;
  if (!histogram) {
    const { referenceCounts, currentCounts } = merged;
    return { binning: 'values', referenceCounts, currentCounts, referenceSize, currentSize };
  }
  const { minimum: min, maximum: max } = mergedExtremes(merged);
  const binCount = bins ?? sturgesBinCount(min, max, referenceSize + currentSize);
  const edges = equalWidthEdges(min, max, binCount);
  return {
    binning: 'histogram',
    referenceCounts: mergedHistogram(merged, 'reference', edges),
    currentCounts: mergedHistogram(merged, 'current', edges),
    referenceSize,
    currentSize,
    edges,
  };
}

/**
 * {@link binnedCountsOf} for a column with Evidently's branch rule, cached per `bins` setting.
 *
 * @param pair the cleaned column pair
 * @param bins optional equal-width bin count for the histogram branch (default: Sturges, as Evidently)
 * @returns counts per bin
 */
export function binnedCounts(pair: ColumnPair, bins?: number): BinnedCounts {
  return cachedOnPair(pair, `kernels:binned:${bins ?? 'sturges'}`, () => {
    const merged = mergedDistribution(pair);
    return binnedCountsOf(
      merged,
      // The reference's distinct values are its runs (keys with a non-zero reference count in the merge).
      usesHistogramBinning(pair.columnType, referenceRuns(pair).values.length),
      bins,
    );
  });
}

/**
 * Shares per bin: `counts[i] / size` (Evidently divides each side by its own length).
 *
 * @param counts counts per bin
 * @param size the side's sample size
 * @returns a new array of shares
 */
export function sharesOf(counts: ArrayLike<number>, size: number): Float64Array {
  const out = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) out[i] = counts[i]! / size;
  return out;
}

/**
 * Evidently's zero fill, applied to one side: every exact 0 becomes `m / 1e6` if the smallest non-zero
 * share `m` is ≤ 0.0001, else 0.0001. No renormalisation. An array with no non-zero entry is returned as is
 * (Evidently would raise on `min()` of an empty array; a cleaned non-empty side always has one).
 *
 * @param shares shares per bin (not modified)
 * @param fill optional fixed fill value replacing Evidently's rule (an opt-in improvement)
 * @returns a new, zero-filled array
 * @example
 * zeroFill(new Float64Array([0, 0.5, 0.5])); // => [0.0001, 0.5, 0.5]
 */
export function zeroFill(shares: ArrayLike<number>, fill?: number): Float64Array {
  const out = Float64Array.from(shares as ArrayLike<number>);
  let smallest = Infinity;
  for (let i = 0; i < out.length; i++) if (out[i] !== 0 && out[i]! < smallest) smallest = out[i]!;
  if (smallest === Infinity) return out;
  const value = fill ?? (smallest <= ZERO_FILL_VALUE ? smallest / ZERO_FILL_DIVISOR : ZERO_FILL_VALUE);
  for (let i = 0; i < out.length; i++) if (out[i] === 0) out[i] = value;
  return out;
}

/** Both sides' shares, as `get_binned_data` returns them. */
export interface BinnedShares {
  readonly reference: Float64Array;
  readonly current: Float64Array;
}

/**
 * Evidently's `get_binned_data(reference, current, type, n, feel_zeroes)` from counts per bin.
 *
 * @param binned counts per bin of both sides
 * @param fillZeroes apply the zero fill (psi, kl_div) or not (jensenshannon)
 * @returns reference and current shares
 */
export function binnedSharesFromCounts(binned: BinnedCounts, fillZeroes: boolean): BinnedShares {
  const reference = sharesOf(binned.referenceCounts, binned.referenceSize);
  const current = sharesOf(binned.currentCounts, binned.currentSize);
  return fillZeroes ? { reference: zeroFill(reference), current: zeroFill(current) } : { reference, current };
}

/**
 * Evidently's `get_binned_data` for a column.
 *
 * @param pair the cleaned column pair
 * @param fillZeroes apply the zero fill
 * @param bins optional equal-width bin count for the histogram branch
 * @returns reference and current shares
 */
export function binnedShares(pair: ColumnPair, fillZeroes: boolean, bins?: number): BinnedShares {
  return binnedSharesFromCounts(binnedCounts(pair, bins), fillZeroes);
}
