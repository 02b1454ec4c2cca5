/**
 * Compact columns (scaled integers, see `ScaledDecimals`) as doubles for the drift layer, decoded into arrays each
 * thread keeps: the stat tests, the summaries and the target rate read Float64Arrays, and a table of compact columns
 * then costs one column's doubles per use at a time, written into memory already mapped instead of a fresh array
 * (and its page faults) per column.
 */
import { isScaled, numbersOf, type Column } from '../snapshot/table.js';
import { countsOf } from './counted.js';

/**
 * Per thread, the arrays compact columns are decoded into, kept for the next column: one per side of the column
 * being scored, and one for a column read outside a scoring (a summary, the target's rate).
 */
const decoded: (Float64Array | undefined)[] = [undefined, undefined, undefined];

/**
 * The column with its cells as doubles: itself unless its cells are scaled integers, which are decoded into the
 * array this thread keeps for `slot` and hands out again on the next call for it. The column returned is valid
 * until that call: only synchronous work on one column may hold it, and nothing it returns may keep the array.
 *
 * This runs in `O(n)` for a compact column (a division a cell), `O(1)` otherwise.
 *
 * @param column a column of a table (a counted one is returned as it is: its cells are built only if read)
 * @param slot 0 and 1 for the reference and current side of the column being scored, 2 for any other use
 * @returns the column, its `values` a Float64Array for a numeric or boolean column
 */
export function withDoubles(column: Column, slot: 0 | 1 | 2): Column {
  if (column.type === 'string' || column.type === 'datetime' || countsOf(column)) return column;
  const values = column.values;
  if (!isScaled(values)) return column;
  const length = values.digits.length;
  let kept = decoded[slot];
  if (kept === undefined || kept.length < length) decoded[slot] = kept = new Float64Array(length);
  return { ...column, values: numbersOf(values, kept.subarray(0, length)) };
}
