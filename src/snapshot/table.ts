/**
 * The data model every reader produces and the drift engine consumes: a snapshot as columns ({@link Table}) or as
 * per-column value counts ({@link CountedTable}, what a database computes), and a pair of them with the row-level
 * facts that need whole rows ({@link SnapshotPair}).
 *
 * Numbers live in Float64Arrays (NaN marks a missing cell) or, for a numeric or boolean column read from a CSV
 * file whose cells are short decimals, as scaled 32-bit integers ({@link ScaledDecimals}); strings are
 * dictionary-encoded (code -1 marks a missing cell). There is never an array of row objects.
 */

/**
 * The storage type a reader decided for a column, mirroring the pandas dtype that pandas.read_csv would give it:
 * `int` only when every cell is present and written as an integer (a missing cell makes pandas read float).
 */
export type StorageType = 'float' | 'int' | 'bool' | 'string' | 'datetime';

/** The integer of a {@link ScaledDecimals} cell that is missing (NaN); no present cell uses it. */
export const MISSING_DIGITS = -0x80000000;

/**
 * A column of numbers each written with at most `decimals` decimals, stored in half the memory of float64: cell `i`
 * is the double `digits[i] / 10^decimals` (or NaN when `digits[i]` is {@link MISSING_DIGITS}). A writer stores `m`
 * only when that division gives back the very double it was handed (the quotient of two exact doubles is correctly
 * rounded, so `m / 10^d` is one fixed double), and never for -0, ±Infinity or values whose `|m|` reaches 2^31.
 *
 * Within one column, equal doubles have equal integers and a larger integer is a larger double: `|m| < 2^31` keeps
 * the step 10^-d between neighbouring integers far above the spacing of doubles of that size, so distinct integers
 * divide to distinct doubles.
 */
export interface ScaledDecimals {
  readonly digits: Int32Array;
  /** 0 to 15: the power of ten every cell is divided by. */
  readonly decimals: number;
}

/** The cells of a numeric or boolean column: doubles (NaN for missing), or scaled integers. */
export type NumericValues = Float64Array | ScaledDecimals;

/** A numeric column (`float` or `int`): NaN marks a missing cell, ±Infinity is kept as read. */
export interface NumberColumn {
  readonly name: string;
  readonly type: 'float' | 'int';
  readonly values: NumericValues;
}

/** A boolean column: 1 for true, 0 for false, NaN for missing. */
export interface BoolColumn {
  readonly name: string;
  readonly type: 'bool';
  readonly values: NumericValues;
}

/** A string column, dictionary-encoded: `dictionary[codes[i]]`, with code -1 for a missing cell. */
export interface StringColumn {
  readonly name: string;
  readonly type: 'string';
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

/** A date or timestamp column: milliseconds since the epoch (UTC), NaN for missing. */
export interface DatetimeColumn {
  readonly name: string;
  readonly type: 'datetime';
  readonly values: Float64Array;
}

export type Column = NumberColumn | BoolColumn | StringColumn | DatetimeColumn;

/** One snapshot of a feature table. */
export interface Table {
  /** Where it came from, for messages: a file path, `git:<rev>:<path>` or `postgres:<table>@<as_of>`. */
  readonly source: string;
  readonly rows: number;
  /** Columns in source order. */
  readonly columns: readonly Column[];
  /** Columns the source has but the reader was asked not to load (ids, excluded columns). */
  readonly unloaded?: readonly string[];
}

/** Distinct non-missing values of one column of one snapshot with their counts, plus its missing cells. */
export interface SideCounts {
  /** Distinct values: numbers (NaN and ±Infinity allowed; booleans as 0/1; dates as epoch ms) or strings. */
  readonly keys: Float64Array | readonly string[];
  /** Occurrences of `keys[i]`: whole, non-negative. */
  readonly counts: Float64Array;
  /** Missing (NULL) cells. */
  readonly missing: number;
}

/** One column of one snapshot known only by its value counts. */
export interface CountedColumn {
  readonly name: string;
  /**
   * Storage decided by the source's type; an `int` column with a missing cell is read as `float`, as pandas reads
   * it (the conversion to a {@link Column} applies that rule).
   */
  readonly storage: StorageType;
  readonly counts: SideCounts;
}

/**
 * One snapshot as per-column value counts: a side as a multiset, without row order. Every default drift test is a
 * function of these multisets, so a database can compute them and send only counts.
 */
export interface CountedTable {
  /** Where it came from, for messages (as {@link Table.source}). */
  readonly source: string;
  readonly rows: number;
  /** Counted columns in source order. */
  readonly counted: readonly CountedColumn[];
  /** Columns the source has but were not counted (ids, excluded columns). */
  readonly unloaded?: readonly string[];
}

/** One snapshot as a reader hands it to the engine: its rows as columns, or its value counts. */
export type SnapshotData = Table | CountedTable;

/** Whether a snapshot holds value counts rather than columns. */
export function isCounted(snapshot: SnapshotData): snapshot is CountedTable {
  return 'counted' in snapshot;
}

/** Facts of one snapshot that need whole rows, so the reader computes them (in SQL for counted snapshots). */
export interface RowFacts {
  /** Rows equal to an earlier row in every read column (pandas `duplicated().sum()`; missing equals missing). */
  readonly duplicatedRows: number;
  /** Rows in which every read column is missing. */
  readonly emptyRows: number;
}

/**
 * One side of a numeric column that a database summarised: counts and moments of its finite values (NULL and NaN
 * are missing; a column with ±Infinity cells is never summarised), and its counts per bin of the column's edges.
 */
export interface SummarizedSide {
  /** Finite (present) values. */
  readonly count: number;
  /** Missing cells (NULL or NaN). */
  readonly missing: number;
  /** Distinct finite values. */
  readonly distinct: number;
  /** Count of the most frequent finite value. */
  readonly modeCount: number;
  /** null when the side has no finite value (also mean and the standard deviations). */
  readonly min: number | null;
  readonly max: number | null;
  readonly mean: number | null;
  /** Population (ddof 0) standard deviation. */
  readonly stdPopulation: number | null;
  /** Sample (ddof 1) standard deviation; null for fewer than two values. */
  readonly stdSample: number | null;
  /**
   * For the 0.25, 0.5 and 0.75 quantiles in turn, the sorted values at 0-based positions `floor(q·(count − 1))`
   * and the next one (capped at `count − 1`): what linear interpolation needs. Empty without finite values.
   */
  readonly quartileBounds: readonly (number | null)[];
  /** Values per bin of {@link SummarizedColumn.testEdges}. */
  readonly testBins: Float64Array;
  /** Values per bin of {@link SummarizedColumn.chartEdges}. */
  readonly chartBins: Float64Array;
}

/**
 * A numeric column with many distinct values known only by statistics over the merged distribution of both
 * snapshots (computed by a database), so its size does not grow with rows or distinct values.
 */
export interface SummarizedColumn {
  readonly name: string;
  /** Storage decided by the source's type (`int` with a missing cell reads as `float`, as pandas reads it). */
  readonly storage: 'int' | 'float';
  readonly reference: SummarizedSide;
  readonly current: SummarizedSide;
  /** Distinct finite values of both sides together. */
  readonly mergedDistinct: number;
  /** `max |F_ref − F_cur|` over the merged distinct values. */
  readonly ksStatistic: number;
  /** `Σ |F_ref − F_cur| · (x_next − x)`, the first Wasserstein distance. */
  readonly wasserstein1: number;
  /** Whether every finite value of both sides is a whole number. */
  readonly allIntegers: boolean;
  /** The drift tests' histogram edges (Evidently's). */
  readonly testEdges: Float64Array;
  /** The report chart's histogram edges. */
  readonly chartEdges: Float64Array;
}

/** The two snapshots of a comparison with their row-level facts: the drift engine's one input. */
export interface SnapshotPair {
  readonly reference: SnapshotData;
  readonly current: SnapshotData;
  /**
   * Duplicated and empty rows of each side, or the promise of them: a reader on another thread counts them after it
   * hands the table over, so columns can be scored meanwhile (they are read only for the report's summary).
   */
  readonly rowFacts: {
    readonly reference: RowFacts | PromiseLike<RowFacts>;
    readonly current: RowFacts | PromiseLike<RowFacts>;
  };
  /** Numeric columns summarised by the database instead of counted (in neither snapshot's columns). */
  readonly summarized?: readonly SummarizedColumn[];
  /** Every read column in source order, when some are summarised (their place among the others). */
  readonly columnOrder?: readonly string[];
}

/**
 * When a reader that computes in a database may summarise a numeric column instead of counting its values. The
 * drift layer builds it from the options (which tests and types the column gets); the reader stays unaware of
 * tests.
 */
export interface SummarizePolicy {
  /** A column is summarised only with more distinct finite values than this in the reference probe. */
  readonly minDistinct: number;
  /** Rows of the reference snapshot the probe reads (distinct values in them bound the whole from below). */
  readonly probeRows: number;
  /** Whether the column's settings allow a summary at all (a test needing the values, a forced category do not). */
  candidate(name: string): boolean;
  /**
   * The drift tests' and the chart's edges for a column with these statistics, or undefined when the statistics
   * show the column needs its values after all (for instance an integer column with few current values).
   */
  edges(column: {
    readonly name: string;
    readonly storage: 'int' | 'float';
    readonly reference: { readonly count: number; readonly distinct: number };
    readonly current: { readonly count: number; readonly distinct: number; readonly missing: number };
    readonly min: number;
    readonly max: number;
    readonly allIntegers: boolean;
  }): readonly [Float64Array, Float64Array] | undefined;
}

/** Whether the source has the column, loaded or not. */
export function hasColumn(table: Table, name: string): boolean {
  return table.columns.some((column) => column.name === name) || (table.unloaded?.includes(name) ?? false);
}

/** Finds a column by name. */
export function getColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((column) => column.name === name);
}

/** Whether the cells are stored as scaled integers. */
export function isScaled(values: NumericValues): values is ScaledDecimals {
  return !(values instanceof Float64Array);
}

/** How many cells there are. */
export function cellsOf(values: NumericValues): number {
  return values instanceof Float64Array ? values.length : values.digits.length;
}

/** Most decimals a {@link ScaledDecimals} column has: 10^15 is an exact double, as is every integer below 2^31 times it. */
export const MAX_SCALED_DECIMALS = 15;

/** 10^0 … 10^15, each an exact double. */
const POWERS = Array.from({ length: MAX_SCALED_DECIMALS + 1 }, (_, d) => 10 ** d);

/** What the integers of a {@link ScaledDecimals} column with `decimals` decimals are divided by: 10^decimals. */
export function scaleOf(decimals: number): number {
  return POWERS[decimals]!;
}

/**
 * Writes the cells of scaled integers as doubles (NaN for missing) to the first cells of `out` and returns how many
 * were missing: the one decoding loop of compact columns. With `range`, the least and greatest integer of the present
 * cells are written to `range[0]` and `range[1]` (2^31 - 1 and -(2^31 - 1) when none is present), found in the same
 * read.
 *
 * This runs in `O(n)`, one division a cell.
 */
export function decodeScaled(values: ScaledDecimals, out: Float64Array, range?: Int32Array): number {
  const digits = values.digits;
  const scale = POWERS[values.decimals]!;
  let missing = 0;
  let min = 0x7fffffff;
  let max = -0x7fffffff;
  for (let i = 0; i < digits.length; i++) {
    const m = digits[i]!;
    if (m === MISSING_DIGITS) {
      out[i] = Number.NaN;
      missing++;
    } else {
      out[i] = m / scale;
      if (m < min) min = m;
      if (m > max) max = m;
    }
  }
  if (range !== undefined) {
    range[0] = min;
    range[1] = max;
  }
  return missing;
}

/**
 * The cells as doubles, NaN for missing: the array itself when stored so (no copy) unless `into` is given, else
 * decoded into `into` (at least as long as the column; the first cells are written) or into a fresh array.
 *
 * This runs in `O(n)` for scaled cells (one division each), `O(1)` for doubles without `into`.
 *
 * @param values the column's cells
 * @param into where to decode to
 * @returns the doubles, bit for bit those the reader parsed
 * @example
 * numbersOf({ digits: Int32Array.of(125, -2147483648), decimals: 2 }); // => [1.25, NaN]
 */
export function numbersOf(values: NumericValues, into?: Float64Array): Float64Array {
  if (values instanceof Float64Array) {
    if (!into) return values;
    into.set(values);
    return into;
  }
  const out = into ?? new Float64Array(values.digits.length);
  decodeScaled(values, out);
  return out;
}

/**
 * One cell as a double (NaN for missing): for a consumer that reads a few cells (a column read whole is decoded once
 * with {@link numbersOf}).
 */
export function numberAt(values: NumericValues, index: number): number {
  if (values instanceof Float64Array) return values[index]!;
  const m = values.digits[index]!;
  return m === MISSING_DIGITS ? Number.NaN : m / POWERS[values.decimals]!;
}

/** Number of missing cells of a column. */
export function countMissing(column: Column): number {
  let missing = 0;
  if (column.type === 'string') {
    const codes = column.codes;
    for (let i = 0; i < codes.length; i++) if (codes[i]! < 0) missing++;
  } else if (isScaled(column.values)) {
    const digits = column.values.digits;
    for (let i = 0; i < digits.length; i++) if (digits[i] === MISSING_DIGITS) missing++;
  } else {
    const values = column.values;
    for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) missing++; // NaN
  }
  return missing;
}
