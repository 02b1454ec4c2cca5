import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/report/format.js';

describe('formatCount', () => {
  it("writes what toLocaleString('en-US') writes for the rounded count", () => {
    const counts = [
      0,
      -0,
      -0.4,
      0.49,
      1,
      999.5,
      7043,
      1_000_000,
      1_234_567,
      -1,
      -1234,
      -999_999.6,
      2 ** 53 - 1,
      -(2 ** 53 - 1),
      2 ** 53,
      1e21,
      1e300,
    ];
    for (const count of counts) expect(formatCount(count)).toBe(Math.round(count).toLocaleString('en-US'));
  });

  it('writes NaN and infinities as they are', () => {
    expect(formatCount(Number.NaN)).toBe('NaN');
    expect(formatCount(Infinity)).toBe('Infinity');
    expect(formatCount(-Infinity)).toBe('-Infinity');
  });
});
