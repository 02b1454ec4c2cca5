// The eight stat tests of the statistics core against committed scipy vectors (test/vectors/stattests.json,
// produced by scripts/vectors/stattests.py under scipy 1.10.1 / numpy 1.24.2 / pandas 1.5.3).
import { describe, expect, it } from 'vitest';
import { getStatTest } from '../../src/drift/stattests/index.js';
import { StatTestSkip, type ColumnType, type StatTestId } from '../../src/drift/types.js';
import {
  fromJson,
  loadVectors,
  pairFromSpecs,
  relativeError,
  type DataSpec,
  type JsonNumber,
} from './vector-data.js';

interface Vectors {
  datasets: Record<string, { columnType: ColumnType; reference: DataSpec; current: DataSpec }>;
  cases: {
    dataset: string;
    test: StatTestId;
    bins?: number;
    expected: { score: JsonNumber; statistic?: JsonNumber; method?: string } | { error: string };
  }[];
}

const vectors = loadVectors<Vectors>('stattests.json');
const RELATIVE_TOLERANCE = 1e-9;

describe('stat tests vs scipy 1.10.1 (generated vectors)', () => {
  it('has the generator header', () => {
    expect((vectors as unknown as { _comment: string })._comment).toMatch(/Do not edit/);
  });

  const titled = vectors.cases.map(
    (c) => [`${c.test}${c.bins ? ` (bins ${c.bins})` : ''}: ${c.dataset}`, c] as const,
  );
  it.each(titled)('%s', (_title, c) => {
    const { columnType, reference, current } = vectors.datasets[c.dataset]!;
    const test = getStatTest(c.test);
    const pair = pairFromSpecs(reference, current, columnType);
    const options = { threshold: test.defaultThreshold, seed: 0, ...(c.bins ? { bins: c.bins } : {}) };
    if ('error' in c.expected) {
      expect(() => test.compute(pair, options)).toThrow(StatTestSkip);
      return;
    }
    const outcome = test.compute(pair, options);
    const expected = fromJson(c.expected.score);
    expect(
      relativeError(outcome.score, expected),
      `score ${outcome.score}, scipy ${expected}`,
    ).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    if (c.expected.statistic !== undefined) {
      const statistic = fromJson(c.expected.statistic);
      expect(
        relativeError(outcome.statistic!, statistic),
        `statistic ${outcome.statistic}, scipy ${statistic}`,
      ).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    }
    if (c.expected.method !== undefined) expect(outcome.method).toBe(c.expected.method);
  });
});
