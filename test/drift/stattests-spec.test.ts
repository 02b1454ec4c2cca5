// Reference vectors for ks, chisquare, z, wasserstein, jensenshannon, psi, kl_div and hellinger (vectors A to E
// and the golden reports are described in docs/drift-semantics.md, "Reference values in the tests"). Expected numbers are
// Evidently 0.7.21's (with numpy 1.24.2 / scipy 1.10.1 / pandas 1.5.3) or its own unit tests', never this
// implementation's.
import { describe, expect, it } from 'vitest';
import { getStatTest, STAT_TESTS } from '../../src/drift/stattests/index.js';
import { isDrift, STATTEST_IDS, type ColumnType, type StatTestId } from '../../src/drift/types.js';
import {
  pairOf,
  relativeError,
  repeated,
  VECTOR_A_CURRENT,
  VECTOR_A_REFERENCE,
  VECTOR_B_CURRENT,
  VECTOR_B_REFERENCE,
} from './catalogue/helpers.js';

const RELATIVE_TOLERANCE = 1e-9;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function score(
  id: StatTestId,
  reference: (number | string)[],
  current: (number | string)[],
  type: ColumnType,
  bins?: number,
) {
  const test = getStatTest(id);
  return test.compute(pairOf(reference, current, type), {
    threshold: test.defaultThreshold,
    seed: 0,
    ...(bins ? { bins } : {}),
  });
}

function expectScore(actual: number, expected: number, tolerance = RELATIVE_TOLERANCE): void {
  if (Number.isNaN(expected)) {
    expect(actual).toBeNaN();
    return;
  }
  expect(relativeError(actual, expected), `got ${actual}, want ${expected}`).toBeLessThanOrEqual(tolerance);
}

// --- Generated vectors A to E, default thresholds -------------------------------------------------------------

const VECTORS: Record<
  'A' | 'B' | 'C' | 'D' | 'E',
  { reference: (number | string)[]; current: (number | string)[]; type: ColumnType }
> = {
  A: { reference: VECTOR_A_REFERENCE, current: VECTOR_A_CURRENT, type: 'numerical' },
  B: { reference: VECTOR_B_REFERENCE, current: VECTOR_B_CURRENT, type: 'numerical' },
  C: {
    reference: repeated([1, 2, 3, 4, 5, 6], [16, 18, 16, 14, 12, 12]),
    current: repeated([1, 2, 3, 4, 5, 6], [16, 16, 16, 16, 16, 8]),
    type: 'categorical',
  },
  D: {
    reference: repeated(['a', 'b', 'c'], [50, 30, 20]),
    current: repeated(['a', 'b', 'c', 'd'], [30, 30, 30, 10]),
    type: 'categorical',
  },
  E: {
    reference: repeated(['x', 'y'], [60, 40]),
    current: repeated(['x', 'y'], [45, 55]),
    type: 'categorical',
  },
};

/** [vector, test, expected score, expected drift at the default threshold], Evidently's numbers. */
const TABLE: [keyof typeof VECTORS, StatTestId, number, boolean][] = [
  ['A', 'ks', 0.08702408702408701, false],
  ['B', 'ks', 0.24563233880550928, false],
  ['A', 'wasserstein', 0.781236105789365, true],
  ['B', 'wasserstein', 0.40797680376656875, true],
  ['A', 'jensenshannon', 0.8325546111576977, true],
  ['B', 'jensenshannon', 0.2555218763535029, true],
  ['C', 'jensenshannon', 0.06804819617703867, false],
  ['D', 'jensenshannon', 0.2287461789330147, true],
  ['E', 'jensenshannon', 0.10640215619834746, true],
  ['A', 'psi', 14.250388222464219, true],
  ['B', 'psi', 1.1074846112326688, true],
  ['C', 'psi', 0.037218381577290835, false],
  ['D', 'psi', 0.8327963879343301, true],
  ['E', 'psi', 0.0909203705355473, false],
  ['A', 'kl_div', 7.1194985124221715, true],
  ['B', 'kl_div', 0.870148614155538, true],
  ['C', 'kl_div', 0.018909676965320497, false],
  ['D', 'kl_div', 0.1735116585677742, true],
  ['E', 'kl_div', 0.04522775102365467, false],
  ['A', 'hellinger', 0.4143701130471807, true],
  ['B', 'hellinger', 0.29726883518661923, true],
  ['C', 'hellinger', 0.06812774370983345, false],
  ['D', 'hellinger', 0.26029347110701895, true],
  ['E', 'hellinger', 0.10650437430919812, true],
  ['C', 'chisquare', 0.6730876006966301, false],
  ['D', 'chisquare', 0.0, true],
  ['E', 'chisquare', 0.00219964706111306, true],
  ['C', 'z', 1.0, false],
  ['D', 'z', 0.0038924171227785465, true],
  ['E', 'z', 0.03367206885634566, true],
];

describe('generated vectors A to E (default thresholds)', () => {
  it.each(TABLE)('vector %s, %s = %d', (vector, id, expected, drifted) => {
    const { reference, current, type } = VECTORS[vector];
    const test = getStatTest(id);
    const outcome = score(id, reference, current, type);
    expectScore(outcome.score, expected);
    expect(isDrift(test.comparison, outcome.score, test.defaultThreshold)).toBe(drifted);
  });

  it('A: KS statistic and exact method', () => {
    const outcome = score('ks', VECTORS.A.reference, VECTORS.A.current, 'numerical');
    expect(outcome.statistic).toBe(0.625);
    expect(outcome.method).toBe('exact');
  });

  it('E: z statistic', () => {
    expectScore(
      score('z', VECTORS.E.reference, VECTORS.E.current, 'categorical').statistic!,
      -2.1239769762143665,
    );
  });
});

// --- extra edge vectors ---------------------------------------------------------------------------------------

describe('extra edge vectors', () => {
  it('psi(["a"]*10, ["b"]*10) = 18.418838675877968', () => {
    expectScore(
      score('psi', Array(10).fill('a'), Array(10).fill('b'), 'categorical').score,
      18.418838675877968,
    );
  });

  it('chisquare(["a"]*5, ["a"]*7) is NaN and not drifted', () => {
    const outcome = score('chisquare', Array(5).fill('a'), Array(7).fill('a'), 'categorical');
    expect(outcome.score).toBeNaN();
    expect(isDrift('p<thr', outcome.score, 0.05)).toBe(false);
    expect(outcome.warnings?.[0]).toMatch(/0 degrees of freedom/);
  });

  it('z([5.0]*10, [6.0]*10) = 7.744216431015971e-06', () => {
    expectScore(
      score('z', Array(10).fill(5.0), Array(10).fill(6.0), 'numerical').score,
      7.744216431015971e-6,
    );
  });

  it('jensenshannon(["a"]*1200, ["a"]*1300) = 0', () => {
    expect(score('jensenshannon', Array(1200).fill('a'), Array(1300).fill('a'), 'categorical').score).toBe(0);
  });

  it('wasserstein with a constant reference divides by 0.001 (Evidently: 250.0)', () => {
    // current = {5.0, 5.1, ..., 5.5} × 200 each; W1 = 0.25, std_ref = 0 → divided by 0.001.
    const blocks = repeated([5.0, 5.1, 5.2, 5.3, 5.4, 5.5], [200, 200, 200, 200, 200, 200]);
    expectScore(score('wasserstein', Array(1200).fill(5.0), blocks, 'numerical').score, 250.0);
  });
});

// --- Evidently's unit-test vectors (called directly, explicit thresholds) ----------------------------------------

const C_REF = repeated([1, 2, 3, 4, 5, 6], [16, 18, 16, 14, 12, 12]);
const C_CUR = repeated([1, 2, 3, 4, 5, 6], [16, 16, 16, 16, 16, 8]);

describe('Evidently unit-test vectors', () => {
  it.each([
    ['chisquare', C_REF, C_CUR, 0.5, 0.67309, 1e-5, false],
    ['hellinger', C_REF, C_CUR, 0.1, 0.06812, 1e-5, false],
    ['chisquare', repeated([1, 2, 3, 4, 5, 6], [32, 36, 32, 28, 24, 24]), C_CUR, 0.5, 0.67309, 1e-5, false],
    ['hellinger', repeated([1, 2, 3, 4, 5, 6], [32, 36, 32, 28, 24, 24]), C_CUR, 0.1, 0.06812, 1e-5, false],
    [
      'chisquare',
      repeated(['a', 'b', 'c'], [10, 10, 10]),
      repeated(['a', 'b', 'c'], [10, 10, 10]),
      0.5,
      1.0,
      0,
      false,
    ],
    ['hellinger', Array(50).fill(1), Array(50).fill(1), 0.1, 0.0, 0, false],
  ] as const)('%s (threshold %d) → %d', (id, reference, current, threshold, expected, tolerance, drifted) => {
    const test = getStatTest(id);
    const outcome = test.compute(pairOf([...reference], [...current], 'categorical'), { threshold, seed: 0 });
    expect(Math.abs(outcome.score - expected)).toBeLessThanOrEqual(tolerance + 1e-12);
    expect(isDrift(test.comparison, outcome.score, threshold)).toBe(drifted);
  });

  it('chisquare / hellinger of ["a","b"] ×10 each after NaN removal: (1.0, False) / (0, False)', () => {
    const data = repeated(['a', 'b'], [10, 10]);
    expect(score('chisquare', data, data, 'categorical').score).toBe(1);
    expect(score('hellinger', data, data, 'categorical').score).toBe(0);
  });

  it('hellinger numerical on identical samples (NaN dropped) is 0', () => {
    const data = [38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0];
    expect(score('hellinger', data, data, 'numerical').score).toBe(0);
    expect(score('hellinger', Array(50).fill(1), Array(50).fill(1), 'numerical').score).toBe(0);
  });

  it('z on ["a", NaN]*10 vs ["a","b"]*10 is 1.0: the uncleaned NaN maps to 1 like any non-smallest value', () => {
    // Cleaned pairs never hold NaN; a distinct non-smallest label reproduces the same mapping (p1 = p2 = 0.5).
    const reference = range(20).map((i) => (i % 2 ? 'not-a' : 'a'));
    const current = range(20).map((i) => (i % 2 ? 'b' : 'a'));
    expect(score('z', reference, current, 'categorical').score).toBe(1);
  });

  it('z on ["a","b"]*10 vs itself is 1.0', () => {
    const data = range(20).map((i) => (i % 2 ? 'b' : 'a'));
    expect(score('z', data, data, 'categorical').score).toBe(1);
  });

  it('ColumnDriftMetric: chisquare [1,2,3] vs [1,2,3] = 1.0; vs [5,8,3] = 0.0; psi [3,2,2] vs [1,2,3] = 2.93 ± 0.01', () => {
    expect(score('chisquare', [1, 2, 3], [1, 2, 3], 'categorical').score).toBe(1);
    expect(score('chisquare', [1, 2, 3], [5, 8, 3], 'categorical').score).toBe(0);
    const psi = score('psi', [3, 2, 2], [1, 2, 3], 'categorical').score;
    expect(Math.abs(psi - 2.934)).toBeLessThan(0.01);
  });

  it('chisquare reference [1,1,2,0] vs current [0,0,0,1] = e^-2.75 (statistic 5.5, dof 2)', () => {
    const outcome = score('chisquare', [1, 1, 2, 0], [0, 0, 0, 1], 'categorical');
    expectScore(outcome.score, Math.exp(-2.75), 1e-14);
    expectScore(outcome.statistic!, 5.5, 1e-15);
  });
});

// --- Golden reports 1 and 2, per-column numbers of these tests ---------------------------------------------------

describe('golden reports: per-column numbers', () => {
  const bRef = VECTOR_B_REFERENCE;
  const bCur = VECTOR_B_CURRENT;

  it('golden 1 num_nan: K-S 0.21847498279021116 after dropping NaN rows', () => {
    const reference = bRef.filter((_, i) => i % 10 !== 0);
    const current = bCur.filter((_, i) => i % 4 !== 0);
    expectScore(score('ks', reference, current, 'numerical').score, 0.21847498279021116);
  });

  it('golden 1 cat: chi-square 0.0 (new category d)', () => {
    const outcome = score(
      'chisquare',
      repeated(['a', 'b', 'c'], [50, 30, 20]),
      repeated(['a', 'b', 'c', 'd'], [30, 25, 15, 10]),
      'categorical',
    );
    expect(outcome.score).toBe(0);
    expect(outcome.statistic).toBe(Infinity);
  });

  it('golden 1 bin: Z-test 0.6120898800892571', () => {
    expectScore(
      score('z', repeated(['x', 'y'], [60, 40]), repeated(['x', 'y'], [45, 35]), 'categorical').score,
      0.6120898800892571,
    );
  });

  it('golden 1 int_few: chi-square 6.804581332376004e-06', () => {
    const reference = range(100).map((i) => (i * 7) % 4);
    const current = range(80).map((i) => (i * 5) % 3);
    expectScore(score('chisquare', reference, current, 'categorical').score, 6.804581332376004e-6, 1e-12);
  });

  const x = {
    reference: range(1500).map((i) => ((i * 37) % 1009) / 10),
    current: range(1200).map((i) => ((i * 53) % 997) / 10 + 3),
  };
  const k = { reference: range(1500).map((i) => i % 4), current: range(1200).map((i) => i % 3) };
  const cat = {
    reference: range(1500).map((i) => ['a', 'b', 'c'][i % 3]!),
    current: range(1200).map((i) => ['a', 'b', 'c', 'd', 'a'][(i * 7) % 5]!),
  };

  it('golden 2 x: Wasserstein (normed) 0.07829719483090418', () => {
    expectScore(score('wasserstein', x.reference, x.current, 'numerical').score, 0.07829719483090418, 1e-12);
  });
  it('golden 2 k: Jensen-Shannon 0.3091966832730143', () => {
    expectScore(score('jensenshannon', k.reference, k.current, 'numerical').score, 0.3091966832730143, 1e-12);
  });
  it('golden 2 cat: Jensen-Shannon 0.2961025713626615', () => {
    expectScore(
      score('jensenshannon', cat.reference, cat.current, 'categorical').score,
      0.2961025713626615,
      1e-12,
    );
  });
  it('golden 2 method=psi: x 0.019015599211443635, k 2.0271496162259326, cat 1.66779533845299', () => {
    expectScore(score('psi', x.reference, x.current, 'numerical').score, 0.019015599211443635, 1e-12);
    expectScore(score('psi', k.reference, k.current, 'numerical').score, 2.0271496162259326, 1e-12);
    expectScore(score('psi', cat.reference, cat.current, 'categorical').score, 1.66779533845299, 1e-12);
  });
});

// --- registry ---------------------------------------------------------------------------------------------------

describe('registry', () => {
  it('registers every Evidently registry name under its own id', () => {
    for (const id of STATTEST_IDS) expect(STAT_TESTS[id].id).toBe(id);
  });

  it.each([
    ['ks', 'K-S p_value', ['numerical'], 0.05, 'p<=thr', 'p_value'],
    ['chisquare', 'chi-square p_value', ['categorical'], 0.05, 'p<thr', 'p_value'],
    ['z', 'Z-test p_value', ['categorical'], 0.05, 'p<thr', 'p_value'],
    ['wasserstein', 'Wasserstein distance (normed)', ['numerical'], 0.1, 'd>=thr', 'distance'],
    ['jensenshannon', 'Jensen-Shannon distance', ['categorical', 'numerical'], 0.1, 'd>=thr', 'distance'],
    ['psi', 'PSI', ['categorical', 'numerical'], 0.1, 'd>=thr', 'distance'],
    ['kl_div', 'Kullback-Leibler divergence', ['categorical', 'numerical'], 0.1, 'd>=thr', 'distance'],
    ['hellinger', 'Hellinger distance', ['categorical', 'numerical'], 0.1, 'd>=thr', 'distance'],
  ] as const)(
    '%s: %s, %j, default %d, %s',
    (id, displayName, allowedTypes, threshold, comparison, scoreKind) => {
      const test = getStatTest(id);
      expect(test.displayName).toBe(displayName);
      expect([...test.allowedTypes].sort()).toEqual([...allowedTypes]);
      expect(test.defaultThreshold).toBe(threshold);
      expect(test.comparison).toBe(comparison);
      expect(test.scoreKind).toBe(scoreKind);
    },
  );

  it('rejects an unknown id', () => {
    expect(() => getStatTest('nope' as StatTestId)).toThrow(/Unknown stattest 'nope'/);
  });
});
