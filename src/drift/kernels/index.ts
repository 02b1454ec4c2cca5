/**
 * Shared kernels of the stat tests: sort once per column, merge, walk ECDFs, rank, bin, sum like numpy.
 * Every derived form is cached on the {@link ColumnPair} so a column is sorted once whatever tests run.
 */
export { pairwiseSum } from './pairwise-sum.js';
export { sortedCopy, sortedReference, sortedCurrent, cachedOnPair } from './sorted.js';
export {
  type MergedDistribution,
  mergeSorted,
  mergedFromValueCounts,
  mergedDistribution,
  mergedDistinctCount,
  valueCounts,
  referenceDistinctCount,
  currentDistinctCount,
} from './merged.js';
export { type EcdfWalk, ecdfWalk, columnEcdfWalk } from './ecdf.js';
export {
  type PooledRanks,
  pooledRanksOf,
  pooledRanks,
  pooledAverageRanks,
  indexOfDistinct,
} from './ranks.js';
export {
  sturgesBinCount,
  sturgesEdges,
  equalWidthEdges,
  histogramCountsSorted,
  histogramCountsFromValueCounts,
} from './histogram.js';
export {
  HISTOGRAM_MIN_REFERENCE_DISTINCT,
  ZERO_FILL_VALUE,
  ZERO_FILL_DIVISOR,
  type BinnedCounts,
  type BinnedShares,
  usesHistogramBinning,
  binnedCountsOf,
  binnedCounts,
  sharesOf,
  zeroFill,
  binnedSharesFromCounts,
  binnedShares,
} from './binned.js';
export { mean, standardDeviation, referencePopulationStd } from './moments.js';
