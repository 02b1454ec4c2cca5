/**
 * The stat-test registry: every Evidently registry name mapped to its implementation (one file per test).
 * This module only registers; the maths lives in the per-test files and `src/drift/kernels`.
 */
import { STATTEST_IDS, type StatTest, type StatTestId } from '../types.js';
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

/** Every stat test by its Evidently registry name. */
export const STAT_TESTS: Readonly<Record<StatTestId, StatTest>> = {
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
};

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
