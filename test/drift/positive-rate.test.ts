// The target's positive rate: the share of 1 (or a yes-like label) among the present, finite cells.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positiveRate } from '../../src/drift/decide.js';
import { MISSING_DIGITS, type Column } from '../../src/snapshot/table.js';

describe('positiveRate', () => {
  it('counts 1 among the finite cells of a float column (NaN and ±inf are not counted)', () => {
    const values = Float64Array.of(1, 0, Number.NaN, 1, Infinity, -Infinity, -0, 1, 2);
    expect(positiveRate({ name: 't', type: 'int', values })).toBe(3 / 6);
    expect(positiveRate({ name: 't', type: 'int', values: Float64Array.of(Number.NaN) })).toBeNull();
  });

  it('counts a compact column on its scaled integers, equal to the same cells as doubles (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(MISSING_DIGITS), fc.integer({ min: -300, max: 300 })), {
          maxLength: 80,
        }),
        fc.integer({ min: 0, max: 2 }),
        (cells, decimals) => {
          const scale = 10 ** decimals;
          const digits = Int32Array.from(cells);
          const doubles = Float64Array.from(cells, (m) => (m === MISSING_DIGITS ? Number.NaN : m / scale));
          const compact: Column = { name: 't', type: 'float', values: { digits, decimals } };
          const wide: Column = { name: 't', type: 'float', values: doubles };
          expect(positiveRate(compact)).toBe(positiveRate(wide));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('takes the first yes-like label of a string column', () => {
    const column: Column = {
      name: 't',
      type: 'string',
      dictionary: ['no', 'Yes'],
      codes: Int32Array.of(0, 1, -1, 1, 0),
    };
    expect(positiveRate(column)).toBe(2 / 4);
  });
});
