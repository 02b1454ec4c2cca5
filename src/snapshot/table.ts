/**
 * The data model every reader produces and the drift engine consumes: a snapshot as columns ({@link Table}) or as
 * per-column value counts ({@link CountedTable}, what a database computes), and a pair of them with the row-level
 * facts that need whole rows ({@link SnapshotPair}).
 *
 * Numbers live in Float64Arrays (NaN marks a missing cell), strings are dictionary-encoded (code -1 marks a
 * missing cell). There is never an array of row objects.
 */

/**
 * The storage type a reader decided for a column, mirroring the pandas dtype that pandas.read_csv would give it:
 * `int` only when every cell is present and written as an integer (a missing cell makes pandas read float).
 */
export type StorageType = 'float' | 'int' | 'bool' | 'string' | 'datetime';

/** A numeric column (`float` or `int`): NaN marks a missing cell, ±Infinity is kept as read. */
export interface NumberColumn {
  readonly name: string;
  readonly type: 'float' | 'int';
  readonly values: Float64Array;
}

/** A boolean column: 1 for true, 0 for false, NaN for missing. */
export interface BoolColumn {
  readonly name: string;
  readonly type: 'bool';
  readonly values: Float64Array;
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

/** The two snapshots of a comparison with their row-level facts: the drift engine's one input. */
export interface SnapshotPair {
  readonly reference: SnapshotData;
  readonly current: SnapshotData;
  readonly rowFacts: { readonly reference: RowFacts; readonly current: RowFacts };
}

/** Whether the source has the column, loaded or not. */
export function hasColumn(table: Table, name: string): boolean {
  return table.columns.some((column) => column.name === name) || (table.unloaded?.includes(name) ?? false);
}

/** Finds a column by name. */
export function getColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((column) => column.name === name);
}

/** Number of missing cells of a column. */
export function countMissing(column: Column): number {
  let missing = 0;
  if (column.type === 'string') {
    const codes = column.codes;
    for (let i = 0; i < codes.length; i++) if (codes[i]! < 0) missing++;
  } else {
    const values = column.values;
    for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) missing++; // NaN
  }
  return missing;
}
