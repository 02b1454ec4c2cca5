/**
 * Confidence intervals of a difference of two ROC AUCs, by DeLong's method: the difference's variance in closed
 * form from the rows' placement values (see delong.ts), then a normal interval.
 *
 * Why DeLong rather than a bootstrap: the interval is a function of the data alone (no seed, no resampling
 * noise), it is exact in closed form and costs one `O(n log n)` pass at any size, where a bootstrap costs B
 * resamples; it covers both questions driftwatch asks, with the right variance each time: two snapshots are
 * independent samples (the variances add), while a champion and a challenger scored on the same holdout rows are
 * correlated (their covariance is subtracted, which a naive unpaired interval would ignore). It is what R's pROC
 * uses by default for `roc.test` and `ci.auc`, so the numbers can be checked against an independent implementation.
 * Its limit is the normal approximation: with very few rows of a class, or an AUC at 0 or 1 (where the variance
 * is 0 and the interval collapses to a point), the interval is too narrow; the reports show the class counts.
 */
import quantile from '@stdlib/stats-base-dists-normal-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import type { BinarySample } from './binary-sample.js';
import { delongCovariance, delongPlacements, delongVariance } from './delong.js';

/** A difference of two AUCs with its DeLong standard error and two-sided normal interval. */
export interface AucDifference {
  /** The difference, e.g. reference AUC − current AUC. */
  readonly difference: number;
  readonly standardError: number;
  /** Two-sided confidence level of the interval, in (0, 1). */
  readonly confidence: number;
  /** Interval bounds, clipped to [−1, 1] (a difference of AUCs cannot leave it). */
  readonly lower: number;
  readonly upper: number;
  /** Two-sided p-value of "no difference" under the normal approximation (NaN when the standard error is 0). */
  readonly pValue: number;
}

/** Checks a confidence level. */
function criticalValue(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new Error(`confidence must be in (0, 1), got ${confidence}`);
  return quantile(1 - (1 - confidence) / 2, 0, 1);
}

function interval(difference: number, variance: number, confidence: number): AucDifference {
  const standardError = Math.sqrt(Math.max(variance, 0));
  const z = criticalValue(confidence);
  const clip = (value: number) => Math.min(1, Math.max(-1, value));
  return {
    difference,
    standardError,
    confidence,
    lower: clip(difference - z * standardError),
    upper: clip(difference + z * standardError),
    pValue: standardError > 0 ? 2 * normalCdf(-Math.abs(difference / standardError), 0, 1) : Number.NaN,
  };
}

/**
 * The drop of the AUC from a reference sample to an independent current sample (`auc(reference) − auc(current)`),
 * with the interval from the sum of the two DeLong variances.
 *
 * This runs in `O(n log n)`.
 *
 * @param reference labelled sample of the reference snapshot
 * @param current labelled sample of the current snapshot (other rows: independent)
 * @param confidence two-sided level, e.g. 0.95
 * @throws {Error} if a class has fewer than two rows on either side, or the level is outside (0, 1)
 * @returns the drop and its interval
 * @example
 * unpairedAucDrop(
 *   binarySample(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1)),
 *   binarySample(Float64Array.of(0.2, 0.3, 0.5, 0.6), Uint8Array.of(0, 0, 1, 1)),
 *   0.95,
 * ).difference; // => -0.25
 */
export function unpairedAucDrop(
  reference: BinarySample,
  current: BinarySample,
  confidence: number,
): AucDifference {
  const first = delongPlacements(reference);
  const second = delongPlacements(current);
  return interval(first.auc - second.auc, delongVariance(first) + delongVariance(second), confidence);
}

/**
 * The gain of a candidate score over a baseline score on the same labelled rows (`auc(candidate) − auc(baseline)`),
 * with DeLong's paired interval (the variance of the difference subtracts the two AUCs' covariance), as pROC's
 * `roc.test(candidate, baseline, method = "delong", paired = TRUE)`.
 *
 * This runs in `O(n log n)`.
 *
 * @param baseline labelled sample scored by the baseline (champion) model
 * @param candidate the same rows, in the same order, scored by the candidate (challenger) model
 * @param confidence two-sided level, e.g. 0.95
 * @throws {Error} if the labels differ, a class has fewer than two rows, or the level is outside (0, 1)
 * @returns the gain, its interval and the two-sided p-value of "equal AUCs"
 * @example
 * pairedAucGain(
 *   binarySample(Float64Array.of(0.1, 0.4, 0.35, 0.8, 0.5, 0.3), Uint8Array.of(0, 0, 1, 1, 0, 1)),
 *   binarySample(Float64Array.of(0.1, 0.2, 0.6, 0.8, 0.3, 0.7), Uint8Array.of(0, 0, 1, 1, 0, 1)),
 *   0.95,
 * ).difference; // => 1 - 5 / 9
 */
export function pairedAucGain(
  baseline: BinarySample,
  candidate: BinarySample,
  confidence: number,
): AucDifference {
  const { labels } = baseline;
  if (
    candidate.labels.length !== labels.length ||
    candidate.labels.some((label, row) => label !== labels[row])
  )
    throw new Error('pairedAucGain requires the same labelled rows on both sides');
  const first = delongPlacements(candidate);
  const second = delongPlacements(baseline);
  // Var(A − B) = Var A + Var B − 2 Cov(A, B), grouped as pROC's L·S·Lᵀ: (S11 − S12) − (S21 − S22).
  const covariance = delongCovariance(first, second);
  const variance = delongVariance(first) - covariance - (covariance - delongVariance(second));
  return interval(first.auc - second.auc, variance, confidence);
}
