/**
 * The drift report from value counts (`--compute database`), through the engine itself.
 *
 * Each side's columns are rebuilt from their counts (every column in ascending value order, see
 * {@link expandSide}) and the two tables go through the engine's `computeDrift`, so typing, cleaning, default
 * tests, thresholds, corrections, missing-value drift, chart data and the dataset level are exactly the engine's.
 * Only the two summary facts that need whole rows (duplicated and empty rows) cannot be rebuilt from per-column
 * counts; the database computes them and they replace the rebuilt tables' values. Pure: no I/O.
 */
import type { Table } from '../../snapshot/table.js';
import { type DriftOptions, computeDrift } from '../engine.js';
import type { DriftReport } from '../types.js';
import { type CountedColumn, expandSide } from './counted-column.js';

/** Row-level facts of one snapshot (they need whole rows, so the database computes them). */
export interface CountedSide {
  readonly source: string;
  readonly rows: number;
  /** Rows equal to an earlier row in every counted column. */
  readonly duplicatedRows: number;
  /** Rows missing in every counted column. */
  readonly emptyRows: number;
}

/** The two snapshots as value counts. */
export interface CountedSnapshots {
  readonly reference: CountedSide;
  readonly current: CountedSide;
  /** Counted columns in source order (ids and excluded columns may be left out). */
  readonly columns: readonly CountedColumn[];
  /** Every column name of the snapshots, counted or not (for the existence checks of the options). */
  readonly allColumns: readonly string[];
}

/** A snapshot table rebuilt from counts: same columns and multisets, values in ascending order. */
function rebuildTable(snapshots: CountedSnapshots, side: 'reference' | 'current'): Table {
  const facts = snapshots[side];
  return {
    source: facts.source,
    rows: facts.rows,
    columns: snapshots.columns.map((column) => expandSide(column, side)),
  };
}

/**
 * Options without the id, timestamp and excluded names that exist in the snapshots but were not counted: the
 * engine checks such names against the tables it receives.
 */
export function withoutUnreadColumns(
  options: DriftOptions,
  read: readonly string[],
  all: readonly string[],
): DriftOptions {
  const readNames = new Set(read);
  const unread = (name: string | undefined) =>
    name !== undefined && !readNames.has(name) && all.includes(name);
  return {
    ...options,
    idColumn: unread(options.idColumn) ? undefined : options.idColumn,
    timestampColumn: unread(options.timestampColumn) ? undefined : options.timestampColumn,
    exclude: options.exclude?.filter((name) => !unread(name)),
  };
}

/**
 * Computes the drift report of two snapshots given as per-column value counts.
 *
 * @param snapshots value counts of both snapshots, with their row-level facts
 * @param options the same options as the engine's `computeDrift`
 * @returns the report: equal to `computeDrift` on the row-level tables, except for statistics that numpy and
 *   pandas sum in row order (normed Wasserstein's std, the summary's mean and std), which may differ in the last bits
 * @throws {UserError} for configuration problems (unknown columns, a test applied to the wrong column type)
 */
export function computeDriftFromCounts(snapshots: CountedSnapshots, options: DriftOptions): DriftReport {
  const counted = snapshots.columns.map((column) => column.name);
  const report = computeDrift(
    rebuildTable(snapshots, 'reference'),
    rebuildTable(snapshots, 'current'),
    withoutUnreadColumns(options, counted, snapshots.allColumns),
  );
  const summary = report.summary as
    { reference?: Record<string, unknown>; current?: Record<string, unknown> } | undefined;
  for (const side of ['reference', 'current'] as const) {
    const block = summary?.[side];
    if (block && 'duplicated_rows' in block) block.duplicated_rows = snapshots[side].duplicatedRows;
    if (block && 'empty_rows' in block) block.empty_rows = snapshots[side].emptyRows;
  }
  return report;
}
