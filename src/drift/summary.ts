/**
 * The data summary of one snapshot (what Evidently's `DataSummaryPreset` shows, drift spec §14): dataset counts
 * (rows, columns by type, duplicated rows, empty rows/columns, constant and almost-constant columns, missing
 * cells) and per-column statistics. Pure: a {@link Table} in, plain JSON-ready data out.
 *
 * Each column is read once into a compact array of its present values; numerical columns are then sorted once
 * (quantiles, distinct and most-frequent counts), categorical ones counted by dictionary code.
 */
import type { Column, Table } from '../snapshot/table.js';
import { inferColumnType } from './column-types.js';
import { pairwiseSum, sortedCopy, standardDeviation } from './kernels/index.js';
import { percentileSorted } from './kernels/quantile.js';

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

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Whether cell `row` of a column is missing. */
function isMissing(column: Column, row: number): boolean {
  return column.type === 'string' ? column.codes[row]! < 0 : Number.isNaN(column.values[row]!);
}

interface Tally {
  readonly summary: ColumnSummary;
  /** Count of the most frequent present value. */
  readonly modeCount: number;
}

function numericTally(
  column: Column & { values: Float64Array },
  type: SummaryColumnType,
  rows: number,
): Tally {
  // One pass: compact the present values (row order, as pandas sums them) and count the missing ones.
  const present = new Float64Array(rows);
  let count = 0;
  for (let i = 0; i < rows; i++) {
    const value = column.values[i]!;
    if (!Number.isNaN(value)) present[count++] = value;
  }
  const values = present.subarray(0, count);
  const sorted = sortedCopy(values);
  let distinct = 0;
  let modeCount = 0;
  for (let i = 0; i < count;) {
    let j = i + 1;
    while (j < count && sorted[j] === sorted[i]) j++;
    distinct++;
    modeCount = Math.max(modeCount, j - i);
    i = j;
  }
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
        min: iso(sorted[0]),
        max: iso(sorted[count - 1]),
      },
      modeCount,
    };
  }
  if (type === 'numerical') {
    const empty = count === 0;
    return {
      summary: {
        column: column.name,
        type,
        count,
        missing,
        distinct,
        min: empty ? null : finiteOrNull(sorted[0]!),
        max: empty ? null : finiteOrNull(sorted[count - 1]!),
        mean: empty ? null : finiteOrNull(pairwiseSum(values) / count),
        std: count < 2 ? null : finiteOrNull(standardDeviation(values, 1)),
        quantiles: {
          '0.25': empty ? null : finiteOrNull(percentileSorted(sorted, 25)),
          '0.5': empty ? null : finiteOrNull(percentileSorted(sorted, 50)),
          '0.75': empty ? null : finiteOrNull(percentileSorted(sorted, 75)),
        },
      },
      modeCount,
    };
  }
  // Categorical numbers (few distinct integers) and booleans: value counts from the sorted run lengths.
  const counts: { value: number | boolean; count: number }[] = [];
  for (let i = 0; i < count;) {
    let j = i + 1;
    while (j < count && sorted[j] === sorted[i]) j++;
    counts.push({ value: column.type === 'bool' ? sorted[i] === 1 : sorted[i]!, count: j - i });
    i = j;
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
    .map(({ value, count: c }) => ({ value, count: c, share: c / rows }));
  return { column: name, type, count, missing, distinct: counts.length, top };
}

function stringTally(column: Column & { type: 'string' }, type: SummaryColumnType, rows: number): Tally {
  // Codes index the dictionary; equal labels under two codes (never produced by the readers) are merged.
  const byCode = new Float64Array(column.dictionary.length);
  let count = 0;
  for (let i = 0; i < rows; i++) {
    const code = column.codes[i]!;
    if (code >= 0) {
      byCode[code]! += 1;
      count++;
    }
  }
  const byLabel = new Map<string, number>();
  column.dictionary.forEach((label, code) => {
    if (byCode[code]! > 0) byLabel.set(label, (byLabel.get(label) ?? 0) + byCode[code]!);
  });
  const labels = [...byLabel.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const counts = labels.map((label) => ({ value: label, count: byLabel.get(label)! }));
  const modeCount = counts.reduce((m, c) => Math.max(m, c.count), 0);
  const missing = { count: rows - count, share: rows === 0 ? 0 : (rows - count) / rows };
  const summaryType = type === 'text' ? 'text' : 'categorical';
  return { summary: categoricalSummary(column.name, summaryType, count, missing, counts, rows), modeCount };
}

/** Canonical per-row keys of a column for row equality: -0 → 0, every NaN alike, strings by label. */
function canonicalColumn(column: Column, rows: number): Float64Array {
  const out = new Float64Array(rows);
  if (column.type === 'string') {
    const ids = new Map<string, number>();
    const idOfCode = column.dictionary.map((label) => {
      let id = ids.get(label);
      if (id === undefined) ids.set(label, (id = ids.size));
      return id;
    });
    for (let i = 0; i < rows; i++) out[i] = column.codes[i]! < 0 ? -1 : idOfCode[column.codes[i]!]!;
  } else {
    for (let i = 0; i < rows; i++) {
      const value = column.values[i]!;
      out[i] = Number.isNaN(value) ? Number.NaN : value === 0 ? 0 : value;
    }
  }
  return out;
}

/**
 * Rows equal to an earlier row in every column. Rows are hashed column by column (typed arrays, no per-row
 * objects), sorted by hash, and equal-hash runs are compared exactly.
 */
function countDuplicatedRows(table: Table): number {
  const rows = table.rows;
  if (rows < 2 || table.columns.length === 0) return 0;
  const canonical = table.columns.map((column) => canonicalColumn(column, rows));
  const hashHigh = new Uint32Array(rows).fill(0x811c9dc5);
  const hashLow = new Uint32Array(rows).fill(0x01000193);
  const scratch = new Float64Array(1);
  const words = new Uint32Array(scratch.buffer);
  for (const values of canonical) {
    for (let i = 0; i < rows; i++) {
      scratch[0] = Number.isNaN(values[i]!) ? Number.NaN : values[i]!;
      const w0 = words[0]!;
      const w1 = words[1]!;
      hashHigh[i] = Math.imul(hashHigh[i]! ^ w0, 0x01000193) ^ Math.imul(w1, 0x5bd1e995);
      hashLow[i] = Math.imul(hashLow[i]! ^ w1, 0x85ebca6b) ^ Math.imul(w0, 0xc2b2ae35);
    }
  }
  const order = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  order.sort((a, b) => hashHigh[a]! - hashHigh[b]! || hashLow[a]! - hashLow[b]! || a - b);
  const equalRows = (a: number, b: number): boolean =>
    canonical.every(
      (values) => values[a] === values[b] || (Number.isNaN(values[a]!) && Number.isNaN(values[b]!)),
    );
  let duplicated = 0;
  for (let start = 0; start < rows;) {
    let end = start + 1;
    while (
      end < rows &&
      hashHigh[order[end]!] === hashHigh[order[start]!] &&
      hashLow[order[end]!] === hashLow[order[start]!]
    ) {
      end++;
    }
    // Within a run of equal hashes, every row equal to an earlier distinct representative is a duplicate.
    const representatives: number[] = [];
    for (let k = start; k < end; k++) {
      const row = order[k]!;
      if (representatives.some((rep) => equalRows(rep, row))) duplicated++;
      else representatives.push(row);
    }
    start = end;
  }
  return duplicated;
}

/**
 * Data summary of one snapshot.
 *
 * Column types are inferred from the table itself with Evidently's rules (the drift engine types drift columns
 * from the current snapshot); dates are `datetime`. This runs in `O(rows · columns)` plus one sort per numerical
 * column and one sort of the row hashes.
 *
 * @param table the snapshot
 * @returns dataset counts and per-column statistics
 * @example
 * computeSummary(table).by_column[0]; // => { column: 'num', type: 'numerical', count: 5, missing: {…}, mean: 3.5, … }
 */
export function computeSummary(table: Table): DataSummary {
  const rows = table.rows;
  const columnsByType: Record<SummaryColumnType, number> = {
    numerical: 0,
    categorical: 0,
    text: 0,
    datetime: 0,
  };
  const missingPerRow = new Uint32Array(rows);
  const byColumn: ColumnSummary[] = [];
  let emptyColumns = 0;
  let constantColumns = 0;
  let almostConstantColumns = 0;
  let missingCells = 0;
  for (const column of table.columns) {
    const type: SummaryColumnType = inferColumnType(column) ?? 'datetime';
    columnsByType[type]++;
    for (let i = 0; i < rows; i++) if (isMissing(column, i)) missingPerRow[i]!++;
    const { summary, modeCount } =
      column.type === 'string' ? stringTally(column, type, rows) : numericTally(column, type, rows);
    byColumn.push(summary);
    missingCells += summary.missing.count;
    if (summary.count === 0) emptyColumns++;
    if (summary.distinct <= 1) constantColumns++;
    if (rows > 0 && modeCount / rows >= ALMOST_CONSTANT_SHARE) almostConstantColumns++;
  }
  let emptyRows = 0;
  if (table.columns.length > 0)
    for (let i = 0; i < rows; i++) if (missingPerRow[i] === table.columns.length) emptyRows++;
  return {
    rows,
    columns: table.columns.length,
    columns_by_type: columnsByType,
    duplicated_rows: countDuplicatedRows(table),
    empty_rows: emptyRows,
    empty_columns: emptyColumns,
    constant_columns: constantColumns,
    almost_constant_columns: almostConstantColumns,
    missing_cells: { count: missingCells, share: rows === 0 ? 0 : missingCells / rows },
    by_column: byColumn,
  };
}
