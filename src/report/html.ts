/**
 * The self-contained HTML report: one file with inline CSS and inline SVG charts, no script and no external
 * reference (a Content-Security-Policy meta tag forbids any), so it opens from disk or from an unzipped
 * workflow artifact. Its size grows with the number of columns and bins, never with the number of rows.
 */
import { trendHtml } from './trend.js';
import Mustache from 'mustache';
import type { ColumnDriftResult, DriftReport, TargetDrift } from '../drift/report.js';
import type { ColumnSummary, DataSummary } from '../drift/summary.js';
import {
  driftState,
  formatCount,
  formatPercent,
  formatScore,
  orderColumns,
  type DriftState,
} from './format.js';
import { modelSectionHtml } from './model-quality-html.js';
import { distributionSvg, driftShareGaugeSvg, type SideLabels } from './svg.js';
import { templates } from './templates.generated.js';

const STATE_TEXT: Record<DriftState, { icon: string; text: string }> = {
  drifted: { icon: '▲', text: 'drifted' },
  stable: { icon: '○', text: 'stable' },
  skipped: { icon: '–', text: 'skipped' },
};

interface SummaryRow {
  key: string;
  reference: string;
  current: string;
}

/**
 * Formats a value of the report for a table cell: integers with separators, other numbers with 4 significant
 * digits, `{count, share}` as "12 (0.2%)", small flat records as "key value · key value", anything else as short
 * JSON.
 */
function formatValue(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return formatCount(value);
    const magnitude = Math.abs(value);
    return magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e9)
      ? formatScore(value)
      : String(Number(value.toPrecision(4)));
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === null || value === undefined) return '—';
  if (
    isRecord(value) &&
    typeof value.count === 'number' &&
    typeof value.share === 'number' &&
    Object.keys(value).length === 2
  ) {
    return `${formatCount(value.count)} (${formatPercent(value.share)})`;
  }
  // A flat record such as `{ reference: 0.01, current: 0.04, change: 0.03 }` reads as `reference 0.01 · current …`.
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (
      entries.length > 0 &&
      entries.length <= 8 &&
      entries.every(([, item]) => item === null || typeof item !== 'object')
    ) {
      return entries.map(([key, item]) => `${key} ${formatValue(item)}`).join(' · ');
    }
  }
  const json = JSON.stringify(value);
  return json.length > 200 ? `${json.slice(0, 199)}…` : json;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The dataset-level rows of the data summary, one per statistic (the per-column part is on each column's card). */
function datasetSummaryRows(summary: DriftReport['summary']): SummaryRow[] {
  const keys = [
    'rows',
    'columns',
    'columns_by_type',
    'duplicated_rows',
    'empty_rows',
    'empty_columns',
    'constant_columns',
    'almost_constant_columns',
    'missing_cells',
  ] as const satisfies readonly Exclude<keyof DataSummary, 'by_column'>[];
  return keys.map((key) => ({
    key: fieldLabel(key),
    reference: formatValue(summary.reference[key]),
    current: formatValue(summary.current[key]),
  }));
}

/** One side's statistics of a column as label → text (quantiles spread out, the most frequent value spelled out). */
function columnSummaryEntries(entry: ColumnSummary): Map<string, string> {
  const flat = new Map<string, string>([
    ['count', formatValue(entry.count)],
    ['missing', formatValue(entry.missing)],
    ['distinct', formatValue(entry.distinct)],
  ]);
  switch (entry.type) {
    case 'numerical':
      flat.set('min', formatValue(entry.min));
      flat.set('max', formatValue(entry.max));
      flat.set('mean', formatValue(entry.mean));
      flat.set('standard deviation', formatValue(entry.std));
      for (const [quantile, item] of Object.entries(entry.quantiles))
        flat.set(`${Number(quantile) * 100}th percentile`, formatValue(item));
      break;
    case 'categorical':
    case 'text': {
      const first = entry.top[0];
      if (first) flat.set('most frequent', `${formatValue(first.value)} (${formatPercent(first.share)})`);
      break;
    }
    case 'datetime':
      flat.set('min', formatValue(entry.min));
      flat.set('max', formatValue(entry.max));
      break;
  }
  return flat;
}

/**
 * Rows of one column's data summary, from the report's `summary.{reference,current}.by_column` entries with that
 * column name.
 */
function columnSummaryRows(summary: DriftReport['summary'], column: string): SummaryRow[] {
  const entry = (side: DataSummary) => {
    const found = side.by_column.find((item) => item.column === column);
    return found ? columnSummaryEntries(found) : new Map<string, string>();
  };
  const reference = entry(summary.reference);
  const current = entry(summary.current);
  const keys = [...new Set([...reference.keys(), ...current.keys()])];
  return keys.map((key) => ({ key, reference: reference.get(key) ?? '—', current: current.get(key) ?? '—' }));
}

/** Reader-facing names of the report's JSON keys shown on the cards (the JSON keeps its own names). */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  wasserstein_normed: 'normed Wasserstein',
  jensenshannon: 'Jensen-Shannon',
  fdr_bh: 'Benjamini-Hochberg (fdr_bh)',
  bonferroni: 'Bonferroni',
  holm: 'Holm',
  value_counts: 'value counts computed in the database',
  sql_statistics: 'statistics computed in SQL (KS D, Wasserstein sum, histogram bins, moments)',
};

/** A JSON key as a reader's label: a known name, else the key with spaces for underscores. */
function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? key.replace(/_/g, ' ');
}

/** The column's fields beyond the test itself (effect sizes, missing-value drift, correction), as label/value pairs. */
function extraFields(column: ColumnDriftResult): { key: string; value: string }[] {
  const labelled = (value: unknown): unknown =>
    isRecord(value)
      ? Object.fromEntries(Object.entries(value).map(([key, item]) => [fieldLabel(key), item]))
      : typeof value === 'string'
        ? fieldLabel(value)
        : value;
  const extras: [string, unknown][] = [
    ['effect size', labelled(column.effect)],
    ['missing share', column.missing_share],
    ['missing-value drift p-value', column.missing_p_value],
    ['missing-value drift', column.missing_drift_detected],
    ['adjusted p-value', column.drift_score_adjusted],
    ['multiple-testing correction', labelled(column.correction)],
    // How the statistics were computed, when not from the values themselves (--compute database).
    ['computed from', column.computed === 'values' ? undefined : labelled(column.computed)],
  ];
  return extras.flatMap(([key, value]) => (value === undefined ? [] : [{ key, value: formatValue(value) }]));
}

function testName(column: { stattest: string | null; stattest_name?: string | null }): string {
  return column.stattest_name ?? column.stattest ?? '—';
}

function columnView(
  column: ColumnDriftResult,
  index: number,
  labels: SideLabels,
  reportSummary: DriftReport['summary'],
) {
  const state = driftState(column);
  return {
    anchor: `col-${index}`,
    column: column.column,
    columnType: column.column_type,
    state,
    stateIcon: STATE_TEXT[state].icon,
    stateText: STATE_TEXT[state].text,
    open: state === 'drifted',
    testName: testName(column),
    score: formatScore(column.drift_score),
    threshold: formatScore(column.threshold),
    skipped: column.skipped,
    referenceSize: formatCount(column.reference_size),
    currentSize: formatCount(column.current_size),
    statistic: column.statistic === undefined ? null : formatScore(column.statistic),
    method: column.method ?? null,
    warnings: column.warnings ?? [],
    extras: extraFields(column),
    summary: columnSummaryRows(reportSummary, column.column),
    chart: column.distribution ? distributionSvg(column.column, column.distribution, labels) : '',
  };
}

function targetView(target: TargetDrift, columns: readonly ColumnDriftResult[]) {
  const state: DriftState =
    target.drift_score === null ? 'skipped' : target.drift_detected ? 'drifted' : 'stable';
  return {
    column: target.column,
    state,
    stateIcon: STATE_TEXT[state].icon,
    stateText: STATE_TEXT[state].text,
    testName:
      columns.find((column) => column.column === target.column)?.stattest_name ?? target.stattest ?? '—',
    score: formatScore(target.drift_score),
    referenceRate: formatPercent(target.reference_rate),
    currentRate: formatPercent(target.current_rate),
    absRateDiff: target.abs_rate_diff === null ? '—' : `${formatScore(target.abs_rate_diff * 100)} pp`,
  };
}

/**
 * Renders a drift report as one self-contained HTML page.
 *
 * Layout: the decision and drift share against both thresholds, snapshot labels and row counts, the target
 * block, a table of every column (drifted first, then by distance past the threshold), then one card per column
 * with reference and current distributions on the same axes and the data summary when the report has one.
 *
 * @param report the drift report (the JSON report's object)
 * @returns the HTML document
 */
export function renderHtml(report: DriftReport): string {
  const labels: SideLabels = { reference: report.reference.label, current: report.current.label };
  const ordered = orderColumns(report.columns);
  const views = ordered.map((column, index) => columnView(column, index, labels, report.summary));
  const retrain = report.decision.action === 'RETRAIN';
  const skipped = views.filter((column) => column.state === 'skipped').length;
  const view = {
    schemaVersion: report.schema_version,
    action: report.decision.action,
    decisionClass: retrain ? 'retrain' : 'no-action',
    gaugeClass: retrain ? 'retrain-gauge' : 'no-action-gauge',
    decisionIcon: retrain ? '⚠' : '✓',
    reason: report.decision.reason,
    driftShare: formatPercent(report.drift_share),
    retrainThreshold: formatPercent(report.decision.retrain_threshold),
    driftShareThreshold: formatPercent(report.drift_share_threshold),
    datasetDriftText: report.dataset_drift ? '▲ yes' : '○ no',
    numberOfColumns: formatCount(report.number_of_columns),
    numberOfDrifted: formatCount(report.number_of_drifted_columns),
    totalColumns: formatCount(report.columns.length),
    numberSkipped: skipped > 0 ? formatCount(skipped) : null,
    referenceLabel: report.reference.label,
    referenceRows: formatCount(report.reference.rows),
    referenceSource: report.reference.source ?? null,
    currentLabel: report.current.label,
    currentRows: formatCount(report.current.rows),
    currentSource: report.current.source ?? null,
    gauge: driftShareGaugeSvg({
      driftShare: report.drift_share,
      retrainThreshold: report.decision.retrain_threshold,
      datasetDriftThreshold: report.drift_share_threshold,
    }),
    target: report.target ? targetView(report.target, report.columns) : null,
    datasetSummary: datasetSummaryRows(report.summary),
    rows: views,
    drifted: views.filter((column) => column.state === 'drifted'),
    others: views.filter((column) => column.state !== 'drifted'),
    modelSection: report.model ? modelSectionHtml(report.model, labels) : null,
    trendSection: report.trend ? trendHtml(report.trend) : null,
  };
  // The stylesheet holds no tag: it goes in as a value, not as a partial Mustache would parse character by
  // character on every run (12 ms of the first render's CPU, measured, for 4.8 kB of CSS).
  return Mustache.render(
    templates.report,
    { ...view, styles: templates.styles },
    { column: templates.column },
  );
}
