import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainCommand } from '../../src/cli/commands/train.js';
import { UserError } from '../../src/errors.js';
import { rocAuc } from '../../src/predictor/auc.js';
import {
  linearPredictor,
  predictProbability,
  validateModel,
  type FeatureValue,
} from '../../src/predictor/model.js';
import { DEFAULT_TRAIN_OPTIONS, cellValue, splitUnit, trainChurnModel } from '../../src/predictor/train.js';
import { readSnapshot } from '../../src/snapshot/index.js';
import { numbersOf, type Table } from '../../src/snapshot/table.js';
import { captureIo } from '../loadtest/helpers/capture.js';

const FIXTURE = 'fixtures/streamflow/month_000.csv';
const options = { ...DEFAULT_TRAIN_OPTIONS, target: 'churn_label', idColumn: 'user_id' };

/** A table with the rows in reverse order (columns rebuilt, dictionaries kept). */
function reversed(table: Table): Table {
  const reverse = <T extends Float64Array | Int32Array>(values: T): T => values.slice().reverse() as T;
  return {
    ...table,
    columns: table.columns.map((column) =>
      column.type === 'string'
        ? { ...column, codes: reverse(column.codes) }
        : { ...column, values: reverse(numbersOf(column.values)) },
    ),
  };
}

describe('rocAuc', () => {
  // --- Known values (hand-computed: U statistic / (n1 n0)) ---
  it.each([
    { scores: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1], auc: 0.75 },
    { scores: [0.1, 0.2, 0.3, 0.4], labels: [0, 0, 1, 1], auc: 1 },
    { scores: [0.4, 0.3, 0.2, 0.1], labels: [0, 0, 1, 1], auc: 0 },
    // All tied: every positive/negative pair counts 1/2.
    { scores: [0.5, 0.5, 0.5, 0.5], labels: [0, 1, 0, 1], auc: 0.5 },
    // One tie across classes: pairs (p=0.5,n=0.5) count 1/2 → (1 + 0.5 + 1 + 1) / 4.
    { scores: [0.2, 0.5, 0.5, 0.9], labels: [0, 0, 1, 1], auc: 0.875 },
  ])('AUC of $scores with $labels is $auc', ({ scores, labels, auc }) => {
    expect(rocAuc(Float64Array.from(scores), Uint8Array.from(labels))).toBeCloseTo(auc, 15);
  });

  it('rejects a single class', () => {
    expect(() => rocAuc(Float64Array.of(0.1, 0.2), Uint8Array.of(1, 1))).toThrow(
      /at least one positive and one negative/,
    );
  });
});

describe('trainChurnModel on the StreamFlow fixture', () => {
  let table: Table;
  beforeAll(async () => {
    table = await readSnapshot(FIXTURE);
  });

  it('is deterministic: the same model JSON twice, and whatever the row order', () => {
    const first = JSON.stringify(trainChurnModel(table, options).model);
    const second = JSON.stringify(trainChurnModel(table, options).model);
    expect(second).toBe(first);
    // The split hashes user_id, so reversing the rows changes neither part; only summation order differs.
    const fromReversed = trainChurnModel(reversed(table), options).model;
    const model = JSON.parse(first);
    expect(fromReversed.training.train_rows).toBe(model.training.train_rows);
    expect(fromReversed.intercept).toBeCloseTo(model.intercept, 8);
    expect(fromReversed.training.holdout_auc).toBeCloseTo(model.training.holdout_auc, 10);
  });

  it('converges to the optimum of the penalised log-likelihood (gradient ≈ 0)', () => {
    const { model, gradient } = trainChurnModel(table, options);
    expect(model.training.converged).toBe(true);
    for (const g of gradient) expect(Math.abs(g)).toBeLessThan(1e-6);
  });

  it('learns something: holdout AUC well above chance, and the split holds out about 20%', () => {
    const { model } = trainChurnModel(table, options);
    expect(model.training.holdout_auc).toBeGreaterThan(0.7);
    expect(model.training.holdout_rows / model.training.rows).toBeGreaterThan(0.17);
    expect(model.training.holdout_rows / model.training.rows).toBeLessThan(0.23);
    expect(model.features.map((feature) => feature.name)).not.toContain('user_id');
    expect(model.features.map((feature) => feature.name)).not.toContain('churn_label');
    const netService = model.features.find((feature) => feature.name === 'net_service');
    expect(netService).toMatchObject({ kind: 'categorical', levels: ['DSL', 'Fiber optic', 'No'] });
  });

  it('scores a training row the way the encoded design matrix does (model round trip)', () => {
    const { model } = trainChurnModel(table, options);
    const round = validateModel(JSON.parse(JSON.stringify(model)), 'model.json');
    const columns = round.features.map((feature) =>
      table.columns.find((column) => column.name === feature.name)!,
    );
    const values: FeatureValue[] = columns.map((column) => cellValue(column, 0));
    // Recompute by hand from the stored parameters.
    let z = round.intercept;
    round.features.forEach((feature, i) => {
      const value = values[i];
      if (feature.kind === 'numeric')
        z += (feature.weight * ((value as number) - feature.mean)) / feature.std;
      else z += feature.weights[feature.levels.indexOf(value as string)] ?? 0;
    });
    expect(linearPredictor(round, values)).toBeCloseTo(z, 12);
    expect(predictProbability(round, values)).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
    // Missing values impute the mean (numeric) or encode as all-zero (categorical).
    expect(
      linearPredictor(
        round,
        values.map(() => null),
      ),
    ).toBe(round.intercept);
  });

  it('splitUnit is stable and in [0, 1)', () => {
    expect(splitUnit('7590-VHVEG', 42)).toBe(splitUnit('7590-VHVEG', 42));
    expect(splitUnit('7590-VHVEG', 42)).not.toBe(splitUnit('7590-VHVEG', 43));
    for (const key of ['', 'a', '0000-AAAAA', 'zzzz']) {
      expect(splitUnit(key, 0)).toBeGreaterThanOrEqual(0);
      expect(splitUnit(key, 0)).toBeLessThan(1);
    }
  });

  // --- Input validation ---
  it.each([
    [{ target: 'nope' }, /target column 'nope' not found/],
    [{ target: 'net_service' }, /must be 0\/1 or boolean, found string/],
    [{ target: 'months_active' }, /must be 0\/1, found \d+ at data row/],
    [{ features: ['months_active', 'nope'] }, /feature column 'nope' not found/],
    [{ holdoutFraction: 1 }, /--holdout: 1 must be between 0 and 1/],
  ])('rejects %j', (override, message) => {
    expect(() => trainChurnModel(table, { ...options, ...override })).toThrow(message);
    expect(() => trainChurnModel(table, { ...options, ...override })).toThrow(UserError);
  });
});

describe('driftwatch train', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'driftwatch-train-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes model.json and prints the holdout AUC; two runs are byte-identical', async () => {
    const io = captureIo();
    const out = join(directory, 'model.json');
    const args = ['--snapshot', FIXTURE, '--target', 'churn_label', '--out', out];
    expect(await trainCommand.run(args, io)).toBe(0);
    expect(io.out()).toMatch(/^holdout AUC 0\.\d{4}$/m);
    const first = await readFile(out, 'utf8');
    expect(await trainCommand.run([...args.slice(0, -1), join(directory, 'again.json')], captureIo())).toBe(
      0,
    );
    expect(await readFile(join(directory, 'again.json'), 'utf8')).toBe(first);
    expect(JSON.parse(first)).toMatchObject({
      format: 'driftwatch-logistic-regression',
      id_column: 'user_id',
      target: 'churn_label',
    });
  });

  it.each([
    [['--target', 'churn_label', '--out', 'x.json'], /train: --snapshot is required/],
    [
      ['--snapshot', FIXTURE, '--target', 'churn_label', '--out', 'x.json', '--holdout', 'abc'],
      /--holdout: 'abc' is not a number/,
    ],
    [['--snapshot', 'nope.csv', '--target', 'churn_label', '--out', 'x.json'], /nope\.csv/],
  ])('rejects %j', async (args, message) => {
    await expect(trainCommand.run(args, captureIo())).rejects.toThrow(message);
  });
});
