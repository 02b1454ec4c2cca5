/**
 * External reference: scikit-learn 1.2.1's LogisticRegression(C=1, newton-cholesky) on the same split and encoding,
 * produced by test/predictor/reference/generate-sklearn-reference.py (committed output, not run by the suite).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChurnModel } from '../../src/predictor/model.js';
import { DEFAULT_TRAIN_OPTIONS, trainChurnModel } from '../../src/predictor/train.js';
import { readSnapshot } from '../../src/snapshot/index.js';

interface Reference {
  train_rows: number;
  holdout_rows: number;
  intercept: number;
  train_auc: number;
  holdout_auc: number;
  features: Record<
    string,
    { kind: string; mean?: number; std?: number; weight?: number; levels?: string[]; weights?: number[] }
  >;
}

const reference = JSON.parse(
  readFileSync('test/predictor/reference/sklearn-month_000.json', 'utf8'),
) as Reference;

describe('trainChurnModel equals scikit-learn on month_000', () => {
  let model: ChurnModel;
  beforeAll(async () => {
    const table = await readSnapshot('fixtures/streamflow/month_000.csv');
    model = trainChurnModel(table, {
      ...DEFAULT_TRAIN_OPTIONS,
      target: 'churn_label',
      idColumn: 'user_id',
    }).model;
  });

  it('holds out the same rows', () => {
    expect(model.training.train_rows).toBe(reference.train_rows);
    expect(model.training.holdout_rows).toBe(reference.holdout_rows);
  });

  it('has the same scaling, levels and coefficients (1e-8)', () => {
    expect(model.intercept).toBeCloseTo(reference.intercept, 8);
    expect(model.features.map((feature) => feature.name).sort()).toEqual(
      Object.keys(reference.features).sort(),
    );
    for (const feature of model.features) {
      const expected = reference.features[feature.name]!;
      expect(feature.kind, feature.name).toBe(expected.kind);
      if (feature.kind === 'numeric') {
        expect(feature.mean, feature.name).toBeCloseTo(expected.mean!, 10);
        expect(feature.std, feature.name).toBeCloseTo(expected.std!, 10);
        expect(feature.weight, feature.name).toBeCloseTo(expected.weight!, 8);
      } else {
        expect(feature.levels, feature.name).toEqual(expected.levels);
        feature.weights.forEach((weight, i) =>
          expect(weight, `${feature.name}=${feature.levels[i]}`).toBeCloseTo(expected.weights![i]!, 8),
        );
      }
    }
  });

  it('reports the same train and holdout AUC (roc_auc_score)', () => {
    expect(model.training.train_auc).toBeCloseTo(reference.train_auc, 12);
    expect(model.training.holdout_auc).toBeCloseTo(reference.holdout_auc, 12);
  });
});
