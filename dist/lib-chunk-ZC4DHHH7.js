import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  binarySample,
  rocAuc,
  sigmoid
} from "./lib-chunk-ZFKH7BIN.js";
import {
  getColumn,
  numberAt
} from "./lib-chunk-B5PSUBWR.js";
import {
  UserError
} from "./lib-chunk-B7AXJZ3K.js";

// src/predictor/auc.ts
function rocAuc2(scores, labels) {
  return rocAuc(binarySample(scores, labels));
}

// src/predictor/train.ts
var DEFAULT_TRAIN_OPTIONS = {
  idColumn: null,
  features: [],
  holdoutFraction: 0.2,
  seed: 42,
  l2: 1,
  maxIterations: 100,
  tolerance: 1e-10
};
function splitUnit(key, seed) {
  let hash = 2166136261 ^ seed >>> 0;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) / 4294967296;
}
function holdoutMask(table, idColumn, fraction, seed) {
  const isHoldout = new Uint8Array(table.rows);
  for (let row = 0; row < table.rows; row++) {
    const key = idColumn ? String(cellValue(idColumn, row)) : String(row);
    isHoldout[row] = splitUnit(key, seed) < fraction ? 1 : 0;
  }
  return isHoldout;
}
function cellValue(column, row) {
  if (column.type === "string") {
    const code = column.codes[row];
    return code < 0 ? null : column.dictionary[code];
  }
  const value = numberAt(column.values, row);
  return Number.isNaN(value) ? null : value;
}
function targetLabels(table, target) {
  const column = getColumn(table, target);
  if (!column) throw new UserError("COLUMN_MISSING", `${table.source}: target column '${target}' not found`);
  if (column.type === "string" || column.type === "datetime")
    throw new UserError(
      "COLUMN_TYPE_MISMATCH",
      `${table.source}: target column '${target}' must be 0/1 or boolean, found ${column.type}`
    );
  const labels = new Uint8Array(table.rows);
  for (let row = 0; row < table.rows; row++) {
    const value = numberAt(column.values, row);
    if (value !== 0 && value !== 1)
      throw new UserError(
        "COLUMN_TYPE_MISMATCH",
        `${table.source}: target column '${target}' must be 0/1, found ${Number.isNaN(value) ? "a missing value" : value} at data row ${row + 1}`
      );
    labels[row] = value;
  }
  return labels;
}
function featureColumns(table, options) {
  const names = options.features.length > 0 ? options.features : table.columns.map((column) => column.name).filter((name) => name !== options.target && name !== options.idColumn);
  return names.map((name) => {
    const column = getColumn(table, name);
    if (!column) throw new UserError("COLUMN_MISSING", `${table.source}: feature column '${name}' not found`);
    if (name === options.target) throw new UserError("USAGE", `--features: '${name}' is the target`);
    if (column.type === "datetime")
      throw new UserError(
        "COLUMN_TYPE_MISMATCH",
        `${table.source}: column '${name}' is a datetime; exclude it with --features`
      );
    return column;
  });
}
function choleskySolve(a, b, p) {
  for (let j = 0; j < p; j++) {
    let diagonal = a[j * p + j];
    for (let k = 0; k < j; k++) diagonal -= a[j * p + k] ** 2;
    if (!(diagonal > 0)) throw new Error("Hessian is not positive definite");
    const ljj = Math.sqrt(diagonal);
    a[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let sum = a[i * p + j];
      for (let k = 0; k < j; k++) sum -= a[i * p + k] * a[j * p + k];
      a[i * p + j] = sum / ljj;
    }
  }
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= a[i * p + k] * y[k];
    y[i] = sum / a[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < p; k++) sum -= a[k * p + i] * x[k];
    x[i] = sum / a[i * p + i];
  }
  return x;
}
function trainChurnModel(table, options) {
  if (!(options.holdoutFraction > 0 && options.holdoutFraction < 1))
    throw new UserError("USAGE", `--holdout: ${options.holdoutFraction} must be between 0 and 1 (exclusive)`);
  const labels = targetLabels(table, options.target);
  const columns = featureColumns(table, options);
  let idColumn;
  if (options.idColumn !== null) {
    idColumn = getColumn(table, options.idColumn);
    if (!idColumn)
      throw new UserError("COLUMN_MISSING", `${table.source}: id column '${options.idColumn}' not found`);
  }
  const isHoldout = holdoutMask(table, idColumn, options.holdoutFraction, options.seed);
  let holdoutRows = 0;
  for (let row = 0; row < table.rows; row++) holdoutRows += isHoldout[row];
  const trainRows = table.rows - holdoutRows;
  if (trainRows === 0 || holdoutRows === 0)
    throw new UserError(
      "NO_ROWS",
      `${table.source}: ${table.rows} rows are too few for a holdout split of ${options.holdoutFraction}`
    );
  const encoders = [];
  let width = 1;
  for (const column of columns) {
    if (column.type === "string") {
      const seen = new Uint8Array(column.dictionary.length);
      for (let row = 0; row < table.rows; row++)
        if (!isHoldout[row] && column.codes[row] >= 0) seen[column.codes[row]] = 1;
      const levels = column.dictionary.filter((_, code) => seen[code]).sort();
      const slotOfCode = new Int32Array(column.dictionary.length).fill(-1);
      column.dictionary.forEach(
        (level, code) => slotOfCode[code] = seen[code] ? levels.indexOf(level) : -1
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
        slotOfCode: new Int32Array(0)
      });
      width += 1;
    }
  }
  const encode = (rows) => {
    const x = new Float64Array(rows.length * width);
    rows.forEach((row, r) => {
      const base = r * width;
      x[base] = 1;
      for (const encoder of encoders) {
        const column = encoder.column;
        if (column.type === "string") {
          const code = column.codes[row];
          const slot = code >= 0 ? encoder.slotOfCode[code] : -1;
          if (slot >= 0) x[base + encoder.offset + slot] = 1;
        } else {
          const value = numberAt(column.values, row);
          x[base + encoder.offset] = Number.isNaN(value) ? 0 : (value - encoder.mean) / encoder.std;
        }
      }
    });
    return x;
  };
  const trainIndex = [];
  const holdoutIndex = [];
  for (let row = 0; row < table.rows; row++) (isHoldout[row] ? holdoutIndex : trainIndex).push(row);
  const xTrain = encode(trainIndex);
  const yTrain = Uint8Array.from(trainIndex, (row) => labels[row]);
  const xHoldout = encode(holdoutIndex);
  const yHoldout = Uint8Array.from(holdoutIndex, (row) => labels[row]);
  const p = width;
  const n = trainIndex.length;
  const beta = new Float64Array(p);
  const gradient = new Float64Array(p);
  const computeGradient = (hessian2) => {
    gradient.fill(0);
    hessian2?.fill(0);
    for (let r = 0; r < n; r++) {
      const base = r * p;
      let z = 0;
      for (let j = 0; j < p; j++) z += xTrain[base + j] * beta[j];
      const probability = sigmoid(z);
      const residual = probability - yTrain[r];
      const weight = probability * (1 - probability);
      for (let j = 0; j < p; j++) {
        const xj = xTrain[base + j];
        if (xj === 0) continue;
        gradient[j] += residual * xj;
        if (hessian2) for (let k = 0; k <= j; k++) hessian2[j * p + k] += weight * xj * xTrain[base + k];
      }
    }
    for (let j = 1; j < p; j++) gradient[j] += options.l2 * beta[j];
    if (hessian2) {
      for (let j = 1; j < p; j++) hessian2[j * p + j] += options.l2;
      for (let j = 0; j < p; j++) for (let k = j + 1; k < p; k++) hessian2[j * p + k] = hessian2[k * p + j];
      hessian2[0] += 1e-12;
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
      beta[j] -= step[j];
      largest = Math.max(largest, Math.abs(step[j]));
    }
    if (largest < options.tolerance) {
      converged = true;
      break;
    }
  }
  computeGradient();
  const scores = (x, rows) => {
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      let z = 0;
      for (let j = 0; j < p; j++) z += x[r * p + j] * beta[j];
      out[r] = sigmoid(z);
    }
    return out;
  };
  const auc = (x, y, part) => {
    try {
      return rocAuc2(scores(x, y.length), y);
    } catch {
      throw new UserError(
        "NO_ROWS",
        `${table.source}: the ${part} rows of '${options.target}' hold a single class; the AUC is undefined`
      );
    }
  };
  const features = encoders.map(
    (encoder) => encoder.column.type === "string" ? {
      name: encoder.column.name,
      kind: "categorical",
      levels: encoder.levels,
      weights: Array.from(beta.subarray(encoder.offset, encoder.offset + encoder.width))
    } : {
      name: encoder.column.name,
      kind: "numeric",
      mean: encoder.mean,
      std: encoder.std,
      weight: beta[encoder.offset]
    }
  );
  const model = {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    target: options.target,
    id_column: options.idColumn,
    threshold: 0.5,
    intercept: beta[0],
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
      train_auc: auc(xTrain, yTrain, "training"),
      holdout_auc: auc(xHoldout, yHoldout, "holdout")
    }
  };
  return { model, gradient };
}

export {
  DEFAULT_TRAIN_OPTIONS,
  holdoutMask,
  cellValue,
  trainChurnModel
};
