/**
 * Effect sizes next to every tested column (evidently#50): a p-value says whether a shift is detectable, not
 * whether it is large; on 100k rows a negligible shift is "significant". Each tested column therefore also
 * reports Evidently's two scale-free distances, computed with Evidently's own definitions (so they equal what
 * the `wasserstein` / `jensenshannon` tests would score):
 * - `wasserstein_normed` (numerical columns): W1 / max(std_ref, 0.001);
 * - `jensenshannon` (all columns): the Jensen–Shannon distance on Evidently's binning.
 * Both reuse the column's cached sort, ECDF walk and bins, so they cost O(n1 + n2) after the test itself.
 */
import { jensenShannonDistance } from './stattests/jensenshannon.js';
import { wassersteinDistanceNorm } from './stattests/wasserstein.js';
import type { ColumnPair } from './types.js';

/** The additive `effect` field of a column result. */
export interface ColumnEffect {
  /** Normed Wasserstein distance (numerical columns only). */
  readonly wasserstein_normed?: number;
  /** Jensen–Shannon distance in [0, sqrt(ln 2)]. */
  readonly jensenshannon: number;
}

/**
 * Effect sizes of a cleaned, non-empty column pair.
 *
 * @param pair the cleaned column pair
 * @returns normed Wasserstein (numerical) and Jensen–Shannon distances
 * @example
 * columnEffect(pairOf([1, 2, 3], [1, 2, 3])); // => { wasserstein_normed: 0, jensenshannon: 0 }
 */
export function columnEffect(pair: ColumnPair): ColumnEffect {
  const jensenshannon = jensenShannonDistance(pair);
  return pair.columnType === 'numerical'
    ? { wasserstein_normed: wassersteinDistanceNorm(pair), jensenshannon }
    : { jensenshannon };
}
