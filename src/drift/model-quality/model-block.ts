/**
 * The `model` block of the drift report: the model's quality on both snapshots, the drift of its predictions, the
 * AUC drop with its DeLong interval, and the `--max-auc-drop` rule folded into the retrain decision.
 */
import type { Decision } from '../report.js';
import { unpairedAucDrop } from './auc-difference.js';
import type { MeasuredQuality, ClassificationQuality } from './classification-quality.js';
import type { PredictionDrift } from './prediction-drift.js';

/** The AUC-drop rule of the decision. */
export interface AucDropRule {
  /** RETRAIN when the AUC drop (reference − current) is at least this. */
  readonly maxAucDrop: number;
  /** When set, the lower bound of the two-sided interval at this level is compared instead of the drop. */
  readonly confidence?: number;
}

/** The published `model` block (schema/report.schema.json). */
export interface ModelQualityBlock {
  /** The model file, or `column:<name>` for a stored prediction column. */
  source: string;
  target: string;
  /** Probability at or above which a row is predicted positive. */
  threshold: number;
  prediction_drift: PredictionDrift;
  reference: ClassificationQuality;
  current: ClassificationQuality;
  /** `roc_auc(reference) − roc_auc(current)`: positive when the model got worse; null when either is undefined. */
  auc_drop: number | null;
  /** DeLong 95 % interval of the drop, `[lower, upper]` (independent snapshots: the variances add); null when undefined. */
  auc_drop_ci95: number[] | null;
  /** Method of the interval. */
  auc_drop_method: 'delong';
  /** The rule in force, when `--max-auc-drop` was given. */
  max_auc_drop?: number;
  /** With `--auc-drop-confidence`: the level and the lower bound the rule compared. */
  auc_drop_confidence?: number;
  auc_drop_lower_bound?: number | null;
}

/** What the block is built from. */
export interface ModelBlockInputs {
  readonly source: string;
  readonly target: string;
  readonly threshold: number;
  readonly predictionDrift: PredictionDrift;
  readonly reference: MeasuredQuality;
  readonly current: MeasuredQuality;
  readonly rule?: AucDropRule;
}

const intervalDefined = (measured: MeasuredQuality) =>
  measured.sample.positives.length >= 2 && measured.sample.negatives.length >= 2;

/**
 * Builds the `model` block.
 *
 * This runs in `O(n log n)` (DeLong's placements of both snapshots).
 *
 * @param inputs both snapshots' measured quality, the prediction drift and the rule
 * @returns the block
 */
export function modelQualityBlock(inputs: ModelBlockInputs): ModelQualityBlock {
  const { reference, current, rule } = inputs;
  const block: ModelQualityBlock = {
    source: inputs.source,
    target: inputs.target,
    threshold: inputs.threshold,
    prediction_drift: inputs.predictionDrift,
    reference: reference.quality,
    current: current.quality,
    auc_drop: null,
    auc_drop_ci95: null,
    auc_drop_method: 'delong',
  };
  const comparable = reference.quality.roc_auc !== null && current.quality.roc_auc !== null;
  const withInterval = comparable && intervalDefined(reference) && intervalDefined(current);
  if (comparable) block.auc_drop = reference.quality.roc_auc! - current.quality.roc_auc!;
  if (withInterval) {
    const drop = unpairedAucDrop(reference.sample, current.sample, 0.95);
    block.auc_drop_ci95 = [drop.lower, drop.upper];
  }
  if (rule) {
    block.max_auc_drop = rule.maxAucDrop;
    if (rule.confidence !== undefined) {
      block.auc_drop_confidence = rule.confidence;
      block.auc_drop_lower_bound = withInterval
        ? unpairedAucDrop(reference.sample, current.sample, rule.confidence).lower
        : null;
    }
  }
  return block;
}

const fixed = (value: number) => value.toFixed(4);

/**
 * The retrain decision with the AUC-drop rule: RETRAIN when the drift rule fired or the AUC drop (or its lower
 * confidence bound) reaches `max_auc_drop`, whatever drift_share says. The reason starts with the rule that fired.
 *
 * @param decision the drift decision (drift_share against the retrain threshold)
 * @param block the model block, with `max_auc_drop` set
 * @returns the decision, with `triggered_by` listing the rules that fired
 * @example
 * decideWithModel(
 *   { action: 'NO_ACTION', retrain_threshold: 0.3, reason: 'drift_share=0.07 < 0.30' },
 *   { auc_drop: 0.06, max_auc_drop: 0.05 }, // (the block's other fields do not matter here)
 * ).reason; // => 'auc_drop=0.0600 >= 0.05; drift_share=0.07 < 0.30'
 */
export function decideWithModel(decision: Decision, block: ModelQualityBlock): Decision {
  if (block.max_auc_drop === undefined) return decision;
  const limit = block.max_auc_drop;
  const driftFired = decision.action === 'RETRAIN';
  let compared: number | null;
  let what: string;
  if (block.auc_drop_confidence !== undefined) {
    compared = block.auc_drop_lower_bound ?? null;
    const level = `${Number((block.auc_drop_confidence * 100).toPrecision(6))}%`;
    what =
      compared === null
        ? `auc_drop lower ${level} bound n/a`
        : `auc_drop lower ${level} bound=${fixed(compared)}`;
  } else {
    compared = block.auc_drop;
    what = compared === null ? 'auc_drop n/a' : `auc_drop=${fixed(compared)}`;
  }
  const aucFired = compared !== null && compared >= limit;
  const aucPart =
    compared === null
      ? `${what} (roc_auc undefined on a snapshot: the rule cannot fire)`
      : `${what} ${aucFired ? '>=' : '<'} ${limit}`;
  const triggered: ('drift_share' | 'auc_drop')[] = [];
  if (aucFired) triggered.push('auc_drop');
  if (driftFired) triggered.push('drift_share');
  return {
    action: aucFired || driftFired ? 'RETRAIN' : 'NO_ACTION',
    retrain_threshold: decision.retrain_threshold,
    // The rule that fired comes first.
    reason: aucFired ? `${aucPart}; ${decision.reason}` : `${decision.reason}; ${aucPart}`,
    triggered_by: triggered,
  };
}
