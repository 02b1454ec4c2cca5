/**
 * Which columns a comparison tests, with which type: the names the options mention must exist, ids, timestamps,
 * excluded and date columns are left out, types come from the current snapshot (or are forced), and the order is
 * Evidently's: numerical, then categorical, then text, each in source order.
 */
import { UserError } from '../errors.js';
import { getColumn, hasColumn, type Column, type Table } from '../snapshot/table.js';
import { inferColumnType } from './column-types.js';
import { settingName, type DriftOptions } from './options.js';
import type { ColumnType } from './types.js';

/** One column to test and the type it is tested as. */
export interface PlannedColumn {
  readonly name: string;
  readonly type: ColumnType;
}

function isNumericStorage(column: Column): boolean {
  return column.type === 'float' || column.type === 'int' || column.type === 'bool';
}

function storageName(column: Column): string {
  return column.type === 'string'
    ? 'text'
    : column.type === 'bool'
      ? 'boolean'
      : column.type === 'datetime'
        ? 'datetime'
        : 'numeric';
}

/**
 * The columns to test, in Evidently's order: numerical, then categorical, then text (each in source order).
 *
 * @param reference the baseline snapshot's columns
 * @param current the checked snapshot's columns (types are inferred from it)
 * @param options column selection and forced types
 * @returns the planned columns
 * @throws {UserError} COLUMN_MISSING for a name in neither snapshot or a tested column missing on one side;
 *   COLUMN_TYPE_MISMATCH for a column numeric on one side and text on the other, forced numerical but holding text,
 *   or a date column asked for by name
 */
export function planColumns(reference: Table, current: Table, options: DriftOptions): PlannedColumn[] {
  const reserved = new Set(
    [options.idColumn, options.timestampColumn].filter((name): name is string => !!name),
  );
  const excluded = new Set(options.exclude ?? []);
  const forcedNumerical = new Set(options.numerical ?? []);
  const forcedCategorical = new Set(options.categorical ?? []);
  for (const name of [
    ...reserved,
    ...excluded,
    ...forcedNumerical,
    ...forcedCategorical,
    ...(options.columns ?? []),
    ...(options.target ? [options.target] : []),
  ]) {
    if (!hasColumn(reference, name) && !hasColumn(current, name))
      throw new UserError(
        'COLUMN_MISSING',
        `column '${name}' is in neither snapshot (${reference.source}, ${current.source})`,
      );
  }
  const names = options.columns
    ? [...options.columns]
    : [...new Set([...current.columns.map((c) => c.name), ...reference.columns.map((c) => c.name)])];
  const typed: PlannedColumn[] = [];
  for (const name of names) {
    if (reserved.has(name) || excluded.has(name)) continue;
    const ref = getColumn(reference, name);
    const cur = getColumn(current, name);
    if (!ref)
      throw new UserError(
        'COLUMN_MISSING',
        `column '${name}' is missing from the reference snapshot ${reference.source}`,
      );
    if (!cur)
      throw new UserError(
        'COLUMN_MISSING',
        `column '${name}' is missing from the current snapshot ${current.source}`,
      );
    if (ref.type === 'datetime' || cur.type === 'datetime') {
      if (options.columns)
        throw new UserError(
          'COLUMN_TYPE_MISMATCH',
          `column '${name}' holds dates; drift is tested on numbers and categories`,
        );
      continue;
    }
    if (isNumericStorage(ref) !== isNumericStorage(cur))
      throw new UserError(
        'COLUMN_TYPE_MISMATCH',
        `column '${name}' is ${storageName(ref)} in the reference (${reference.source}) but ${storageName(cur)} in the current (${current.source})`,
      );
    let type: ColumnType | undefined;
    if (forcedNumerical.has(name)) {
      if (!isNumericStorage(cur))
        throw new UserError(
          'COLUMN_TYPE_MISMATCH',
          `${settingName(options, 'numerical')} ${name}: column '${name}' holds text, not numbers`,
        );
      type = 'numerical';
    } else if (forcedCategorical.has(name)) type = 'categorical';
    else type = inferColumnType(cur);
    if (type) typed.push({ name, type });
  }
  const order: ColumnType[] = ['numerical', 'categorical', 'text'];
  return order.flatMap((type) => typed.filter((column) => column.type === type));
}
