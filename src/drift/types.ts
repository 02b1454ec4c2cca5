/**
 * Types of the drift engine: column types, stat-test ids and the stat-test contract (the report model is in
 * `report.ts`). Pure data: no I/O, no clock.
 */

/** Column types as Evidently's data definition names them (lower-case in the report). */
export type ColumnType = 'numerical' | 'categorical' | 'text';

/** Evidently registry names of every stat test (the `stattest` setting accepts these). */
export const STATTEST_IDS = [
  'ks',
  'chisquare',
  'z',
  'wasserstein',
  'jensenshannon',
  'psi',
  'kl_div',
  'hellinger',
  'anderson',
  'cramer_von_mises',
  'ed',
  'es',
  'fisher_exact',
  'g_test',
  'mannw',
  't_test',
  'TVD',
  'empirical_mmd',
] as const;
export type StatTestId = (typeof STATTEST_IDS)[number];

/** How a score is compared with its threshold to decide drift (Evidently's per-test direction). */
export type DriftComparison = 'p<=thr' | 'p<thr' | 'd>=thr' | 'd>thr';

/**
 * One side pair of a column, cleaned (±inf and NaN removed) and non-empty, as every stat test receives it.
 *
 * Values are always doubles. Categorical string values are encoded as the index of the label in `labels`,
 * which is sorted in Python `sorted` order (code points), so numeric order of codes equals Python order of keys.
 * Booleans are 0/1 (Python: False == 0, True == 1). Numeric categorical values are the numbers themselves.
 *
 * Derived forms (sorted copies, merged ECDF support, value counts, bins) are computed once, lazily, by the
 * helpers in `src/drift/kernels` and cached on the pair, so each column is sorted once whatever tests run.
 */
export interface ColumnPair {
  readonly column: string;
  readonly columnType: ColumnType;
  /**
   * Cleaned reference values in row order. Never mutated. A pair built from value counts has no row order: its
   * sides are laid out in ascending order, and only on first access (the kernels read such a pair's runs instead).
   */
  readonly reference: Float64Array;
  /** Cleaned current values in row order. Never mutated. Laid out on first access as `reference`. */
  readonly current: Float64Array;
  /**
   * True when the pair was built from value counts: each side's runs (distinct values with counts) are in `cache`
   * from the start, and `reference` / `current` are expanded from them, ascending, only when read.
   */
  readonly fromCounts?: boolean;
  /** For string categories: `labels[code]`. Absent for numeric and boolean columns. */
  readonly labels?: readonly string[];
  /** Cache of derived forms, owned by the kernels. */
  readonly cache: Map<string, unknown>;
}

/** Options a stat test may read. Defaults reproduce Evidently exactly. */
export interface StatTestOptions {
  /** The threshold in force (already resolved). */
  readonly threshold: number;
  /** The `bins` setting: honoured by psi, kl_div and jensenshannon only when set (Evidently ignores n_bins). */
  readonly bins?: number;
  /** Seed for permutation tests (TVD, empirical_mmd). */
  readonly seed: number;
}

/** What a stat test computes; the drift decision is made centrally from `comparison`. */
export interface StatTestOutcome {
  /** The drift score: a p-value or a distance, as Evidently stores it. */
  readonly score: number;
  /** The test statistic, when the score is a p-value (e.g. KS D, chi-square statistic). */
  readonly statistic?: number;
  /** The p-value method actually used, e.g. `exact` or `asymptotic`. */
  readonly method?: string;
  /** Visible fallbacks and caveats (e.g. "exact KS failed; asymptotic used"). */
  readonly warnings?: readonly string[];
}

/** One stat test of the registry. One per file under `src/drift/stattests/`. */
export interface StatTest {
  readonly id: StatTestId;
  /** Evidently's display name, e.g. `K-S p_value`. */
  readonly displayName: string;
  /** Column types a user may apply it to (the default selection may still run it elsewhere, as Evidently does). */
  readonly allowedTypes: readonly ColumnType[];
  readonly defaultThreshold: number;
  /** `p_value` scores are p-values (candidates for multiple-testing correction); `distance` scores are not. */
  readonly scoreKind: 'p_value' | 'distance';
  readonly comparison: DriftComparison;
  /**
   * Computes the score. Throws {@link StatTestSkip} where Evidently raises (e.g. g_test on unequal sizes),
   * which marks the column skipped with that reason while the rest of the report goes on.
   */
  compute(pair: ColumnPair, options: StatTestOptions): StatTestOutcome;
}

/** Raised by a stat test where Evidently raises; the column is reported with `skipped: reason`. */
export class StatTestSkip extends Error {
  override readonly name = 'StatTestSkip';
}

/** Decides drift the way Evidently does; a NaN score is never drift (every comparison with NaN is false). */
export function isDrift(comparison: DriftComparison, score: number, threshold: number): boolean {
  switch (comparison) {
    case 'p<=thr':
      return score <= threshold;
    case 'p<thr':
      return score < threshold;
    case 'd>=thr':
      return score >= threshold;
    case 'd>thr':
      return score > threshold;
  }
}
