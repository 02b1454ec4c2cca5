/**
 * A snapshot known only by its value counts (what `--compute database` receives), used as it is.
 *
 * The value counts of a side are the side as a multiset. Every default test, the data summary, the charts and the
 * target and missing-value figures are functions of that multiset, so the engine reads them from the counts (as
 * runs: distinct values with counts) and never lays a counted column out row by row. The columns of a counted table
 * still look like columns ({@link tableOfCounts}): their cells are built from the counts, in ascending value order,
 * only if something reads them (the tests that need the sample itself: `es`, `empirical_mmd`). Row order is lost: a
 * statistic that sums values in row order is summed in ascending order.
 */
import {
  cellsOf,
  countMissing,
  isCounted,
  type Column,
  type CountedColumn,
  type CountedTable,
  type SnapshotData,
  type Table,
} from '../snapshot/table.js';
import { checkCounts, expandCounted, sideRows } from './expand-counted.js';
import type { Runs } from './kernels/runs.js';

export { expandCounted } from './expand-counted.js';

/** The counts behind each column of a counted table (see {@link countsOf}). */
const COUNTS = new WeakMap<Column, CountedColumn>();

/**
 * The value counts a column was made from, when it belongs to a counted table; undefined for a column read as rows.
 * Code that can work from counts asks this first, so the column's cells are never built.
 *
 * @param column a column of a table
 * @returns its counts, or undefined
 */
export function countsOf(column: Column): CountedColumn | undefined {
  return COUNTS.get(column);
}

/**
 * A counted column as a column whose cells (`values`, or `codes` and `dictionary`) are built by
 * {@link expandCounted} on first read only. Its name and type are known without building them.
 */
function lazyColumn(counted: CountedColumn): Column {
  checkCounts(counted);
  let expanded: Column | undefined;
  const expand = (): Column => (expanded ??= expandCounted(counted));
  const name = counted.name;
  let column: Column;
  if (counted.storage === 'string') {
    column = {
      name,
      type: 'string',
      get codes() {
        return (expand() as Column & { type: 'string' }).codes;
      },
      get dictionary() {
        return (expand() as Column & { type: 'string' }).dictionary;
      },
    };
  } else {
    const type =
      counted.storage === 'int' ? (counted.counts.missing === 0 ? 'int' : 'float') : counted.storage;
    column = {
      name,
      type,
      get values() {
        return (expand() as Column & { values: Float64Array }).values;
      },
    } as Column;
  }
  COUNTS.set(column, counted);
  return column;
}

/**
 * A counted snapshot as a table: same columns and multisets; each column's cells are built (values in ascending
 * order) only if read, and {@link countsOf} gives its counts.
 */
export function tableOfCounts(snapshot: CountedTable): Table {
  return {
    source: snapshot.source,
    rows: snapshot.rows,
    columns: snapshot.counted.map(lazyColumn),
    ...(snapshot.unloaded ? { unloaded: snapshot.unloaded } : {}),
  };
}

/** Ascending numeric order with -0 before 0 (as `Float64Array.prototype.sort` orders them). */
function compareWithSignedZero(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return Object.is(a, -0) && !Object.is(b, -0) ? -1 : Object.is(b, -0) && !Object.is(a, -0) ? 1 : 0;
}

/**
 * Runs (distinct values ascending with their counts) of the keys of a numeric counted column that `keep` accepts;
 * keys equal by `===` (a repeated key, -0 and 0) are one run, keyed by the first in ascending order, as the runs of
 * the laid-out column are. Keys counted 0 are left out.
 *
 * This runs in `O(k log k)` for k keys.
 */
function numericRuns(counted: CountedColumn, keep: (value: number) => boolean): Runs {
  const keys = counted.counts.keys as Float64Array;
  const order: number[] = [];
  for (let k = 0; k < keys.length; k++) {
    if (counted.counts.counts[k]! > 0 && keep(keys[k]!)) order.push(k);
  }
  order.sort((a, b) => compareWithSignedZero(keys[a]!, keys[b]!));
  const values = new Float64Array(order.length);
  const counts = new Float64Array(order.length);
  let runs = 0;
  let total = 0;
  for (const k of order) {
    const value = keys[k]!;
    const count = counted.counts.counts[k]!;
    total += count;
    if (runs > 0 && values[runs - 1] === value) counts[runs - 1]! += count;
    else {
      values[runs] = value;
      counts[runs++] = count;
    }
  }
  return { values: values.slice(0, runs), counts: counts.slice(0, runs), total };
}

/**
 * The runs of a numeric counted column's finite values: the cleaned side a stat test receives (±inf and missing
 * dropped), in ascending order.
 *
 * @param counted a counted column that is not of string storage
 * @returns distinct finite values ascending with their counts
 * @example
 * finiteRunsOfCounts({ name: 'x', storage: 'float', counts: { keys: Float64Array.of(2, Infinity, 1, NaN), counts: Float64Array.of(1, 1, 2, 1), missing: 0 } });
 * // => { values: [1, 2], counts: [2, 1], total: 3 }
 */
export function finiteRunsOfCounts(counted: CountedColumn): Runs {
  return numericRuns(counted, Number.isFinite);
}

/**
 * The runs of a numeric counted column's present values (±inf included, NaN and NULL left out), as the data
 * summary sees the column.
 *
 * @param counted a counted column that is not of string storage
 * @returns distinct non-NaN values ascending with their counts
 */
export function presentRunsOfCounts(counted: CountedColumn): Runs {
  return numericRuns(counted, (value) => !Number.isNaN(value));
}

/**
 * The labels of a string counted column that occur (count above 0), in key order, with their counts: the dictionary
 * and per-code counts of the laid-out column.
 *
 * @param counted a counted column of string storage
 * @returns labels and counts, aligned
 */
export function labelCountsOf(counted: CountedColumn): { labels: string[]; counts: number[] } {
  const keys = counted.counts.keys as readonly string[];
  const labels: string[] = [];
  const counts: number[] = [];
  for (let k = 0; k < keys.length; k++) {
    const count = counted.counts.counts[k]!;
    if (count === 0) continue;
    labels.push(keys[k]!);
    counts.push(count);
  }
  return { labels, counts };
}

/**
 * Cells of a column (present and missing), without building a counted column's cells.
 *
 * @param column a column of a table
 * @returns its length
 */
export function cellCount(column: Column): number {
  const counted = countsOf(column);
  if (counted) return sideRows(counted);
  return column.type === 'string' ? column.codes.length : cellsOf(column.values);
}

/**
 * Missing cells of a column (NULL, and NaN in a numeric column), without building a counted column's cells.
 *
 * @param column a column of a table
 * @returns the number of missing cells
 */
export function missingCount(column: Column): number {
  const counted = countsOf(column);
  if (!counted) return countMissing(column);
  let missing = counted.counts.missing;
  if (counted.storage !== 'string') {
    const keys = counted.counts.keys as Float64Array;
    for (let k = 0; k < keys.length; k++) if (Number.isNaN(keys[k])) missing += counted.counts.counts[k]!;
  }
  return missing;
}

/** A snapshot as columns, whichever way the reader delivered it. */
export function asTable(snapshot: SnapshotData): Table {
  return isCounted(snapshot) ? tableOfCounts(snapshot) : snapshot;
}
