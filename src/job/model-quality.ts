/**
 * The model section of a compare job: which columns it needs read, and the `model` block from both snapshots —
 * scored with `--model` (the `driftwatch train` format) or read from `--prediction-column` — with the AUC-drop rule
 * folded into the decision.
 */
import { UserError } from '../errors.js';
import { measureClassification } from '../drift/model-quality/classification-quality.js';
import { decideWithModel, modelQualityBlock, type AucDropRule } from '../drift/model-quality/model-block.js';
import { predictionDrift } from '../drift/model-quality/prediction-drift.js';
import type { DriftOptions } from '../drift/options.js';
import type { DriftReport } from '../drift/report.js';
import type { ChurnModel } from '../predictor/model.js';
import { readProbabilityColumn, readTarget, scoreTable } from '../predictor/score.js';
import { readModelFile } from '../predictor/model-file.js';
import type { Table } from '../snapshot/table.js';
import { parseNumberSetting } from '../util/values.js';

/** Where the predicted probabilities come from, and the AUC-drop rule. */
export interface ModelSettings {
  readonly source:
    | { readonly kind: 'model'; readonly path: string }
    | { readonly kind: 'prediction-column'; readonly column: string };
  readonly rule?: AucDropRule;
}

/** The raw values of the model settings, as a surface (CLI flags, action inputs) gives them. */
export interface RawModelSettings {
  readonly model?: string;
  readonly predictionColumn?: string;
  readonly maxAucDrop?: string;
  readonly aucDropConfidence?: string;
}

/** How a surface names each setting, for messages (`--model` or `model`). */
export type ModelSettingNames = Readonly<Record<keyof RawModelSettings, string>>;

/**
 * The model section's settings; undefined when neither a model nor a prediction column is given.
 * @throws {UserError} naming the setting (and carrying its canonical name in `field`): both sources, a rule
 *   without a source, a confidence without a rule, a value out of range
 */
export function parseModelSettings(
  raw: RawModelSettings,
  names: ModelSettingNames,
): ModelSettings | undefined {
  const fail = (field: keyof RawModelSettings, message: string): never => {
    throw new UserError('USAGE', message, field);
  };
  const model = raw.model?.trim() === '' ? undefined : raw.model;
  const predictionColumn = raw.predictionColumn?.trim() === '' ? undefined : raw.predictionColumn;
  if (model !== undefined && predictionColumn !== undefined)
    fail('predictionColumn', `give ${names.model} or ${names.predictionColumn}, not both`);
  if (model === undefined && predictionColumn === undefined) {
    for (const key of ['maxAucDrop', 'aucDropConfidence'] as const)
      if (raw[key] !== undefined && raw[key].trim() !== '')
        fail(key, `${names[key]} needs ${names.model} or ${names.predictionColumn}`);
    return undefined;
  }
  const maxAucDrop = raw.maxAucDrop?.trim() === '' ? undefined : raw.maxAucDrop;
  const aucDropConfidence = raw.aucDropConfidence?.trim() === '' ? undefined : raw.aucDropConfidence;
  if (aucDropConfidence !== undefined && maxAucDrop === undefined)
    fail('aucDropConfidence', `${names.aucDropConfidence} needs ${names.maxAucDrop}`);
  let confidence: number | undefined;
  if (aucDropConfidence !== undefined) {
    const level = parseNumberSetting(names.aucDropConfidence, aucDropConfidence, {}, 'aucDropConfidence');
    if (!(level > 0 && level < 1))
      fail(
        'aucDropConfidence',
        `${names.aucDropConfidence}: ${aucDropConfidence} must be between 0 and 1 (exclusive), e.g. 0.95`,
      );
    confidence = level;
  }
  return {
    source:
      model !== undefined
        ? { kind: 'model', path: model }
        : { kind: 'prediction-column', column: predictionColumn! },
    rule:
      maxAucDrop === undefined
        ? undefined
        : {
            maxAucDrop: parseNumberSetting(names.maxAucDrop, maxAucDrop, { min: -1, max: 1 }, 'maxAucDrop'),
            confidence,
          },
  };
}

/** A model section ready to run: the model file read (with `--model`) and the columns the snapshots must provide. */
export interface PreparedModel {
  readonly settings: ModelSettings;
  readonly model?: ChurnModel;
  readonly target: string;
  /** Feature, prediction and target columns to read besides the tested ones. */
  readonly columns: readonly string[];
}

/**
 * Reads the model file (with `--model`) and resolves the target: `--target`, else the model's own.
 * @throws {UserError} for a bad model file, or `--prediction-column` without `--target`
 */
export async function prepareModel(
  settings: ModelSettings,
  target: string | undefined,
  cwd: string,
  names: Readonly<Record<'model' | 'predictionColumn' | 'target', string>>,
): Promise<PreparedModel> {
  if (settings.source.kind === 'prediction-column') {
    if (target === undefined)
      throw new UserError(
        'USAGE',
        `${names.predictionColumn} needs ${names.target}: the labels the predictions are measured on`,
        'target',
      );
    return { settings, target, columns: [settings.source.column, target] };
  }
  const model = await readModelFile(names.model, settings.source.path, cwd);
  const resolved = target ?? model.target;
  return { settings, model, target: resolved, columns: [...model.features.map((f) => f.name), resolved] };
}

/**
 * Adds the `model` block to a report and folds the AUC-drop rule into its decision.
 * @throws {UserError} when a snapshot lacks a model feature, the target is not 0/1, or a prediction is not a
 *   probability
 */
export function addModelSection(
  report: DriftReport,
  prepared: PreparedModel,
  reference: Table,
  current: Table,
  options: DriftOptions,
): void {
  const { settings, model, target } = prepared;
  const probabilities = (table: Table) =>
    settings.source.kind === 'model'
      ? scoreTable(model!, table)
      : readProbabilityColumn(table, settings.source.column);
  const threshold = model?.threshold ?? 0.5;
  const referenceScores = probabilities(reference);
  const currentScores = probabilities(current);
  const block = modelQualityBlock({
    source: settings.source.kind === 'model' ? settings.source.path : `column:${settings.source.column}`,
    target,
    threshold,
    predictionDrift: predictionDrift(
      settings.source.kind === 'model' ? 'prediction' : settings.source.column,
      referenceScores,
      currentScores,
      options,
    ),
    reference: measureClassification(referenceScores, readTarget(reference, target), threshold),
    current: measureClassification(currentScores, readTarget(current, target), threshold),
    rule: settings.rule,
  });
  report.model = block;
  report.decision = decideWithModel(report.decision, block);
}
