import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countingSortedCopy, fastSortedCopy, radixSortedCopy } from '../../src/util/sort.js';

const native = (values: Float64Array) => Float64Array.from(values).sort();
const same = (a: Float64Array, b: Float64Array) =>
  a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('fast sorts equal Float64Array.prototype.sort', () => {
  const doubles = fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 300 });
  it('radix sort, any doubles including ±0, ±inf and subnormals', () => {
    fc.assert(
      fc.property(doubles, (values) =>
        same(radixSortedCopy(Float64Array.from(values)), native(Float64Array.from(values))),
      ),
    );
  });
  it('counting sort, few distinct values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, -0, 1.5, -2, 1e-300, Infinity, -Infinity, 42), {
          minLength: 1,
          maxLength: 500,
        }),
        (values) => {
          const sorted = countingSortedCopy(Float64Array.from(values));
          return sorted !== undefined && same(sorted, native(Float64Array.from(values)));
        },
      ),
    );
  });
  it('gives up counting on many distinct values and still sorts large inputs', () => {
    const values = Float64Array.from({ length: 100_000 }, (_, i) => Math.sin(i) * 1e6);
    expect(countingSortedCopy(values)).toBeUndefined();
    expect(same(fastSortedCopy(values), native(values))).toBe(true);
    const rounded = Float64Array.from({ length: 100_000 }, (_, i) => Math.round(Math.cos(i) * 300) / 10);
    expect(same(fastSortedCopy(rounded), native(rounded))).toBe(true);
  });
  it('never mutates its input', () => {
    const values = Float64Array.from([3, 1, 2]);
    radixSortedCopy(values);
    countingSortedCopy(values);
    expect(Array.from(values)).toEqual([3, 1, 2]);
  });
});
