import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Strict flag parsing for a subcommand: an unknown flag, a missing value or a stray positional argument is a
 * one-line UserError naming the flag.
 */
export function parseFlags<const O extends Options>(command: string, argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // node:util messages look like "Unknown option '--x'. To specify a positional argument, ..."
    const firstSentence = message.split(/\.\s/)[0]!.replace(/\.$/, '');
    throw new UserError('USAGE', `${command}: ${firstSentence}`);
  }
}

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
