/**
 * Missing-value drift (evidently#187): Evidently drops NaN before testing, so a column whose null rate jumps from
 * 1% to 40% can report no drift. driftwatch reports each side's missing share and a two-proportion z-test on
 * them for every column (additive fields); the `missingDrift` option also counts a significant change as drift.
 */
import { normalSf } from './kernels/p-values.js';

/** Default significance level of the missing-share test. */
export const MISSING_DRIFT_THRESHOLD = 0.05;

/** The additive per-column fields. */
export interface MissingDrift {
  /** Share of missing cells (NaN / null; ±inf is a value) in the reference and current snapshots. */
  readonly missing_share: { readonly reference: number; readonly current: number };
  /** Two-sided p-value of the two-proportion z-test of equal missing shares. */
  readonly missing_p_value: number;
  /** `missing_p_value < 0.05`. Counts as column drift only with the `missingDrift` option. */
  readonly missing_drift_detected: boolean;
}

/**
 * Two-proportion z-test of the missing shares: pooled `P = (x1 + x2) / (n1 + n2)`,
 * `z = (p1 − p2) / sqrt(P(1−P)(1/n1 + 1/n2))`, two-sided `p = 2·Φ(−|z|)` (accurate in the tail, unlike
 * Evidently's `2(1 − Φ(|z|))`, since this is not a parity number). Equal shares, or no missing (or only missing)
 * cells on both sides, give p = 1.
 *
 * @param referenceMissing missing cells in the reference column
 * @param referenceRows rows of the reference snapshot
 * @param currentMissing missing cells in the current column
 * @param currentRows rows of the current snapshot
 * @param threshold significance level (default 0.05)
 * @throws {RangeError} if a row count is not positive or a missing count is outside [0, rows]
 * @returns both shares, the p-value and whether the change is significant
 * @example
 * missingDrift(10, 1000, 80, 1000).missing_p_value; // => 4.336258489608162e-14
 */
export function missingDrift(
  referenceMissing: number,
  referenceRows: number,
  currentMissing: number,
  currentRows: number,
  threshold: number = MISSING_DRIFT_THRESHOLD,
): MissingDrift {
  for (const [missing, rows] of [
    [referenceMissing, referenceRows],
    [currentMissing, currentRows],
  ] as const) {
    if (!(rows > 0) || !(missing >= 0 && missing <= rows)) {
      throw new RangeError(
        `missingDrift requires 0 <= missing <= rows and rows > 0, got ${missing} of ${rows}`,
      );
    }
  }
  const p1 = referenceMissing / referenceRows;
  const p2 = currentMissing / currentRows;
  const pooled = (referenceMissing + currentMissing) / (referenceRows + currentRows);
  let pValue = 1;
  if (p1 !== p2 && pooled > 0 && pooled < 1) {
    const z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / referenceRows + 1 / currentRows));
    pValue = Math.min(1, 2 * normalSf(Math.abs(z)));
  }
  return {
    missing_share: { reference: p1, current: p2 },
    missing_p_value: pValue,
    missing_drift_detected: pValue < threshold,
  };
}
