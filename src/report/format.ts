/**
 * Number and text formatting shared by the HTML and Markdown renderers.
 */
import { isPValueTest, type ColumnDriftResult } from '../drift/report.js';

/** A score, threshold or statistic for people: 3 significant digits, exponent notation below 0.001. */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e6) return value.toExponential(2).replace('e+', 'e');
  return String(Number(value.toPrecision(3)));
}

/** A share in [0, 1] as a percentage with one decimal (0.2857 → "28.6%"). */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

/**
 * A row count with thousands separators (7043 → "7,043"), independent of the machine's locale. Safe integers get
 * their commas here: the first `toLocaleString` of a process loads ICU's number formatting (20–100 ms, on the main
 * thread at the end of every report); what remains (-0, beyond 2^53) goes to it.
 */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return String(count);
  const rounded = Math.round(count);
  if (Number.isSafeInteger(rounded) && !Object.is(rounded, -0))
    return String(rounded).replace(/\B(?=(\d{3})+$)/g, ',');
  return rounded.toLocaleString('en-US');
}

/** An axis tick: short, at most 4 significant digits, k/M suffixes for large magnitudes. */
export function formatTick(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e9 || (magnitude > 0 && magnitude < 1e-3))
    return value.toExponential(1).replace('e+', 'e');
  if (magnitude >= 1e6) return `${Number((value / 1e6).toPrecision(3))}M`;
  if (magnitude >= 1e4) return `${Number((value / 1e3).toPrecision(3))}k`;
  return String(Number(value.toPrecision(4)));
}

/** Drift state of a column as one word: drifted, stable or skipped. */
export type DriftState = 'drifted' | 'stable' | 'skipped';

/** A column's drift state: skipped when it carries a skip reason, else drifted or stable by `drift_detected`. */
export function driftState(column: ColumnDriftResult): DriftState {
  if (column.skipped !== null && column.skipped !== undefined) return 'skipped';
  return column.drift_detected ? 'drifted' : 'stable';
}

/**
 * How far a column is past (> 0) or short of (< 0) its drift threshold, on a log scale, comparable across
 * p-value and distance tests: log(threshold / score) for p-values, log(score / threshold) for distances.
 * Columns without a score or threshold get -Infinity.
 */
export function driftSeverity(column: ColumnDriftResult): number {
  const { drift_score: score, threshold } = column;
  if (score === null || threshold === null || !Number.isFinite(score) || !(threshold > 0)) return -Infinity;
  const floor = Number.MIN_VALUE;
  return isPValueTest(column.stattest)
    ? Math.log(threshold / Math.max(score, floor))
    : Math.log(Math.max(score, floor) / threshold);
}

/**
 * Report order of the columns: drifted first, then stable, then skipped; within a group, the column furthest past
 * (or closest to) its threshold first; ties by name.
 */
export function orderColumns(columns: readonly ColumnDriftResult[]): ColumnDriftResult[] {
  const rank: Record<DriftState, number> = { drifted: 0, stable: 1, skipped: 2 };
  return [...columns].sort(
    (a, b) =>
      rank[driftState(a)] - rank[driftState(b)] ||
      driftSeverity(b) - driftSeverity(a) ||
      (a.column < b.column ? -1 : a.column > b.column ? 1 : 0),
  );
}

/** Escapes text for HTML and SVG element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Shortens a label to `limit` characters with an ellipsis. */
export function truncateLabel(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, Math.max(limit - 1, 1))}…`;
}
