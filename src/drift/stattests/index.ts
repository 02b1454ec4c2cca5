/**
 * The stat-test registry: every Evidently registry name mapped to its implementation (one file per test).
 * This module only registers; the maths lives in the per-test files and `src/drift/kernels`.
 */
import { cachedOnPair } from '../kernels/index.js';
import {
  RUNS_CURRENT,
  RUNS_REFERENCE,
  UNSCORABLE,
  currentRuns,
  referenceRuns,
} from '../kernels/side-runs.js';
import {
  STATTEST_IDS,
  StatTestSkip,
  type ColumnPair,
  type StatTest,
  type StatTestId,
  type StatTestOptions,
  type StatTestOutcome,
} from '../types.js';
import { anderson } from './anderson.js';
import { chisquare } from './chisquare.js';
import { cramerVonMisesStatTest } from './cramer-von-mises.js';
import { ed } from './ed.js';
import { empiricalMmdStatTest } from './empirical-mmd.js';
import { es } from './es.js';
import { fisherExact } from './fisher-exact.js';
import { gTestStatTest } from './g-test.js';
import { hellinger } from './hellinger.js';
import { jensenshannon } from './jensenshannon.js';
import { klDiv } from './kl-div.js';
import { ks } from './ks.js';
import { mannw } from './mannw.js';
import { psi } from './psi.js';
import { tTest } from './t-test.js';
import { tvd } from './tvd.js';
import { wasserstein } from './wasserstein.js';
import { z } from './z.js';

/**
 * Why a pair cannot be scored, or undefined when it can: a test needs values on both sides, all finite. The engine's
 * cleaning guarantees both (it drops missing and ±Infinity cells, as Evidently's `replace([-inf, inf], nan).dropna()`,
 * and skips empty columns); a caller that hands over an uncleaned pair gets this reason as a skip instead of a NaN
 * score or an exception. Checked once per pair, whatever tests run on it.
 */
function unscorable(pair: ColumnPair): string | undefined {
  // `null` stands for scorable in the cache (an undefined entry reads as not yet checked, and was checked again by
  // every test of the column).
  const problem = cachedOnPair<string | null>(pair, UNSCORABLE, () => {
    // A pair built from value counts is checked on its distinct values (its runs), never laid out; so is a pair
    // whose runs are already known (a side holds a value exactly when its runs do).
    const sides =
      pair.fromCounts || (pair.cache.has(RUNS_REFERENCE) && pair.cache.has(RUNS_CURRENT))
        ? ([
            ['reference', referenceRuns(pair).values],
            ['current', currentRuns(pair).values],
          ] as const)
        : ([
            ['reference', pair.reference],
            ['current', pair.current],
          ] as const);
    for (const [side, values] of sides) {
      if (values.length === 0) return `no values on the ${side} side (all missing)`;
      for (let i = 0; i < values.length; i++) {
        const value = values[i]!;
        // value - value is 0 for finite numbers and NaN for NaN and ±Infinity.
        if (value - value !== 0) {
          return `the ${side} side holds a missing or infinite value (${value}); these are removed before testing`;
        }
      }
    }
    return null;
  });
  return problem ?? undefined;
}

/** The test with its input checked by {@link unscorable} first. */
function withScorableInput(test: StatTest): StatTest {
  return {
    ...test,
    compute(pair: ColumnPair, options: StatTestOptions): StatTestOutcome {
      const problem = unscorable(pair);
      if (problem !== undefined) throw new StatTestSkip(problem);
      return test.compute(pair, options);
    },
  };
}

/** Every stat test by its Evidently registry name. */
export const STAT_TESTS: Readonly<Record<StatTestId, StatTest>> = Object.fromEntries(
  Object.entries({
    ks,
    chisquare,
    z,
    wasserstein,
    jensenshannon,
    psi,
    kl_div: klDiv,
    hellinger,
    anderson,
    cramer_von_mises: cramerVonMisesStatTest,
    ed,
    es,
    fisher_exact: fisherExact,
    g_test: gTestStatTest,
    mannw,
    t_test: tTest,
    TVD: tvd,
    empirical_mmd: empiricalMmdStatTest,
  } satisfies Record<StatTestId, StatTest>).map(([id, test]) => [id, withScorableInput(test)]),
) as Record<StatTestId, StatTest>;

/**
 * The stat test registered under an Evidently registry name.
 *
 * @param id a registry name (`ks`, `psi`, `kl_div`, …)
 * @throws {Error} if `id` is not a registry name (ids are validated at the CLI/action boundary first)
 * @returns the stat test
 * @example
 * getStatTest('ks').displayName; // => 'K-S p_value'
 */
export function getStatTest(id: StatTestId): StatTest {
  const test = STAT_TESTS[id];
  if (test === undefined) {
    throw new Error(`Unknown stattest '${String(id)}'. Expected one of: ${STATTEST_IDS.join(', ')}`);
  }
  return test;
}
