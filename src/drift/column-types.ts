/**
 * Column typing as Evidently 0.7.21's `infer_column_type` does it on the pandas dtypes pandas.read_csv gives
 * (docs/drift-semantics.md, "Column types"), decided from the CURRENT snapshot: float → numerical; int → categorical when it has ≤ 10 distinct
 * values, else numerical; bool → categorical; string → text when distinct values exceed half the non-null count,
 * else categorical; datetime → not a drift column.
 */
import type { Column, CountedColumn } from '../snapshot/table.js';
import { countsOf, labelCountsOf, presentRunsOfCounts } from './counted.js';
import type { ColumnType } from './types.js';

/** Evidently's `INTEGER_CARDINALITY_LIMIT`. */
export const INTEGER_CARDINALITY_LIMIT = 10;

/** Whole numbers below this are counted in a flag table in {@link distinctUpTo}; others by a linear scan. */
const SMALL_WHOLE = 1024;

/** Distinct non-missing values of a numeric array, counting only up to `limit + 1` (early exit). */
function distinctUpTo(values: Float64Array, limit: number): number {
  // Small whole numbers (counts, codes, flags: most integer columns) are flagged in a table; a linear scan of at most
  // limit + 1 seen values beats a Set for the others; the previous value short-cuts runs.
  const small = new Uint8Array(SMALL_WHOLE);
  const seen = new Float64Array(limit + 1);
  let size = 0;
  let seenSize = 0;
  let previous = Number.NaN;
  outer: for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value === previous || value !== value) continue; // a repeat, or NaN (missing)
    previous = value;
    const whole = value | 0;
    if (whole === value && whole >= 0 && whole < SMALL_WHOLE) {
      // -0 | 0 is 0: one value with 0, as -0 === 0 has it.
      if (small[whole] === 1) continue;
      small[whole] = 1;
    } else {
      for (let k = 0; k < seenSize; k++) if (seen[k] === value) continue outer;
      seen[seenSize++] = value;
    }
    if (++size > limit) break;
  }
  return size;
}

/**
 * The inferred type of a column, or undefined for columns Evidently excludes (datetime).
 *
 * @param current the column as read from the current snapshot
 * @returns numerical, categorical, text, or undefined
 * @example
 * inferColumnType({ name: 'k', type: 'int', values: new Float64Array([1, 2, 1]) }); // => 'categorical'
 */
export function inferColumnType(current: Column): ColumnType | undefined {
  const counted = countsOf(current);
  if (counted) return inferCountedType(current.type, counted);
  switch (current.type) {
    case 'float':
      return 'numerical';
    case 'int':
      return distinctUpTo(current.values, INTEGER_CARDINALITY_LIMIT) <= INTEGER_CARDINALITY_LIMIT
        ? 'categorical'
        : 'numerical';
    case 'bool':
      return 'categorical';
    case 'string': {
      let nonNull = 0;
      const codes = current.codes;
      for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) nonNull++;
      // The dictionary holds exactly the distinct non-missing strings that occur.
      return current.dictionary.length > 0.5 * nonNull ? 'text' : 'categorical';
    }
    case 'datetime':
      return undefined;
  }
}

/** {@link inferColumnType} of a counted column, from its counts (the same rules on the same multiset). */
function inferCountedType(type: Column['type'], counted: CountedColumn): ColumnType | undefined {
  switch (type) {
    case 'float':
      return 'numerical';
    case 'int':
      return presentRunsOfCounts(counted).values.length <= INTEGER_CARDINALITY_LIMIT
        ? 'categorical'
        : 'numerical';
    case 'bool':
      return 'categorical';
    case 'string': {
      const { labels, counts } = labelCountsOf(counted);
      let nonNull = 0;
      for (const count of counts) nonNull += count;
      return labels.length > 0.5 * nonNull ? 'text' : 'categorical';
    }
    case 'datetime':
      return undefined;
  }
}
