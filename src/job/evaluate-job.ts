/**
 * The `evaluate` job: score one snapshot (or the holdout rows of training's split of it) with one or two models,
 * measure both on the same labelled rows, compare the second (challenger) with the first (champion), and write
 * the JSON and Markdown reports atomically.
 */
import { isAbsolute, join } from 'node:path';
import { UserError } from '../errors.js';
import { measureClassification } from '../drift/model-quality/classification-quality.js';
import {
  EVALUATION_SCHEMA_VERSION,
  type EvaluatedModel,
  type EvaluationReport,
} from '../drift/model-quality/evaluation-report.js';
import { compareModels, type WinRule } from '../drift/model-quality/model-comparison.js';
import type { ChurnModel } from '../predictor/model.js';
import { readTarget, scoreTable } from '../predictor/score.js';
import { readModelFile } from '../predictor/model-file.js';
import { holdoutMask } from '../predictor/train.js';
import { renderEvaluationJson, renderEvaluationMarkdown } from '../report/model-quality.js';
import { loadSnapshot } from '../snapshot/files.js';
import { defaultLabel, type FileSnapshotSource } from '../snapshot/source.js';
import { fileNamePart, writeFileSetAtomic } from '../util/fs.js';
import { getColumn, type Table } from '../snapshot/table.js';

export const EVALUATION_FORMATS = ['json', 'md'] as const;
export type EvaluationFormat = (typeof EVALUATION_FORMATS)[number];

/** A model to evaluate: its name in the report and its file. */
export interface NamedModel {
  readonly name: string;
  readonly path: string;
}

/** The validated settings of one `evaluate` job. */
export interface EvaluateSettings {
  /** One or two models; with two, the first is the champion and the second the challenger. */
  readonly models: readonly NamedModel[];
  readonly snapshot: FileSnapshotSource;
  /** Report label of the snapshot; default the file name without extension. */
  readonly snapshotLabel?: string;
  /** Target column; default the first model's target. */
  readonly target?: string;
  /** Evaluate only the holdout rows of training's split (same fraction, seed and id column as `train`). */
  readonly holdout?: {
    readonly fraction: number;
    readonly seed: number;
    /** Undefined: the challenger's id column, else user_id when the snapshot has it, else the row number. */
    readonly idColumn?: string;
  };
  /** Probability threshold for every model; default each model's own. */
  readonly threshold?: number;
  readonly rule: WinRule;
  readonly reportDir: string;
  readonly formats: readonly EvaluationFormat[];
  readonly cwd: string;
}

export interface EvaluateOutcome {
  readonly report: EvaluationReport;
  readonly files: Partial<Record<EvaluationFormat, string>>;
  /** `[driftwatch] evaluate ... -> challenger wins ...`, printed by the CLI. */
  readonly summaryLine: string;
}

/** The holdout selection: a mask over the snapshot's rows and the id column it was hashed on. */
function selectRows(
  table: Table,
  holdout: NonNullable<EvaluateSettings['holdout']>,
  challenger: ChurnModel,
): { mask: Uint8Array; idColumn: string | null } {
  let idColumn: string | null;
  if (holdout.idColumn !== undefined) {
    if (!getColumn(table, holdout.idColumn))
      throw new UserError(
        'COLUMN_MISSING',
        `${table.source}: id column '${holdout.idColumn}' not found (--id-column)`,
      );
    idColumn = holdout.idColumn;
  } else if (challenger.id_column !== null && getColumn(table, challenger.id_column)) {
    idColumn = challenger.id_column;
  } else {
    idColumn = getColumn(table, 'user_id') ? 'user_id' : null;
  }
  const column = idColumn === null ? undefined : getColumn(table, idColumn);
  return { mask: holdoutMask(table, column, holdout.fraction, holdout.seed), idColumn };
}

/** The values of `values` at the rows where `mask` is 1 (all of them without a mask). */
function pick(values: Float64Array, mask: Uint8Array | undefined, count: number): Float64Array {
  if (!mask) return values;
  const out = new Float64Array(count);
  for (let row = 0, k = 0; row < values.length; row++) if (mask[row]) out[k++] = values[row]!;
  return out;
}

export async function runEvaluateJob(settings: EvaluateSettings): Promise<EvaluateOutcome> {
  if (settings.models.length < 1 || settings.models.length > 2)
    throw new UserError('USAGE', 'evaluate: give one --model, or two (champion first, then challenger)');
  const models = await Promise.all(
    settings.models.map((named) => readModelFile('--model', named.path, settings.cwd)),
  );
  const table = await loadSnapshot(settings.snapshot, settings.cwd);
  const target = settings.target ?? models[0]!.target;
  const targetValues = readTarget(table, target);
  const scores = models.map((model) => scoreTable(model, table));

  const selection = settings.holdout ? selectRows(table, settings.holdout, models.at(-1)!) : undefined;
  let evaluatedRows = table.rows;
  if (selection) evaluatedRows = selection.mask.reduce((sum, bit) => sum + bit, 0);
  if (evaluatedRows === 0)
    throw new UserError(
      'NO_ROWS',
      `${table.source}: the holdout of ${settings.holdout!.fraction} selects no rows`,
    );
  const labels = pick(targetValues, selection?.mask, evaluatedRows);

  const measured = models.map((model, i) =>
    measureClassification(
      pick(scores[i]!, selection?.mask, evaluatedRows),
      labels,
      settings.threshold ?? model.threshold,
    ),
  );
  if (measured[0]!.quality.labelled === 0)
    throw new UserError(
      'NO_ROWS',
      `${table.source}: no labelled rows to evaluate on ('${target}' is missing on every ${selection ? 'holdout ' : ''}row)`,
    );

  const warnings: string[] = [];
  const evaluated: EvaluatedModel[] = models.map((model, i) => {
    const named = settings.models[i]!;
    const info = model.training;
    if (model.target !== target)
      warnings.push(`${named.name} was trained for target '${model.target}', evaluated against '${target}'`);
    if (info.source === table.source) {
      const sameSplit =
        selection !== undefined &&
        settings.holdout!.fraction === info.holdout_fraction &&
        settings.holdout!.seed === info.seed &&
        selection.idColumn === model.id_column;
      if (!sameSplit)
        warnings.push(
          `${named.name} was trained on ${table.source} and is evaluated on rows it was trained on: its metrics are optimistic ` +
            `(evaluate with --holdout ${info.holdout_fraction} --seed ${info.seed}${model.id_column ? ` --id-column ${model.id_column}` : ''})`,
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
        holdout_auc: info.holdout_auc,
      },
      ...measured[i]!.quality,
    };
  });

  const comparison =
    models.length === 2
      ? compareModels(
          { name: evaluated[0]!.name, sample: measured[0]!.sample, rocAuc: evaluated[0]!.roc_auc },
          { name: evaluated[1]!.name, sample: measured[1]!.sample, rocAuc: evaluated[1]!.roc_auc },
          settings.rule,
        )
      : null;

  const label = settings.snapshotLabel ?? defaultLabel(settings.snapshot);
  const report: EvaluationReport = {
    schema_version: EVALUATION_SCHEMA_VERSION,
    snapshot: {
      label,
      source: table.source,
      rows: table.rows,
      evaluated_rows: evaluatedRows,
      holdout: settings.holdout
        ? { fraction: settings.holdout.fraction, seed: settings.holdout.seed, id_column: selection!.idColumn }
        : null,
    },
    target,
    models: evaluated,
    comparison,
    warnings,
  };

  // Render everything first, then write: a rendering failure leaves no report behind.
  const base = join(settings.reportDir, `evaluation_${fileNamePart(label)}`);
  const rendered = settings.formats.map((format) =>
    format === 'json'
      ? ([format, `${base}.json`, renderEvaluationJson(report)] as const)
      : ([format, `${base}.md`, renderEvaluationMarkdown(report)] as const),
  );
  await writeFileSetAtomic(
    rendered.map(([, path, content]) => ({
      path: isAbsolute(path) ? path : join(settings.cwd, path),
      content,
    })),
  );
  const files: Partial<Record<EvaluationFormat, string>> = {};
  for (const [format, path] of rendered) files[format] = path;
  return { report, files, summaryLine: summaryLine(report, files) };
}

/** `[driftwatch] report_json=... champion roc_auc=0.8123 challenger roc_auc=0.8336 -> challenger wins: ...` */
export function summaryLine(
  report: EvaluationReport,
  files: Partial<Record<EvaluationFormat, string>>,
): string {
  const parts = ['[driftwatch]'];
  if (files.json) parts.push(`report_json=${files.json}`);
  if (files.md) parts.push(`report_md=${files.md}`);
  for (const model of report.models)
    parts.push(`${model.name} roc_auc=${model.roc_auc === null ? 'n/a' : model.roc_auc.toFixed(4)}`);
  if (report.comparison) parts.push(`-> ${report.comparison.reason}`);
  return parts.join(' ');
}
