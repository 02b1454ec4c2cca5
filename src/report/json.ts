import type { DriftReport } from '../drift/report.js';

/**
 * The JSON report: the {@link DriftReport} itself, pretty-printed, validated by schema/report.schema.json.
 * Non-finite numbers (a NaN chi-square on one category) are written as null, since JSON has no NaN.
 */
export function renderJson(report: DriftReport): string {
  return (
    JSON.stringify(
      report,
      (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value),
      2,
    ) + '\n'
  );
}
