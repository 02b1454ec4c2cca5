/**
 * The report from the per-column work: missing-value drift on every column, the multiple-testing correction, the
 * dataset level with the target and the decision, and the data summary of both snapshots.
 */
import { getColumn, type RowFacts } from '../snapshot/table.js';
import { missingCount } from './counted.js';
import { applyCorrection } from './correction.js';
import { decideDrift, positiveRate } from './decide.js';
import { missingDrift } from './missing-drift.js';
import { DEFAULT_DRIFT_SHARE, DEFAULT_RETRAIN_THRESHOLD, type DriftOptions } from './options.js';
import { SCHEMA_VERSION, type DriftReport } from './report.js';
import type { ColumnWork, TablePair } from './score-column.js';
import { computeSummary, summaryColumnType, type ColumnTally, type SummaryColumnType } from './summary.js';

/**
 * Assembles the report.
 *
 * @param tables both snapshots as columns
 * @param rowFacts duplicated and empty rows of each snapshot (computed by the reader)
 * @param options the engine options
 * @param works the per-column work, in plan order (computed in this thread or on worker threads)
 * @param columnOrder every read column in source order, when some are summarised (in no table; their tallies
 *   come with their work)
 * @returns the drift report
 */
export function assembleDrift(
  tables: TablePair,
  rowFacts: { readonly reference: RowFacts; readonly current: RowFacts },
  options: DriftOptions,
  works: readonly ColumnWork[],
  columnOrder?: readonly string[],
): DriftReport {
  const { reference, current } = tables;
  const columns = works.map((work) => work.result);
  const referenceTallies = new Map<string, ColumnTally>();
  const currentTallies = new Map<string, ColumnTally>();
  for (const work of works) {
    if (work.referenceTally) referenceTallies.set(work.result.column, work.referenceTally);
    if (work.currentTally) currentTallies.set(work.result.column, work.currentTally);
  }
  // Missing-value drift (evidently#187): additive fields on every column; counted as drift only on request.
  for (const column of columns) {
    const ref = getColumn(reference, column.column);
    const cur = getColumn(current, column.column);
    const tallied = referenceTallies.has(column.column) && currentTallies.has(column.column);
    if (((ref && cur) || tallied) && reference.rows > 0 && current.rows > 0) {
      const referenceMissing =
        referenceTallies.get(column.column)?.summary.missing.count ?? missingCount(ref!);
      const currentMissing = currentTallies.get(column.column)?.summary.missing.count ?? missingCount(cur!);
      Object.assign(column, missingDrift(referenceMissing, reference.rows, currentMissing, current.rows));
    }
  }
  if (options.correction) applyCorrection(columns, options.correction);
  if (options.missingDrift) {
    for (const column of columns)
      if (column.skipped === null && column.missing_drift_detected === true) column.drift_detected = true;
  }
  const decided = decideDrift(columns, {
    driftShareThreshold: options.driftShare ?? DEFAULT_DRIFT_SHARE,
    retrainThreshold: options.retrainThreshold ?? DEFAULT_RETRAIN_THRESHOLD,
    target: options.target
      ? {
          column: options.target,
          referenceRate: positiveRate(getColumn(reference, options.target)!),
          currentRate: positiveRate(getColumn(current, options.target)!),
        }
      : undefined,
  });
  // One summary type per column for both snapshots: the engine's type for drift columns (overrides included), else
  // the type the engine would infer (current snapshot first).
  const summaryTypes = new Map<string, SummaryColumnType>();
  for (const column of columns) summaryTypes.set(column.column, column.column_type);
  const typeOf = (name: string): SummaryColumnType =>
    summaryTypes.get(name) ?? summaryColumnType(getColumn(reference, name), getColumn(current, name));
  return {
    schema_version: SCHEMA_VERSION,
    reference: { label: options.referenceLabel, rows: reference.rows, source: reference.source },
    current: { label: options.currentLabel, rows: current.rows, source: current.source },
    columns,
    ...decided,
    ...(options.correction ? { correction: options.correction } : {}),
    ...(options.missingDrift ? { missing_drift: true as const } : {}),
    // DataSummaryPreset-style summary of both snapshots.
    summary: {
      reference: computeSummary(
        reference,
        rowFacts.reference,
        (name) => referenceTallies.get(name),
        typeOf,
        columnOrder,
      ),
      current: computeSummary(
        current,
        rowFacts.current,
        (name) => currentTallies.get(name),
        typeOf,
        columnOrder,
      ),
    },
  };
}
