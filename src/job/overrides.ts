/**
 * Parsers of the override syntax shared by the CLI flags and the action inputs:
 * `X | numerical=X | categorical=X | COLUMN=X` for `--stattest` / `stattest` and `--threshold` / `threshold`.
 */
import type { Overrides } from '../drift/engine.js';
import { STATTEST_IDS, type ColumnType, type StatTestId } from '../drift/types.js';
import { UserError } from '../errors.js';
import { parseNumberFlag } from './values.js';

const COLUMN_TYPES: readonly ColumnType[] = ['numerical', 'categorical', 'text'];

/** Parses repeatable `X | type=X | column=X` specs into Evidently-ordered overrides. */
export function parseOverrides<T>(
  flag: string,
  specs: readonly string[],
  parseValue: (value: string) => T,
): Overrides<T> {
  let all: T | undefined;
  const byType: Partial<Record<ColumnType, T>> = {};
  const byColumn: Record<string, T> = {};
  for (const spec of specs) {
    const equals = spec.lastIndexOf('=');
    if (equals < 0) {
      all = parseValue(spec.trim());
      continue;
    }
    const key = spec.slice(0, equals).trim();
    const value = parseValue(spec.slice(equals + 1).trim());
    if (key === '') throw new UserError('USAGE', `${flag}: '${spec}' has no column name before '='`);
    if ((COLUMN_TYPES as readonly string[]).includes(key)) byType[key as ColumnType] = value;
    else byColumn[key] = value;
  }
  return { all, byType, byColumn };
}

export function parseStatTestId(flag: string, value: string): StatTestId {
  const id = STATTEST_IDS.find((candidate) => candidate === value);
  if (!id)
    throw new UserError(
      'UNKNOWN_STATTEST',
      `${flag}: unknown stattest '${value}' (known: ${STATTEST_IDS.join(', ')})`,
    );
  return id;
}

export function parseThreshold(flag: string, value: string): number {
  const threshold = parseNumberFlag(flag, value);
  if (!(threshold > 0))
    throw new UserError('THRESHOLD_RANGE', `${flag}: threshold ${value} must be greater than 0`);
  return threshold;
}
