import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_HISTOGRAM_BINS,
  TOP_CATEGORIES,
  computeDistribution,
  type CategoryDistribution,
  type HistogramDistribution,
} from '../../src/drift/distribution.js';
import type { ColumnPair, ColumnType } from '../../src/drift/types.js';

function pair(columnType: ColumnType, reference: number[], current: number[], labels?: string[]): ColumnPair {
  return {
    column: 'x',
    columnType,
    reference: Float64Array.from(reference),
    current: Float64Array.from(current),
    labels,
    cache: new Map(),
  };
}

function histogram(reference: number[], current: number[]): HistogramDistribution {
  const result = computeDistribution(pair('numerical', reference, current));
  if (result.kind !== 'histogram') throw new Error('expected a histogram');
  return result;
}

function categories(reference: number[], current: number[], labels?: string[]): CategoryDistribution {
  const result = computeDistribution(pair('categorical', reference, current, labels));
  if (result.kind !== 'categories') throw new Error('expected categories');
  return result;
}

/** Brute-force bin of a value: the last edge ≤ value, the last bin closed. */
function bruteForceBin(value: number, edges: number[]): number {
  if (value === edges[edges.length - 1]) return edges.length - 2;
  let bin = -1;
  for (let i = 0; i < edges.length - 1; i++) if (value >= edges[i]!) bin = i;
  return bin;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('computeDistribution: numerical histograms', () => {
  it('gives the documented example: one bin per value for a small integer range', () => {
    expect(histogram([1, 2, 2], [3])).toEqual({
      kind: 'histogram',
      bin_edges: [0.5, 1.5, 2.5, 3.5],
      reference_counts: [1, 2, 0],
      current_counts: [0, 0, 1],
    });
  });

  it('uses round widths and shared edges covering both sides', () => {
    const reference = Array.from({ length: 1000 }, (_, i) => (i / 999) * 100);
    const current = Array.from({ length: 500 }, (_, i) => 20 + (i / 499) * 110);
    const result = histogram(reference, current);
    const width = result.bin_edges[1]! - result.bin_edges[0]!;
    expect([1, 2, 2.5, 5, 10, 20, 25, 50]).toContain(width);
    expect(result.bin_edges[0]).toBeLessThanOrEqual(0);
    expect(result.bin_edges.at(-1)).toBeGreaterThanOrEqual(130);
    for (let i = 1; i < result.bin_edges.length; i++) {
      expect(result.bin_edges[i]! - result.bin_edges[i - 1]!).toBeCloseTo(width, 9);
    }
    expect(sum(result.reference_counts)).toBe(1000);
    expect(sum(result.current_counts)).toBe(500);
    // 1500 values: Sturges gives 12 bins; a nice width lands within a few bins of it.
    expect(result.reference_counts.length).toBeGreaterThanOrEqual(8);
    expect(result.reference_counts.length).toBeLessThanOrEqual(16);
  });

  it('gives wide-range integers integer widths with the maximum inside the last bin', () => {
    const reference = Array.from({ length: 73 }, (_, i) => i); // 0..72, like months_active
    const result = histogram(reference, [0, 72]);
    const widths = result.bin_edges.slice(1).map((edge, i) => edge - result.bin_edges[i]!);
    expect(new Set(widths).size).toBe(1);
    expect(Number.isInteger(widths[0])).toBe(true);
    expect(result.bin_edges.at(-1)).toBeGreaterThan(72);
    // Each full bin holds exactly `width` integers.
    expect(result.reference_counts.slice(0, -1).every((count) => count === widths[0])).toBe(true);
  });

  it('handles a constant column with one bin', () => {
    expect(histogram([2.5, 2.5], [2.5])).toEqual({
      kind: 'histogram',
      bin_edges: [2, 3],
      reference_counts: [2],
      current_counts: [1],
    });
  });

  it('does not mutate its input', () => {
    const input = pair('numerical', [3.2, 1.1, 2.7], [9.9, 0.1]);
    const copy = [Float64Array.from(input.reference), Float64Array.from(input.current)];
    computeDistribution(input);
    expect(input.reference).toEqual(copy[0]);
    expect(input.current).toEqual(copy[1]);
  });

  it('puts every value in the bin a brute-force search finds, and counts every value once (property)', () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
    const sample = fc.oneof(
      fc.array(finite, { minLength: 1, maxLength: 200 }),
      fc.array(fc.integer({ min: -50, max: 500 }), { minLength: 1, maxLength: 200 }),
    );
    fc.assert(
      fc.property(sample, sample, (reference, current) => {
        const result = histogram(reference, current);
        const edges = result.bin_edges;
        expect(edges.length - 1).toBeLessThanOrEqual(MAX_HISTOGRAM_BINS);
        for (let i = 1; i < edges.length; i++) expect(edges[i]!).toBeGreaterThan(edges[i - 1]!);
        for (const [values, counts] of [
          [reference, result.reference_counts],
          [current, result.current_counts],
        ] as const) {
          const expected = new Array<number>(edges.length - 1).fill(0);
          for (const value of values) {
            const bin = bruteForceBin(value, edges);
            expect(bin).toBeGreaterThanOrEqual(0);
            expected[bin]!++;
          }
          expect(counts).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('computeDistribution: categorical top values', () => {
  it('lists string categories by combined share and pools the rest as other', () => {
    const labels = Array.from({ length: 14 }, (_, i) => `city_${String(i).padStart(2, '0')}`);
    // Reference: code c appears 20 - c times; current: only codes 0..2 plus a lot of code 13.
    const reference = labels.flatMap((_, code) => new Array<number>(20 - code).fill(code));
    const current = [...new Array<number>(30).fill(13), 0, 1, 2];
    const result = categories(reference, current, labels);
    expect(result.categories).toHaveLength(TOP_CATEGORIES);
    expect(result.categories[0]).toBe('city_13'); // 30/33 of current outweighs any reference share
    expect(result.categories.slice(1, 4)).toEqual(['city_00', 'city_01', 'city_02']);
    expect(sum(result.reference_counts) + result.reference_other).toBe(reference.length);
    expect(sum(result.current_counts) + result.current_other).toBe(current.length);
    expect(result.reference_other).toBeGreaterThan(0);
    expect(result.current_other).toBe(0);
  });

  it('keeps numeric and boolean categories in value order with no other when all fit', () => {
    const result = categories([3, 1, 1, 2, 6], [6, 6, 6, 1]);
    expect(result).toEqual({
      kind: 'categories',
      categories: ['1', '2', '3', '6'],
      reference_counts: [2, 1, 1, 1],
      current_counts: [1, 0, 0, 3],
      reference_other: 0,
      current_other: 0,
    });
  });

  it('treats text columns as categories', () => {
    const result = computeDistribution(pair('text', [0, 1], [1, 1], ['a', 'b']));
    expect(result).toMatchObject({ kind: 'categories', categories: ['b', 'a'] });
  });
});
