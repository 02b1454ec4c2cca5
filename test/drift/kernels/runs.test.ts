import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEnd } from '../../../src/drift/kernels/runs.js';

describe('runEnd', () => {
  it('finds the end of every run, short or long, as a linear scan does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 300 })), {
          minLength: 1,
          maxLength: 20,
        }),
        (runs) => {
          const values = Float64Array.from(
            runs.sort((a, b) => a[0] - b[0]).flatMap(([value, length]) => Array<number>(length).fill(value)),
          );
          for (let start = 0; start < values.length;) {
            let linear = start;
            while (linear < values.length && values[linear] === values[start]) linear++;
            expect(runEnd(values, start, values.length, values[start]!)).toBe(linear);
            start = linear;
          }
        },
      ),
    );
  });
  it('returns start when the value is absent there, and respects the end bound', () => {
    const values = Float64Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
    expect(runEnd(values, 0, values.length, 2)).toBe(0);
    expect(runEnd(values, 0, 5, 1)).toBe(5);
    expect(runEnd(values, 0, values.length, 1)).toBe(10);
  });
});
