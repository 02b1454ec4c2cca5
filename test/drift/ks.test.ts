// KS p-values from aggregates (D, n1, n2), the Smirnov and kstwo distributions, against scipy 1.10.1 vectors
// (test/vectors/ks-pvalues.json, generated through scipy's own _attempt_exact_2kssamp / kstwo.sf / smirnov).
import { describe, expect, it } from 'vitest';
import { kolmogn, kstwoSf } from '../../src/drift/special/kolmogn.js';
import {
  computeOuterProbInsideMethod,
  computeProbOutsideSquare,
} from '../../src/drift/special/ks-two-sample.js';
import { smirnov } from '../../src/drift/special/smirnov.js';
import { ks, ks2samp, ksPValue } from '../../src/drift/stattests/ks.js';
import { pairOf } from './catalogue/helpers.js';
import { fromJson, loadVectors, relativeError, type JsonNumber } from './vector-data.js';

interface Vectors {
  cases: {
    d: number;
    n1: number;
    n2: number;
    p: JsonNumber;
    statistic: number;
    method: 'exact' | 'asymptotic';
  }[];
  smirnov: { n: number; x: number; sf: JsonNumber }[];
  kstwo_sf: { n: number; x: number; sf: JsonNumber }[];
}
const vectors = loadVectors<Vectors>('ks-pvalues.json');

describe('ksPValue(d, n1, n2) vs scipy ks_2samp internals', () => {
  it.each(vectors.cases.map((c) => [c.n1, c.n2, c.d, c] as const))('n1=%d n2=%d D=%d', (_n1, _n2, _d, c) => {
    const result = ksPValue(c.d, c.n1, c.n2);
    const expected = fromJson(c.p);
    expect(result.method).toBe(c.method);
    expect(result.statistic).toBe(c.statistic);
    // The exact branch repeats scipy's operations; the asymptotic one differs only in BLAS summation order.
    const tolerance = c.method === 'exact' ? 1e-13 : 1e-11;
    expect(
      relativeError(result.pValue, expected),
      `p ${result.pValue}, scipy ${expected}`,
    ).toBeLessThanOrEqual(tolerance);
  });

  it('rejects empty samples', () => {
    expect(() => ksPValue(0.5, 0, 3)).toThrow(/ksPValue requires at least 1 data point/);
  });
});

describe('scipy.special.smirnov port', () => {
  it.each(vectors.smirnov.map((c) => [c.n, c.x, c] as const))('smirnov(%d, %d)', (_n, _x, c) => {
    expect(relativeError(smirnov(c.n, c.x), fromJson(c.sf))).toBeLessThanOrEqual(1e-14);
  });

  it('is NaN outside the domain', () => {
    expect(smirnov(5, -0.1)).toBeNaN();
    expect(smirnov(5, 1.1)).toBeNaN();
    expect(smirnov(0, 0.5)).toBeNaN();
  });
});

describe('scipy.stats.kstwo.sf port (kolmogn)', () => {
  it.each(vectors.kstwo_sf.map((c) => [c.x, c.n, c] as const))('kstwo.sf(%d, n=%d)', (_n, _x, c) => {
    // Durbin matrix and Pomeranz branches: numpy multiplies with BLAS, so the CDF agrees to ~1e-16 and the SF,
    // formed as 1 - CDF, to ~1e-16 / SF.
    expect(relativeError(kstwoSf(c.x, c.n), fromJson(c.sf))).toBeLessThanOrEqual(5e-12);
  });

  it('handles the support ends and invalid n as scipy does', () => {
    expect(kstwoSf(0.01, 10)).toBe(1);
    expect(kstwoSf(1, 10)).toBe(0);
    expect(kolmogn(2.5, 0.3)).toBeNaN();
    expect(kolmogn(10, 0.3, true) + kolmogn(10, 0.3, false)).toBeCloseTo(1, 14);
  });
});

describe('exact two-sample distribution', () => {
  it('reproduces vector A bit for bit (equal sizes)', () => {
    expect(computeProbOutsideSquare(8, 5)).toBe(0.08702408702408701);
  });

  it('is symmetric in the sample sizes (unequal sizes)', () => {
    expect(computeOuterProbInsideMethod(10, 8, 2, 22)).toBe(computeOuterProbInsideMethod(8, 10, 2, 22));
  });

  it('h = 0 gives p = 1 with D snapped to 0', () => {
    expect(ksPValue(1e-12, 7, 9)).toEqual({ pValue: 1, statistic: 0, method: 'exact' });
  });
});

describe('ks stat test', () => {
  it('does not depend on row order and is symmetric for the two-sided p-value', () => {
    const reference = [3.1, 0.2, 5.5, 2.2, 2.2, 9.0, 4.4, 1.0, 7.5];
    const current = [2.0, 8.1, 6.6, 3.3, 5.0, 2.2, 9.9];
    const p = ks2samp(pairOf(reference, current)).pValue;
    expect(ks2samp(pairOf([...reference].reverse(), current)).pValue).toBe(p);
    expect(ks2samp(pairOf(current, reference)).pValue).toBe(p);
  });

  it('does not mutate the column', () => {
    const pair = pairOf([3, 1, 2, 5], [4, 4, 0]);
    const copy = Float64Array.from(pair.reference);
    ks.compute(pair, { threshold: 0.05, seed: 0 });
    expect(pair.reference).toEqual(copy);
  });

  it('identical samples give p = 1 and the exact method', () => {
    const data = [1.5, 2.5, 2.5, 9];
    expect(ks.compute(pairOf(data, data), { threshold: 0.05, seed: 0 })).toMatchObject({
      score: 1,
      statistic: 0,
      method: 'exact',
    });
  });
});
