/**
 * `driftwatch evaluate`: one or two churn models scored on the same snapshot rows (the holdout of training's split
 * with --holdout), their metrics side by side, and whether the challenger beats the champion on ROC AUC.
 */
import { basename, extname } from 'node:path';
import { ExitCode, UserError } from '../../errors.js';
import {
  EVALUATION_FORMATS,
  runEvaluateJob,
  type EvaluateSettings,
  type EvaluationFormat,
  type NamedModel,
} from '../../job/evaluate-job.js';
import { DEFAULT_TRAIN_OPTIONS } from '../../predictor/train.js';
import { parseSnapshotSource } from '../../snapshot/source.js';
import { parseNumberSetting, splitList } from '../../util/values.js';
import { parseFlags } from '../args.js';
import type { CliIo, Command } from '../io.js';

const usage = `Usage: driftwatch evaluate --model [NAME=]PATH [--model [NAME=]PATH] --snapshot SOURCE [options]

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

const flags = {
  model: { type: 'string', multiple: true },
  snapshot: { type: 'string' },
  'snapshot-label': { type: 'string' },
  target: { type: 'string' },
  holdout: { type: 'string' },
  seed: { type: 'string' },
  'id-column': { type: 'string' },
  threshold: { type: 'string' },
  'min-auc-gain': { type: 'string' },
  'auc-gain-confidence': { type: 'string' },
  'report-dir': { type: 'string' },
  format: { type: 'string' },
} as const;

/** `NAME=PATH` or `PATH`; unnamed models are called champion and challenger when there are two. */
function parseModels(values: readonly string[]): NamedModel[] {
  if (values.length === 0) throw new UserError('USAGE', 'evaluate: --model is required');
  if (values.length > 2)
    throw new UserError(
      'USAGE',
      `evaluate: --model given ${values.length} times; give one, or two (champion, challenger)`,
    );
  const models = values.map((value, i) => {
    const match = /^([A-Za-z][\w.-]*)=(.+)$/.exec(value);
    if (match) return { name: match[1]!, path: match[2]! };
    if (value.trim() === '') throw new UserError('USAGE', '--model: a model path is required');
    const name =
      values.length === 2 ? (i === 0 ? 'champion' : 'challenger') : basename(value, extname(value));
    return { name, path: value };
  });
  if (models.length === 2 && models[0]!.name === models[1]!.name)
    throw new UserError('USAGE', `--model: both models are named '${models[0]!.name}'`);
  return models;
}

function parseConfidence(flag: string, value: string): number {
  const confidence = parseNumberSetting(flag, value);
  if (!(confidence > 0 && confidence < 1))
    throw new UserError('USAGE', `${flag}: ${value} must be between 0 and 1 (exclusive), e.g. 0.95`);
  return confidence;
}

/** Builds the validated settings from argv; every problem is a one-line UserError naming the flag. */
export function parseEvaluateArgs(argv: readonly string[], io: CliIo): EvaluateSettings {
  const values = parseFlags('evaluate', argv, flags);
  if (values.snapshot === undefined) throw new UserError('USAGE', 'evaluate: --snapshot is required');
  const seed =
    values.seed === undefined
      ? DEFAULT_TRAIN_OPTIONS.seed
      : parseNumberSetting('--seed', values.seed, { min: 0 });
  if (!Number.isInteger(seed)) throw new UserError('USAGE', `--seed: '${values.seed}' is not an integer`);
  if (values.holdout === undefined && (values.seed !== undefined || values['id-column'] !== undefined))
    throw new UserError(
      'USAGE',
      `evaluate: --${values.seed !== undefined ? 'seed' : 'id-column'} needs --holdout`,
    );
  let holdout: EvaluateSettings['holdout'];
  if (values.holdout !== undefined) {
    const fraction = parseNumberSetting('--holdout', values.holdout);
    if (!(fraction > 0 && fraction < 1))
      throw new UserError('USAGE', `--holdout: ${values.holdout} must be between 0 and 1 (exclusive)`);
    holdout = { fraction, seed, idColumn: values['id-column'] };
  }
  const formats = values.format === undefined ? [...EVALUATION_FORMATS] : splitList(values.format);
  if (formats.length === 0) throw new UserError('USAGE', '--format: name at least one of json, md');
  for (const format of formats)
    if (!(EVALUATION_FORMATS as readonly string[]).includes(format))
      throw new UserError(
        'USAGE',
        `--format: unknown format '${format}' (known: ${EVALUATION_FORMATS.join(', ')})`,
      );
  return {
    models: parseModels(values.model ?? []),
    snapshot: parseSnapshotSource('--snapshot', values.snapshot),
    snapshotLabel: values['snapshot-label'],
    target: values.target,
    holdout,
    threshold: values.threshold === undefined ? undefined : parseConfidence('--threshold', values.threshold),
    rule: {
      minAucGain:
        values['min-auc-gain'] === undefined
          ? 0
          : parseNumberSetting('--min-auc-gain', values['min-auc-gain'], { min: -1, max: 1 }),
      confidence:
        values['auc-gain-confidence'] === undefined
          ? undefined
          : parseConfidence('--auc-gain-confidence', values['auc-gain-confidence']),
    },
    reportDir: values['report-dir'] ?? 'reports',
    formats: [...new Set(formats)] as EvaluationFormat[],
    cwd: io.cwd,
  };
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  usage,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const outcome = await runEvaluateJob(parseEvaluateArgs(argv, io));
    io.stdout.write(outcome.summaryLine + '\n');
    for (const warning of outcome.report.warnings) io.stderr.write(`warning: ${warning}\n`);
    return ExitCode.Ok;
  },
};
