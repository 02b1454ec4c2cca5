/**
 * The facts of a snapshot that need whole rows: duplicated rows and empty rows. Readers compute them once per
 * snapshot (the thread that read a file, or the database for counted snapshots), so the drift engine, which sees
 * columns one at a time, never needs the rows together.
 */
import type { Column, RowFacts, Table } from './table.js';

/** Per-row keys of a column for row equality. */
function canonicalColumn(column: Column): Float64Array | Int32Array {
  // Numbers are used as they are (-0 === 0; NaN is matched explicitly in hash and equality); strings by code,
  // since each label has one code (-1 marks a missing cell).
  return column.type === 'string' ? column.codes : column.values;
}

/**
 * Rows equal to an earlier row in every column. Rows are hashed column by column (typed arrays, no per-row
 * objects) into an open-addressing table of distinct rows; rows with equal hashes are compared exactly.
 *
 * @param table the snapshot's columns
 * @returns pandas `duplicated().sum()` over those columns (missing equals missing)
 */
export function countDuplicatedRows(table: Table): number {
  const rows = table.rows;
  if (rows < 2 || table.columns.length === 0) return 0;
  const canonical = table.columns.map((column) => canonicalColumn(column));
  const hashHigh = new Uint32Array(rows).fill(0x811c9dc5);
  const hashLow = new Uint32Array(rows).fill(0x01000193);
  for (const values of canonical) {
    if (values instanceof Float64Array) {
      // Read each double's two 32-bit words in place; -0 hashes as 0 and every NaN alike.
      const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
      for (let i = 0; i < rows; i++) {
        let low = words[2 * i]!;
        let high = words[2 * i + 1]!;
        if (low === 0 && high === 0x80000000) high = 0;
        else if ((high & 0x7ff00000) === 0x7ff00000 && ((high & 0xfffff) | low) !== 0) {
          high = 0x7ff80000;
          low = 0;
        }
        hashHigh[i] = Math.imul(hashHigh[i]! ^ low, 0x01000193) ^ Math.imul(high, 0x5bd1e995);
        hashLow[i] = Math.imul(hashLow[i]! ^ high, 0x85ebca6b) ^ Math.imul(low, 0xc2b2ae35);
      }
    } else {
      for (let i = 0; i < rows; i++) {
        const code = values[i]!;
        hashHigh[i] = Math.imul(hashHigh[i]! ^ code, 0x01000193) ^ 0x5bd1e995;
        hashLow[i] = Math.imul(hashLow[i]! ^ code, 0x85ebca6b) ^ 0xc2b2ae35;
      }
    }
  }
  // Open-addressing table of distinct rows keyed by the 64-bit row hash; equal hashes are compared exactly.
  let capacity = 1;
  while (capacity < rows * 2) capacity <<= 1;
  const slots = new Int32Array(capacity).fill(-1);
  const mask = capacity - 1;
  const equalRows = (a: number, b: number): boolean => {
    for (const values of canonical) {
      const x = values[a]!;
      const y = values[b]!;
      if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
    }
    return true;
  };
  let duplicated = 0;
  for (let row = 0; row < rows; row++) {
    let slot = (hashHigh[row]! ^ Math.imul(hashLow[row]!, 0x9e3779b1)) & mask;
    for (;;) {
      const other = slots[slot]!;
      if (other < 0) {
        slots[slot] = row;
        break;
      }
      if (hashHigh[other] === hashHigh[row] && hashLow[other] === hashLow[row] && equalRows(other, row)) {
        duplicated++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return duplicated;
}

/** Whether a column has a missing cell (NaN, or code -1). */
function hasMissing(column: Column): boolean {
  if (column.type === 'string') {
    const codes = column.codes;
    for (let i = 0; i < codes.length; i++) if (codes[i]! < 0) return true;
    return false;
  }
  const values = column.values;
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}

/**
 * Rows in which every column is missing.
 *
 * @param table the snapshot's columns
 * @returns the count (0 for a table without columns)
 */
export function countEmptyRows(table: Table): number {
  const { rows, columns } = table;
  // A row can be empty only if every column has a missing cell; then count per row.
  if (columns.length === 0 || !columns.every(hasMissing)) return 0;
  const missingPerRow = new Uint32Array(rows);
  for (const column of columns) {
    if (column.type === 'string') {
      for (let r = 0; r < rows; r++) if (column.codes[r]! < 0) missingPerRow[r]!++;
    } else {
      for (let r = 0; r < rows; r++) if (Number.isNaN(column.values[r]!)) missingPerRow[r]!++;
    }
  }
  let empty = 0;
  for (let r = 0; r < rows; r++) if (missingPerRow[r] === columns.length) empty++;
  return empty;
}

/**
 * The row-level facts of a snapshot read as columns.
 *
 * This runs in `O(rows · columns)` expected time (one hash per row).
 *
 * @param table the snapshot
 * @returns duplicated and empty rows over the table's columns
 * @example
 * rowFactsOf({ source: 't', rows: 3, columns: [{ name: 'x', type: 'float', values: Float64Array.of(1, 1, NaN) }] }); // => { duplicatedRows: 1, emptyRows: 1 }
 */
export function rowFactsOf(table: Table): RowFacts {
  return { duplicatedRows: countDuplicatedRows(table), emptyRows: countEmptyRows(table) };
}
