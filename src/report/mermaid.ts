/**
 * Mermaid `xychart-beta` charts, which GitHub renders inside a comment or job summary with no image host.
 */
import type { ColumnDriftResult } from '../drift/types.js';
import { isPValueTest, truncateLabel } from './format.js';

/** Most columns drawn per chart; more bars than this are unreadable in a comment. */
export const MAX_CHART_COLUMNS = 25;

/** A column name as a Mermaid category: letters, digits and a few safe marks (the rest become `_`), ≤ 32 long. */
export function mermaidLabel(text: string): string {
  return truncateLabel(text.replace(/[^\p{L}\p{N} _.:/()+-]/gu, '_'), 32);
}

/** A finite number in Mermaid's syntax with at most 4 significant digits. */
function mermaidNumber(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** A rounded-up axis maximum (0.37 → 0.4, 3.2 → 4). */
function niceMaximum(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const multiple of [1, 2, 2.5, 5, 10]) if (multiple * magnitude >= value) return multiple * magnitude;
  return 10 * magnitude;
}

/**
 * One bar chart of drift scores with the per-column thresholds as a line, for columns that share a score kind.
 * `columns` are already in report order; the first {@link MAX_CHART_COLUMNS} are drawn.
 */
function scoreChart(
  columns: readonly ColumnDriftResult[],
  kind: 'p_value' | 'distance',
  total: number,
): string {
  const shown = columns.slice(0, MAX_CHART_COLUMNS);
  const scores = shown.map((column) => column.drift_score ?? 0);
  const thresholds = shown.map((column) => column.threshold ?? 0);
  const subset = shown.length < total ? ` (first ${shown.length} of ${total} in report order)` : '';
  const title =
    kind === 'p_value'
      ? `p-value tests: drift where the bar is below the threshold line${subset}`
      : `Distance tests: drift where the bar reaches the threshold line${subset}`;
  const maximum = kind === 'p_value' ? 1 : niceMaximum(Math.max(...scores, ...thresholds) * 1.05);
  return [
    '```mermaid',
    'xychart-beta horizontal',
    `    title "${title}"`,
    `    x-axis [${shown.map((column) => `"${mermaidLabel(column.column)}"`).join(', ')}]`,
    `    y-axis "${kind === 'p_value' ? 'p-value' : 'distance'}" 0 --> ${mermaidNumber(maximum)}`,
    `    bar [${scores.map((score) => mermaidNumber(Math.min(score, maximum))).join(', ')}]`,
    `    line [${thresholds.map(mermaidNumber).join(', ')}]`,
    '```',
  ].join('\n');
}

/**
 * Mermaid charts of per-column drift scores against their thresholds: one chart for p-value tests (drift when
 * the score is at or below the threshold) and one for distance tests (drift when it reaches the threshold), as
 * the two read in opposite directions. Skipped columns and columns without a finite score are left out.
 *
 * @param orderedColumns columns in report order (drifted first)
 * @returns zero, one or two fenced `mermaid` blocks separated by a blank line
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
