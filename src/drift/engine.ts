/**
 * The drift engine: a {@link SnapshotPair} in, a {@link DriftReport} out. Pure: no I/O, no clock.
 *
 * A comparison goes: plan the columns (`plan.ts`), score each one (`score-column.ts`, Evidently 0.7.21's
 * `get_one_column_drift`), assemble the report (`assemble.ts`: missing-value drift, corrections, the data summary)
 * and decide (`decide.ts`: dataset level, target, retrain). Columns are independent, so the caller may score them
 * elsewhere: the `mapColumns` strategy (a compare job passes its worker threads).
 */
import { isCounted, type SnapshotPair } from '../snapshot/table.js';
import { assembleDrift, assemblePart, type DriftPart } from './assemble.js';
import { asTable } from './counted.js';
import type { DriftOptions } from './options.js';
import { planColumns, type PlannedColumn } from './plan.js';
import type { DriftReport } from './report.js';
import { scoreColumn, type ColumnWork, type TablePair } from './score-column.js';
import { scoreSummarizedColumn } from './summarized.js';

/** Told after each column is scored: how many are done of how many. */
export type ColumnsScored = (done: number, total: number) => void;

/**
 * How the planned columns are scored. It must return, in plan order, what {@link scoreColumn} returns for each
 * column (on this thread or any other), and tell `scored` (when given) after each column.
 */
export type ColumnMapper = (
  columns: readonly PlannedColumn[],
  tables: TablePair,
  options: DriftOptions,
  scored?: ColumnsScored,
) => Promise<ColumnWork[]> | ColumnWork[];

/** Scores every column in this thread, in order. */
export const scoreInThisThread: ColumnMapper = (columns, tables, options, scored) =>
  columns.map((column, index) => {
    const work = scoreColumn(column, tables, options);
    scored?.(index + 1, columns.length);
    return work;
  });

/** How the engine runs. */
export interface DriftStrategy {
  /** Default {@link scoreInThisThread}. */
  readonly mapColumns?: ColumnMapper;
  /** Told after each column is scored (a caller showing progress). */
  readonly onColumnScored?: ColumnsScored;
}

/**
 * Computes the drift report of two snapshots.
 *
 * @param pair both snapshots (as columns or value counts) with their row facts
 * @param options labels, column selection, overrides and thresholds
 * @param strategy where the columns are scored (default: this thread)
 * @returns the report (the JSON report's content)
 * @throws {UserError} for configuration problems (unknown columns, a test applied to the wrong column type)
 */
export async function computeDrift(
  pair: SnapshotPair,
  options: DriftOptions,
  strategy: DriftStrategy = {},
): Promise<DriftReport> {
  const tables: TablePair = { reference: asTable(pair.reference), current: asTable(pair.current) };
  const summarized = new Map((pair.summarized ?? []).map((column) => [column.name, column]));
  const plan = planColumns(
    tables.reference,
    tables.current,
    options,
    summarized.size > 0
      ? { names: new Set(summarized.keys()), order: pair.columnOrder ?? [...summarized.keys()] }
      : undefined,
  );
  // Summarised columns are scored here from their few numbers; the others by the strategy.
  const fromTables = plan.filter((column) => !summarized.has(column.name));
  const scored = await (strategy.mapColumns ?? scoreInThisThread)(
    fromTables,
    tables,
    options,
    strategy.onColumnScored,
  );
  const computed = isCounted(pair.reference) ? 'value_counts' : 'values';
  for (const work of scored) if (work.result.skipped === null) work.result.computed = computed;
  const rows = { reference: tables.reference.rows, current: tables.current.rows };
  let next = 0;
  const works = plan.map((column) => {
    const summary = summarized.get(column.name);
    return summary ? scoreSummarizedColumn(column, summary, rows, options) : scored[next++]!;
  });
  const rowFacts = { reference: await pair.rowFacts.reference, current: await pair.rowFacts.current };
  return assembleDrift(tables, rowFacts, options, works, pair.summarized ? pair.columnOrder : undefined);
}

/**
 * The part of a report that one batch of columns determines (see {@link DriftPart}): the batch's columns planned,
 * scored and summarised. The caller merges the parts with `finishDrift`, with the row facts of whole rows.
 *
 * @param tables both snapshots holding one batch of columns (the others named as not loaded)
 * @param options the engine options; a selection (`columns`) should name only the batch's columns
 * @param strategy where the columns are scored (default: this thread)
 */
export async function computeDriftPart(
  tables: TablePair,
  options: DriftOptions,
  strategy: DriftStrategy = {},
): Promise<DriftPart> {
  // A batch may hold no testable column (only dates, say); whether the comparison tests nothing is decided when
  // the parts are merged.
  const partOptions = { ...options, allowEmpty: true };
  const plan = planColumns(tables.reference, tables.current, partOptions);
  const works = await (strategy.mapColumns ?? scoreInThisThread)(plan, tables, partOptions);
  for (const work of works) if (work.result.skipped === null) work.result.computed = 'values';
  return assemblePart(tables, partOptions, works);
}
