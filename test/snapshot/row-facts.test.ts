// Duplicated and empty rows, the facts of a snapshot that need whole rows (pandas duplicated().sum() semantics).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countDuplicatedRows, countEmptyRows, rowFactsOf } from '../../src/snapshot/row-facts.js';
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
});
