// Canonical 32-bit words of doubles for row equality: -0 as 0, every NaN as one NaN, every other double as it is.
import { describe, expect, it } from 'vitest';
import { CANONICAL_NAN_HIGH, canonicalHigh, canonicalLow } from '../../src/snapshot/double-words.js';

/** The canonical words of each double of `values`, read through an Int32Array view as the row hashes read them. */
function canonicalWords(values: Float64Array): [number, number][] {
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  return Array.from(values, (value, i) => {
    const high = canonicalHigh(value, words[2 * i + 1]!);
    return [canonicalLow(value, words[2 * i]!), high];
  });
}

describe('canonicalHigh and canonicalLow', () => {
  it('give -0 the words of 0', () => {
    expect(canonicalWords(Float64Array.of(-0, 0))).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('give every NaN, whatever its sign and payload, one pair of words', () => {
    const values = new Float64Array(6);
    const view = new DataView(values.buffer);
    const nans: [number, number][] = [
      [0x7ff80000, 0],
      [0xfff80000, 0],
      [0x7ff00000, 1],
      [0xfff00000, 0xffffffff],
      [0x7fffffff, 0x12345678],
      [0x7ff00001, 0],
    ];
    nans.forEach(([high, low], i) => {
      view.setUint32(i * 8, low, true);
      view.setUint32(i * 8 + 4, high, true);
    });
    for (const words of canonicalWords(values)) expect(words).toEqual([0, CANONICAL_NAN_HIGH]);
  });

  it('keep every other double as it is, the negative numbers whose high word is that of -0 included', () => {
    const values = Float64Array.of(
      -5e-324,
      -Number.MIN_VALUE * 3,
      5e-324,
      1,
      -1,
      Infinity,
      -Infinity,
      0.1,
      -2.5,
    );
    const raw = new Int32Array(values.buffer);
    expect(raw[1]).toBe(0x80000000 | 0);
    expect(canonicalWords(values)).toEqual(Array.from(values, (_, i) => [raw[2 * i], raw[2 * i + 1]]));
  });
});
