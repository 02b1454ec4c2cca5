/**
 * The self-contained HTML report: one file with inline CSS and inline SVG charts, no script and no external
 * reference (a Content-Security-Policy meta tag forbids any), so it opens from disk or from an unzipped
 * workflow artifact. Its size grows with the number of columns and bins, never with the number of rows.
 */
import Mustache from 'mustache';
import type { ColumnDistribution } from '../drift/distribution.js';
import type { ColumnDriftResult, DriftReport, TargetDrift } from '../drift/types.js';
import {
  driftState,
  formatCount,
  formatPercent,
  formatScore,
  orderColumns,
  type DriftState,
} from './format.js';
import { distributionSvg, driftShareGaugeSvg, type SideLabels } from './svg.js';
import { templates } from './templates.generated.js';

const STATE_TEXT: Record<DriftState, { icon: string; text: string }> = {
  drifted: { icon: '▲', text: 'drifted' },
  stable: { icon: '○', text: 'stable' },
  skipped: { icon: '–', text: 'skipped' },
};

/** Column fields rendered by name; any other scalar field (an additive one) is listed in the column's details. */
const KNOWN_COLUMN_FIELDS = new Set([
  'column',
  'column_type',
  'stattest',
  'stattest_name',
  'threshold',
  'drift_score',
  'drift_detected',
  'skipped',
  'reference_size',
  'current_size',
  'statistic',
  'method',
  'warnings',
  'distribution',
  'summary',
]);

interface SummaryRow {
  key: string;
  reference: string;
  current: string;
}

/**
 * Formats a value found in an additive field: integers with separators, other numbers with 4 significant digits,
 * `{count, share}` as "12 (0.2%)", small flat records as "key value · key value", anything else as short JSON.
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

/**
 * Rows of a `{ reference: {...}, current: {...} }` summary block (the data summary of both snapshots), one per
 * statistic present on either side; an empty list for anything else. The per-column list `by_column` is left out
 * here: each column's entry is shown on that column's card (see {@link columnSummaryRows}).
 */
export function summaryRows(summary: unknown): SummaryRow[] {
  if (!isRecord(summary) || !isRecord(summary.reference) || !isRecord(summary.current)) return [];
  const reference = summary.reference;
  const current = summary.current;
  const keys = [...new Set([...Object.keys(reference), ...Object.keys(current)])].filter(
    (key) => key !== 'by_column',
  );
  return keys.map((key) => ({
    key: key.replace(/_/g, ' '),
    reference: formatValue(reference[key]),
    current: formatValue(current[key]),
  }));
}

/** One side's statistics of a column as label → text (quantiles spread out, the most frequent value spelled out). */
function flattenColumnSummary(entry: Record<string, unknown>): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'column' || key === 'type') continue;
    if (key === 'quantiles' && isRecord(value)) {
      for (const [quantile, item] of Object.entries(value))
        flat.set(`${Number(quantile) * 100}th percentile`, formatValue(item));
    } else if (key === 'top' && Array.isArray(value)) {
      const first: unknown = value[0];
      if (isRecord(first))
        flat.set('most frequent', `${formatValue(first.value)} (${formatPercent(Number(first.share))})`);
    } else {
      flat.set(key, formatValue(value));
    }
  }
  return flat;
}

/**
 * Rows of one column's data summary, taken from the report's `summary.{reference,current}.by_column` entries with
 * that column name; an empty list when the report has none.
 */
export function columnSummaryRows(summary: unknown, column: string): SummaryRow[] {
  if (!isRecord(summary)) return [];
  const entry = (side: unknown) => {
    const list = isRecord(side) && Array.isArray(side.by_column) ? (side.by_column as unknown[]) : [];
    const found = list.find((item) => isRecord(item) && item.column === column);
    return isRecord(found) ? flattenColumnSummary(found) : new Map<string, string>();
  };
  const reference = entry(summary.reference);
  const current = entry(summary.current);
  const keys = [...new Set([...reference.keys(), ...current.keys()])];
  return keys.map((key) => ({ key, reference: reference.get(key) ?? '—', current: current.get(key) ?? '—' }));
}

/** Additive scalar or small fields of a column, as label/value pairs. */
function extraFields(column: ColumnDriftResult): { key: string; value: string }[] {
  const extras: { key: string; value: string }[] = [];
  for (const [key, value] of Object.entries(column)) {
    if (KNOWN_COLUMN_FIELDS.has(key) || value === undefined) continue;
    if (isRecord(value) && summaryRows(value).length > 0) continue; // rendered as a table instead
    extras.push({ key, value: formatValue(value) });
  }
  return extras;
}

function testName(column: { stattest: string | null; stattest_name?: string | null }): string {
  return column.stattest_name ?? column.stattest ?? '—';
}

function isDistribution(value: unknown): value is ColumnDistribution {
  return isRecord(value) && (value.kind === 'histogram' || value.kind === 'categories');
}

function columnView(column: ColumnDriftResult, index: number, labels: SideLabels, reportSummary: unknown) {
  const state = driftState(column);
  const distribution = column.distribution;
  // Additive `{reference, current}` blocks beside `summary` (e.g. an effect size per side) join the same table.
  const summary = [
    ...columnSummaryRows(reportSummary, column.column),
    ...summaryRows(column.summary),
    ...Object.entries(column)
      .filter(([key]) => !KNOWN_COLUMN_FIELDS.has(key))
      .flatMap(([key, value]) => summaryRows(value).map((row) => ({ ...row, key: `${key}: ${row.key}` }))),
  ];
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
    summary,
    chart: isDistribution(distribution) ? distributionSvg(column.column, distribution, labels) : '',
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
    datasetSummary: summaryRows(report.summary),
    rows: views,
    drifted: views.filter((column) => column.state === 'drifted'),
    others: views.filter((column) => column.state !== 'drifted'),
  };
  return Mustache.render(templates.report, view, { styles: templates.styles, column: templates.column });
}
