// A stat test skips a pair with a missing or infinite value, or an empty side, and scores a cleaned one: the check is
// made once per pair (its answer cached, "scorable" included), and the cleaning marks the pairs it leaves scorable.
import { describe, expect, it } from 'vitest';
import { UNSCORABLE } from '../../src/drift/kernels/side-runs.js';
import { prepareColumnPair } from '../../src/drift/prepare.js';
import { STAT_TESTS } from '../../src/drift/stattests/index.js';
import { StatTestSkip, type ColumnPair } from '../../src/drift/types.js';

const options = { threshold: 0.1, seed: 0 };

function pairOf(reference: Float64Array, current: Float64Array): ColumnPair {
  return { column: 'x', columnType: 'numerical', reference, current, cache: new Map<string, unknown>() };
}

describe('unscorable pairs', () => {
  it('skips an uncleaned pair with a missing or infinite value, or an empty side, every time it is asked', () => {
    for (const [reference, current, reason] of [
      [
        Float64Array.of(1, Infinity),
        Float64Array.of(1, 2),
        /reference side holds a missing or infinite value/,
      ],
      [Float64Array.of(1, 2), Float64Array.of(NaN, 2), /current side holds a missing or infinite value/],
      [new Float64Array(0), Float64Array.of(1, 2), /no values on the reference side/],
    ] as const) {
      const pair = pairOf(reference, current);
      for (const test of [STAT_TESTS.ks, STAT_TESTS.wasserstein, STAT_TESTS.ks]) {
        expect(() => test.compute(pair, options)).toThrow(StatTestSkip);
        expect(() => test.compute(pair, options)).toThrow(reason);
      }
    }
  });

  it('scores a finite pair, and caches that it is scorable', () => {
    const pair = pairOf(Float64Array.of(1, 2, 3, 4), Float64Array.of(2, 3, 5));
    const first = STAT_TESTS.ks.compute(pair, options);
    expect(pair.cache.get(UNSCORABLE)).toBeNull();
    expect(STAT_TESTS.ks.compute(pair, options)).toEqual(first);
  });

  it('is marked scorable by the cleaning when both sides keep a finite value, and checked otherwise', () => {
    const column = (values: Float64Array) => ({ name: 'x', type: 'float' as const, values });
    const kept = prepareColumnPair(
      'x',
      'numerical',
      column(Float64Array.of(1, NaN, Infinity, 2)),
      column(Float64Array.of(3, 4)),
    );
    expect(kept.cache.get(UNSCORABLE)).toBeNull();
    expect(Array.from(kept.reference)).toEqual([1, 2]);
    expect(STAT_TESTS.ks.compute(kept, options).score).toBeGreaterThanOrEqual(0);
    const empty = prepareColumnPair(
      'x',
      'numerical',
      column(Float64Array.of(NaN, -Infinity)),
      column(Float64Array.of(3, 4)),
    );
    expect(empty.cache.has(UNSCORABLE)).toBe(false);
    expect(() => STAT_TESTS.ks.compute(empty, options)).toThrow(/no values on the reference side/);
  });
});
