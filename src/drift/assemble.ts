/**
 * The report from the per-column work: missing-value drift on every column, the multiple-testing correction, the
 * dataset level with the target and the decision, and the data summary of both snapshots. Everything but the
 * correction, the dataset level and the row facts is a function of one column, so a comparison may be assembled
 * from parts (column batches) and merged exactly.
 */
import { getColumn, type RowFacts } from '../snapshot/table.js';
import { missingCount } from './counted.js';
import { applyCorrection } from './correction.js';
import { decideDrift, positiveRate } from './decide.js';
import { missingDrift } from './missing-drift.js';
import { DEFAULT_DRIFT_SHARE, DEFAULT_RETRAIN_THRESHOLD, type DriftOptions } from './options.js';
import { noColumnsError } from './plan.js';
import { SCHEMA_VERSION, type ColumnDriftResult, type DriftReport } from './report.js';
import type { ColumnWork, TablePair } from './score-column.js';
import {
  computeSummary,
  summaryColumnType,
  type ColumnSummary,
  type ColumnTally,
  type DataSummary,
  type SummaryColumnType,
} from './summary.js';

/**
 * What the report needs from one group of columns: their drift results (with missing-value drift), both snapshots'
 * summaries of those columns, and the target's positive rates when the group holds the target. A comparison read in
 * column batches produces one part per batch; {@link finishDrift} merges them into the report.
 */
export interface DriftPart {
  /** Tested columns of the part in plan order, with their missing-value drift fields. */
  readonly columns: ColumnDriftResult[];
  /** Summaries of the part's columns (row facts left at zero: they come from whole rows, see finishDrift). */
  readonly summary: { readonly reference: DataSummary; readonly current: DataSummary };
  /** The target's positive rates, when the part holds the target column. */
  readonly target?: { readonly referenceRate: number | null; readonly currentRate: number | null };
}

const NO_ROW_FACTS: RowFacts = { duplicatedRows: 0, emptyRows: 0 };

/**
 * The part of a report that one group of columns determines.
 *
 * @param tables both snapshots as columns (all of them, or one batch of them)
 * @param options the engine options
 * @param works the per-column work, in plan order (computed in this thread or on worker threads)
 * @param columnOrder every read column in source order, when some are summarised (in no table; their tallies
 *   come with their work)
 */
export function assemblePart(
  tables: TablePair,
  options: DriftOptions,
  works: readonly ColumnWork[],
  columnOrder?: readonly string[],
): DriftPart {
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
  // One summary type per column for both snapshots: the engine's type for drift columns (overrides included), else
  // the type the engine would infer (current snapshot first).
  const summaryTypes = new Map<string, SummaryColumnType>();
  for (const column of columns) summaryTypes.set(column.column, column.column_type);
  const typeOf = (name: string): SummaryColumnType =>
    summaryTypes.get(name) ?? summaryColumnType(getColumn(reference, name), getColumn(current, name));
  const referenceTarget = options.target ? getColumn(reference, options.target) : undefined;
  const currentTarget = options.target ? getColumn(current, options.target) : undefined;
  return {
    columns,
    summary: {
      reference: computeSummary(
        reference,
        NO_ROW_FACTS,
        (name) => referenceTallies.get(name),
        typeOf,
        columnOrder,
      ),
      current: computeSummary(current, NO_ROW_FACTS, (name) => currentTallies.get(name), typeOf, columnOrder),
    },
    ...(referenceTarget && currentTarget
      ? { target: { referenceRate: positiveRate(referenceTarget), currentRate: positiveRate(currentTarget) } }
      : {}),
  };
}

/** One snapshot as the report names it. */
export interface SnapshotMeta {
  readonly rows: number;
  readonly source: string;
}

/** Where the columns of several parts go: Evidently's plan order, and each snapshot's own column order. */
export interface PartOrder {
  /** Column names in plan order before grouping by type (see `planOrder`). */
  readonly plan: readonly string[];
  readonly reference: readonly string[];
  readonly current: readonly string[];
}

const TYPE_RANK: Readonly<Record<string, number>> = { numerical: 0, categorical: 1, text: 2 };

function byIndexIn<T>(names: readonly string[], nameOf: (item: T) => string): (a: T, b: T) => number {
  const index = new Map(names.map((name, position) => [name, position]));
  return (a, b) => (index.get(nameOf(a)) ?? Infinity) - (index.get(nameOf(b)) ?? Infinity);
}

/** Summaries of disjoint column groups of one snapshot as one: counts add up, columns in the snapshot's order. */
function mergeSummaries(
  parts: readonly DataSummary[],
  rows: number,
  rowFacts: RowFacts,
  order: readonly string[] | undefined,
): DataSummary {
  const byColumn = parts.flatMap((part) => part.by_column);
  if (order) byColumn.sort(byIndexIn(order, (summary: ColumnSummary) => summary.column));
  const sum = (field: 'columns' | 'empty_columns' | 'constant_columns' | 'almost_constant_columns') =>
    parts.reduce((total, part) => total + part[field], 0);
  const missingCells = parts.reduce((total, part) => total + part.missing_cells.count, 0);
  const columnsByType = { numerical: 0, categorical: 0, text: 0, datetime: 0 };
  for (const part of parts)
    for (const type of Object.keys(columnsByType) as SummaryColumnType[])
      columnsByType[type] += part.columns_by_type[type];
  return {
    rows,
    columns: sum('columns'),
    columns_by_type: columnsByType,
    duplicated_rows: rowFacts.duplicatedRows,
    empty_rows: rowFacts.emptyRows,
    empty_columns: sum('empty_columns'),
    constant_columns: sum('constant_columns'),
    almost_constant_columns: sum('almost_constant_columns'),
    missing_cells: { count: missingCells, share: rows === 0 ? 0 : missingCells / rows },
    by_column: byColumn,
  };
}

/**
 * The report from its parts: the columns in Evidently's order, the multiple-testing correction, the dataset level
 * with the target and the decision, and the data summary of both snapshots.
 *
 * @param parts the parts (one for a comparison read at once; one per column batch otherwise)
 * @param snapshots rows and source of each snapshot
 * @param rowFacts duplicated and empty rows of each snapshot (computed from whole rows by the reader)
 * @param options the engine options
 * @param order where the columns of several parts go (unused for one part, whose order is already right)
 * @throws {UserError} NO_COLUMNS when no part tested a column (unless `allowEmpty`)
 */
export function finishDrift(
  parts: readonly DriftPart[],
  snapshots: { readonly reference: SnapshotMeta; readonly current: SnapshotMeta },
  rowFacts: { readonly reference: RowFacts; readonly current: RowFacts },
  options: DriftOptions,
  order?: PartOrder,
): DriftReport {
  const { reference, current } = snapshots;
  const columns = parts.flatMap((part) => part.columns);
  if (parts.length > 1) {
    // Evidently's order: numerical, then categorical, then text, each in plan order (a stable sort keeps it).
    const position = byIndexIn(order?.plan ?? [], (column: ColumnDriftResult) => column.column);
    columns.sort((a, b) => TYPE_RANK[a.column_type]! - TYPE_RANK[b.column_type]! || position(a, b));
  }
  if (columns.length === 0 && !options.allowEmpty)
    throw noColumnsError(reference.source, current.source, options);
  if (options.correction) applyCorrection(columns, options.correction);
  if (options.missingDrift) {
    for (const column of columns)
      if (column.skipped === null && column.missing_drift_detected === true) column.drift_detected = true;
  }
  const target = parts.find((part) => part.target)?.target;
  const decided = decideDrift(columns, {
    driftShareThreshold: options.driftShare ?? DEFAULT_DRIFT_SHARE,
    retrainThreshold: options.retrainThreshold ?? DEFAULT_RETRAIN_THRESHOLD,
    target: options.target
      ? {
          column: options.target,
          referenceRate: target?.referenceRate ?? null,
          currentRate: target?.currentRate ?? null,
        }
      : undefined,
  });
  const merged = parts.length > 1;
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
      reference: mergeSummaries(
        parts.map((part) => part.summary.reference),
        reference.rows,
        rowFacts.reference,
        merged ? order?.reference : undefined,
      ),
      current: mergeSummaries(
        parts.map((part) => part.summary.current),
        current.rows,
        rowFacts.current,
        merged ? order?.current : undefined,
      ),
    },
  };
}

/**
 * Assembles the report of a comparison read at once.
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
  return finishDrift([assemblePart(tables, options, works, columnOrder)], tables, rowFacts, options);
}
