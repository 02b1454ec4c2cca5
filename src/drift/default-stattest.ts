/**
 * Evidently's default test selection (`_get_default_stattest`), applied to the cleaned data: the table in
 * docs/drift-semantics.md, "Default test".
 */
import type { ColumnType, StatTestId } from './types.js';

/** "Small" reference: at most this many non-null reference rows selects p-value tests. */
export const SMALL_REFERENCE_MAX_ROWS = 1000;

/** The default test reads the number of distinct values only up to this: above it, only "more than 5" matters. */
export const SMALL_UNIQUE_MAX = 5;

/**
 * The default stat test of a column.
 *
 * @param columnType numerical or categorical (text columns are not tested by driftwatch)
 * @param referenceSize non-null reference rows after cleaning (`N_ref`)
 * @param uniqueValues distinct values of reference and current combined (`n_unique`)
 * @returns the registry name of the test Evidently would run
 * @example
 * defaultStatTest('numerical', 7043, 900); // => 'wasserstein'
 */
export function defaultStatTest(
  columnType: Exclude<ColumnType, 'text'>,
  referenceSize: number,
  uniqueValues: number,
): StatTestId {
  if (referenceSize <= SMALL_REFERENCE_MAX_ROWS) {
    if (uniqueValues <= 2) return 'z';
    if (columnType === 'categorical') return 'chisquare';
    return uniqueValues <= SMALL_UNIQUE_MAX ? 'chisquare' : 'ks';
  }
  if (columnType === 'categorical') return 'jensenshannon';
  return uniqueValues <= SMALL_UNIQUE_MAX ? 'jensenshannon' : 'wasserstein';
}
