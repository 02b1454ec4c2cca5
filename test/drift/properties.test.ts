/**
 * Invariants of the whole stat-test catalogue, checked on generated samples (fast-check):
 * p-values lie in [0, 1]; identical samples never drift; symmetric tests give the same score with reference and
 * current swapped; reordering the rows of either side never changes a result (except for the permutation tests,
 * whose draws index the concatenated rows exactly as Evidently's do); on degenerate input (constant sides, two
 * values, one row, no values, missing or infinite values) every test gives a finite score or a skip with a reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAT_TESTS } from '../../src/drift/stattests/index.js';
import {
  isDrift,
  StatTestSkip,
  STATTEST_IDS,
  type StatTest,
  type StatTestId,
  type StatTestOutcome,
} from '../../src/drift/types.js';
import { pairOf } from './catalogue/helpers.js';

const NUMERICAL_IDS = STATTEST_IDS.filter((id) => STAT_TESTS[id].allowedTypes.includes('numerical'));
const CATEGORICAL_IDS = STATTEST_IDS.filter((id) => STAT_TESTS[id].allowedTypes.includes('categorical'));
/** Tests whose score is unchanged when reference and current swap roles. */
const SYMMETRIC: ReadonlySet<StatTestId> = new Set([
  'ks',
  'ed',
  'anderson',
  'cramer_von_mises',
  'es',
  't_test',
  'jensenshannon',
  'hellinger',
  'fisher_exact',
  'z',
]);
/** Permutation tests: their draws depend on the concatenated row order, as in Evidently. */
const ROW_ORDER_DEPENDENT: ReadonlySet<StatTestId> = new Set(['TVD', 'empirical_mmd']);

type Result = { outcome: StatTestOutcome } | { skipped: string };

function run(
  test: StatTest,
  reference: number[],
  current: number[],
  type: 'numerical' | 'categorical',
): Result {
  try {
    return {
      outcome: test.compute(pairOf(reference, current, type), { threshold: test.defaultThreshold, seed: 0 }),
    };
  } catch (error) {
    if (error instanceof StatTestSkip) return { skipped: error.message };
    throw error;
  }
}

function sameScore(a: Result, b: Result): void {
  if ('skipped' in a || 'skipped' in b) {
    expect('skipped' in a).toBe('skipped' in b);
    return;
  }
  const x = a.outcome.score;
  const y = b.outcome.score;
  if (Number.isNaN(x) || Number.isNaN(y)) {
    expect(Number.isNaN(x)).toBe(Number.isNaN(y));
    return;
  }
  expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(y)));
}

/** Numerical samples: continuous values or few distinct integers (ties), 5–40 rows per side. */
const numericalSample = fc.oneof(
  // Magnitudes below 1e-9 become 0: squares of ~1e-162 underflow, where empirical_mmd's kernel degenerates to ties
  // that numpy and any port break differently (see src/drift/stattests/empirical-mmd.ts).
  fc.array(
    fc
      .double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true })
      .map((v) => (Math.abs(v) < 1e-9 ? 0 : v)),
    { minLength: 5, maxLength: 40 },
  ),
  fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 5, maxLength: 40 }),
);
/** Categorical samples: codes of up to 4 categories. */
const categoricalSample = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 40 });

const shuffled = (values: number[], seed: number): number[] => {
  const out = [...values];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

const cases = [
  ...NUMERICAL_IDS.map((id) => [id, 'numerical', numericalSample] as const),
  ...CATEGORICAL_IDS.map((id) => [id, 'categorical', categoricalSample] as const),
];

describe.each(cases)('%s on %s samples', (id, type, sample) => {
  const test = STAT_TESTS[id];
  // The permutation tests and cramer_von_mises' exact null distribution (scipy's generating-function recursion,
  // O(n·m) states per step) cost ~100 ms a draw at 40 rows; fewer draws keep each property well under a second.
  const runs = id === 'empirical_mmd' || id === 'TVD' || id === 'cramer_von_mises' ? 15 : 60;

  it('p-values lie in [0, 1] and distances are non-negative', () => {
    fc.assert(
      fc.property(sample, sample, (reference, current) => {
        const result = run(test, reference, current, type);
        if ('skipped' in result) return;
        const score = result.outcome.score;
        if (Number.isNaN(score)) return; // scipy's NaN cases (e.g. t-test on two equal constants) never drift
        if (test.scoreKind === 'p_value') {
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1);
        } else {
          expect(score).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: runs },
    );
  });

  it('identical samples never drift', () => {
    fc.assert(
      fc.property(sample, (values) => {
        const result = run(test, values, [...values], type);
        if ('skipped' in result) return;
        expect(isDrift(test.comparison, result.outcome.score, test.defaultThreshold)).toBe(false);
      }),
      { numRuns: runs },
    );
  });

  if (SYMMETRIC.has(id)) {
    it('is symmetric in reference and current', () => {
      fc.assert(
        fc.property(sample, sample, (reference, current) => {
          sameScore(run(test, reference, current, type), run(test, current, reference, type));
        }),
        { numRuns: runs },
      );
    });
  }

  if (!ROW_ORDER_DEPENDENT.has(id)) {
    it('does not depend on row order', () => {
      fc.assert(
        fc.property(sample, sample, fc.integer(), (reference, current, seed) => {
          sameScore(
            run(test, reference, current, type),
            run(test, shuffled(reference, seed), shuffled(current, seed + 1), type),
          );
        }),
        { numRuns: runs },
      );
    });
  }
});

describe('permutation tests', () => {
  it('are deterministic for a seed', () => {
    fc.assert(
      fc.property(
        categoricalSample,
        categoricalSample,
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (reference, current, seed) => {
          const pair = () => pairOf(reference, current, 'categorical');
          const a = STAT_TESTS.TVD.compute(pair(), { threshold: 0.1, seed });
          const b = STAT_TESTS.TVD.compute(pair(), { threshold: 0.1, seed });
          expect(a.score).toBe(b.score);
        },
      ),
      { numRuns: 10 },
    );
  });
});

/**
 * Degenerate sides, combined pairwise for every test. Empty sides and missing or infinite values never reach a test
 * through the engine (it drops them and skips empty columns); a direct caller gets a skip with the reason.
 */
const DEGENERATE_SIDES: Record<string, number[]> = {
  'no values': [],
  'one row': [3],
  constant: [5, 5, 5, 5, 5, 5, 5, 5],
  'another constant': [6, 6, 6, 6, 6, 6, 6, 6],
  'two values': [0, 1, 0, 1, 1, 0, 1, 1],
  'two rows': [2, 7],
  ordinary: [1.5, 2, 3.25, 4, 5, 7, 9, 11],
  '+Infinity': [1, 2, Number.POSITIVE_INFINITY, 4, 5, 6],
  '-Infinity': [Number.NEGATIVE_INFINITY, 2, 3, 4, 5],
  'a missing value': [Number.NaN, 1, 2, 3, 4, 5],
};

/**
 * Tests whose NaN p-value is Evidently's own defined result on valid input (never drift), kept for parity and
 * reported with a warning that says why: a single category (0 degrees of freedom) for chisquare and g_test; a side
 * with one value or zero pooled variance for t_test (scipy's t is 0/0).
 */
const EVIDENTLY_NAN: ReadonlySet<StatTestId> = new Set(['chisquare', 'g_test', 't_test']);
/**
 * Evidently's exact Cramér–von Mises p-value sums a float16/float32 frequency table (C(m+n, m) as a Python float),
 * so on identical samples it can exceed 1 by the float16 rounding (1.0001554 for 8 vs 8); driftwatch reproduces it
 * bit for bit.
 */
const P_VALUE_CEILING: Partial<Record<StatTestId, number>> = { cramer_von_mises: 1 + 2 ** -10 };

describe.each(cases.map(([id, type]) => [id, type] as const))('%s on degenerate %s input', (id, type) => {
  const test = STAT_TESTS[id];

  it('gives a finite score in range or a skip with a reason', () => {
    const failures: string[] = [];
    for (const [referenceName, reference] of Object.entries(DEGENERATE_SIDES)) {
      for (const [currentName, current] of Object.entries(DEGENERATE_SIDES)) {
        const where = `${referenceName} vs ${currentName}`;
        const result = run(test, reference, current, type);
        if ('skipped' in result) {
          if (result.skipped.trim() === '') failures.push(`${where}: skipped without a reason`);
          continue;
        }
        const { score, warnings } = result.outcome;
        if (Number.isNaN(score) && EVIDENTLY_NAN.has(id) && (warnings?.length ?? 0) > 0) continue;
        const ceiling = P_VALUE_CEILING[id] ?? 1;
        const inRange = test.scoreKind === 'p_value' ? score >= 0 && score <= ceiling : score >= 0;
        if (!Number.isFinite(score) || !inRange) failures.push(`${where}: score ${score}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
