/**
 * Deterministic training of the churn model: a deterministic holdout split, standardisation and one-hot encoding
 * fitted on the training rows, then an L2-regularised logistic regression fitted by Newton's method (IRLS).
 *
 * Determinism: no random numbers at all. The split hashes each row's id (FNV-1a, salted with the seed), so a row
 * lands in the same part whatever the row order; the optimiser is a fixed sequence of floating-point operations.
 */
import { UserError } from '../errors.js';
import { getColumn, numberAt, type Column, type Table } from '../snapshot/table.js';
import { rocAuc } from './auc.js';
import {
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  sigmoid,
  type ChurnModel,
  type FeatureValue,
  type ModelFeature,
} from './model.js';

/** Training options; every field has a documented default in {@link DEFAULT_TRAIN_OPTIONS}. */
export interface TrainOptions {
  /** Binary target column (0/1 numbers or booleans). */
  readonly target: string;
  /** Column identifying a row; excluded from the features and hashed for the split. Null: hash the row number. */
  readonly idColumn: string | null;
  /** Feature columns to use; empty means every column except the target and the id column. */
  readonly features: readonly string[];
  /** Share of rows held out for the AUC, in (0, 1). */
  readonly holdoutFraction: number;
  /** Salt of the split hash. */
  readonly seed: number;
  /** L2 penalty λ in `Σ logloss + λ/2 ‖w‖²` (the intercept is not penalised); 1 matches scikit-learn's C = 1. */
  readonly l2: number;
  readonly maxIterations: number;
  /** Newton's method stops when the largest coefficient step is below this. */
  readonly tolerance: number;
}

export const DEFAULT_TRAIN_OPTIONS = {
  idColumn: null,
  features: [],
  holdoutFraction: 0.2,
  seed: 42,
  l2: 1,
  maxIterations: 100,
  tolerance: 1e-10,
} as const satisfies Omit<TrainOptions, 'target'>;

export interface TrainResult {
  readonly model: ChurnModel;
  /** The gradient of the penalised loss at the solution (all ≈ 0 when converged); exposed for tests. */
  readonly gradient: Float64Array;
}

/**
 * FNV-1a 32-bit hash of a string, salted with a seed, mapped to [0, 1).
 * @example splitUnit('7590-VHVEG', 42); // => 0.6835941725876182
 */
export function splitUnit(key: string, seed: number): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 4294967296;
}

/**
 * The holdout rows of a snapshot under training's split: a row is held out when the hash of its id (or of its row
 * number without an id column) falls below the fraction. `driftwatch evaluate --holdout` selects the same rows.
 */
export function holdoutMask(
  table: Table,
  idColumn: Column | undefined,
  fraction: number,
  seed: number,
): Uint8Array {
  const isHoldout = new Uint8Array(table.rows);
  for (let row = 0; row < table.rows; row++) {
    const key = idColumn ? String(cellValue(idColumn, row)) : String(row);
    isHoldout[row] = splitUnit(key, seed) < fraction ? 1 : 0;
  }
  return isHoldout;
}

/** The raw value of one cell as the model sees it: a number for numeric/bool columns, a string for string columns. */
export function cellValue(column: Column, row: number): FeatureValue {
  if (column.type === 'string') {
    const code = column.codes[row]!;
    return code < 0 ? null : column.dictionary[code]!;
  }
  const value = numberAt(column.values, row);
  return Number.isNaN(value) ? null : value;
}

function targetLabels(table: Table, target: string): Uint8Array {
  const column = getColumn(table, target);
  if (!column) throw new UserError('COLUMN_MISSING', `${table.source}: target column '${target}' not found`);
  if (column.type === 'string' || column.type === 'datetime')
    throw new UserError(
      'COLUMN_TYPE_MISMATCH',
      `${table.source}: target column '${target}' must be 0/1 or boolean, found ${column.type}`,
    );
  const labels = new Uint8Array(table.rows);
  for (let row = 0; row < table.rows; row++) {
    const value = numberAt(column.values, row);
    if (value !== 0 && value !== 1)
      throw new UserError(
        'COLUMN_TYPE_MISMATCH',
        `${table.source}: target column '${target}' must be 0/1, found ${Number.isNaN(value) ? 'a missing value' : value} at data row ${row + 1}`,
      );
    labels[row] = value;
  }
  return labels;
}

function featureColumns(table: Table, options: TrainOptions): Column[] {
  const names =
    options.features.length > 0
      ? options.features
      : table.columns
          .map((column) => column.name)
          .filter((name) => name !== options.target && name !== options.idColumn);
  return names.map((name) => {
    const column = getColumn(table, name);
    if (!column) throw new UserError('COLUMN_MISSING', `${table.source}: feature column '${name}' not found`);
    if (name === options.target) throw new UserError('USAGE', `--features: '${name}' is the target`);
    if (column.type === 'datetime')
      throw new UserError(
        'COLUMN_TYPE_MISMATCH',
        `${table.source}: column '${name}' is a datetime; exclude it with --features`,
      );
    return column;
  });
}

/** Solves `A x = b` for a symmetric positive-definite `A` (row-major p×p) by Cholesky factorisation; A is overwritten. */
function choleskySolve(a: Float64Array, b: Float64Array, p: number): Float64Array {
  for (let j = 0; j < p; j++) {
    let diagonal = a[j * p + j]!;
    for (let k = 0; k < j; k++) diagonal -= a[j * p + k]! ** 2;
    if (!(diagonal > 0)) throw new Error('Hessian is not positive definite');
    const ljj = Math.sqrt(diagonal);
    a[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let sum = a[i * p + j]!;
      for (let k = 0; k < j; k++) sum -= a[i * p + k]! * a[j * p + k]!;
      a[i * p + j] = sum / ljj;
    }
  }
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= a[i * p + k]! * y[k]!;
    y[i] = sum / a[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < p; k++) sum -= a[k * p + i]! * x[k]!;
    x[i] = sum / a[i * p + i]!;
  }
  return x;
}

/**
 * Trains the churn model on a snapshot table.
 * @throws {UserError} when the target or a feature column is missing or of the wrong type, or a part of the split
 *   has a single class
 */
export function trainChurnModel(table: Table, options: TrainOptions): TrainResult {
  if (!(options.holdoutFraction > 0 && options.holdoutFraction < 1))
    throw new UserError('USAGE', `--holdout: ${options.holdoutFraction} must be between 0 and 1 (exclusive)`);
  const labels = targetLabels(table, options.target);
  const columns = featureColumns(table, options);

  // Split
  let idColumn: Column | undefined;
  if (options.idColumn !== null) {
    idColumn = getColumn(table, options.idColumn);
    if (!idColumn)
      throw new UserError('COLUMN_MISSING', `${table.source}: id column '${options.idColumn}' not found`);
  }
  const isHoldout = holdoutMask(table, idColumn, options.holdoutFraction, options.seed);
  let holdoutRows = 0;
  for (let row = 0; row < table.rows; row++) holdoutRows += isHoldout[row]!;
  const trainRows = table.rows - holdoutRows;
  if (trainRows === 0 || holdoutRows === 0)
    throw new UserError(
      'NO_ROWS',
      `${table.source}: ${table.rows} rows are too few for a holdout split of ${options.holdoutFraction}`,
    );

  // Encoding fitted on the training rows
  interface Encoder {
    readonly column: Column;
    readonly offset: number;
    readonly width: number;
    readonly mean: number;
    readonly std: number;
    readonly levels: readonly string[];
    /** Dictionary code → one-hot slot, -1 for levels unseen in training. */
    readonly slotOfCode: Int32Array;
  }
  const encoders: Encoder[] = [];
  let width = 1; // slot 0 is the intercept
  for (const column of columns) {
    if (column.type === 'string') {
      const seen = new Uint8Array(column.dictionary.length);
      for (let row = 0; row < table.rows; row++)
        if (!isHoldout[row] && column.codes[row]! >= 0) seen[column.codes[row]!] = 1;
      const levels = column.dictionary.filter((_, code) => seen[code]).sort();
      const slotOfCode = new Int32Array(column.dictionary.length).fill(-1);
      column.dictionary.forEach(
        (level, code) => (slotOfCode[code] = seen[code] ? levels.indexOf(level) : -1),
      );
      encoders.push({ column, offset: width, width: levels.length, mean: 0, std: 1, levels, slotOfCode });
      width += levels.length;
    } else {
      let count = 0;
      let sum = 0;
      for (let row = 0; row < table.rows; row++) {
        const value = numberAt(column.values, row);
        if (!isHoldout[row] && !Number.isNaN(value)) {
          count++;
          sum += value;
        }
      }
      const mean = count > 0 ? sum / count : 0;
      let squares = 0;
      for (let row = 0; row < table.rows; row++) {
        const value = numberAt(column.values, row);
        if (!isHoldout[row] && !Number.isNaN(value)) squares += (value - mean) ** 2;
      }
      const std = count > 0 && squares > 0 ? Math.sqrt(squares / count) : 1;
      encoders.push({
        column,
        offset: width,
        width: 1,
        mean,
        std,
        levels: [],
        slotOfCode: new Int32Array(0),
      });
      width += 1;
    }
  }

  // Design matrices, row-major
  const encode = (rows: number[]): Float64Array => {
    const x = new Float64Array(rows.length * width);
    rows.forEach((row, r) => {
      const base = r * width;
      x[base] = 1;
      for (const encoder of encoders) {
        const column = encoder.column;
        if (column.type === 'string') {
          const code = column.codes[row]!;
          const slot = code >= 0 ? encoder.slotOfCode[code]! : -1;
          if (slot >= 0) x[base + encoder.offset + slot] = 1;
        } else {
          const value = numberAt(column.values, row);
          x[base + encoder.offset] = Number.isNaN(value) ? 0 : (value - encoder.mean) / encoder.std;
        }
      }
    });
    return x;
  };
  const trainIndex: number[] = [];
  const holdoutIndex: number[] = [];
  for (let row = 0; row < table.rows; row++) (isHoldout[row] ? holdoutIndex : trainIndex).push(row);
  const xTrain = encode(trainIndex);
  const yTrain = Uint8Array.from(trainIndex, (row) => labels[row]!);
  const xHoldout = encode(holdoutIndex);
  const yHoldout = Uint8Array.from(holdoutIndex, (row) => labels[row]!);

  // Newton's method on Σ logloss + λ/2 ‖w‖² (slot 0, the intercept, unpenalised)
  const p = width;
  const n = trainIndex.length;
  const beta = new Float64Array(p);
  const gradient = new Float64Array(p);
  const computeGradient = (hessian?: Float64Array): void => {
    gradient.fill(0);
    hessian?.fill(0);
    for (let r = 0; r < n; r++) {
      const base = r * p;
      let z = 0;
      for (let j = 0; j < p; j++) z += xTrain[base + j]! * beta[j]!;
      const probability = sigmoid(z);
      const residual = probability - yTrain[r]!;
      const weight = probability * (1 - probability);
      for (let j = 0; j < p; j++) {
        const xj = xTrain[base + j]!;
        if (xj === 0) continue;
        gradient[j] += residual * xj;
        if (hessian) for (let k = 0; k <= j; k++) hessian[j * p + k] += weight * xj * xTrain[base + k]!;
      }
    }
    for (let j = 1; j < p; j++) gradient[j] += options.l2 * beta[j]!;
    if (hessian) {
      for (let j = 1; j < p; j++) hessian[j * p + j] += options.l2;
      for (let j = 0; j < p; j++) for (let k = j + 1; k < p; k++) hessian[j * p + k] = hessian[k * p + j]!;
      // A tiny ridge on the intercept keeps the factorisation defined when every probability saturates.
      hessian[0] += 1e-12;
    }
  };
  const hessian = new Float64Array(p * p);
  let iterations = 0;
  let converged = false;
  while (iterations < options.maxIterations) {
    iterations++;
    computeGradient(hessian);
    const step = choleskySolve(hessian, gradient, p);
    let largest = 0;
    for (let j = 0; j < p; j++) {
      beta[j] -= step[j]!;
      largest = Math.max(largest, Math.abs(step[j]!));
    }
    if (largest < options.tolerance) {
      converged = true;
      break;
    }
  }
  computeGradient();

  const scores = (x: Float64Array, rows: number): Float64Array => {
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      let z = 0;
      for (let j = 0; j < p; j++) z += x[r * p + j]! * beta[j]!;
      out[r] = sigmoid(z);
    }
    return out;
  };
  const auc = (x: Float64Array, y: Uint8Array, part: string): number => {
    try {
      return rocAuc(scores(x, y.length), y);
    } catch {
      throw new UserError(
        'NO_ROWS',
        `${table.source}: the ${part} rows of '${options.target}' hold a single class; the AUC is undefined`,
      );
    }
  };

  const features: ModelFeature[] = encoders.map((encoder) =>
    encoder.column.type === 'string'
      ? {
          name: encoder.column.name,
          kind: 'categorical',
          levels: encoder.levels,
          weights: Array.from(beta.subarray(encoder.offset, encoder.offset + encoder.width)),
        }
      : {
          name: encoder.column.name,
          kind: 'numeric',
          mean: encoder.mean,
          std: encoder.std,
          weight: beta[encoder.offset]!,
        },
  );
  const model: ChurnModel = {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    target: options.target,
    id_column: options.idColumn,
    threshold: 0.5,
    intercept: beta[0]!,
    features,
    training: {
      source: table.source,
      rows: table.rows,
      train_rows: trainRows,
      holdout_rows: holdoutRows,
      holdout_fraction: options.holdoutFraction,
      seed: options.seed,
      l2: options.l2,
      iterations,
      converged,
      train_auc: auc(xTrain, yTrain, 'training'),
      holdout_auc: auc(xHoldout, yHoldout, 'holdout'),
    },
  };
  return { model, gradient };
}
