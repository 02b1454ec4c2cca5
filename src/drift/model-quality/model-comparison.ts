/**
 * Champion against challenger on the same labelled rows: the challenger's AUC gain with DeLong's paired interval,
 * and the rule that names the winner. Pure data in, a published report block out.
 */
import { pairedAucGain } from './auc-difference.js';
import type { BinarySample } from './binary-sample.js';

/** How a challenger must beat the champion. */
export interface WinRule {
  /** The challenger wins when its AUC gain is above this (default 0: any gain). */
  readonly minAucGain: number;
  /** When set, the lower bound of the two-sided interval at this level must be above `minAucGain` instead. */
  readonly confidence?: number;
}

/** The `comparison` block of an evaluation. Field names are published (schema/evaluation.schema.json). */
export interface ModelComparison {
  /** Name of the baseline (champion) model. */
  baseline: string;
  /** Name of the candidate (challenger) model. */
  candidate: string;
  /** `roc_auc(candidate) − roc_auc(baseline)` on the same rows; null when either AUC is undefined. */
  auc_gain: number | null;
  /** Paired DeLong 95 % interval of the gain; null when a class has fewer than two labelled rows. */
  auc_gain_ci95: [number, number] | null;
  /** Two-sided p-value of equal AUCs (DeLong's paired test, as pROC's `roc.test`); null like the interval. */
  p_value: number | null;
  /** Method of the interval and the test. */
  method: 'delong-paired';
  min_auc_gain: number;
  /** Confidence of the rule's lower bound, null when the rule compares the gain itself. */
  confidence: number | null;
  /** The bound the rule compared, when `confidence` is set and the interval exists. */
  auc_gain_lower_bound: number | null;
  /** The winning model's name; null when the AUCs cannot be compared. */
  winner: string | null;
  /** One sentence naming the rule that decided. */
  reason: string;
}

/** One side of the comparison: a model's name and its labelled sample on the compared rows. */
export interface ComparedModel {
  readonly name: string;
  readonly sample: BinarySample;
  readonly rocAuc: number | null;
}

const fixed = (value: number) => value.toFixed(4);

/**
 * Compares a candidate with a baseline scored on the same labelled rows.
 *
 * This runs in `O(n log n)` (DeLong's placements).
 *
 * @param baseline the champion: name, sample and AUC (null when undefined)
 * @param candidate the challenger on the same rows, in the same order
 * @param rule the winning rule
 * @returns the comparison block
 * @example
 * compareModels(
 *   {
 *     name: 'champion',
 *     sample: binarySample(Float64Array.of(0.1, 0.4, 0.35, 0.8, 0.5, 0.3), Uint8Array.of(0, 0, 1, 1, 0, 1)),
 *     rocAuc: 5 / 9,
 *   },
 *   {
 *     name: 'challenger',
 *     sample: binarySample(Float64Array.of(0.1, 0.2, 0.6, 0.8, 0.3, 0.7), Uint8Array.of(0, 0, 1, 1, 0, 1)),
 *     rocAuc: 1,
 *   },
 *   { minAucGain: 0 },
 * ).winner; // => 'challenger'
 */
export function compareModels(
  baseline: ComparedModel,
  candidate: ComparedModel,
  rule: WinRule,
): ModelComparison {
  const comparison: ModelComparison = {
    baseline: baseline.name,
    candidate: candidate.name,
    auc_gain: null,
    auc_gain_ci95: null,
    p_value: null,
    method: 'delong-paired',
    min_auc_gain: rule.minAucGain,
    confidence: rule.confidence ?? null,
    auc_gain_lower_bound: null,
    winner: null,
    reason: '',
  };
  if (baseline.rocAuc === null || candidate.rocAuc === null) {
    comparison.reason = 'no winner: roc_auc is undefined on the evaluated rows (they need both classes)';
    return comparison;
  }
  const gain = candidate.rocAuc - baseline.rocAuc;
  comparison.auc_gain = gain;
  const { positives, negatives } = candidate.sample;
  const intervalDefined = positives.length >= 2 && negatives.length >= 2;
  if (intervalDefined) {
    const at95 = pairedAucGain(baseline.sample, candidate.sample, 0.95);
    comparison.auc_gain_ci95 = [at95.lower, at95.upper];
    comparison.p_value = Number.isNaN(at95.pValue) ? null : at95.pValue;
  }
  let compared = gain;
  let what = `auc_gain ${fixed(gain)}`;
  if (rule.confidence !== undefined) {
    if (!intervalDefined) {
      comparison.reason = `no winner: the ${percent(rule.confidence)} interval of auc_gain needs two rows of each class`;
      return comparison;
    }
    compared = pairedAucGain(baseline.sample, candidate.sample, rule.confidence).lower;
    comparison.auc_gain_lower_bound = compared;
    what = `the lower ${percent(rule.confidence)} bound of auc_gain, ${fixed(compared)},`;
  }
  const wins = compared > rule.minAucGain;
  comparison.winner = wins ? candidate.name : baseline.name;
  comparison.reason = wins
    ? `${candidate.name} wins: ${what} > ${rule.minAucGain}`
    : `${baseline.name} stays: ${what} <= ${rule.minAucGain}`;
  return comparison;
}

/** A confidence level as a percentage without trailing zeros (0.95 → "95%"). */
function percent(confidence: number): string {
  return `${Number((confidence * 100).toPrecision(6))}%`;
}
