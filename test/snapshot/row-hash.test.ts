// Row facts accumulated over column batches agree with the facts of the whole table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowFactsOf } from '../../src/snapshot/row-facts.js';
import { RowFactsAccumulator } from '../../src/snapshot/row-hash.js';
import type { Column, Table } from '../../src/snapshot/table.js';

function accumulated(table: Table): { duplicatedRows: number; emptyRows: number } {
  const accumulator = new RowFactsAccumulator(table.rows);
  for (const column of table.columns) accumulator.add(column);
  return accumulator.finish();
}

describe('RowFactsAccumulator', () => {
  it('treats missing as equal, -0 as 0, and counts rows missing everywhere', () => {
    const table: Table = {
      source: 't',
      rows: 6,
      columns: [
        { name: 'a', type: 'float', values: Float64Array.of(1, Number.NaN, 1, Number.NaN, 0, Number.NaN) },
        { name: 'b', type: 'string', dictionary: ['x', 'y'], codes: Int32Array.of(0, -1, 0, -1, 1, 1) },
        { name: 'c', type: 'float', values: Float64Array.of(0, Number.NaN, -0, Number.NaN, 0, -0) },
      ],
    };
    expect(accumulated(table)).toEqual({ duplicatedRows: 2, emptyRows: 2 });
    expect(accumulated(table)).toEqual(rowFactsOf(table));
    expect(accumulated({ source: 't', rows: 3, columns: [] })).toEqual({ duplicatedRows: 0, emptyRows: 0 });
  });

  it('tells apart rows that differ in one cell or in the order of their values', () => {
    const table: Table = {
      source: 't',
      rows: 3,
      columns: [
        { name: 'a', type: 'float', values: Float64Array.of(1, 2, 1) },
        { name: 'b', type: 'float', values: Float64Array.of(2, 1, 2.0000000000000004) },
      ],
    };
    expect(accumulated(table)).toEqual({ duplicatedRows: 0, emptyRows: 0 });
  });

  it('agrees with the exact count on random tables of few distinct values', () => {
    const cell = fc.oneof(
      fc.constantFrom(0, -0, 1, 2, Number.NaN, Infinity),
      fc.integer({ min: -2, max: 2 }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.tuple(fc.boolean(), fc.array(cell, { minLength: 40, maxLength: 40 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (rows, specs) => {
          const columns: Column[] = specs.map(([asString, cells], index) =>
            asString
              ? {
                  name: `s${index}`,
                  type: 'string',
                  dictionary: ['a', 'b', 'c', 'd', 'e'],
                  codes: Int32Array.from(cells.slice(0, rows), (v) =>
                    Number.isFinite(v) ? Math.abs(v) : -1,
                  ),
                }
              : { name: `n${index}`, type: 'float', values: Float64Array.from(cells.slice(0, rows)) },
          );
          const table: Table = { source: 't', rows, columns };
          expect(accumulated(table)).toEqual(rowFactsOf(table));
        },
      ),
    );
  });
});
