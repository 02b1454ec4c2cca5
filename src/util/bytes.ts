/**
 * Byte sizes as people write them: `512MiB`, `4GiB`, `1.5GB`, `800000000`; and back, for messages.
 */
import { UserError } from '../errors.js';

const UNITS: ReadonlyMap<string, number> = new Map([
  ['', 1],
  ['b', 1],
  ['k', 1024],
  ['kb', 1000],
  ['kib', 1024],
  ['m', 1024 ** 2],
  ['mb', 1000 ** 2],
  ['mib', 1024 ** 2],
  ['g', 1024 ** 3],
  ['gb', 1000 ** 3],
  ['gib', 1024 ** 3],
  ['t', 1024 ** 4],
  ['tb', 1000 ** 4],
  ['tib', 1024 ** 4],
]);

/**
 * Parses a size: a decimal number and an optional unit (B, KiB, MiB, GiB, TiB in powers of 1024; KB, MB, GB, TB in
 * powers of 1000; K, M, G, T alone mean the binary units), case-insensitive, spaces allowed before the unit.
 *
 * @param name the setting, for messages
 * @param field the setting's canonical name, carried by the error
 * @throws {UserError} USAGE naming the setting when the text is not a positive size
 * @example
 * parseByteSize('--memory-limit', '512MiB'); // => 536870912
 */
export function parseByteSize(name: string, text: string, field?: string): number {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? UNITS.get(match[2]!.toLowerCase()) : undefined;
  if (!match || unit === undefined)
    throw new UserError('USAGE', `${name}: '${text}' is not a size (for example 512MiB or 4GiB)`, field);
  const bytes = Math.floor(Number(match[1]) * unit);
  if (!(bytes > 0)) throw new UserError('USAGE', `${name}: ${text} must be above 0`, field);
  return bytes;
}

/**
 * A byte count for messages, in the largest binary unit that keeps it at least 1.
 *
 * @example
 * formatBytes(1.5 * 1024 ** 2); // => '1.5 MiB'
 */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let index = 0;
  while (value >= 1024 && index < units.length - 1) {
    value /= 1024;
    index++;
  }
  return `${index === 0 ? value.toFixed(0) : Number(value.toFixed(1))} ${units[index]}`;
}
