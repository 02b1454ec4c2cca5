import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  measureClassification,
  pairedAucGain,
  readTarget,
  renderEvaluationJson,
  renderEvaluationMarkdown,
  scoreTable
} from "./lib-chunk-2KPYPDV6.js";
import {
  readModelFile
} from "./lib-chunk-BF6ZWWRF.js";
import "./lib-chunk-QPUCOD3P.js";
import "./lib-chunk-YILB7LQL.js";
import "./lib-chunk-K6LS4N3U.js";
import {
  DEFAULT_TRAIN_OPTIONS,
  holdoutMask
} from "./lib-chunk-ZC4DHHH7.js";
import {
  defaultLabel,
  loadSnapshot,
  parseNumberSetting,
  parseSnapshotSource,
  splitList
} from "./lib-chunk-IPFD7OHJ.js";
import "./lib-chunk-ZFKH7BIN.js";
import {
  parseFlags
} from "./lib-chunk-RCRKTVFD.js";
import "./lib-chunk-RTQKJJQO.js";
import {
  fileNamePart,
  writeFileSetAtomic
} from "./lib-chunk-4C3UKEYM.js";
import "./lib-chunk-PN6SSXAQ.js";
import "./lib-chunk-3MDFVLDT.js";
import "./lib-chunk-XVY6L3DS.js";
import "./lib-chunk-R6DACXVA.js";
import {
  getColumn
} from "./lib-chunk-B5PSUBWR.js";
import {
  ExitCode,
  UserError
} from "./lib-chunk-B7AXJZ3K.js";
import "./lib-chunk-3E4SIUCO.js";

// src/cli/commands/evaluate.ts
import { basename, extname } from "node:path";

// src/job/evaluate-job.ts
import { isAbsolute, join } from "node:path";

// src/drift/model-quality/evaluation-report.ts
var EVALUATION_SCHEMA_VERSION = 1;

// src/drift/model-quality/model-comparison.ts
var fixed = (value) => value.toFixed(4);
function compareModels(baseline, candidate, rule) {
  const comparison = {
    baseline: baseline.name,
    candidate: candidate.name,
    auc_gain: null,
    auc_gain_ci95: null,
    p_value: null,
    method: "delong-paired",
    min_auc_gain: rule.minAucGain,
    confidence: rule.confidence ?? null,
    auc_gain_lower_bound: null,
    winner: null,
    reason: ""
  };
  if (baseline.rocAuc === null || candidate.rocAuc === null) {
    comparison.reason = "no winner: roc_auc is undefined on the evaluated rows (they need both classes)";
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
  if (rule.confidence !== void 0) {
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
  comparison.reason = wins ? `${candidate.name} wins: ${what} > ${rule.minAucGain}` : `${baseline.name} stays: ${what} <= ${rule.minAucGain}`;
  return comparison;
}
function percent(confidence) {
  return `${Number((confidence * 100).toPrecision(6))}%`;
}

// src/job/evaluate-job.ts
var EVALUATION_FORMATS = ["json", "md"];
function selectRows(table, holdout, challenger) {
  let idColumn;
  if (holdout.idColumn !== void 0) {
    if (!getColumn(table, holdout.idColumn))
      throw new UserError(
        "COLUMN_MISSING",
        `${table.source}: id column '${holdout.idColumn}' not found (--id-column)`
      );
    idColumn = holdout.idColumn;
  } else if (challenger.id_column !== null && getColumn(table, challenger.id_column)) {
    idColumn = challenger.id_column;
  } else {
    idColumn = getColumn(table, "user_id") ? "user_id" : null;
  }
  const column = idColumn === null ? void 0 : getColumn(table, idColumn);
  return { mask: holdoutMask(table, column, holdout.fraction, holdout.seed), idColumn };
}
function pick(values, mask, count) {
  if (!mask) return values;
  const out = new Float64Array(count);
  for (let row = 0, k = 0; row < values.length; row++) if (mask[row]) out[k++] = values[row];
  return out;
}
async function runEvaluateJob(settings) {
  if (settings.models.length < 1 || settings.models.length > 2)
    throw new UserError("USAGE", "evaluate: give one --model, or two (champion first, then challenger)");
  const models = await Promise.all(
    settings.models.map((named) => readModelFile("--model", named.path, settings.cwd))
  );
  const table = await loadSnapshot(settings.snapshot, settings.cwd);
  const target = settings.target ?? models[0].target;
  const targetValues = readTarget(table, target);
  const scores = models.map((model) => scoreTable(model, table));
  const selection = settings.holdout ? selectRows(table, settings.holdout, models.at(-1)) : void 0;
  let evaluatedRows = table.rows;
  if (selection) evaluatedRows = selection.mask.reduce((sum, bit) => sum + bit, 0);
  if (evaluatedRows === 0)
    throw new UserError(
      "NO_ROWS",
      `${table.source}: the holdout of ${settings.holdout.fraction} selects no rows`
    );
  const labels = pick(targetValues, selection?.mask, evaluatedRows);
  const measured = models.map(
    (model, i) => measureClassification(
      pick(scores[i], selection?.mask, evaluatedRows),
      labels,
      settings.threshold ?? model.threshold
    )
  );
  if (measured[0].quality.labelled === 0)
    throw new UserError(
      "NO_ROWS",
      `${table.source}: no labelled rows to evaluate on ('${target}' is missing on every ${selection ? "holdout " : ""}row)`
    );
  const warnings = [];
  const evaluated = models.map((model, i) => {
    const named = settings.models[i];
    const info = model.training;
    if (model.target !== target)
      warnings.push(`${named.name} was trained for target '${model.target}', evaluated against '${target}'`);
    if (info.source === table.source) {
      const sameSplit = selection !== void 0 && settings.holdout.fraction === info.holdout_fraction && settings.holdout.seed === info.seed && selection.idColumn === model.id_column;
      if (!sameSplit)
        warnings.push(
          `${named.name} was trained on ${table.source} and is evaluated on rows it was trained on: its metrics are optimistic (evaluate with --holdout ${info.holdout_fraction} --seed ${info.seed}${model.id_column ? ` --id-column ${model.id_column}` : ""})`
        );
    }
    return {
      name: named.name,
      source: named.path,
      threshold: settings.threshold ?? model.threshold,
      trained_on: {
        source: info.source,
        rows: info.rows,
        holdout_fraction: info.holdout_fraction,
        seed: info.seed,
        holdout_auc: info.holdout_auc
      },
      ...measured[i].quality
    };
  });
  const comparison = models.length === 2 ? compareModels(
    { name: evaluated[0].name, sample: measured[0].sample, rocAuc: evaluated[0].roc_auc },
    { name: evaluated[1].name, sample: measured[1].sample, rocAuc: evaluated[1].roc_auc },
    settings.rule
  ) : null;
  const label = settings.snapshotLabel ?? defaultLabel(settings.snapshot);
  const report = {
    schema_version: EVALUATION_SCHEMA_VERSION,
    snapshot: {
      label,
      source: table.source,
      rows: table.rows,
      evaluated_rows: evaluatedRows,
      holdout: settings.holdout ? { fraction: settings.holdout.fraction, seed: settings.holdout.seed, id_column: selection.idColumn } : null
    },
    target,
    models: evaluated,
    comparison,
    warnings
  };
  const base = join(settings.reportDir, `evaluation_${fileNamePart(label)}`);
  const rendered = settings.formats.map(
    (format) => format === "json" ? [format, `${base}.json`, renderEvaluationJson(report)] : [format, `${base}.md`, renderEvaluationMarkdown(report)]
  );
  await writeFileSetAtomic(
    rendered.map(([, path, content]) => ({
      path: isAbsolute(path) ? path : join(settings.cwd, path),
      content
    }))
  );
  const files = {};
  for (const [format, path] of rendered) files[format] = path;
  return { report, files, summaryLine: summaryLine(report, files) };
}
function summaryLine(report, files) {
  const parts = ["[driftwatch]"];
  if (files.json) parts.push(`report_json=${files.json}`);
  if (files.md) parts.push(`report_md=${files.md}`);
  for (const model of report.models)
    parts.push(`${model.name} roc_auc=${model.roc_auc === null ? "n/a" : model.roc_auc.toFixed(4)}`);
  if (report.comparison) parts.push(`-> ${report.comparison.reason}`);
  return parts.join(" ");
}

// src/cli/commands/evaluate.ts
var usage = `Usage: driftwatch evaluate --model [NAME=]PATH [--model [NAME=]PATH] --snapshot SOURCE [options]

Scores the snapshot with each model (model.json written by driftwatch train) and measures them on the same
labelled rows: ROC AUC, log loss, Brier score, accuracy, precision, recall, F1, predicted positive rate and the
confusion matrix (scikit-learn's definitions). With two models the first is the champion, the second the
challenger: the challenger's AUC gain gets a paired DeLong 95% interval and the report names the winner.

  --model [NAME=]PATH       model file, repeatable (at most two); NAME labels it in the report
                            (default: champion and challenger with two models, else the file name)
  --snapshot SOURCE         labelled snapshot: .csv .tsv .jsonl .parquet, or git:<rev>:<path>
  --snapshot-label L        report label (default: file name without extension)
  --target COLUMN           0/1 target (default: the first model's target); rows without a label are left out
  --holdout X               evaluate only the rows train holds out with this fraction (same hash split)
  --seed N                  salt of that split (default ${DEFAULT_TRAIN_OPTIONS.seed}, train's default)
  --id-column COLUMN        column the split hashes (default: the challenger's id column, else user_id when
                            present, else the row number: train's rule)
  --threshold X             probability threshold for every model (default: each model's own)
  --min-auc-gain X          the challenger wins when its AUC gain is above X (default 0)
  --auc-gain-confidence C   ... when the lower bound of the two-sided C interval of the gain is above X
  --report-dir DIR          where reports are written (default reports)
  --format LIST             json,md (default json,md)

Exit codes: 0 evaluated (whoever wins), 2 usage or input error.`;
var flags = {
  model: { type: "string", multiple: true },
  snapshot: { type: "string" },
  "snapshot-label": { type: "string" },
  target: { type: "string" },
  holdout: { type: "string" },
  seed: { type: "string" },
  "id-column": { type: "string" },
  threshold: { type: "string" },
  "min-auc-gain": { type: "string" },
  "auc-gain-confidence": { type: "string" },
  "report-dir": { type: "string" },
  format: { type: "string" }
};
function parseModels(values) {
  if (values.length === 0) throw new UserError("USAGE", "evaluate: --model is required");
  if (values.length > 2)
    throw new UserError(
      "USAGE",
      `evaluate: --model given ${values.length} times; give one, or two (champion, challenger)`
    );
  const models = values.map((value, i) => {
    const match = /^([A-Za-z][\w.-]*)=(.+)$/.exec(value);
    if (match) return { name: match[1], path: match[2] };
    if (value.trim() === "") throw new UserError("USAGE", "--model: a model path is required");
    const name = values.length === 2 ? i === 0 ? "champion" : "challenger" : basename(value, extname(value));
    return { name, path: value };
  });
  if (models.length === 2 && models[0].name === models[1].name)
    throw new UserError("USAGE", `--model: both models are named '${models[0].name}'`);
  return models;
}
function parseConfidence(flag, value) {
  const confidence = parseNumberSetting(flag, value);
  if (!(confidence > 0 && confidence < 1))
    throw new UserError("USAGE", `${flag}: ${value} must be between 0 and 1 (exclusive), e.g. 0.95`);
  return confidence;
}
function parseEvaluateArgs(argv, io) {
  const values = parseFlags("evaluate", argv, flags);
  if (values.snapshot === void 0) throw new UserError("USAGE", "evaluate: --snapshot is required");
  const seed = values.seed === void 0 ? DEFAULT_TRAIN_OPTIONS.seed : parseNumberSetting("--seed", values.seed, { min: 0 });
  if (!Number.isInteger(seed)) throw new UserError("USAGE", `--seed: '${values.seed}' is not an integer`);
  if (values.holdout === void 0 && (values.seed !== void 0 || values["id-column"] !== void 0))
    throw new UserError(
      "USAGE",
      `evaluate: --${values.seed !== void 0 ? "seed" : "id-column"} needs --holdout`
    );
  let holdout;
  if (values.holdout !== void 0) {
    const fraction = parseNumberSetting("--holdout", values.holdout);
    if (!(fraction > 0 && fraction < 1))
      throw new UserError("USAGE", `--holdout: ${values.holdout} must be between 0 and 1 (exclusive)`);
    holdout = { fraction, seed, idColumn: values["id-column"] };
  }
  const formats = values.format === void 0 ? [...EVALUATION_FORMATS] : splitList(values.format);
  if (formats.length === 0) throw new UserError("USAGE", "--format: name at least one of json, md");
  for (const format of formats)
    if (!EVALUATION_FORMATS.includes(format))
      throw new UserError(
        "USAGE",
        `--format: unknown format '${format}' (known: ${EVALUATION_FORMATS.join(", ")})`
      );
  return {
    models: parseModels(values.model ?? []),
    snapshot: parseSnapshotSource("--snapshot", values.snapshot),
    snapshotLabel: values["snapshot-label"],
    target: values.target,
    holdout,
    threshold: values.threshold === void 0 ? void 0 : parseConfidence("--threshold", values.threshold),
    rule: {
      minAucGain: values["min-auc-gain"] === void 0 ? 0 : parseNumberSetting("--min-auc-gain", values["min-auc-gain"], { min: -1, max: 1 }),
      confidence: values["auc-gain-confidence"] === void 0 ? void 0 : parseConfidence("--auc-gain-confidence", values["auc-gain-confidence"])
    },
    reportDir: values["report-dir"] ?? "reports",
    formats: [...new Set(formats)],
    cwd: io.cwd
  };
}
var evaluateCommand = {
  name: "evaluate",
  usage,
  async run(argv, io) {
    const outcome = await runEvaluateJob(parseEvaluateArgs(argv, io));
    io.stdout.write(outcome.summaryLine + "\n");
    for (const warning of outcome.report.warnings) io.stderr.write(`warning: ${warning}
`);
    return ExitCode.Ok;
  }
};
export {
  evaluateCommand,
  parseEvaluateArgs
};
