/**
 * Which columns a comparison tests, with which type: the names the options mention must exist, ids, timestamps,
 * excluded and date columns are left out, types come from the current snapshot (or are forced), and the order is
 * Evidently's: numerical, then categorical, then text, each in source order.
 */
import { UserError } from '../errors.js';
import { getColumn, hasColumn, type Column, type Table } from '../snapshot/table.js';
import { inferColumnType } from './column-types.js';
import { countsOf } from './counted.js';
import { settingName, type DriftOptions, type SettingNames } from './options.js';
import type { ColumnType } from './types.js';

/** One column to test and the type it is tested as. */
export interface PlannedColumn {
  readonly name: string;
  readonly type: ColumnType;
  /**
   * Set on a text column with a label of its own in every row of both snapshots (no missing cell, no repeat): an
   * id left in the data. It is skipped as text is, with a reason that names `--id-column`.
   */
  readonly uniqueInEveryRow?: true;
}

/** A string column whose every row holds its own label (the dictionary holds exactly the labels that occur). */
export function isStringUniqueInEveryRow(column: Column): boolean {
  if (column.type !== 'string') return false;
  // A counted column answers from its counts, without building its cells.
  const counted = countsOf(column);
  if (counted) return counted.counts.missing === 0 && counted.counts.counts.every((count) => count <= 1);
  return column.dictionary.length === column.codes.length;
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
 * @throws {UserError} COLUMN_MISSING for a name in neither snapshot or a tested column missing on one side; NO_COLUMNS
 *   when no column is left to test (unless `allowEmpty`);
 *   COLUMN_TYPE_MISMATCH for a column numeric on one side and text on the other, forced numerical but holding text,
 *   or a date column asked for by name
 */
export function planColumns(
  reference: Table,
  current: Table,
  options: DriftOptions,
  summarized?: { readonly names: ReadonlySet<string>; readonly order: readonly string[] },
): PlannedColumn[] {
  const reserved = new Set(
    [options.idColumn, options.timestampColumn].filter((name): name is string => !!name),
  );
  const excluded = new Set(options.exclude ?? []);
  const forcedNumerical = new Set(options.numerical ?? []);
  const forcedCategorical = new Set(options.categorical ?? []);
  checkNamedColumns(reference, current, options, summarized?.names);
  const names = options.columns
    ? [...options.columns]
    : summarized
      ? [...summarized.order]
      : [...new Set([...current.columns.map((c) => c.name), ...reference.columns.map((c) => c.name)])];
  const typed: PlannedColumn[] = [];
  for (const name of names) {
    if (reserved.has(name) || excluded.has(name)) continue;
    // A summarised column is numeric on both sides and typed numerical (the reader's policy made sure).
    if (summarized?.names.has(name)) {
      typed.push({ name, type: 'numerical' });
      continue;
    }
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
    if (type === 'text' && isStringUniqueInEveryRow(ref) && isStringUniqueInEveryRow(cur))
      typed.push({ name, type, uniqueInEveryRow: true });
    else if (type) typed.push({ name, type });
  }
  if (typed.length === 0 && !options.allowEmpty)
    throw noColumnsError(reference.source, current.source, options);
  const order: ColumnType[] = ['numerical', 'categorical', 'text'];
  return order.flatMap((type) => typed.filter((column) => column.type === type));
}

/** The error of a comparison that tests no column. */
export function noColumnsError(
  referenceSource: string,
  currentSource: string,
  options: DriftOptions,
): UserError {
  return new UserError(
    'NO_COLUMNS',
    `no column left to test: every column is excluded, an id, a timestamp or a date (${referenceSource}, ${currentSource}); pass ${settingName(options, 'allowEmpty')} to accept a comparison that tests nothing`,
  );
}

/**
 * The names a plan considers, in the order it considers them before grouping by type: the selection when given,
 * else the current snapshot's columns followed by the reference's others.
 *
 * @example
 * planOrder(['a', 'b'], ['b', 'c'], {}); // => ['b', 'c', 'a']
 */
export function planOrder(
  reference: readonly string[],
  current: readonly string[],
  options: Pick<DriftOptions, 'columns'>,
): string[] {
  return options.columns ? [...options.columns] : [...new Set([...current, ...reference])];
}

/**
 * Checks, before any column is read, that every column a setting names exists in one snapshot (given every column
 * of both as not loaded).
 *
 * @throws {UserError} COLUMN_MISSING naming the setting and the unknown names
 */
export function checkColumnNames(reference: Table, current: Table, options: DriftOptions): void {
  checkNamedColumns(reference, current, options);
}

/** At most this many column names are listed in a message. */
const LISTED_COLUMNS = 20;

/** The columns of both snapshots, for messages: `columns: a, b, c` (the first ones only, when there are many). */
function describeColumns(reference: Table, current: Table): string {
  const all = [...new Set([...reference.columns, ...current.columns].map((column) => column.name))];
  const listed = all.slice(0, LISTED_COLUMNS).join(', ');
  return all.length > LISTED_COLUMNS
    ? `columns: ${listed}, ... (${all.length} in all)`
    : `columns: ${listed}`;
}

/**
 * Every column a setting names must exist in one snapshot at least: a selection, a forced type, an id, the target,
 * and the columns of per-column test and threshold overrides (names that are a column type set the type's value).
 *
 * @throws {UserError} COLUMN_MISSING naming the setting and the unknown names, and listing the columns
 */
function checkNamedColumns(
  reference: Table,
  current: Table,
  options: DriftOptions,
  summarized?: ReadonlySet<string>,
): void {
  const named: [keyof SettingNames, readonly (string | undefined)[]][] = [
    ['columns', options.columns ?? []],
    ['exclude', options.exclude ?? []],
    ['numerical', options.numerical ?? []],
    ['categorical', options.categorical ?? []],
    ['idColumn', [options.idColumn]],
    ['timestampColumn', [options.timestampColumn]],
    ['target', [options.target]],
    ['stattest', Object.keys(options.stattest?.byColumn ?? {})],
    ['threshold', Object.keys(options.threshold?.byColumn ?? {})],
  ];
  for (const [setting, names] of named) {
    const unknown = [
      ...new Set(
        names.filter(
          (name): name is string =>
            name !== undefined &&
            !hasColumn(reference, name) &&
            !hasColumn(current, name) &&
            !summarized?.has(name),
        ),
      ),
    ];
    if (unknown.length === 0) continue;
    // A reader asked for chosen columns only loads those: the list would say nothing then.
    const loaded = reference.columns.length + current.columns.length;
    const quoted = unknown.map((name) => `'${name}'`).join(', ');
    throw new UserError(
      'COLUMN_MISSING',
      `${settingName(options, setting)}: ${unknown.length === 1 ? 'column' : 'columns'} ${quoted} ${unknown.length === 1 ? 'is' : 'are'} in neither snapshot (${reference.source}, ${current.source}${loaded === 0 ? '' : `; ${describeColumns(reference, current)}`})`,
    );
  }
}
