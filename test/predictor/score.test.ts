/**
 * Batch scoring of a snapshot equals the record scorer the predictor serves, bit for bit; the target and
 * probability columns are read with one-line errors; a model feature the snapshot lacks is named.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { predictProbability, type ChurnModel } from '../../src/predictor/model.js';
import { readProbabilityColumn, readTarget, scoreTable } from '../../src/predictor/score.js';
import { readModelFile } from '../../src/predictor/model-file.js';
import { DEFAULT_TRAIN_OPTIONS, cellValue, holdoutMask, trainChurnModel } from '../../src/predictor/train.js';
import { readSnapshot } from '../../src/snapshot/index.js';
import { getColumn, type Table } from '../../src/snapshot/table.js';

let model: ChurnModel;
let current: Table;

beforeAll(async () => {
  const reference = await readSnapshot('fixtures/streamflow/month_000.csv');
  model = trainChurnModel(reference, {
    ...DEFAULT_TRAIN_OPTIONS,
    target: 'churn_label',
    idColumn: 'user_id',
  }).model;
  current = await readSnapshot('fixtures/streamflow/month_002.csv');
});

describe('scoreTable', () => {
  it('equals predictProbability on every row of another month (bit for bit)', () => {
    const scores = scoreTable(model, current);
    expect(scores).toHaveLength(current.rows);
    const columns = model.features.map((feature) => getColumn(current, feature.name)!);
    for (let row = 0; row < current.rows; row++) {
      const expected = predictProbability(
        model,
        columns.map((column) => cellValue(column, row)),
      );
      if (scores[row] !== expected) expect.fail(`row ${row}: ${scores[row]} vs ${expected}`);
    }
  });

  it('names a model feature the snapshot lacks, and a feature of the wrong kind', () => {
    const without: Table = { ...current, columns: current.columns.filter((c) => c.name !== 'monthly_fee') };
    expect(() => scoreTable(model, without)).toThrow(
      new UserError(
        'COLUMN_MISSING',
        "fixtures/streamflow/month_002.csv: model feature 'monthly_fee' is not a column of the snapshot",
      ),
    );
    const net = getColumn(current, 'net_service')!;
    const numeric: Table = {
      ...current,
      columns: current.columns.map((c) =>
        c.name === 'net_service'
          ? { name: 'net_service', type: 'float' as const, values: new Float64Array(current.rows) }
          : c,
      ),
    };
    expect(net.type).toBe('string');
    expect(() => scoreTable(model, numeric)).toThrow(
      /'net_service' is categorical but the column holds numbers/,
    );
  });
});

describe('readTarget and readProbabilityColumn', () => {
  const table = (values: number[], type: 'float' | 'int' | 'bool' = 'float'): Table => ({
    source: 'snap.csv',
    rows: values.length,
    columns: [{ name: 'y', type, values: Float64Array.from(values) }],
  });

  it('keep 0, 1 and missing labels; reject anything else naming the data row', () => {
    expect(Array.from(readTarget(table([0, 1, NaN]), 'y'))).toEqual([0, 1, NaN]);
    expect(Array.from(readTarget(table([1, 0], 'bool'), 'y'))).toEqual([1, 0]);
    expect(() => readTarget(table([0, 2]), 'y')).toThrow(
      "snap.csv: target column 'y' must be 0/1, found 2 at data row 2",
    );
    expect(() => readTarget(table([0]), 'label')).toThrow("snap.csv: target column 'label' not found");
  });

  it('accept probabilities in [0, 1] only, with no missing value', () => {
    expect(Array.from(readProbabilityColumn(table([0, 0.5, 1]), 'y'))).toEqual([0, 0.5, 1]);
    expect(() => readProbabilityColumn(table([0.2, 1.5]), 'y')).toThrow(
      /in \[0, 1\], found 1.5 at data row 2/,
    );
    expect(() => readProbabilityColumn(table([NaN]), 'y')).toThrow(/found a missing value at data row 1/);
    expect(() => readProbabilityColumn(table([1], 'bool'), 'y')).toThrow(
      /must hold probabilities, found bool/,
    );
  });
});

describe('holdoutMask', () => {
  it('selects the rows training held out', async () => {
    const reference = await readSnapshot('fixtures/streamflow/month_000.csv');
    const mask = holdoutMask(reference, getColumn(reference, 'user_id'), 0.2, 42);
    expect(mask.reduce((sum, bit) => sum + bit, 0)).toBe(model.training.holdout_rows);
  });
});

describe('readModelFile', () => {
  it('names the file and what is wrong with it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'driftwatch-model-'));
    await writeFile(join(dir, 'v2.json'), JSON.stringify({ ...model, version: 2 }));
    await writeFile(join(dir, 'other.json'), JSON.stringify({ format: 'sklearn-pickle' }));
    await writeFile(join(dir, 'broken.json'), '{');
    await expect(readModelFile('--model', 'v2.json', dir)).rejects.toThrow(
      'v2.json: not a valid driftwatch model: unsupported "version" 2',
    );
    await expect(readModelFile('--model', 'other.json', dir)).rejects.toThrow(
      'other.json: not a valid driftwatch model: "format" must be "driftwatch-logistic-regression"',
    );
    await expect(readModelFile('--model', 'broken.json', dir)).rejects.toThrow(/^broken.json: not JSON/);
    await expect(readModelFile('--model', 'missing.json', dir)).rejects.toThrow(
      '--model: missing.json: file not found',
    );
  });
});
