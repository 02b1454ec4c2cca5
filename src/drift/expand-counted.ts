/**
 * A counted column laid out as the column a reader would produce, up to row order (values ascending). Only what needs
 * the cells themselves calls this: the engine works on the counts (see `counted.ts`).
 */
import type { Column, CountedColumn } from '../snapshot/table.js';

/** Cells of one side (present + missing). */
export function sideRows(column: CountedColumn): number {
  let rows = column.counts.missing;
  for (const count of column.counts.counts) rows += count;
  return rows;
}

/**
 * Checks a counted column's shape: one count per key, each a whole non-negative number.
 *
 * @param column the counted column
 * @throws {Error} if keys and counts differ in length or a count is not a whole non-negative number
 */
export function checkCounts(column: CountedColumn): void {
  const counts = column.counts;
  if (counts.keys.length !== counts.counts.length)
    throw new Error('expandCounted requires one count per key');
  for (const count of counts.counts) {
    if (!(Number.isInteger(count) && count >= 0))
      throw new Error(`expandCounted requires whole counts, got ${count}`);
  }
}

/** Ascending numeric order with NaN last (as Float64Array.prototype.sort orders). */
function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Expands one counted column into a column: numbers ascending (missing cells as NaN at the end), strings with
 * a dictionary of the values that occur (codes grouped by value, missing as -1 at the end).
 *
 * This runs in `O(rows + k log k)` for `k` distinct values.
 *
 * @param column the counted column
 * @returns the column as a reader would produce it, up to row order
 * @throws {Error} if keys and counts differ in length or a count is not a whole non-negative number
 * @example
 * expandCounted({ name: 'x', storage: 'int', counts: { keys: Float64Array.of(2, 1), counts: Float64Array.of(1, 2), missing: 0 } }).values; // => [1, 1, 2]
 */
export function expandCounted(column: CountedColumn): Column {
  checkCounts(column);
  const counts = column.counts;
  const rows = sideRows(column);
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
