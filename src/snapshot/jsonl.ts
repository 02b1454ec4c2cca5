/**
 * JSON Lines reader: one JSON object per line; columns are the union of keys in first-seen order (a key absent from a
 * row is a missing cell). Each line is parsed with JSON.parse and its values go straight into column builders; no row
 * object outlives its line.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import { ColumnBuilder } from './column-builder.js';
import { openForReading } from '../util/fs.js';
import type { Table } from './table.js';
import { closeSync } from 'node:fs';

export function readJsonLines(path: string, include?: (name: string) => boolean): Table {
  closeSync(openForReading(path)); // one-line errors for missing or unreadable files
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new UserError('EMPTY_FILE', `${path}: file is empty`);
  const builders = new Map<string, ColumnBuilder | undefined>();
  const order: string[] = [];
  let rows = 0;
  let lineNumber = 0;
  for (const line of text.split(/\r?\n/)) {
    lineNumber++;
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new UserError('PARSE', `${path}:${lineNumber}: invalid JSON (${(error as Error).message})`);
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record))
      throw new UserError('PARSE', `${path}:${lineNumber}: expected a JSON object per line`);
    for (const key of Object.keys(record)) {
      if (!builders.has(key)) {
        const builder = include && !include(key) ? undefined : new ColumnBuilder(key);
        // A column first seen on a later row is missing on the earlier rows.
        if (builder) for (let r = 0; r < rows; r++) builder.pushMissing();
        builders.set(key, builder);
        order.push(key);
      }
    }
    const values = record as Record<string, unknown>;
    for (const key of order) {
      const builder = builders.get(key);
      if (!builder) continue;
      const value = values[key];
      if (value === undefined || value === null) builder.pushMissing();
      else if (typeof value === 'number') builder.pushNumber(value, Number.isInteger(value));
      else if (typeof value === 'boolean') builder.pushBool(value);
      else if (typeof value === 'string') builder.pushString(value);
      else
        throw new UserError(
          'PARSE',
          `${path}:${lineNumber}: column '${key}' holds a nested ${Array.isArray(value) ? 'array' : 'object'}`,
        );
    }
    rows++;
  }
  const mixed = order.find((key) => builders.get(key)?.needsStringPass);
  if (mixed !== undefined)
    throw new UserError(
      'COLUMN_TYPE_MISMATCH',
      `${path}: column '${mixed}' mixes numbers, booleans and strings`,
    );
  return {
    source: path,
    rows,
    columns: order.flatMap((key) => {
      const builder = builders.get(key);
      return builder ? [builder.finish()] : [];
    }),
    unloaded: order.filter((key) => !builders.get(key)),
  };
}
