import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  fastSortedCopy
} from "./lib-chunk-XVY6L3DS.js";
import {
  UserError
} from "./lib-chunk-B7AXJZ3K.js";

// src/predictor/model.ts
var MODEL_FORMAT = "driftwatch-logistic-regression";
var MODEL_FORMAT_VERSION = 1;
function sigmoid(z) {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
function linearPredictor(model, values) {
  let z = model.intercept;
  model.features.forEach((feature, i) => {
    const value = values[i];
    if (feature.kind === "numeric") {
      if (typeof value === "number" && !Number.isNaN(value))
        z += feature.weight * (value - feature.mean) / feature.std;
    } else if (typeof value === "string") {
      const level = feature.levels.indexOf(value);
      if (level >= 0) z += feature.weights[level];
    }
  });
  return z;
}
function predictProbability(model, values) {
  return sigmoid(linearPredictor(model, values));
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function validateModel(document, source) {
  const fail = (what) => {
    throw new UserError("CONFIG", `${source}: not a valid driftwatch model: ${what}`);
  };
  if (!isObject(document)) return fail("expected a JSON object");
  if (document.format !== MODEL_FORMAT) return fail(`"format" must be "${MODEL_FORMAT}"`);
  if (document.version !== MODEL_FORMAT_VERSION)
    return fail(`unsupported "version" ${JSON.stringify(document.version)}`);
  if (typeof document.target !== "string") return fail('"target" must be a string');
  if (document.id_column !== null && typeof document.id_column !== "string")
    return fail('"id_column" must be a string or null');
  if (typeof document.intercept !== "number" || !Number.isFinite(document.intercept))
    return fail('"intercept" must be a finite number');
  if (typeof document.threshold !== "number" || !(document.threshold > 0 && document.threshold < 1))
    return fail('"threshold" must be a number in (0, 1)');
  if (!Array.isArray(document.features) || document.features.length === 0)
    return fail('"features" must be a non-empty array');
  document.features.forEach((feature, i) => {
    if (!isObject(feature) || typeof feature.name !== "string") return fail(`features[${i}] needs a "name"`);
    if (feature.kind === "numeric") {
      for (const key of ["mean", "std", "weight"])
        if (typeof feature[key] !== "number" || !Number.isFinite(feature[key]))
          fail(`features[${i}].${key} must be a finite number`);
      if (!(feature.std > 0)) fail(`features[${i}].std must be positive`);
    } else if (feature.kind === "categorical") {
      const { levels, weights } = feature;
      if (!Array.isArray(levels) || !levels.every((level) => typeof level === "string"))
        fail(`features[${i}].levels must be an array of strings`);
      if (!Array.isArray(weights) || !weights.every((w) => typeof w === "number" && Number.isFinite(w)))
        fail(`features[${i}].weights must be an array of finite numbers`);
      if (levels.length !== weights.length)
        fail(
          `features[${i}] has ${levels.length} levels but ${weights.length} weights`
        );
    } else {
      fail(`features[${i}].kind must be "numeric" or "categorical"`);
    }
  });
  if (!isObject(document.training)) return fail('"training" must be an object');
  return document;
}

// src/drift/model-quality/binary-sample.ts
function binarySample(scores, labels) {
  const n = scores.length;
  if (labels.length !== n) throw new Error("binarySample requires as many labels as scores");
  let positiveCount = 0;
  for (let i = 0; i < n; i++) {
    const label = labels[i];
    if (label > 1) throw new Error(`binarySample requires 0/1 labels, found ${label} at index ${i}`);
    if (Number.isNaN(scores[i])) throw new Error(`binarySample requires scores without NaN (index ${i})`);
    positiveCount += label;
  }
  const positives = new Float64Array(positiveCount);
  const negatives = new Float64Array(n - positiveCount);
  for (let i = 0, p = 0, q = 0; i < n; i++) {
    if (labels[i] === 1) positives[p++] = scores[i];
    else negatives[q++] = scores[i];
  }
  return { scores, labels, positives: fastSortedCopy(positives), negatives: fastSortedCopy(negatives) };
}
function labelledSample(scores, target) {
  const n = scores.length;
  if (target.length !== n) throw new Error("labelledSample requires one target value per score");
  let labelled = 0;
  for (let i = 0; i < n; i++) {
    const value = target[i];
    if (value === 0 || value === 1) labelled++;
    else if (!Number.isNaN(value))
      throw new Error(`labelledSample requires 0/1 targets, found ${value} at row ${i}`);
  }
  const labelledScores = new Float64Array(labelled);
  const labels = new Uint8Array(labelled);
  for (let i = 0, k = 0; i < n; i++) {
    const value = target[i];
    if (value === 0 || value === 1) {
      labelledScores[k] = scores[i];
      labels[k++] = value;
    }
  }
  return binarySample(labelledScores, labels);
}

// src/drift/model-quality/roc-auc.ts
function rocAuc(sample) {
  const { positives, negatives } = sample;
  const positiveCount = positives.length;
  const negativeCount = negatives.length;
  if (positiveCount === 0 || negativeCount === 0)
    throw new Error("rocAuc requires at least one positive and one negative label");
  let twiceU = 0;
  let below = 0;
  for (let start = 0; start < positiveCount; ) {
    const value = positives[start];
    let end = start + 1;
    while (end < positiveCount && positives[end] === value) end++;
    while (below < negativeCount && negatives[below] < value) below++;
    let notAbove = below;
    while (notAbove < negativeCount && negatives[notAbove] === value) notAbove++;
    twiceU += (end - start) * (below + notAbove);
    start = end;
  }
  return twiceU / (2 * positiveCount * negativeCount);
}

export {
  binarySample,
  labelledSample,
  rocAuc,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  sigmoid,
  predictProbability,
  validateModel
};
