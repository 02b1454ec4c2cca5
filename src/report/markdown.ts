/**
 * The Markdown report for PR comments and job summaries: a one-line verdict, the drifted columns, Mermaid charts
 * GitHub renders in place, and the full column table folded in `<details>`, cut to fit a length limit.
 */
import type { ColumnDriftResult, DriftReport } from '../drift/report.js';
import { driftState, formatCount, formatPercent, formatScore, orderColumns } from './format.js';
import { driftScoreCharts } from './mermaid.js';
import { modelSectionMarkdown } from './model-quality.js';
import { trendMarkdown } from './trend.js';

/** Default length limit: GitHub rejects comments over 65,536 characters; leave room for a marker line. */
export const DEFAULT_MARKDOWN_MAX_LENGTH = 65_000;

export interface MarkdownOptions {
  /** Address of the full report (artifact or run page); when absent, the text links to no full report. */
  reportUrl?: string;
  /** Upper bound on the length of the result in UTF-16 code units (JavaScript `length`). */
  maxLength?: number;
}

const STATE_MARK = { drifted: '▲ drifted', stable: '○ stable', skipped: '– skipped' } as const;

/** A column name as inline code that survives tables and HTML: `<code>` with entities when it needs them. */
function codeName(name: string): string {
  const flat = name.replace(/[\r\n]+/g, ' ');
  if (!/[`|<>&\\]/.test(flat)) return `\`${flat}\``;
  const escaped = flat.replace(/[&<>|`\\]/g, (character) => `&#${character.charCodeAt(0)};`);
  return `<code>${escaped}</code>`;
}

/**
 * Plain text inside a table cell or a line: no line breaks, no pipes, and nothing GitHub would read as an HTML tag
 * or entity (`<` before a letter, `/`, `!` or `?`; `&` before an entity name), while `a < b` stays readable.
 */
function cellText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&#38;')
    .replace(/\|/g, '&#124;')
    .replace(/<(?=[A-Za-z/!?])/g, '&#60;');
}

function testName(column: ColumnDriftResult): string {
  // A column scored from statistics computed in SQL (not its values or value counts) says so next to its test.
  const suffix = column.computed === 'sql_statistics' ? ' (SQL statistics)' : '';
  return cellText(`${column.stattest_name ?? column.stattest ?? '—'}${suffix}`);
}

function driftedRow(column: ColumnDriftResult): string {
  return `| ${codeName(column.column)} | ${column.column_type} | ${testName(column)} | ${formatScore(column.drift_score)} | ${formatScore(column.threshold)} |`;
}

function fullRow(column: ColumnDriftResult): string {
  const state = driftState(column);
  const drift =
    state === 'skipped' ? `${STATE_MARK.skipped}: ${cellText(column.skipped ?? '')}` : STATE_MARK[state];
  return `| ${codeName(column.column)} | ${drift} | ${column.column_type} | ${testName(column)} | ${formatScore(column.drift_score)} | ${formatScore(column.threshold)} |`;
}

function snapshot(side: { label: string; rows: number }): string {
  return `${codeName(side.label)} (${formatCount(side.rows)} rows)`;
}

/** The first line: decision, drift share, both thresholds and the snapshot labels. */
export function headline(report: DriftReport): string {
  const retrain = report.decision.action === 'RETRAIN';
  return (
    `**${retrain ? '⚠️ RETRAIN' : '✅ NO_ACTION'}** · drift share **${formatPercent(report.drift_share)}** ` +
    `(${formatCount(report.number_of_drifted_columns)} of ${formatCount(report.number_of_columns)} columns) · ` +
    `retrain threshold ${formatPercent(report.decision.retrain_threshold)} · ` +
    `dataset drift threshold ${formatPercent(report.drift_share_threshold)} (${report.dataset_drift ? 'reached' : 'not reached'}) · ` +
    `${snapshot(report.reference)} → ${snapshot(report.current)}`
  );
}

function targetLine(report: DriftReport): string | null {
  const target = report.target;
  if (!target) return null;
  const state = target.drift_score === null ? 'not tested' : target.drift_detected ? '▲ drifted' : '○ stable';
  const rates =
    target.reference_rate === null || target.current_rate === null
      ? ''
      : ` · positive rate ${formatPercent(target.reference_rate)} → ${formatPercent(target.current_rate)}`;
  const column = report.columns.find((candidate) => candidate.column === target.column);
  const test = column?.stattest_name ?? target.stattest ?? '—';
  return `**Target** ${codeName(target.column)}: ${state} (${cellText(test)} score ${formatScore(target.drift_score)})${rates}`;
}

/**
 * Renders a drift report as Markdown for a PR comment or a job summary.
 *
 * The first line carries drift_share, the decision, both thresholds and the snapshot labels; then the target,
 * the drifted columns (test, score, threshold), Mermaid `xychart-beta` charts of scores against thresholds and
 * the full table inside `<details>`. When the text would exceed `maxLength`, table rows are cut (the full table
 * first, then the drifted table) and a line says how many were left out and where the full report is.
 *
 * @param report the drift report
 * @param options `reportUrl` of the full report (linked at the end and from the cut notes; without it, no link),
 *   `maxLength` (default {@link DEFAULT_MARKDOWN_MAX_LENGTH})
 * @returns Markdown no longer than `maxLength`
 */
export function renderMarkdown(report: DriftReport, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new Error(`renderMarkdown: maxLength must be a positive integer, got ${maxLength}`);
  }
  const url = options.reportUrl;
  const fullReport = url === undefined ? '' : `; full report: ${url}`;
  const ordered = orderColumns(report.columns);
  const drifted = ordered.filter((column) => driftState(column) === 'drifted');

  const head = [headline(report), '', `> ${cellText(report.decision.reason)}`];
  const target = targetLine(report);
  if (target) head.push('', target);
  if (report.model)
    head.push(
      '',
      ...modelSectionMarkdown(report.model, {
        reference: report.reference.label,
        current: report.current.label,
      }),
    );
  const charts = driftScoreCharts(ordered);
  const trend = report.trend ? trendMarkdown(report.trend, report.decision.retrain_threshold) : [];
  const footer = url === undefined ? [] : ['', `Full report: ${url}`];
  const cutNote = (left: number) =>
    `\n_${formatCount(left)} more ${left === 1 ? 'row' : 'rows'} not shown (comment length limit)${fullReport}_`;

  const driftedTable = ['| Column | Type | Test | Score | Threshold |', '|---|---|---|---:|---:|'];
  const fullTable = ['| Column | Drift | Type | Test | Score | Threshold |', '|---|---|---|---|---:|---:|'];
  const driftedRows = drifted.map(driftedRow);
  const fullRows = ordered.map(fullRow);

  const assemble = (driftedShown: number, fullShown: number, withCharts = true) => {
    const parts = [...head, ''];
    if (drifted.length === 0) {
      parts.push('No column drifted.');
    } else {
      parts.push(`### Drifted columns (${formatCount(drifted.length)})`, '', ...driftedTable);
      parts.push(...driftedRows.slice(0, driftedShown));
      if (driftedShown < driftedRows.length) parts.push(cutNote(driftedRows.length - driftedShown));
    }
    if (charts && withCharts) parts.push('', charts);
    if (trend.length > 0) parts.push('', ...trend);
    parts.push('', `<details><summary>All columns (${formatCount(ordered.length)})</summary>`, '');
    parts.push(...fullTable, ...fullRows.slice(0, fullShown));
    if (fullShown < fullRows.length) parts.push(cutNote(fullRows.length - fullShown));
    parts.push('', '</details>', ...footer, '');
    return parts.join('\n');
  };

  const fits = (text: string) => text.length <= maxLength;
  const text = assemble(driftedRows.length, fullRows.length);
  if (fits(text)) return text;

  // Too long. Degrade in this order, keeping as many rows as fit (binary search on the count): cut the full
  // table; then the drifted table; then drop the charts; then cut the text itself.
  const largest = (limit: number, build: (shown: number) => string) => {
    let low = 0;
    let high = limit;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (fits(build(middle))) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  if (fits(assemble(driftedRows.length, 0))) {
    return assemble(
      driftedRows.length,
      largest(fullRows.length, (shown) => assemble(driftedRows.length, shown)),
    );
  }
  if (fits(assemble(0, 0))) {
    return assemble(
      largest(driftedRows.length, (shown) => assemble(shown, 0)),
      0,
    );
  }
  const bare = assemble(0, 0, false);
  if (fits(bare)) return bare;
  // Only a tiny limit gets here (the headline and target alone exceed it): cut them, keep the pointer to the report.
  const note = `\n\n_Cut at the length limit${fullReport}_\n`;
  const room = maxLength - note.length;
  const headText = head.join('\n');
  return room > 0 ? headText.slice(0, room) + note : headText.slice(0, maxLength);
}
