/**
 * Parsers of single setting values shared by every surface; messages name the setting as the surface does (a
 * flag such as `--drift-share`, an input such as `drift-share`), quote the value, and never coerce.
 */
import { UserError } from '../errors.js';

/**
 * Splits list text into items: comma- or newline-separated, trimmed, empty items dropped.
 *
 * @example
 * splitList('a, b\nc,,'); // => ['a', 'b', 'c']
 */
export function splitList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** A decimal number as a person writes one: `0.25`, `.5`, `5.`, `-1`, `1e-3`; never hex, binary or `Infinity`. */
const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Bounds of a number setting. */
export interface NumberRange {
  readonly min?: number;
  readonly max?: number;
  /** Only whole numbers. */
  readonly integer?: boolean;
}

/**
 * Parses a number setting: a finite decimal (never coerced: `0x10`, `0b1`, `Infinity` and blanks are refused),
 * within `range` when given.
 *
 * @param name how the surface names the setting, for messages
 * @param value the text given
 * @param range bounds (inclusive) and whether only whole numbers are allowed
 * @param field the setting's canonical name, carried by the error
 * @throws {UserError} USAGE naming the setting and quoting the value
 * @example
 * parseNumberSetting('--drift-share', '0.25', { min: 0, max: 1 }); // => 0.25
 */
export function parseNumberSetting(
  name: string,
  value: string,
  range: NumberRange = {},
  field?: string,
): number {
  const number = DECIMAL.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(number)) {
    // `0x10`, `0b1`, `0o7` are numbers to JavaScript but not decimals.
    const coercible = value.trim() !== '' && Number.isFinite(Number(value));
    throw new UserError('USAGE', `${name}: '${value}' is not a ${coercible ? 'decimal ' : ''}number`, field);
  }
  if ((range.min !== undefined && number < range.min) || (range.max !== undefined && number > range.max)) {
    const bounds =
      range.min !== undefined && range.max !== undefined
        ? `between ${range.min} and ${range.max}`
        : range.min !== undefined
          ? `at least ${range.min}`
          : `at most ${range.max}`;
    throw new UserError('USAGE', `${name}: ${value} is out of range (must be ${bounds})`, field);
  }
  if (range.integer && !Number.isInteger(number))
    throw new UserError('USAGE', `${name}: ${value} is not a whole number`, field);
  return number;
}
