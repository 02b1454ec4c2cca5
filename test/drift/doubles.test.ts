// Compact columns decoded for scoring (withDoubles): by the decoder the job layer gives a thread up to
// COMPILED_DECODE_MAX_CELLS cells, by the loop beyond, the same doubles, range and finite count either way.
import { afterEach, describe, expect, it } from 'vitest';
import {
  COMPILED_DECODE_MAX_CELLS,
  decodedFinite,
  scaledSourceWithMissing,
  useScaledDecoders,
  withDoubles,
  type ScaledDecoding,
} from '../../src/drift/doubles.js';
import { ScaledDecoder } from '../../src/snapshot/numeric-records.js';
import { decodeScaled, MISSING_DIGITS, type ScaledDecimals } from '../../src/snapshot/table.js';

/** The cells of a compact column of `n` cells at 3 decimals, every 97th missing. */
function compact(n: number): ScaledDecimals {
  const digits = new Int32Array(n);
  for (let i = 0; i < n; i++) digits[i] = i % 97 === 0 ? MISSING_DIGITS : ((i * 7919) % 200_003) - 100_000;
  return { digits, decimals: 3 };
}

/** The compiled decoder, counting the cells it decodes. */
function countingDecoders(): { cells: number; make: () => ScaledDecoding | undefined } {
  const counted = {
    cells: 0,
    make: () => {
      const decoder = ScaledDecoder.create();
      if (!decoder) return undefined;
      return {
        decode: (values: ScaledDecimals, range: Int32Array) => {
          counted.cells += values.digits.length;
          return decoder.decode(values, range);
        },
      };
    },
  };
  return counted;
}

describe('withDoubles', () => {
  afterEach(() => useScaledDecoders(() => undefined));

  it('decodes with the compiled decoder up to the limit and with the loop beyond, to the same doubles', () => {
    const decoders = countingDecoders();
    useScaledDecoders(decoders.make);
    for (const n of [1000, COMPILED_DECODE_MAX_CELLS, COMPILED_DECODE_MAX_CELLS + 1]) {
      const cells = compact(n);
      const expected = new Float64Array(n);
      const range = new Int32Array(2);
      const missing = decodeScaled(cells, expected, range);
      const before = decoders.cells;
      const decoded = withDoubles({ name: 'x', type: 'float', values: cells }, 0);
      expect(decoders.cells - before).toBe(n <= COMPILED_DECODE_MAX_CELLS ? n : 0);
      const values = (decoded as { values: Float64Array }).values;
      expect(values).toEqual(expected);
      expect(decodedFinite(decoded)).toBe(n - missing);
      const source = scaledSourceWithMissing(values)!;
      expect([source.min, source.max]).toEqual([range[0], range[1]]);
    }
  });
});
