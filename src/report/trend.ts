/**
 * Drift over time in the reports (a report with a `trend` block): for Markdown, a Mermaid line chart of
 * drift_share over the runs against the retrain threshold, the drift_share of every run, and a compact table of the
 * columns that drifted in any of the last runs (one symbol per run, newest right); for HTML, one inline SVG
 * sparkline of the score per column.
 */
import type { ColumnTrend, DriftTrend } from '../drift/history.js';
import { escapeXml, formatCount, formatPercent, formatScore } from './format.js';
import { mermaidLabel, mermaidNumber } from './mermaid.js';

/** Most columns the Markdown trend table lists (those drifting now first). */
export const MAX_TREND_ROWS = 25;

const SYMBOL = { drifted: '▲', stable: '○', absent: '·' } as const;

/** One symbol per run of the window, oldest left: ▲ drifted, ○ tested and not drifted, · not in that run. */
export function runSymbols(column: ColumnTrend): string {
  return column.drifted
    .map((drifted) => (drifted === null ? SYMBOL.absent : drifted ? SYMBOL.drifted : SYMBOL.stable))
    .join(' ');
}

/** `new this run`, `drifting for N runs`, or nothing. */
export function trendMarker(column: ColumnTrend): string {
  if (column.new_this_run) return 'new this run';
  if (column.drifting_for >= 2) return `drifting for ${formatCount(column.drifting_for)} runs`;
  if (column.drifting_for === 1) return 'drifting';
  return '';
}

/** The columns that drifted in any run of the window: drifting longest first, then by the slope towards drift. */
export function driftedInWindow(trend: DriftTrend): ColumnTrend[] {
  return trend.columns
    .filter((column) => column.drifted.some((drifted) => drifted === true))
    .sort((a, b) => b.drifting_for - a.drifting_for || Number(b.new_this_run) - Number(a.new_this_run));
}

/** A column name as inline code in a table cell. */
function code(name: string): string {
  const flat = name.replace(/[\r\n]+/g, ' ');
  if (!/[`|<>&\\]/.test(flat)) return `\`${flat}\``;
  return `<code>${flat.replace(/[&<>|`\\]/g, (character) => `&#${character.charCodeAt(0)};`)}</code>`;
}

/** Text safe in a line: no line breaks, pipes or HTML-looking `<`. */
function plain(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '&#124;')
    .replace(/<(?=[A-Za-z/!?])/g, '&#60;');
}

/**
 * The Markdown trend section: heading, line chart, the drift_share of every run and the table of columns.
 *
 * @param trend the report's trend block
 * @param retrainThreshold the retrain threshold drawn as the chart's second line
 * @returns lines of Markdown (no trailing blank line)
 */
export function trendMarkdown(trend: DriftTrend, retrainThreshold: number): string[] {
  const runs = trend.runs;
  const lines = [
    `### Drift over time (${formatCount(runs.length)} ${runs.length === 1 ? 'run' : 'runs'})`,
    '',
  ];
  lines.push(
    `_drift_share by run (oldest first): ${runs
      .map((run) => `${plain(run.reference)}→${plain(run.current)} **${formatPercent(run.drift_share)}**`)
      .join(' · ')}_`,
    '',
    `_Line chart: drift_share per run, and the retrain threshold (${formatPercent(retrainThreshold)}) as the second line._`,
    '',
    '```mermaid',
    'xychart-beta',
    '    title "drift_share over runs"',
    `    x-axis [${runs.map((run) => `"${mermaidLabel(`${run.reference}..${run.current}`)}"`).join(', ')}]`,
    `    y-axis "drift_share" 0 --> 1`,
    `    line [${runs.map((run) => mermaidNumber(run.drift_share)).join(', ')}]`,
    `    line [${runs.map(() => mermaidNumber(retrainThreshold)).join(', ')}]`,
    '```',
  );
  const drifted = driftedInWindow(trend);
  lines.push('');
  if (drifted.length === 0) {
    lines.push(`No column drifted in the last ${formatCount(trend.window)} runs.`);
    return lines;
  }
  lines.push(
    `Columns that drifted in the last ${formatCount(trend.window)} runs (▲ drifted, ○ not, · not tested; newest right):`,
    '',
    '| Column | Runs | Trend |',
    '|---|---|---|',
  );
  for (const column of drifted.slice(0, MAX_TREND_ROWS))
    lines.push(`| ${code(column.column)} | ${runSymbols(column)} | ${trendMarker(column)} |`);
  if (drifted.length > MAX_TREND_ROWS)
    lines.push(
      '',
      `_${formatCount(drifted.length - MAX_TREND_ROWS)} more columns drifted; see the JSON report's trend._`,
    );
  return lines;
}

const SPARK_WIDTH = 120;
const SPARK_HEIGHT = 24;

/**
 * An inline SVG sparkline of a column's score over the window (oldest left), with a dot per run: filled when the
 * column drifted in that run.
 */
export function sparklineSvg(column: ColumnTrend): string {
  const points = column.scores.flatMap((score, index) => (score === null ? [] : [[index, score] as const]));
  const title = `${column.column}: score ${column.scores.map((score) => formatScore(score)).join(' → ')}`;
  const open = `<svg class="spark" viewBox="0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}" width="${SPARK_WIDTH}" height="${SPARK_HEIGHT}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>`;
  if (points.length === 0) return `${open}</svg>`;
  const values = points.map(([, score]) => score);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const steps = Math.max(column.scores.length - 1, 1);
  const x = (index: number) => (4 + (index / steps) * (SPARK_WIDTH - 8)).toFixed(1);
  const y = (score: number) =>
    (high === low ? SPARK_HEIGHT / 2 : 4 + (1 - (score - low) / (high - low)) * (SPARK_HEIGHT - 8)).toFixed(
      1,
    );
  const path = points.map(([index, score]) => `${x(index)},${y(score)}`).join(' ');
  const dots = points
    .map(
      ([index, score]) =>
        `<circle cx="${x(index)}" cy="${y(score)}" r="2.2" class="${column.drifted[index] ? 'dot drifted' : 'dot'}"/>`,
    )
    .join('');
  return `${open}<polyline points="${path}" fill="none" stroke="currentColor" stroke-width="1.2"/>${dots}</svg>`;
}

/**
 * The HTML trend section: the drift_share of every run and a table with one sparkline per column (columns in the
 * trend's order: towards drift first).
 */
export function trendHtml(trend: DriftTrend): string {
  const runs = trend.runs
    .map(
      (run) =>
        `<li>${escapeXml(run.reference)} → ${escapeXml(run.current)}: <strong>${formatPercent(run.drift_share)}</strong> ${run.decision}</li>`,
    )
    .join('');
  const rows = trend.columns
    .map(
      (column) =>
        `<tr><td>${escapeXml(column.column)}</td><td>${sparklineSvg(column)}</td><td>${runSymbols(column)}</td><td>${escapeXml(trendMarker(column))}</td><td class="num">${column.drift_slope === null ? '—' : formatScore(column.drift_slope)}</td></tr>`,
    )
    .join('\n');
  return [
    `<h2 id="trend">Drift over time (${formatCount(trend.runs.length)} runs)</h2>`,
    `<ol class="runs">${runs}</ol>`,
    `<table class="trend"><thead><tr><th>column</th><th>score, last ${formatCount(trend.window)} runs</th><th>drifted (newest right)</th><th></th><th class="num">slope towards drift</th></tr></thead><tbody>`,
    rows,
    '</tbody></table>',
  ].join('\n');
}
