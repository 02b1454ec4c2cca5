/**
 * The drift engine: a {@link SnapshotPair} in, a {@link DriftReport} out. Pure: no I/O, no clock.
 *
 * A comparison goes: plan the columns (`plan.ts`), score each one (`score-column.ts`, Evidently 0.7.21's
 * `get_one_column_drift`), assemble the report (`assemble.ts`: missing-value drift, corrections, the data summary)
 * and decide (`decide.ts`: dataset level, target, retrain). Columns are independent, so the caller may score them
 * elsewhere: the `mapColumns` strategy (a compare job passes its worker threads).
 */
import type { SnapshotPair } from '../snapshot/table.js';
import { assembleDrift } from './assemble.js';
import { asTable } from './counted.js';
import type { DriftOptions } from './options.js';
import { planColumns, type PlannedColumn } from './plan.js';
import type { DriftReport } from './report.js';
import { scoreColumn, type ColumnWork, type TablePair } from './score-column.js';

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
  const plan = planColumns(tables.reference, tables.current, options);
  const works = await (strategy.mapColumns ?? scoreInThisThread)(
    plan,
    tables,
    options,
    strategy.onColumnScored,
  );
  return assembleDrift(tables, pair.rowFacts, options, works);
}
