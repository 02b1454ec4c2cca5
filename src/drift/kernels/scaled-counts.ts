/**
 * Distinct values with counts of a compact side (scaled integers, see `ScaledDecimals`) tallied by offset from its
 * smallest integer, without hashing and without reading the doubles: a price in cents between 18.00 and 120.00 is
 * one of 10,201 integers. Within a column a larger integer is a larger double, so ascending integers give the
 * ascending keys, and each key is decoded as `withDoubles` decodes a cell (`m / 10^decimals`), the very double.
 */
import { MISSING_DIGITS, scaleOf, type ScaledDecimals } from '../../snapshot/table.js';
import { countsOfTally, type DistinctCounts } from '../../util/sort.js';

/** Widest range of integers tallied in a plain array (as for whole doubles in `countDistinct`). */
const DENSE_RANGE = 1 << 16;

/**
 * The distinct values of a compact side, ascending, with their counts: equal to `countDistinct` of its doubles (a
 * compact side holds no -0 or ±Infinity; with `skipMissing`, to `countDistinct(doubles, true)`, missing cells
 * passed over), or undefined, having read only as far as it took to see it, when its integers span 65,536 or more
 * (or no cell is present).
 *
 * This runs in `O(n + range)`.
 *
 * @param source the side's scaled integers, with the least and greatest of its present cells when known (the decoding
 *   of a compact column finds them: the read that finds them here is then skipped)
 * @param skipMissing pass over missing cells; without it the side must have none
 * @returns the keys and counts, or undefined for a wide range
 * @example
 * scaledDenseCounts({ digits: Int32Array.of(125, 50, 125), decimals: 2 }); // => { keys: [0.5, 1.25], counts: [1, 2] }
 */
export function scaledDenseCounts(
  source: ScaledDecimals & { readonly min?: number; readonly max?: number },
  skipMissing = false,
): DistinctCounts | undefined {
  const digits = source.digits;
  const n = digits.length;
  let first = 0;
  let min: number;
  let max: number;
  if (source.min !== undefined && source.max !== undefined) {
    // No present cell (the least above the greatest), or too wide a range.
    if (source.min > source.max || source.max - source.min >= DENSE_RANGE) return undefined;
    min = source.min;
    max = source.max;
  } else {
    if (skipMissing) while (first < n && digits[first] === MISSING_DIGITS) first++;
    if (first === n) return undefined;
    min = digits[first]!;
    max = min;
    for (let i = first + 1; i < n; i++) {
      const m = digits[i]!;
      if (skipMissing && m === MISSING_DIGITS) continue;
      if (m < min) min = m;
      else if (m > max) max = m;
      if (max - min >= DENSE_RANGE) return undefined;
    }
  }
  const tally = new Int32Array(max - min + 1);
  if (skipMissing) {
    for (let i = first; i < n; i++) {
      const m = digits[i]!;
      if (m !== MISSING_DIGITS) tally[m - min]!++;
    }
  } else for (let i = 0; i < n; i++) tally[digits[i]! - min]!++;
  return countsOfTally(tally, min, scaleOf(source.decimals));
}
