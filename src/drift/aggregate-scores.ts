/**
 * Scores of a numerical column from aggregates computed elsewhere (a database's statistics over the merged
 * distribution of both sides), for the tests that are functions of those aggregates alone:
 *
 * - `ks`: the p-value needs only D and the two sizes;
 * - `wasserstein`: the first Wasserstein distance and the reference's population standard deviation;
 * - `jensenshannon`, `psi`, `kl_div`: the counts per bin under Evidently's histogram edges, which
 *   {@link histogramEdgesOf} computes from the pooled minimum, maximum and size exactly as for column data.
 *
 * Each function is the same code path the column tests end in (`ksPValue`, `normedWasserstein`, `*FromCounts`), so
 * equal aggregates give equal scores. Pure: no I/O.
 */
import { UserError } from '../errors.js';
import { defaultStatTest } from './default-stattest.js';
import { type BinnedCounts, usesHistogramBinning } from './kernels/binned.js';
import { equalWidthEdges, sturgesBinCount } from './kernels/histogram.js';
import { jensenShannonFromCounts } from './stattests/jensenshannon.js';
import { klDivFromCounts } from './stattests/kl-div.js';
import { ksPValue } from './stattests/ks.js';
import { psiFromCounts } from './stattests/psi.js';
import { normedWasserstein } from './stattests/wasserstein.js';
import type { StatTestId, StatTestOutcome } from './types.js';

/** What a numerical column's aggregate scores need (sizes and distinct counts are of the finite values). */
export interface NumericAggregates {
  readonly referenceSize: number;
  readonly currentSize: number;
  /** Distinct reference values (Evidently bins as a histogram above 20). */
  readonly referenceDistinct: number;
  /** Distinct values of both sides together (the default test's `n_unique`). */
  readonly mergedDistinct: number;
  readonly ksStatistic: number;
  readonly wasserstein1: number;
  /** Population (ddof 0) standard deviation of the reference. */
  readonly referenceStdPopulation: number;
  /** Counts per bin under {@link histogramEdgesOf}'s edges; needed by the binned tests. */
  readonly bins?: { readonly reference: Float64Array; readonly current: Float64Array };
}

/** The tests {@link scoreFromAggregates} computes. */
export const AGGREGATE_TESTS: readonly StatTestId[] = ['ks', 'wasserstein', 'jensenshannon', 'psi', 'kl_div'];

/**
 * The histogram edges Evidently bins a numerical column with: equal-width edges over the pooled range, Sturges'
 * count on the pooled size unless `bins` is given (numpy's `histogram_bin_edges`, bit for bit).
 *
 * @param min smallest finite value of both sides
 * @param max largest finite value of both sides
 * @param size finite values of both sides
 * @param bins optional equal-width bin count
 * @example
 * Array.from(histogramEdgesOf(0, 1, 8)); // => [0, 0.25, 0.5, 0.75, 1]
 */
export function histogramEdgesOf(min: number, max: number, size: number, bins?: number): Float64Array {
  return equalWidthEdges(min, max, bins ?? sturgesBinCount(min, max, size));
}

/** Evidently's default test of a numerical column, from its aggregates. */
export function defaultAggregateTest(aggregates: NumericAggregates): StatTestId {
  return defaultStatTest('numerical', aggregates.referenceSize, aggregates.mergedDistinct);
}

/**
 * The score of `test` from a numerical column's aggregates.
 *
 * @throws {UserError} for a test that needs the values themselves, or for a binned test on a column that
 *   Evidently would bin by value (at most 20 distinct reference values: count its values instead)
 * @throws {Error} if a binned test is asked for without bin counts
 */
export function scoreFromAggregates(test: StatTestId, aggregates: NumericAggregates): StatTestOutcome {
  switch (test) {
    case 'ks': {
      const result = ksPValue(aggregates.ksStatistic, aggregates.referenceSize, aggregates.currentSize);
      return {
        score: result.pValue,
        statistic: result.statistic,
        method: result.method,
        ...(result.warning === undefined ? {} : { warnings: [result.warning] }),
      };
    }
    case 'wasserstein':
      return { score: normedWasserstein(aggregates.wasserstein1, aggregates.referenceStdPopulation) };
    case 'jensenshannon':
    case 'psi':
    case 'kl_div': {
      if (!usesHistogramBinning('numerical', aggregates.referenceDistinct))
        throw new UserError(
          'STATTEST_TYPE',
          `${test} bins a column with at most 20 distinct reference values by value: use its value counts`,
        );
      if (!aggregates.bins) throw new Error(`scoreFromAggregates: ${test} needs the bin counts`);
      const binned: BinnedCounts = {
        binning: 'histogram',
        referenceCounts: aggregates.bins.reference,
        currentCounts: aggregates.bins.current,
        referenceSize: aggregates.referenceSize,
        currentSize: aggregates.currentSize,
      };
      const score =
        test === 'jensenshannon'
          ? jensenShannonFromCounts(binned)
          : test === 'psi'
            ? psiFromCounts(binned)
            : klDivFromCounts(binned);
      return { score };
    }
    default:
      throw new UserError(
        'STATTEST_TYPE',
        `${test} needs the values themselves; from aggregates only ${AGGREGATE_TESTS.join(', ')} are computed`,
      );
  }
}
