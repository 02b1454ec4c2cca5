import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);
import {
  DEFAULT_TRAIN_OPTIONS,
  trainChurnModel
} from "./lib-chunk-ZC4DHHH7.js";
import {
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
  writeFileAtomic
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

// src/cli/commands/train.ts
var usage = `Usage: driftwatch train --snapshot SOURCE --target COLUMN --out model.json [options]

Fits a logistic regression on standardised numeric (and boolean) columns and one-hot categorical columns,
deterministically (hash-based holdout split, Newton's method; no random numbers), and prints the holdout AUC.

  --snapshot SOURCE     training snapshot: .csv .tsv .jsonl .parquet, or git:<rev>:<path>
  --target COLUMN       binary target column (0/1 or boolean)
  --out PATH            where model.json is written (temp file + rename)
  --id-column COLUMN    row id, excluded from the features and hashed for the split
                        (default: user_id when the snapshot has it, else the row number)
  --features a,b        feature columns (default: every column but the target and the id)
  --holdout X           share of rows held out for the AUC (default ${DEFAULT_TRAIN_OPTIONS.holdoutFraction})
  --seed N              salt of the split hash (default ${DEFAULT_TRAIN_OPTIONS.seed})
  --l2 X                L2 penalty on the weights (default ${DEFAULT_TRAIN_OPTIONS.l2}, scikit-learn's C=1)

Exit codes: 0 trained, 2 usage or input error.`;
var flags = {
  snapshot: { type: "string" },
  target: { type: "string" },
  out: { type: "string" },
  "id-column": { type: "string" },
  features: { type: "string" },
  holdout: { type: "string" },
  seed: { type: "string" },
  l2: { type: "string" }
};
function parseSettings(argv) {
  const values = parseFlags("train", argv, flags);
  const required = (flag) => {
    const value = values[flag];
    if (value === void 0 || value.trim() === "")
      throw new UserError("USAGE", `train: --${flag} is required`);
    return value;
  };
  const seed = values.seed === void 0 ? DEFAULT_TRAIN_OPTIONS.seed : parseNumberSetting("--seed", values.seed, { min: 0 });
  if (!Number.isInteger(seed)) throw new UserError("USAGE", `--seed: '${values.seed}' is not an integer`);
  const holdoutFraction = values.holdout === void 0 ? DEFAULT_TRAIN_OPTIONS.holdoutFraction : parseNumberSetting("--holdout", values.holdout, { min: 0, max: 1 });
  if (!(holdoutFraction > 0 && holdoutFraction < 1))
    throw new UserError("USAGE", `--holdout: ${values.holdout} must be between 0 and 1 (exclusive)`);
  return {
    source: parseSnapshotSource("--snapshot", required("snapshot")),
    out: required("out"),
    idColumn: values["id-column"],
    options: {
      target: required("target"),
      features: values.features === void 0 ? [] : splitList(values.features),
      holdoutFraction,
      seed,
      l2: values.l2 === void 0 ? DEFAULT_TRAIN_OPTIONS.l2 : parseNumberSetting("--l2", values.l2, { min: 0 }),
      maxIterations: DEFAULT_TRAIN_OPTIONS.maxIterations,
      tolerance: DEFAULT_TRAIN_OPTIONS.tolerance
    }
  };
}
var trainCommand = {
  name: "train",
  usage,
  async run(argv, io) {
    const settings = parseSettings(argv);
    const table = await loadSnapshot(settings.source, io.cwd);
    const idColumn = settings.idColumn ?? (getColumn(table, "user_id") ? "user_id" : null);
    const { model } = trainChurnModel(table, { ...settings.options, idColumn });
    const out = settings.out;
    writeFileAtomic(out, JSON.stringify(model, null, 2) + "\n");
    const info = model.training;
    io.stdout.write(
      `trained on ${info.train_rows} rows (${info.holdout_rows} held out), ${model.features.length} features, ${info.iterations} Newton iterations${info.converged ? "" : " (NOT converged)"}
train AUC ${info.train_auc.toFixed(4)}
holdout AUC ${info.holdout_auc.toFixed(4)}
wrote ${out}
`
    );
    return ExitCode.Ok;
  }
};
export {
  trainCommand
};
