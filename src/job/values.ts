/** Parsers of single setting values shared by the CLI flags and the action inputs; messages name the flag or input. */
import { UserError } from '../errors.js';

/** Splits a comma-separated flag value, dropping empty items. */
export function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Parses a number flag, rejecting anything that is not a finite number (never coerced). */
export function parseNumberFlag(flag: string, value: string, range?: { min?: number; max?: number }): number {
  const number = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(number)) throw new UserError('USAGE', `${flag}: '${value}' is not a number`);
  if (range?.min !== undefined && number < range.min)
    throw new UserError('USAGE', `${flag}: ${value} is below the minimum ${range.min}`);
  if (range?.max !== undefined && number > range.max)
    throw new UserError('USAGE', `${flag}: ${value} is above the maximum ${range.max}`);
  return number;
}
