/**
 * Multiple-testing correction across the p-value tests of one report (the `correction` setting): an opt-in addition to
 * Evidently, which compares every column's p-value with its threshold on its own.
 *
 * Adjusted p-values follow statsmodels' `multipletests` definitions (Bonferroni; Holm step-down; Benjamini–Hochberg
 * step-up FDR). Only columns whose score is a p-value take part; distance scores are left alone.
 */
import { getStatTest } from './stattests/index.js';
import type { ColumnDriftResult } from './report.js';
import { isDrift } from './types.js';

/** The corrections the `correction` setting accepts. */
export const CORRECTION_METHODS = ['bonferroni', 'holm', 'fdr_bh'] as const;
export type CorrectionMethod = (typeof CORRECTION_METHODS)[number];

/**
 * Adjusted p-values for a family of tests. NaN entries are not part of the family (they stay NaN and do not
 * count in m); results are capped at 1.
 *
 * This runs in `O(m log m)`.
 *
 * @param pValues raw p-values, in any order
 * @param method bonferroni (p·m), holm (step-down max of (m−i+1)·p₍ᵢ₎), fdr_bh (step-up min of m·p₍ᵢ₎/i)
 * @returns adjusted p-values aligned with the input
 * @example
 * adjustPValues([0.01, 0.04, 0.03], 'holm'); // => [0.03, 0.06, 0.06]
 */
export function adjustPValues(pValues: readonly number[], method: CorrectionMethod): number[] {
  const adjusted = pValues.map(() => Number.NaN);
  const order = pValues
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => !Number.isNaN(p))
    .sort((a, b) => a.p - b.p || a.index - b.index);
  const m = order.length;
  switch (method) {
    case 'bonferroni':
      for (const { p, index } of order) adjusted[index] = Math.min(p * m, 1);
      break;
    case 'holm': {
      let running = 0;
      order.forEach(({ p, index }, i) => {
        running = Math.max(running, Math.min((m - i) * p, 1));
        adjusted[index] = running;
      });
      break;
    }
    case 'fdr_bh': {
      let running = 1;
      for (let i = m - 1; i >= 0; i--) {
        const { p, index } = order[i]!;
        running = Math.min(running, Math.min((m * p) / (i + 1), 1));
        adjusted[index] = running;
      }
      break;
    }
  }
  return adjusted;
}

/**
 * Applies a correction to the p-value columns of a report in place: each tested column whose test scores a
 * p-value gets `drift_score_adjusted` and `correction`, and its `drift_detected` is decided on the adjusted
 * p-value with the test's own comparison and threshold. `drift_score` keeps the raw p-value.
 *
 * @param columns the report's column results (skipped and distance columns are left unchanged)
 * @param method the correction
 * @returns the number of columns in the family (m)
 */
export function applyCorrection(columns: ColumnDriftResult[], method: CorrectionMethod): number {
  const family = columns.filter(
    (column) =>
      column.skipped === null &&
      column.stattest !== null &&
      column.drift_score !== null &&
      getStatTest(column.stattest).scoreKind === 'p_value',
  );
  const adjusted = adjustPValues(
    family.map((column) => column.drift_score!),
    method,
  );
  family.forEach((column, i) => {
    const test = getStatTest(column.stattest!);
    column.drift_score_adjusted = adjusted[i]!;
    column.correction = method;
    column.drift_detected = isDrift(test.comparison, adjusted[i]!, column.threshold ?? test.defaultThreshold);
  });
  return family.length;
}
