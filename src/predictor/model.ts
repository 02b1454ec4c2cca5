/**
 * The churn model as stored in `model.json`, and how a feature record is scored with it.
 *
 * A logistic regression over standardised numeric features (bool columns count as numeric 0/1) and one-hot
 * categorical features. The JSON holds everything needed to score: per-feature means and standard deviations,
 * category levels and weights, so the predictor needs no training data.
 */
import { UserError } from '../errors.js';

/** Identifies the file format; checked when a model is loaded. */
export const MODEL_FORMAT = 'driftwatch-logistic-regression';
export const MODEL_FORMAT_VERSION = 1;

/** A numeric (or boolean) feature: `(value - mean) / std`, a missing value imputes the mean (0 after scaling). */
export interface NumericFeature {
  readonly name: string;
  readonly kind: 'numeric';
  /** Mean over the training rows (missing cells excluded). */
  readonly mean: number;
  /** Population standard deviation over the training rows; 1 when the column was constant. */
  readonly std: number;
  readonly weight: number;
}

/** A categorical feature, one-hot encoded over the levels seen in training; missing or unseen levels encode as all zeros. */
export interface CategoricalFeature {
  readonly name: string;
  readonly kind: 'categorical';
  /** Levels in sorted order, one weight each. */
  readonly levels: readonly string[];
  readonly weights: readonly number[];
}

export type ModelFeature = NumericFeature | CategoricalFeature;

/** What training recorded about itself, for the report and for reproducing the run. */
export interface TrainingInfo {
  readonly source: string;
  readonly rows: number;
  readonly train_rows: number;
  readonly holdout_rows: number;
  readonly holdout_fraction: number;
  readonly seed: number;
  readonly l2: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly train_auc: number;
  readonly holdout_auc: number;
}

/** The `model.json` document. */
export interface ChurnModel {
  readonly format: typeof MODEL_FORMAT;
  readonly version: typeof MODEL_FORMAT_VERSION;
  readonly target: string;
  /** Column identifying a user in feature snapshots, or null when training had none. */
  readonly id_column: string | null;
  /** Probability at or above which `prediction` is 1. */
  readonly threshold: number;
  readonly intercept: number;
  readonly features: readonly ModelFeature[];
  readonly training: TrainingInfo;
}

/** A feature value as the predictor receives it: numbers (booleans as 0/1) for numeric features, strings for categorical ones. */
export type FeatureValue = number | string | null;

/** Numerically stable logistic function. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * The model's linear predictor for one record, `intercept + Σ weight · encoded value`.
 * `values[i]` belongs to `model.features[i]`; a value of the wrong kind is a bug in the caller (checked upstream).
 */
export function linearPredictor(model: ChurnModel, values: readonly FeatureValue[]): number {
  let z = model.intercept;
  model.features.forEach((feature, i) => {
    const value = values[i];
    if (feature.kind === 'numeric') {
      if (typeof value === 'number' && !Number.isNaN(value))
        z += (feature.weight * (value - feature.mean)) / feature.std;
    } else if (typeof value === 'string') {
      const level = feature.levels.indexOf(value);
      if (level >= 0) z += feature.weights[level]!;
    }
  });
  return z;
}

/** The churn probability for one record. */
export function predictProbability(model: ChurnModel, values: readonly FeatureValue[]): number {
  return sigmoid(linearPredictor(model, values));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a parsed `model.json` and returns it typed. `source` names the file in messages.
 * @throws {UserError} CONFIG when the document is not a driftwatch model or is inconsistent
 */
export function validateModel(document: unknown, source: string): ChurnModel {
  const fail = (what: string): never => {
    throw new UserError('CONFIG', `${source}: not a valid driftwatch model: ${what}`);
  };
  if (!isObject(document)) return fail('expected a JSON object');
  if (document.format !== MODEL_FORMAT) return fail(`"format" must be "${MODEL_FORMAT}"`);
  if (document.version !== MODEL_FORMAT_VERSION)
    return fail(`unsupported "version" ${JSON.stringify(document.version)}`);
  if (typeof document.target !== 'string') return fail('"target" must be a string');
  if (document.id_column !== null && typeof document.id_column !== 'string')
    return fail('"id_column" must be a string or null');
  if (typeof document.intercept !== 'number' || !Number.isFinite(document.intercept))
    return fail('"intercept" must be a finite number');
  if (typeof document.threshold !== 'number' || !(document.threshold > 0 && document.threshold < 1))
    return fail('"threshold" must be a number in (0, 1)');
  if (!Array.isArray(document.features) || document.features.length === 0)
    return fail('"features" must be a non-empty array');
  document.features.forEach((feature: unknown, i: number) => {
    if (!isObject(feature) || typeof feature.name !== 'string') return fail(`features[${i}] needs a "name"`);
    if (feature.kind === 'numeric') {
      for (const key of ['mean', 'std', 'weight'])
        if (typeof feature[key] !== 'number' || !Number.isFinite(feature[key]))
          fail(`features[${i}].${key} must be a finite number`);
      if (!((feature.std as number) > 0)) fail(`features[${i}].std must be positive`);
    } else if (feature.kind === 'categorical') {
      const { levels, weights } = feature;
      if (!Array.isArray(levels) || !levels.every((level) => typeof level === 'string'))
        fail(`features[${i}].levels must be an array of strings`);
      if (!Array.isArray(weights) || !weights.every((w) => typeof w === 'number' && Number.isFinite(w)))
        fail(`features[${i}].weights must be an array of finite numbers`);
      if ((levels as unknown[]).length !== (weights as unknown[]).length)
        fail(
          `features[${i}] has ${(levels as unknown[]).length} levels but ${(weights as unknown[]).length} weights`,
        );
    } else {
      fail(`features[${i}].kind must be "numeric" or "categorical"`);
    }
  });
  if (!isObject(document.training)) return fail('"training" must be an object');
  return document as unknown as ChurnModel;
}
