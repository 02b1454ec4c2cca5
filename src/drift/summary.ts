/**
 * The data summary of one snapshot (what Evidently's `DataSummaryPreset` shows): dataset counts (rows, columns by
 * type, duplicated rows, empty rows/columns, constant and almost-constant columns, missing cells) and per-column
 * statistics (count, missing, distinct; min, max, mean, sample std and quartiles of numerical columns; the most
 * frequent values of categorical ones; the range of dates). Pure: a {@link Table} and its row facts in, plain
 * JSON-ready data out.
 *
 * Each numerical column is summarised from its runs (distinct values with counts: quartiles, distinct and
 * most-frequent counts), categorical ones are counted by dictionary code. The facts that need whole rows
 * (duplicated and empty rows) come from the reader.
 */
import { exampleValue } from './example-value.js';
import type { Column, RowFacts, Table } from '../snapshot/table.js';
import { INTEGER_CARDINALITY_LIMIT, inferColumnType } from './column-types.js';
import { countsOf, labelCountsOf, presentRunsOfCounts } from './counted.js';
import { withDoubles } from './doubles.js';
import {
  compensatedSquaredDeviations,
  compensatedSquaredDeviationsOfRepeats,
  compensatedSum,
  compensatedSumOfRepeats,
  compensatedWeightedSquaredDeviations,
  compensatedWeightedSum,
} from './kernels/compensated-sum.js';
import { sortedCopy } from './kernels/index.js';
import { percentilesOfRuns } from './kernels/quantile.js';
import { runsOfSorted, type Runs } from './kernels/runs.js';
import { scratchFloat64 } from './kernels/scratch.js';

/** Evidently's almost-constant rule: the most frequent value covers at least this share of the rows. */
export const ALMOST_CONSTANT_SHARE = 0.95;
/** Categories listed per categorical column, most frequent first. */
export const TOP_VALUES = 10;

export type SummaryColumnType = 'numerical' | 'categorical' | 'text' | 'datetime';

export interface MissingCount {
  readonly count: number;
  /** count / rows (Evidently divides the dataset-level count by rows too, not by cells). */
  readonly share: number;
}

interface ColumnSummaryBase {
  readonly column: string;
  readonly type: SummaryColumnType;
  /** Present (non-missing) values. */
  readonly count: number;
  readonly missing: MissingCount;
  /** Distinct present values (pandas `nunique`). */
  readonly distinct: number;
}

/** Numerical column statistics (pandas skipna). Non-finite results (e.g. std of one value) are null. */
export interface NumericalColumnSummary extends ColumnSummaryBase {
  readonly type: 'numerical';
  readonly min: number | null;
  readonly max: number | null;
  readonly mean: number | null;
  /** Sample standard deviation (ddof 1). */
  readonly std: number | null;
  /** Linear-interpolation quantiles (numpy type 7). */
  readonly quantiles: {
    readonly '0.25': number | null;
    readonly '0.5': number | null;
    readonly '0.75': number | null;
  };
}

/** Categorical / text column statistics: the most frequent values with counts and shares of all rows. */
export interface CategoricalColumnSummary extends ColumnSummaryBase {
  readonly type: 'categorical' | 'text';
  readonly top: readonly {
    readonly value: string | number | boolean;
    readonly count: number;
    readonly share: number;
  }[];
}

/** Datetime column range, as ISO 8601 strings. */
export interface DatetimeColumnSummary extends ColumnSummaryBase {
  readonly type: 'datetime';
  readonly min: string | null;
  readonly max: string | null;
}

export type ColumnSummary = NumericalColumnSummary | CategoricalColumnSummary | DatetimeColumnSummary;

/** The `summary.reference` / `summary.current` block of the JSON report. */
export interface DataSummary {
  readonly rows: number;
  readonly columns: number;
  readonly columns_by_type: Readonly<Record<SummaryColumnType, number>>;
  /** Rows equal to an earlier row in every column (pandas `duplicated().sum()`; missing equals missing). */
  readonly duplicated_rows: number;
  /** Rows in which every value is missing. */
  readonly empty_rows: number;
  /** Columns in which every value is missing. */
  readonly empty_columns: number;
  /** Columns with at most one distinct present value (all-missing columns included). */
  readonly constant_columns: number;
  /** Columns whose most frequent present value covers ≥ 95% of the rows. */
  readonly almost_constant_columns: number;
  readonly missing_cells: MissingCount;
  readonly by_column: readonly ColumnSummary[];
}

/**
 * Mean and sample standard deviation (ddof 1) from the sorted values' runs: `values[k]` occurring `counts[k]`
 * times; compensated sums over the k runs instead of the n rows, for columns with few distinct values.
 */
function runMoments(runs: Runs, n: number): { mean: number; std: number } {
  const k = runs.values.length;
  const mean = compensatedWeightedSum(runs.values, runs.counts, k) / n;
  const squares = compensatedWeightedSquaredDeviations(runs.values, runs.counts, k, mean);
  return { mean, std: Math.sqrt(squares / (n - 1)) };
}

/** The present (non-NaN) values of a column, in row order. */
function presentValues(values: Float64Array, rows: number, count: number): Float64Array {
  // Every cell present: the values themselves, in the same order (a view, not a copy of the column).
  if (count === rows) return values.subarray(0, rows);
  const present = scratchFloat64(count, false);
  let k = 0;
  for (let i = 0; i < rows; i++) if (!Number.isNaN(values[i]!)) present[k++] = values[i]!;
  return present;
}

/**
 * Mean (pandas `mean`) and sample standard deviation (ddof 1, two-pass as pandas `nanvar`) over the values themselves,
 * with compensated sums (any order).
 */
function manyValuesMoments(present: Float64Array): { mean: number; std: number } {
  const mean = compensatedSum(present) / present.length;
  return {
    mean,
    std:
      present.length < 2
        ? Number.NaN
        : Math.sqrt(compensatedSquaredDeviations(present, mean) / (present.length - 1)),
  };
}

/** {@link manyValuesMoments} of the present values laid out in ascending order, from their runs, bit for bit. */
function manyValuesMomentsOfRuns(runs: Runs): { mean: number; std: number } {
  const n = runs.total;
  const mean = compensatedSumOfRepeats(runs.values, runs.counts) / n;
  return {
    mean,
    std:
      n < 2
        ? Number.NaN
        : Math.sqrt(compensatedSquaredDeviationsOfRepeats(runs.values, runs.counts, mean) / (n - 1)),
  };
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** A column's summary plus what the dataset-level counts need from it. */
export interface ColumnTally {
  readonly summary: ColumnSummary;
  /** Count of the most frequent present value. */
  readonly modeCount: number;
}

/**
 * The largest of the first `k` counts (0 when `k` is 0). A function that is only its loop: V8 compiles a long loop
 * on the first call from inside it and keeps that code, which would send every later call of a longer function back
 * to the interpreter at the code after the loop.
 */
function largestCount(counts: Float64Array, k: number): number {
  let largest = 0;
  for (let i = 0; i < k; i++) if (counts[i]! > largest) largest = counts[i]!;
  return largest;
}

function numericTally(
  column: Column & { values: Float64Array },
  rows: number,
  given?: Runs,
  decided?: SummaryColumnType,
): ColumnTally {
  const counted = countsOf(column);
  // A counted column: the runs of its present values come from its counts, its cells are never built.
  const presentRuns = counted ? presentRunsOfCounts(counted) : undefined;
  // One pass counts the present values. The drift engine's runs of the cleaned column (distinct values with
  // counts) are reused when cleaning removed nothing but NaN (no ±inf): then they describe exactly the present
  // values, and nothing is sorted here.
  let count = 0;
  if (presentRuns) count = presentRuns.total;
  else if (given !== undefined && given.total === rows)
    count = rows; // every cell finite, so every cell present
  else for (let i = 0; i < rows; i++) if (!Number.isNaN(column.values[i]!)) count++;
  let runs: Runs;
  let present: Float64Array | undefined;
  if (presentRuns) {
    runs = presentRuns;
  } else if (given !== undefined && given.total === count) {
    runs = given;
  } else {
    present = presentValues(column.values, rows, count);
    runs = runsOfSorted(sortedCopy(present));
  }
  const distinct = runs.values.length;
  // Runs made from a sorted side know their largest count (1 for a side of distinct values, without a read).
  const modeCount = runs.largest ?? largestCount(runs.counts, distinct);
  const first = runs.values[0];
  const last = runs.values[distinct - 1];
  // The type decided for the column over both snapshots when given; else Evidently's typing (column-types.ts)
  // of this side from the distinct count already at hand: int columns with at most INTEGER_CARDINALITY_LIMIT
  // distinct values are categorical; floats numerical; booleans categorical.
  const type: SummaryColumnType =
    column.type === 'datetime'
      ? 'datetime'
      : decided === 'numerical' || decided === 'categorical'
        ? decided
        : decided === 'text'
          ? 'categorical'
          : column.type === 'bool' || (column.type === 'int' && distinct <= INTEGER_CARDINALITY_LIMIT)
            ? 'categorical'
            : 'numerical';
  const missing = { count: rows - count, share: rows === 0 ? 0 : (rows - count) / rows };
  if (type === 'datetime') {
    const iso = (ms: number | undefined): string | null =>
      ms === undefined || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
    return {
      summary: {
        column: column.name,
        type,
        count,
        missing,
        distinct,
        min: iso(first),
        max: iso(last),
      },
      modeCount,
    };
  }
  if (type === 'numerical') {
    const empty = count === 0;
    let computed: { mean: number; std: number } | undefined;
    // Few runs: moments from the runs; many (a continuous column): compensated sums over the values themselves.
    const moments = () =>
      (computed ??=
        distinct <= count >> 3 && Number.isFinite(first!) && Number.isFinite(last!)
          ? runMoments(runs, count)
          : presentRuns
            ? manyValuesMomentsOfRuns(presentRuns)
            : manyValuesMoments((present ??= presentValues(column.values, rows, count))));
    const quartiles = empty ? [] : percentilesOfRuns(runs, [25, 50, 75]);
    return {
      summary: {
        column: column.name,
        type,
        count,
        missing,
        distinct,
        min: empty ? null : finiteOrNull(first!),
        max: empty ? null : finiteOrNull(last!),
        mean: empty ? null : finiteOrNull(moments().mean),
        std: count < 2 ? null : finiteOrNull(moments().std),
        quantiles: {
          '0.25': empty ? null : finiteOrNull(quartiles[0]!),
          '0.5': empty ? null : finiteOrNull(quartiles[1]!),
          '0.75': empty ? null : finiteOrNull(quartiles[2]!),
        },
      },
      modeCount,
    };
  }
  // Categorical numbers (few distinct integers) and booleans: value counts from the sorted run lengths.
  const counts: { value: number | boolean; count: number }[] = [];
  for (let k = 0; k < distinct; k++) {
    const value = runs.values[k]!;
    counts.push({ value: column.type === 'bool' ? value === 1 : value, count: runs.counts[k]! });
  }
  return { summary: categoricalSummary(column.name, type, count, missing, counts, rows), modeCount };
}

function categoricalSummary(
  name: string,
  type: 'categorical' | 'text',
  count: number,
  missing: MissingCount,
  counts: { value: string | number | boolean; count: number }[],
  rows: number,
): CategoricalColumnSummary {
  // Most frequent first; ties keep value order (the input is in ascending value order).
  const top = [...counts]
    .sort((a, b) => b.count - a.count)
    .slice(0, TOP_VALUES)
    .map(({ value, count: c }) => ({
      value: typeof value === 'string' ? exampleValue(value) : value,
      count: c,
      share: c / rows,
    }));
  return { column: name, type, count, missing, distinct: counts.length, top };
}

function stringTally(
  column: Column & { type: 'string' },
  type: SummaryColumnType,
  rows: number,
  given?: Float64Array,
): ColumnTally {
  const counted = countsOf(column);
  if (counted) {
    // A counted column: its occurring labels with their counts are its dictionary and per-code tallies.
    const { labels, counts } = labelCountsOf(counted);
    return labelTally(column.name, labels, Float64Array.from(counts), type, rows);
  }
  // The drift engine's tally of the same codes, when it covers exactly the rows.
  if (given !== undefined && given.length === column.dictionary.length && column.codes.length === rows)
    return labelTally(column.name, column.dictionary, given, type, rows);
  // Codes index the dictionary, which holds each distinct label once (the readers' contract).
  const byCode = new Float64Array(column.dictionary.length);
  for (let i = 0; i < rows; i++) {
    const code = column.codes[i]!;
    if (code >= 0) byCode[code]! += 1;
  }
  return labelTally(column.name, column.dictionary, byCode, type, rows);
}

/**
 * The tally of a string column with its own label in every row (no missing cell), from its {@link TOP_VALUES}
 * smallest labels in string order: what {@link summarizeColumn} gives such a column as `text`, without its labels.
 *
 * @param smallest the column's smallest labels (at most {@link TOP_VALUES}), smallest first
 */
export function uniqueLabelsTally(name: string, smallest: readonly string[], rows: number): ColumnTally {
  const top = smallest.slice(0, TOP_VALUES).map((value) => ({ value, count: 1 }));
  const summary = categoricalSummary(name, 'text', rows, { count: 0, share: 0 }, top, rows);
  return { summary: { ...summary, distinct: rows }, modeCount: rows === 0 ? 0 : 1 };
}

/** The tally of a string column from its labels and how often each occurs. */
function labelTally(
  name: string,
  dictionary: readonly string[],
  byCode: Float64Array,
  type: SummaryColumnType,
  rows: number,
): ColumnTally {
  let count = 0;
  for (let code = 0; code < byCode.length; code++) count += byCode[code]!;
  // Only the most frequent labels are listed: keep a running top list instead of sorting every label
  // (id-like columns have as many labels as rows). Ties go to the smaller label, as in the sorted order.
  const top: { value: string; count: number }[] = [];
  let distinct = 0;
  let modeCount = 0;
  const before = (a: { value: string; count: number }, b: { value: string; count: number }): boolean =>
    a.count > b.count || (a.count === b.count && a.value < b.value);
  for (let code = 0; code < byCode.length; code++) {
    const c = byCode[code]!;
    if (c === 0) continue;
    distinct++;
    if (c > modeCount) modeCount = c;
    const entry = { value: dictionary[code]!, count: c };
    if (top.length === TOP_VALUES && !before(entry, top[TOP_VALUES - 1]!)) continue;
    let at = top.length < TOP_VALUES ? top.length : TOP_VALUES - 1;
    top[at] = entry;
    while (at > 0 && before(top[at]!, top[at - 1]!)) {
      [top[at - 1], top[at]] = [top[at]!, top[at - 1]!];
      at--;
    }
  }
  const missing = { count: rows - count, share: rows === 0 ? 0 : (rows - count) / rows };
  const summaryType = type === 'text' ? 'text' : 'categorical';
  const summary = categoricalSummary(name, summaryType, count, missing, top, rows);
  return { summary: { ...summary, distinct }, modeCount };
}

/**
 * Summary of one column of a snapshot (the per-column part of {@link computeSummary}).
 *
 * This runs in `O(rows)` plus one sort of a numeric column's present values, skipped when `runs` are given (and
 * `O(dictionary)` for a string column whose `codeTally` is given).
 *
 * @param column the column as read
 * @param rows the snapshot's row count
 * @param runs optional runs (distinct values with counts) of the column's non-missing values computed elsewhere
 *   (the drift engine's cleaned column); used only when they cover exactly the present values (no ±inf removed)
 * @param type the type decided for the column over both snapshots (see {@link summaryColumnType}); default this
 *   side's own inferred type
 * @param codeTally optional count of each dictionary code over the whole column (a string column), computed
 *   elsewhere (the drift engine's cleaning); used only when the column's codes are exactly its rows
 * @returns the column summary and its most-frequent-value count
 */
export function summarizeColumn(
  column: Column,
  rows: number,
  runs?: Runs,
  type?: SummaryColumnType,
  codeTally?: Float64Array,
): ColumnTally {
  if (column.type !== 'string')
    // A compact column (not one being scored: that one comes decoded) is decoded into the thread's kept array.
    return numericTally(withDoubles(column, 2) as Column & { values: Float64Array }, rows, runs, type);
  return stringTally(column, type ?? inferColumnType(column) ?? 'datetime', rows, codeTally);
}

/**
 * The summary type of a column, decided once for both snapshots as the drift engine decides column types: from
 * the current snapshot (Evidently's rules), else the reference when the current lacks the column. Both cards of a
 * column then show the same statistics, even when, say, an integer column has 10 distinct values on one side
 * (categorical alone) and 11 on the other (numerical alone).
 *
 * @example summaryColumnType(undefined, { name: 'k', type: 'int', values: Float64Array.of(1, 2, 1) }); // => 'categorical'
 */
export function summaryColumnType(
  reference: Column | undefined,
  current: Column | undefined,
): SummaryColumnType {
  const decidingSide = current ?? reference;
  if (decidingSide === undefined) return 'categorical';
  return inferColumnType(decidingSide) ?? 'datetime';
}

/**
 * Data summary of one snapshot.
 *
 * Column types are those `typeOf` gives (the report passes one type per column for both snapshots), else inferred
 * from the table itself with Evidently's rules; dates are `datetime`. This runs in `O(rows · columns)` plus one sort per numerical
 * column (unless precomputed).
 *
 * @param table the snapshot
 * @param rowFacts its duplicated and empty rows, computed by the reader
 * @param precomputed optional per-column tallies already computed by {@link summarizeColumn} (the drift engine
 *   computes them while each column's runs are at hand)
 * @param typeOf optional type of each column decided over both snapshots ({@link summaryColumnType}); default
 *   each column's type inferred from this table alone
 * @param order optional names of every column in source order, some of them in no table (columns a database
 *   summarised): those are listed from `precomputed`, which must have them
 * @returns dataset counts and per-column statistics
 * @example
 * computeSummary(
 *   { source: 's', rows: 3, columns: [{ name: 'fee', type: 'float', values: Float64Array.of(10, 20, NaN) }] },
 *   { duplicatedRows: 0, emptyRows: 1 },
 * ).by_column[0]; // => { column: 'fee', type: 'numerical', count: 2, missing: { count: 1, share: 1 / 3 }, mean: 15 }
 */
export function computeSummary(
  table: Table,
  rowFacts: RowFacts,
  precomputed?: (column: string) => ColumnTally | undefined,
  typeOf?: (column: string) => SummaryColumnType | undefined,
  order?: readonly string[],
): DataSummary {
  const rows = table.rows;
  const columnsByType: Record<SummaryColumnType, number> = {
    numerical: 0,
    categorical: 0,
    text: 0,
    datetime: 0,
  };
  const byColumn: ColumnSummary[] = [];
  let emptyColumns = 0;
  let constantColumns = 0;
  let almostConstantColumns = 0;
  let missingCells = 0;
  const byName = new Map(table.columns.map((column) => [column.name, column]));
  const names = order ?? table.columns.map((column) => column.name);
  for (const name of names) {
    const column = byName.get(name);
    const tally =
      precomputed?.(name) ?? (column ? summarizeColumn(column, rows, undefined, typeOf?.(name)) : undefined);
    if (tally === undefined) continue;
    const { summary, modeCount } = tally;
    columnsByType[summary.type]++;
    byColumn.push(summary);
    missingCells += summary.missing.count;
    if (summary.count === 0) emptyColumns++;
    if (summary.distinct <= 1) constantColumns++;
    if (rows > 0 && modeCount / rows >= ALMOST_CONSTANT_SHARE) almostConstantColumns++;
  }
  return {
    rows,
    columns: byColumn.length,
    columns_by_type: columnsByType,
    duplicated_rows: rowFacts.duplicatedRows,
    empty_rows: rowFacts.emptyRows,
    empty_columns: emptyColumns,
    constant_columns: constantColumns,
    almost_constant_columns: almostConstantColumns,
    missing_cells: { count: missingCells, share: rows === 0 ? 0 : missingCells / rows },
    by_column: byColumn,
  };
}
