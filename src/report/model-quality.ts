/**
 * Markdown of the model-quality metrics: the side-by-side metric table shared by the compare report's model
 * section (reference vs current) and `driftwatch evaluate` (champion vs challenger), and the evaluation report.
 */
import type { ClassificationQuality } from '../drift/model-quality/classification-quality.js';
import type { EvaluationReport } from '../drift/model-quality/evaluation-report.js';
import type { ModelQualityBlock } from '../drift/model-quality/model-block.js';
import { formatCount, formatPercent, formatScore } from './format.js';

/** One column of the metric table. */
export interface QualityColumn {
  readonly title: string;
  readonly quality: ClassificationQuality;
}

type MetricKey = Exclude<
  keyof ClassificationQuality & string,
  'confusion' | 'skipped' | 'warnings' | 'roc_curve' | 'calibration'
>;

/** Rows of the table, in the order of Evidently's classification quality preset. */
const METRIC_ROWS: readonly { key: MetricKey; label: string }[] = [
  { key: 'roc_auc', label: 'ROC AUC' },
  { key: 'log_loss', label: 'log loss' },
  { key: 'brier', label: 'Brier score' },
  { key: 'accuracy', label: 'accuracy' },
  { key: 'precision', label: 'precision' },
  { key: 'recall', label: 'recall' },
  { key: 'f1', label: 'F1' },
  { key: 'predicted_positive_rate', label: 'predicted positive rate' },
];

/** A metric value with four decimals (AUC differences of a few thousandths matter), or — when skipped. */
export function formatMetric(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(4);
}

/** A signed difference with four decimals (`+0.0213`, `-0.0040`). */
export function formatChange(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = value.toFixed(4);
  return value > 0 || (value === 0 && !text.startsWith('-')) ? `+${text}` : text;
}

function confusionText(quality: ClassificationQuality): string {
  const { tp, fp, fn, tn } = quality.confusion;
  return [tp, fp, fn, tn].map(formatCount).join(' / ');
}

/**
 * The metric table of one or two sides (with two, the change from the first to the second), and a note per skipped
 * metric or zero-division warning.
 * @returns GitHub-flavoured Markdown lines
 */
export function qualityTableMarkdown(columns: readonly QualityColumn[]): string[] {
  const paired = columns.length === 2;
  const row = (label: string, cells: string[], change?: string) =>
    `| ${label} | ${cells.join(' | ')} |${paired ? ` ${change ?? ''} |` : ''}`;
  const lines = [
    row(
      'metric',
      columns.map((column) => cell(column.title)),
      'change',
    ),
    `|---|${columns.map(() => '---:|').join('')}${paired ? '---:|' : ''}`,
  ];
  for (const { key, label } of METRIC_ROWS) {
    const values = columns.map((column) => column.quality[key] as number | null);
    const [a, b] = values;
    const change = a === null || b === null || a === undefined || b === undefined ? '—' : formatChange(b - a);
    lines.push(row(label, values.map(formatMetric), change));
  }
  lines.push(
    row(
      'labelled rows',
      columns.map(({ quality }) => `${formatCount(quality.labelled)} of ${formatCount(quality.rows)}`),
    ),
    row(
      'tp / fp / fn / tn',
      columns.map(({ quality }) => confusionText(quality)),
    ),
  );
  const notes: string[] = [];
  for (const column of columns) {
    for (const [metric, reason] of Object.entries(column.quality.skipped ?? {}))
      notes.push(`${cell(column.title)}: ${metric} skipped (${cell(reason)})`);
    for (const warning of column.quality.warnings ?? [])
      notes.push(`${cell(column.title)}: ${cell(warning)}`);
  }
  if (notes.length > 0) lines.push('', ...notes.map((note) => `- ${note}`));
  return lines;
}

/** Text safe inside a table cell: no line breaks, pipes or HTML tags. */
function cell(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '&#124;')
    .replace(/<(?=[A-Za-z/!?])/g, '&#60;');
}

function interval(bounds: readonly number[] | null): string {
  return bounds ? `[${formatChange(bounds[0])}, ${formatChange(bounds[1])}]` : 'n/a';
}

/**
 * The Markdown of an evaluation: verdict, interval, the side-by-side table, where the models come from.
 * @returns the document, ending with a newline
 */
export function renderEvaluationMarkdown(report: EvaluationReport): string {
  const { snapshot, models, comparison } = report;
  const rows = snapshot.holdout
    ? `holdout ${formatPercent(snapshot.holdout.fraction)} (seed ${snapshot.holdout.seed}` +
      `${snapshot.holdout.id_column ? `, split on ${snapshot.holdout.id_column}` : ''}): ` +
      `${formatCount(snapshot.evaluated_rows)} of ${formatCount(snapshot.rows)} rows`
    : `${formatCount(snapshot.rows)} rows`;
  const names = models.map((model) => model.name).join(' vs ');
  const lines = [
    `### Model evaluation: ${cell(names)} on ${cell(snapshot.label)}`,
    '',
    `Target \`${report.target}\`, ${rows}.`,
    '',
  ];
  if (comparison) {
    lines.push(
      `**Verdict:** ${cell(comparison.reason)}.`,
      '',
      `AUC gain of ${cell(comparison.candidate)} over ${cell(comparison.baseline)}: ${formatChange(comparison.auc_gain)}, ` +
        `95% interval ${interval(comparison.auc_gain_ci95)} (paired DeLong), p = ${formatScore(comparison.p_value)}.`,
      '',
    );
  }
  lines.push(...qualityTableMarkdown(models.map((model) => ({ title: model.name, quality: model }))));
  lines.push('', '<sub>');
  for (const model of models) {
    const trained = model.trained_on
      ? `trained on ${cell(model.trained_on.source)} (${formatCount(model.trained_on.rows)} rows, holdout AUC ${formatMetric(model.trained_on.holdout_auc)})`
      : 'training unknown';
    lines.push(
      `${cell(model.name)}: \`${cell(model.source)}\`, ${trained}, threshold ${model.threshold}.<br>`,
    );
  }
  lines.push('</sub>');
  if (report.warnings.length > 0)
    lines.push('', ...report.warnings.map((warning) => `> ⚠️ ${cell(warning)}`));
  return lines.join('\n') + '\n';
}

/** The JSON of an evaluation, pretty-printed; non-finite numbers as null (JSON has no NaN). */
export function renderEvaluationJson(report: EvaluationReport): string {
  return (
    JSON.stringify(
      report,
      (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value),
      2,
    ) + '\n'
  );
}

/**
 * The model section of the drift report's Markdown: AUC drop with its interval, prediction drift, the rule, and
 * the metric table of both snapshots.
 * @returns Markdown lines
 */
export function modelSectionMarkdown(
  block: ModelQualityBlock,
  labels: { reference: string; current: string },
): string[] {
  const drift = block.prediction_drift;
  const driftText =
    drift.skipped !== null
      ? `not tested (${cell(drift.skipped)})`
      : `${drift.drift_detected ? '▲ drifted' : '○ stable'} (${cell(drift.stattest_name ?? drift.stattest ?? '—')} ${formatScore(drift.drift_score)}, threshold ${formatScore(drift.threshold)})`;
  const interval95 = block.auc_drop_ci95 ? `, 95% interval ${interval(block.auc_drop_ci95)} (DeLong)` : '';
  const rule =
    block.max_auc_drop === undefined
      ? ''
      : ` · rule: RETRAIN when ${block.auc_drop_confidence === undefined ? 'the drop' : `its lower ${formatPercent(block.auc_drop_confidence)} bound`} ≥ ${block.max_auc_drop}`;
  return [
    `### Model quality (\`${cell(block.source)}\`, target \`${cell(block.target)}\`)`,
    '',
    `ROC AUC ${formatMetric(block.reference.roc_auc)} → ${formatMetric(block.current.roc_auc)}: drop ${formatChange(block.auc_drop)}${interval95}${rule}`,
    '',
    `Prediction drift: ${driftText}`,
    '',
    ...qualityTableMarkdown([
      { title: labels.reference, quality: block.reference },
      { title: labels.current, quality: block.current },
    ]),
  ];
}
