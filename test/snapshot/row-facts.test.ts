// Duplicated and empty rows, the facts of a snapshot that need whole rows (pandas duplicated().sum() semantics).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countDuplicatedRows,
  countEmptyRows,
  rowFactsOf,
  searchDuplicatedRows,
} from '../../src/snapshot/row-facts.js';
import type { Table } from '../../src/snapshot/table.js';

describe('rowFactsOf', () => {
  it('counts rows duplicated in every column, treating missing as equal and -0 as 0', () => {
    const table: Table = {
      source: 't',
      rows: 5,
      columns: [
        { name: 'a', type: 'float', values: Float64Array.of(1, Number.NaN, 1, Number.NaN, 0) },
        { name: 'b', type: 'string', dictionary: ['x', 'y'], codes: Int32Array.of(0, -1, 0, -1, 1) },
        { name: 'c', type: 'float', values: Float64Array.of(0, 2, -0, 2, 0) },
      ],
    };
    expect(rowFactsOf(table)).toEqual({ duplicatedRows: 2, emptyRows: 0 });
  });

  it('counts rows missing in every column, and finds no duplicates when a column is all-distinct', () => {
    const table: Table = {
      source: 't',
      rows: 4,
      columns: [
        { name: 'a', type: 'float', values: Float64Array.of(1, Number.NaN, 1, Number.NaN) },
        { name: 'b', type: 'string', dictionary: ['x'], codes: Int32Array.of(0, -1, 0, -1) },
      ],
    };
    expect(rowFactsOf(table)).toEqual({ duplicatedRows: 2, emptyRows: 2 });
    const unique: Table = {
      source: 't',
      rows: 3,
      columns: [
        { name: 'id', type: 'int', values: Float64Array.of(1, 2, 3) },
        { name: 'c', type: 'float', values: Float64Array.of(5, 5, 5) },
      ],
    };
    expect(rowFactsOf(unique)).toEqual({ duplicatedRows: 0, emptyRows: 0 });
  });

  it('handles tables without rows or columns', () => {
    expect(rowFactsOf({ source: 't', rows: 0, columns: [] })).toEqual({ duplicatedRows: 0, emptyRows: 0 });
    expect(rowFactsOf({ source: 't', rows: 3, columns: [] })).toEqual({ duplicatedRows: 0, emptyRows: 0 });
  });

  it('equals a plain count over row keys (property)', () => {
    const cell = fc.oneof(fc.constantFrom(0, -0, 1, 2, Number.NaN), fc.integer({ min: -3, max: 3 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 60 }), (rows) => {
        const table: Table = {
          source: 't',
          rows: rows.length,
          columns: [0, 1].map((index) => ({
            name: `c${index}`,
            type: 'float' as const,
            values: Float64Array.from(rows, (row) => row[index]!),
          })),
        };
        // NaN equals NaN and -0 equals 0, as pandas compares rows.
        const key = (row: [number, number]) =>
          row.map((v) => (Number.isNaN(v) ? 'NaN' : String(v + 0))).join('|');
        const seen = new Set<string>();
        let duplicated = 0;
        for (const row of rows) {
          if (seen.has(key(row))) duplicated++;
          else seen.add(key(row));
        }
        const empty = rows.filter((row) => row.every(Number.isNaN)).length;
        expect(countDuplicatedRows(table)).toBe(duplicated);
        expect(countEmptyRows(table)).toBe(empty);
      }),
    );
  });

  it('counts a table with a label in every row as free of duplicates without hashing it', () => {
    const table: Table = {
      source: 't',
      rows: 3,
      columns: [
        { name: 'id', type: 'string', dictionary: ['a', 'b', 'c'], codes: Int32Array.of(0, 1, 2) },
        { name: 'x', type: 'float', values: Float64Array.of(1, 1, 1) },
      ],
    };
    expect(searchDuplicatedRows(table)).toEqual({ duplicated: 0, probes: 0, maxProbes: 0, method: 'hash' });
  });
});

/** Doubles whose bits are NaN with the given payloads (every NaN is one missing value for pandas). */
function nanPayloads(count: number): Float64Array {
  const values = new Float64Array(count);
  const view = new DataView(values.buffer);
  for (let i = 0; i < count; i++) {
    view.setUint32(i * 8, i * 2654435761, true);
    view.setUint32(i * 8 + 4, (i & 1 ? 0xfff00000 : 0x7ff00000) | (i % 0xfffff) | 1, true);
  }
  return values;
}

/** Duplicated rows counted with a Set of row keys: the definition, slowly. */
function duplicatedByKeys(columns: readonly Float64Array[], rows: number): number {
  const seen = new Set<string>();
  let duplicated = 0;
  for (let r = 0; r < rows; r++) {
    const key = columns
      .map((values) => (Number.isNaN(values[r]!) ? 'NaN' : String(values[r]! + 0)))
      .join('|');
    if (seen.has(key)) duplicated++;
    else seen.add(key);
  }
  return duplicated;
}

describe('searchDuplicatedRows on adversarial shapes', () => {
  const rows = 50_000;
  let state = 7;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const shapes: Record<string, () => Float64Array[]> = {
    'all rows equal': () => [new Float64Array(rows).fill(3), new Float64Array(rows).fill(0.5)],
    'small integers 0-10 and 0-100, a bool, one-decimal floats': () => [
      Float64Array.from({ length: rows }, () => Math.floor(random() * 11)),
      Float64Array.from({ length: rows }, () => Math.floor(random() * 101)),
      Float64Array.from({ length: rows }, () => (random() < 0.5 ? 1 : 0)),
      Float64Array.from({ length: rows }, () => Math.round(random() * 100) / 10),
    ],
    '+0 and -0': () => [Float64Array.from({ length: rows }, (_, i) => (i % 2 ? 0 : -0))],
    'NaN with many payloads': () => [nanPayloads(rows), Float64Array.from({ length: rows }, (_, i) => i % 3)],
    'sequential ids': () => [Float64Array.from({ length: rows }, (_, i) => i)],
    'sequential ids beside constant columns': () => [
      Float64Array.from({ length: rows }, (_, i) => i * 1024),
      new Float64Array(rows).fill(1),
      new Float64Array(rows).fill(-0),
    ],
    'one-decimal floats': () => [Float64Array.from({ length: rows }, (_, i) => (i % 5000) / 10)],
  };
  for (const [shape, build] of Object.entries(shapes)) {
    it(`counts exactly with short probes: ${shape}`, () => {
      const columns = build();
      const table: Table = {
        source: 't',
        rows,
        columns: columns.map((values, index) => ({ name: `c${index}`, type: 'float' as const, values })),
      };
      const expected = duplicatedByKeys(columns, rows);
      const search = searchDuplicatedRows(table, { lowCardinality: false });
      expect(search.method).toBe('hash');
      expect(search.duplicated).toBe(expected);
      // A table at most half full probes about one extra slot per row on well-spread hashes; a badly spread
      // hash probes thousands.
      expect(search.probes / rows).toBeLessThan(2);
      expect(search.maxProbes).toBeLessThan(64);
      // The exact low-cardinality path, where the shape allows it, counts the same.
      expect(searchDuplicatedRows(table).duplicated).toBe(expected);
    });
  }

  it('takes the exact row-key path for few distinct values, strings and missing cells included', () => {
    const codes = Int32Array.from({ length: rows }, () => Math.floor(random() * 4) - 1);
    const floats = Float64Array.from({ length: rows }, () =>
      random() < 0.1 ? NaN : random() < 0.5 ? -0 : Math.floor(random() * 30) / 10,
    );
    const table: Table = {
      source: 't',
      rows,
      columns: [
        { name: 's', type: 'string', dictionary: ['a', 'b', 'c'], codes },
        { name: 'x', type: 'float', values: floats },
      ],
    };
    const keyed = searchDuplicatedRows(table);
    expect(keyed.method).toBe('keys');
    expect(keyed.duplicated).toBe(searchDuplicatedRows(table, { lowCardinality: false }).duplicated);
    expect(keyed.duplicated).toBe(duplicatedByKeys([Float64Array.from(codes), floats], rows));
  });
});
