/**
 * The in-memory columnar table every reader produces and the drift engine consumes.
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
