// Invariants of the eight statistics-core tests (style guide: property tests for src/drift): p-values lie in
// [0, 1]; identical samples give no drift; two-sided statistics are symmetric; row order does not matter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getStatTest } from '../../src/drift/stattests/index.js';
import { isDrift, type ColumnPair, type ColumnType, type StatTestId } from '../../src/drift/types.js';

const OWN_TESTS: StatTestId[] = [
  'ks',
  'chisquare',
  'z',
  'wasserstein',
  'jensenshannon',
  'psi',
  'kl_div',
  'hellinger',
];
const RUNS = { numRuns: 60, seed: 20240131 };

const sample = fc.array(
  fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e3, max: 1e3, noNaN: true })),
  {
    minLength: 1,
    maxLength: 60,
  },
);
const categorical = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 60 });

function pair(reference: number[], current: number[], columnType: ColumnType): ColumnPair {
  return {
    column: 'p',
    columnType,
    reference: Float64Array.from(reference),
    current: Float64Array.from(current),
    cache: new Map(),
  };
}

function score(id: StatTestId, reference: number[], current: number[], columnType: ColumnType): number {
  const test = getStatTest(id);
  return test.compute(pair(reference, current, columnType), { threshold: test.defaultThreshold, seed: 0 })
    .score;
}

function typeFor(id: StatTestId): ColumnType {
  return id === 'chisquare' || id === 'z' ? 'categorical' : 'numerical';
}

describe.each(OWN_TESTS)('%s', (id) => {
  const test = getStatTest(id);
  const data = typeFor(id) === 'categorical' ? categorical : sample;

  it('p-values lie in [0, 1] (or are NaN for chi-square with one category); distances are >= 0', () => {
    fc.assert(
      fc.property(data, data, (reference, current) => {
        const s = score(id, reference, current, typeFor(id));
        if (test.scoreKind === 'p_value') {
          if (Number.isNaN(s)) return id === 'chisquare';
          return s >= 0 && s <= 1;
        }
        return s >= 0;
      }),
      RUNS,
    );
  });

  it('identical samples are never drift', () => {
    fc.assert(
      fc.property(data, (values) => {
        const s = score(id, values, [...values], typeFor(id));
        return !isDrift(test.comparison, s, test.defaultThreshold);
      }),
      RUNS,
    );
  });

  it('does not depend on row order', () => {
    fc.assert(
      fc.property(data, data, (reference, current) => {
        const a = score(id, reference, current, typeFor(id));
        const b = score(id, [...reference].reverse(), [...current].reverse(), typeFor(id));
        // The normed Wasserstein std is a pairwise sum in row order: equal up to rounding.
        if (id === 'wasserstein') return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));
        return Object.is(a, b);
      }),
      RUNS,
    );
  });
});

describe.each(['ks', 'jensenshannon', 'hellinger'] as const)(
  '%s is symmetric in reference and current',
  (id) => {
    it('swapping the sides gives the same score', () => {
      fc.assert(
        fc.property(sample, sample, (reference, current) => {
          const a = score(id, reference, current, 'numerical');
          const b = score(id, current, reference, 'numerical');
          return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));
        }),
        RUNS,
      );
    });
  },
);

describe('inputs are not mutated', () => {
  it.each(OWN_TESTS)('%s', (id) => {
    const p = pair([5, 3, 3, 9, 1, 2, 8], [4, 4, 7, 0, 1], typeFor(id));
    const reference = Float64Array.from(p.reference);
    const current = Float64Array.from(p.current);
    getStatTest(id).compute(p, { threshold: 0.1, seed: 0 });
    expect(p.reference).toEqual(reference);
    expect(p.current).toEqual(current);
  });
});
