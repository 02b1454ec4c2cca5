/**
 * Drift over time: one compact history record per run (schema/history.schema.json), the merge rule of a history
 * (a record for the same pair of labels replaces the older one), the trend the reports draw from it (per-column
 * drift per run, streaks, score slopes) and the opt-in `retrainAfter` rule. Pure: the callers read and write the
 * history (a JSON Lines file, the sticky comment, a PostgreSQL table).
 */
import { isPValueTest, type Decision, type DecisionAction, type DriftReport } from './report.js';

/** Version of the history record's shape; bumped on breaking changes (see schema/history.schema.json). */
export const HISTORY_VERSION = 1;

/** Runs the trend table, the slopes and the sparklines look at (the newest ones). */
export const TREND_RUNS = 12;

/**
 * One column of a history record, as a tuple to keep a record small:
 * `[column, stattest, drift_score, threshold, drifted (0/1), current missing share]`.
 */
export type HistoryColumn = [
  column: string,
  stattest: string | null,
  score: number | null,
  threshold: number | null,
  drifted: 0 | 1,
  missing: number | null,
];

/** One snapshot of a record: its label, rows and, when known, where it was read from. */
export interface HistorySnapshot {
  label: string;
  rows: number;
  /** A file path, `git:<rev>:<path>` or `postgres:<table>@<as_of>`. */
  source?: string;
}

/** One run's record (one JSON Lines line of a history file). Field names are part of the published schema. */
export interface HistoryRecord {
  history_version: number;
  reference: HistorySnapshot;
  current: HistorySnapshot;
  drift_share: number;
  drift_share_threshold: number;
  retrain_threshold: number;
  dataset_drift: boolean;
  decision: DecisionAction;
  columns: HistoryColumn[];
}

/** A number kept to 6 significant digits (enough for a trend, much shorter than 17); non-finite → null. */
function compact(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Number(value.toPrecision(6));
}

/** The history record of a report. */
export function historyRecord(report: DriftReport): HistoryRecord {
  const snapshot = (side: DriftReport['reference']): HistorySnapshot => ({
    label: side.label,
    rows: side.rows,
    ...(side.source === undefined ? {} : { source: side.source }),
  });
  return {
    history_version: HISTORY_VERSION,
    reference: snapshot(report.reference),
    current: snapshot(report.current),
    drift_share: report.drift_share,
    drift_share_threshold: report.drift_share_threshold,
    retrain_threshold: report.decision.retrain_threshold,
    dataset_drift: report.dataset_drift,
    decision: report.decision.action,
    columns: report.columns.map((column) => [
      column.column,
      column.stattest,
      compact(column.drift_score),
      compact(column.threshold),
      column.drift_detected ? 1 : 0,
      compact(column.missing_share?.current),
    ]),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumberOrNull = (value: unknown) =>
  value === null || (typeof value === 'number' && Number.isFinite(value));

function snapshotProblem(value: unknown, side: string): string | undefined {
  if (!isObject(value)) return `${side} is not an object`;
  if (typeof value.label !== 'string') return `${side}.label is not a string`;
  if (typeof value.rows !== 'number' || !Number.isInteger(value.rows) || value.rows < 0)
    return `${side}.rows is not a row count`;
  if (value.source !== undefined && typeof value.source !== 'string') return `${side}.source is not a string`;
  return undefined;
}

function columnProblem(value: unknown, index: number): string | undefined {
  const where = `columns[${index}]`;
  if (!Array.isArray(value) || value.length !== 6) return `${where} is not a 6-item array`;
  const [name, test, score, threshold, drifted, missing] = value as unknown[];
  if (typeof name !== 'string') return `${where}[0] (column) is not a string`;
  if (test !== null && typeof test !== 'string') return `${where}[1] (stattest) is not a string or null`;
  if (!isNumberOrNull(score)) return `${where}[2] (score) is not a number or null`;
  if (!isNumberOrNull(threshold)) return `${where}[3] (threshold) is not a number or null`;
  if (drifted !== 0 && drifted !== 1) return `${where}[4] (drifted) is not 0 or 1`;
  if (!isNumberOrNull(missing)) return `${where}[5] (missing share) is not a number or null`;
  return undefined;
}

/**
 * Checks a parsed value is a history record of this version.
 *
 * @returns the record, or a one-line reason it is not one
 * @example
 * typeof parseHistoryRecord({}); // => 'string'
 */
export function parseHistoryRecord(value: unknown): HistoryRecord | string {
  if (!isObject(value)) return 'not a JSON object';
  if (value.history_version !== HISTORY_VERSION)
    return `history_version is ${JSON.stringify(value.history_version)}, expected ${HISTORY_VERSION}`;
  const problem =
    snapshotProblem(value.reference, 'reference') ??
    snapshotProblem(value.current, 'current') ??
    (['drift_share', 'drift_share_threshold', 'retrain_threshold'] as const)
      .filter((key) => typeof value[key] !== 'number' || !Number.isFinite(value[key]))
      .map((key) => `${key} is not a number`)[0] ??
    (typeof value.dataset_drift !== 'boolean' ? 'dataset_drift is not a boolean' : undefined) ??
    (value.decision !== 'NO_ACTION' && value.decision !== 'RETRAIN'
      ? 'decision is not NO_ACTION or RETRAIN'
      : undefined) ??
    (!Array.isArray(value.columns)
      ? 'columns is not an array'
      : value.columns.map(columnProblem).find((found) => found !== undefined));
  return problem ?? (value as unknown as HistoryRecord);
}

/** Whether two records are of the same pair of labels (a re-run). */
export function samePair(a: HistoryRecord, b: HistoryRecord): boolean {
  return a.reference.label === b.reference.label && a.current.label === b.current.label;
}

/**
 * A history with `record` as its newest run: an older record of the same pair of labels is dropped (a re-run
 * replaces, never double-counts), and only the newest `limit` runs are kept.
 */
export function mergeHistory(
  history: readonly HistoryRecord[],
  record: HistoryRecord,
  limit = Infinity,
): HistoryRecord[] {
  const merged = [...history.filter((old) => !samePair(old, record)), record];
  return limit < merged.length ? merged.slice(merged.length - limit) : merged;
}

/** One run as the trend names it. */
export interface TrendRun {
  reference: string;
  current: string;
  drift_share: number;
  dataset_drift: boolean;
  decision: DecisionAction;
}

/** One column's trend over the newest runs (at most {@link TREND_RUNS}), oldest first. */
export interface ColumnTrend {
  column: string;
  /** Drifted per run: true, false, or null when the column was not in that run. */
  drifted: (boolean | null)[];
  /** Drift score per run (null: not in that run or not scored). */
  scores: (number | null)[];
  /** Consecutive runs, ending with this one, in which the column drifted (0: not drifting now). */
  drifting_for: number;
  /** Drifted in this run but not in the run before (false for the first run of a history). */
  new_this_run: boolean;
  /** Least-squares slope of the score per run over the runs that scored it (null: fewer than two). */
  score_slope: number | null;
  /**
   * The slope turned so that positive means towards drift (p-value tests: the score falls; distances: it rises);
   * `columns` are sorted by it, largest first.
   */
  drift_slope: number | null;
}

/** The trend block of a report (with a history): the runs, newest last, and the columns. */
export interface DriftTrend {
  /** Every run of the history, oldest first; the last one is this run. */
  runs: TrendRun[];
  /** How many of the newest runs `columns` looks at. */
  window: number;
  /** Every column tested in the window, sorted by `drift_slope` (towards drift first; null last). */
  columns: ColumnTrend[];
}

/** Least-squares slope of y over x = 0, 1, 2…, skipping nulls; null with fewer than two points. */
function slope(values: readonly (number | null)[]): number | null {
  const points = values.flatMap((y, x) => (y === null ? [] : [[x, y] as const]));
  if (points.length < 2) return null;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
  }
  return sxy / sxx;
}

/**
 * The trend of a history whose last record is this run.
 *
 * @param history records, oldest first (not empty)
 * @param window how many of the newest runs the column trends look at (default {@link TREND_RUNS})
 */
export function computeTrend(history: readonly HistoryRecord[], window = TREND_RUNS): DriftTrend {
  const recent = history.slice(Math.max(0, history.length - window));
  const byRun = recent.map((record) => new Map(record.columns.map((column) => [column[0], column])));
  const names = [...new Set(recent.flatMap((record) => record.columns.map((column) => column[0])))];
  const columns = names.map((name): ColumnTrend => {
    const cells = byRun.map((run) => run.get(name));
    const drifted = cells.map((cell) => (cell === undefined ? null : cell[4] === 1));
    const scores = cells.map((cell) => cell?.[2] ?? null);
    let driftingFor = 0;
    for (let i = drifted.length - 1; i >= 0 && drifted[i] === true; i--) driftingFor++;
    const scoreSlope = slope(scores);
    const test = [...cells].reverse().find((cell) => cell !== undefined)?.[1];
    return {
      column: name,
      drifted,
      scores,
      drifting_for: driftingFor,
      new_this_run: drifted.length >= 2 && drifted.at(-1) === true && drifted.at(-2) !== true,
      score_slope: scoreSlope,
      drift_slope: scoreSlope === null ? null : isPValueTest(test) ? -scoreSlope : scoreSlope,
    };
  });
  columns.sort((a, b) => (b.drift_slope ?? -Infinity) - (a.drift_slope ?? -Infinity));
  return {
    runs: history.map((record) => ({
      reference: record.reference.label,
      current: record.current.label,
      drift_share: record.drift_share,
      dataset_drift: record.dataset_drift,
      decision: record.decision,
    })),
    window: recent.length,
    columns,
  };
}

/** `ref→cur` for messages. */
export function runName(run: { reference: string; current: string }): string {
  return `${run.reference}→${run.current}`;
}

/**
 * The opt-in trend rule (`retrainAfter` = N): RETRAIN when the dataset drifted in each of the last N runs, or
 * a column drifted in each of them. Only ever turns NO_ACTION into RETRAIN; the reason names the runs.
 *
 * @param decision the decision of this run
 * @param history the history, oldest first, whose last record is this run
 * @param after N (≥ 1)
 * @returns the decision, unchanged when the rule does not fire
 */
export function retrainAfter(decision: Decision, history: readonly HistoryRecord[], after: number): Decision {
  if (decision.action === 'RETRAIN' || history.length < after) return decision;
  const last = history.slice(history.length - after);
  const runs = last.map((record) =>
    runName({ reference: record.reference.label, current: record.current.label }),
  );
  const named = runs.join(', ');
  let reason: string | undefined;
  if (last.every((record) => record.dataset_drift)) {
    reason = `dataset drift in ${after} consecutive runs (${named})`;
  } else {
    const columns = last[0]!.columns
      .filter((column) => column[4] === 1)
      .map((column) => column[0])
      .filter((name) => last.every((record) => record.columns.some((c) => c[0] === name && c[4] === 1)));
    if (columns.length > 0)
      reason = `${columns.length === 1 ? 'column' : 'columns'} ${columns.join(', ')} drifted in ${after} consecutive runs (${named})`;
  }
  if (reason === undefined) return decision;
  return {
    ...decision,
    action: 'RETRAIN',
    reason: `RETRAIN: ${reason}; ${decision.reason}`,
    triggered_by: [...(decision.triggered_by ?? []), 'trend'],
  };
}
