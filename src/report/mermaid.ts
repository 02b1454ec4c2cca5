/**
 * Mermaid `xychart-beta` charts, which GitHub renders inside a comment or job summary with no image host.
 */
import { isPValueTest, type ColumnDriftResult } from '../drift/report.js';
import { truncateLabel } from './format.js';

const BAR_COLOUR = '#4c78a8';
const LINE_COLOUR = '#d9480f';

/** Most columns drawn per chart; more bars than this are unreadable in a comment. */
export const MAX_CHART_COLUMNS = 25;

/** A column name as a Mermaid category: letters, digits and a few safe marks (the rest become `_`), ≤ 32 long. */
export function mermaidLabel(text: string): string {
  return truncateLabel(text.replace(/[^\p{L}\p{N} _.:/()+-]/gu, '_'), 32);
}

/**
 * A number in Mermaid's syntax: plain decimals only (its xychart parser rejects `6.5e-41`), at most 4 significant
 * digits and 6 decimals (p-values are charted as −log10 p, so none is that small).
 */
export function mermaidNumber(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Number(Math.min(Math.max(value, -1e15), 1e15).toPrecision(4));
  return rounded.toFixed(6).replace(/\.?0+$/, '') || '0';
}

/** A rounded-up axis maximum (0.37 → 0.4, 3.2 → 4). */
function niceMaximum(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const multiple of [1, 2, 2.5, 5, 10]) if (multiple * magnitude >= value) return multiple * magnitude;
  return 10 * magnitude;
}

/** −log10 of a p-value; 0 (a p-value below the smallest double) is `Infinity`, drawn at the axis top. */
function minusLog10(p: number): number {
  return p <= 0 ? Infinity : -Math.log10(Math.min(p, 1));
}

/** The axis top when no finite bar is higher: −log10 of 1e-16, about the smallest p-value a double tells from 0 next to 1. */
const MIN_P_VALUE_AXIS = 16;

/**
 * One bar chart of drift scores with the per-column thresholds as a line, for columns that share a score kind.
 * `columns` are already in report order; the first {@link MAX_CHART_COLUMNS} are drawn.
 *
 * Distances are drawn as they are. p-values are drawn on a −log10 axis (p = 0.05 → 1.3, 1e-10 → 10), as bar
 * heights on a linear 0–1 axis would make every drifted column the same stub at zero: the bar is −log10(p), the
 * line −log10(threshold), so drift is, as for distances, where the bar reaches the line. A p-value of 0 (below
 * the smallest double) is drawn at the axis top.
 */
function scoreChart(
  columns: readonly ColumnDriftResult[],
  kind: 'p_value' | 'distance',
  total: number,
): string {
  const shown = columns.slice(0, MAX_CHART_COLUMNS);
  const transform = kind === 'p_value' ? minusLog10 : (value: number) => value;
  const scores = shown.map((column) => transform(column.drift_score ?? 0));
  const thresholds = shown.map((column) => transform(column.threshold ?? 0));
  const subset = shown.length < total ? `, first ${shown.length} of ${total} in report order` : '';
  const finite = [...scores, ...thresholds].filter(Number.isFinite);
  const caption =
    kind === 'p_value'
      ? `_p-value tests on a −log10 scale (bar = −log10 p-value, line = −log10 threshold; 2 means p = 0.01): drift where the bar reaches the line${scores.some((score) => !Number.isFinite(score)) ? ' (p = 0 is drawn at the top)' : ''}${subset}._`
      : `_Distance tests (bar = distance, line = threshold): drift where the bar reaches the line${subset}._`;
  const maximum = niceMaximum(
    Math.max(...finite, kind === 'p_value' && finite.length < scores.length * 2 ? MIN_P_VALUE_AXIS : 0) *
      1.05,
  );
  return [
    caption,
    '',
    '```mermaid',
    // Bars in the report's reference blue, the threshold line in its current orange.
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${BAR_COLOUR}, ${LINE_COLOUR}"}}}}%%`,
    'xychart-beta horizontal',
    `    title "${kind === 'p_value' ? '−log10 p-value vs threshold' : 'Distance vs threshold'}"`,
    `    x-axis [${shown.map((column) => `"${mermaidLabel(column.column)}"`).join(', ')}]`,
    `    y-axis "${kind === 'p_value' ? '−log10 p-value' : 'distance'}" 0 --> ${mermaidNumber(maximum)}`,
    `    bar [${scores.map((score) => mermaidNumber(Math.min(score, maximum))).join(', ')}]`,
    `    line [${thresholds.map((threshold) => mermaidNumber(Math.min(threshold, maximum))).join(', ')}]`,
    '```',
  ].join('\n');
}

/**
 * Mermaid charts of per-column drift scores against their thresholds: one chart for p-value tests (drift when
 * the score is at or below the threshold) and one for distance tests (drift when it reaches the threshold), as
 * the two read in opposite directions. Skipped columns and columns without a finite score are left out.
 *
 * @param orderedColumns columns in report order (drifted first)
 * @returns zero, one or two captioned fenced `mermaid` blocks separated by a blank line
 */
export function driftScoreCharts(orderedColumns: readonly ColumnDriftResult[]): string {
  const scored = orderedColumns.filter(
    (column) =>
      column.skipped === null &&
      column.drift_score !== null &&
      Number.isFinite(column.drift_score) &&
      column.threshold !== null &&
      Number.isFinite(column.threshold),
  );
  const pValue = scored.filter((column) => isPValueTest(column.stattest));
  const distance = scored.filter((column) => !isPValueTest(column.stattest));
  const charts: string[] = [];
  if (distance.length > 0) charts.push(scoreChart(distance, 'distance', distance.length));
  if (pValue.length > 0) charts.push(scoreChart(pValue, 'p_value', pValue.length));
  return charts.join('\n\n');
}
