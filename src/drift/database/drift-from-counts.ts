/**
 * The drift report from value counts (`--compute database`), with the engine's own per-column pipeline.
 *
 * Each column is expanded from its counts into a one-column table per side (one column in memory at a time,
 * freed before the next), then goes through the engine's `driftOfColumn` (typing, cleaning, default test,
 * threshold, score) and the dataset level through `summarizeDrift`. Column selection mirrors the engine's
 * `computeDrift` rules. Pure: no I/O.
 */
import { UserError } from '../../errors.js';
import type { Column, Table } from '../../snapshot/table.js';
import { inferColumnType } from '../column-types.js';
import {
  DEFAULT_DRIFT_SHARE,
  DEFAULT_RETRAIN_THRESHOLD,
  type DriftOptions,
  driftOfColumn,
  summarizeDrift,
} from '../engine.js';
import type { ColumnDriftResult, ColumnType, DriftReport } from '../types.js';
import { type CountedColumn, expandSide, type SideCounts } from './counted-column.js';

/** The two snapshots as value counts. */
export interface CountedSnapshots {
  readonly reference: { readonly source: string; readonly rows: number };
  readonly current: { readonly source: string; readonly rows: number };
  /** Counted columns in source order (ids and excluded columns may be left out). */
  readonly columns: readonly CountedColumn[];
  /** Every column name of the snapshots, counted or not (for the existence checks of the options). */
  readonly allColumns: readonly string[];
}

const isNumericStorage = (storage: CountedColumn['storage']): boolean =>
  storage === 'int' || storage === 'float' || storage === 'bool';

/**
 * Positive-class rate from counts, as the engine computes it from a column: the share of 1 (or true) among finite
 * values; for strings, the share of the first yes-like label.
 */
function positiveRate(column: CountedColumn, side: SideCounts): number | null {
  if (column.storage === 'datetime') return null;
  let hits = 0;
  let count = 0;
  if (column.storage === 'string') {
    const keys = side.keys as readonly string[];
    const positive = keys.findIndex(
      (label, k) => side.counts[k]! > 0 && /^(1|true|yes|y|positive|churn(ed)?)$/i.test(label.trim()),
    );
    if (positive < 0) return null;
    for (let k = 0; k < keys.length; k++) count += side.counts[k]!;
    hits = side.counts[positive]!;
  } else {
    const keys = side.keys as Float64Array;
    for (let k = 0; k < keys.length; k++) {
      if (!Number.isFinite(keys[k]!)) continue;
      count += side.counts[k]!;
      if (keys[k] === 1) hits += side.counts[k]!;
    }
  }
  return count === 0 ? null : hits / count;
}

/**
 * Computes the drift report of two snapshots given as per-column value counts.
 *
 * @param snapshots value counts of both snapshots
 * @param options the same options as the engine's `computeDrift`
 * @returns the report; equal to `computeDrift` on the row-level tables, except for statistics summed in row order
 * @throws {UserError} for configuration problems (unknown columns, a test applied to the wrong column type)
 */
export function computeDriftFromCounts(snapshots: CountedSnapshots, options: DriftOptions): DriftReport {
  const byName = new Map(snapshots.columns.map((column) => [column.name, column]));
  const describe = `${snapshots.reference.source}, ${snapshots.current.source}`;
  const reserved = new Set(
    [options.idColumn, options.timestampColumn].filter((name): name is string => !!name),
  );
  const excluded = new Set(options.exclude ?? []);
  const forcedNumerical = new Set(options.numerical ?? []);
  const forcedCategorical = new Set(options.categorical ?? []);
  const all = new Set(snapshots.allColumns);
  for (const name of [...reserved, ...excluded]) {
    if (!all.has(name))
      throw new UserError('COLUMN_MISSING', `column '${name}' is in neither snapshot (${describe})`);
  }
  for (const name of [
    ...forcedNumerical,
    ...forcedCategorical,
    ...(options.columns ?? []),
    ...(options.target ? [options.target] : []),
  ]) {
    if (!byName.has(name))
      throw new UserError('COLUMN_MISSING', `column '${name}' is in neither snapshot (${describe})`);
  }
  const names = options.columns ? [...options.columns] : snapshots.columns.map((column) => column.name);
  const typedResults: { type: ColumnType; result: ColumnDriftResult }[] = [];
  for (const name of names) {
    if (reserved.has(name) || excluded.has(name)) continue;
    const counted = byName.get(name);
    if (!counted)
      throw new UserError('COLUMN_MISSING', `column '${name}' is in neither snapshot (${describe})`);
    if (counted.storage === 'datetime') {
      if (options.columns)
        throw new UserError(
          'COLUMN_TYPE_MISMATCH',
          `column '${name}' holds dates; drift is tested on numbers and categories`,
        );
      continue;
    }
    // One column of each side in memory at a time.
    const reference: Column = expandSide(counted, 'reference');
    const current: Column = expandSide(counted, 'current');
    let type: ColumnType | undefined;
    if (forcedNumerical.has(name)) {
      if (!isNumericStorage(counted.storage))
        throw new UserError(
          'COLUMN_TYPE_MISMATCH',
          `--numerical ${name}: column '${name}' holds text, not numbers`,
        );
      type = 'numerical';
    } else if (forcedCategorical.has(name)) type = 'categorical';
    else type = inferColumnType(current);
    if (!type) continue;
    const referenceTable: Table = {
      source: snapshots.reference.source,
      rows: snapshots.reference.rows,
      columns: [reference],
    };
    const currentTable: Table = {
      source: snapshots.current.source,
      rows: snapshots.current.rows,
      columns: [current],
    };
    typedResults.push({ type, result: driftOfColumn(name, type, referenceTable, currentTable, options) });
  }
  const order: ColumnType[] = ['numerical', 'categorical', 'text'];
  const columns = order.flatMap((type) =>
    typedResults.filter((item) => item.type === type).map((item) => item.result),
  );
  const target = options.target ? byName.get(options.target)! : undefined;
  return summarizeDrift(columns, {
    reference: {
      label: options.referenceLabel,
      rows: snapshots.reference.rows,
      source: snapshots.reference.source,
    },
    current: { label: options.currentLabel, rows: snapshots.current.rows, source: snapshots.current.source },
    driftShareThreshold: options.driftShare ?? DEFAULT_DRIFT_SHARE,
    retrainThreshold: options.retrainThreshold ?? DEFAULT_RETRAIN_THRESHOLD,
    target: target
      ? {
          column: target.name,
          referenceRate: positiveRate(target, target.reference),
          currentRate: positiveRate(target, target.current),
        }
      : undefined,
  });
}
