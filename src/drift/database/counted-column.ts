/**
 * A column known only by its value counts (what `--compute database` receives from SQL), and the conversion
 * back to a snapshot column in ascending value order.
 *
 * The value counts of a side are the side as a multiset. Every default test is a function of that multiset
 * (the merged distribution of `src/drift/kernels/merged.ts`, sorted sides, binned counts), so rebuilding the
 * column from its counts gives the same scores as the column read row by row. Row order is lost: a statistic
 * that sums values in row order can differ in its last bits.
 */
import type { Column } from '../../snapshot/table.js';

/** Distinct non-missing values of one side with their counts, plus the number of missing cells. */
export interface SideCounts {
  /** Distinct values: numbers (NaN and ±Infinity allowed; booleans as 0/1) or strings. */
  readonly keys: Float64Array | readonly string[];
  /** Occurrences of `keys[i]`. */
  readonly counts: Float64Array;
  /** Missing (NULL) cells. */
  readonly missing: number;
}

/** One column of both snapshots as value counts. */
export interface CountedColumn {
  readonly name: string;
  /** Storage decided by the source type; `int` becomes `float` on a side with a missing cell (as pandas reads it). */
  readonly storage: 'int' | 'float' | 'bool' | 'string' | 'datetime';
  readonly reference: SideCounts;
  readonly current: SideCounts;
}

/** Cells of one side (present + missing). */
export function sideRows(side: SideCounts): number {
  let rows = side.missing;
  for (const count of side.counts) rows += count;
  return rows;
}

/**
 * Expands one side's counts into a column: numbers ascending (missing cells as NaN at the end), strings with
 * a dictionary of the values that occur (codes grouped by value, missing as -1 at the end).
 *
 * This runs in `O(rows + k log k)` for `k` distinct values.
 *
 * @param column the counted column
 * @param side which side to expand
 * @returns the column as a reader would produce it, up to row order
 * @throws {Error} if keys and counts differ in length or a count is not a whole non-negative number
 */
export function expandSide(column: CountedColumn, side: 'reference' | 'current'): Column {
  const counts = column[side];
  if (counts.keys.length !== counts.counts.length) throw new Error('expandSide requires one count per key');
  for (const count of counts.counts) {
    if (!(Number.isInteger(count) && count >= 0))
      throw new Error(`expandSide requires whole counts, got ${count}`);
  }
  const rows = sideRows(counts);
  const name = column.name;
  if (column.storage === 'string') {
    const keys = counts.keys as readonly string[];
    const dictionary: string[] = [];
    const codes = new Int32Array(rows);
    let at = 0;
    for (let k = 0; k < keys.length; k++) {
      const count = counts.counts[k]!;
      if (count === 0) continue;
      const code = dictionary.length;
      dictionary.push(keys[k]!);
      codes.fill(code, at, at + count);
      at += count;
    }
    codes.fill(-1, at);
    return { name, type: 'string', codes, dictionary };
  }
  const keys = counts.keys as Float64Array;
  const order = Array.from({ length: keys.length }, (_, k) => k).sort((a, b) =>
    compareNumbers(keys[a]!, keys[b]!),
  );
  const values = new Float64Array(rows);
  let at = 0;
  for (const k of order) {
    const count = counts.counts[k]!;
    values.fill(keys[k]!, at, at + count);
    at += count;
  }
  values.fill(Number.NaN, at);
  switch (column.storage) {
    case 'bool':
      return { name, type: 'bool', values };
    case 'datetime':
      return { name, type: 'datetime', values };
    case 'int':
      return { name, type: counts.missing === 0 ? 'int' : 'float', values };
    case 'float':
      return { name, type: 'float', values };
  }
}

/** Ascending numeric order with NaN last (as Float64Array.prototype.sort orders). */
function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
