/**
 * JSON Lines reader: one JSON object per line; columns are the union of keys in first-seen order (a key absent from a
 * row is a missing cell). The file is read in chunks (decompressed on the fly when named `.gz`) and split at line
 * ends; each line is parsed with JSON.parse and its values go straight into column builders, so no row object
 * outlives its line and the text is never held whole.
 */
import { UserError } from '../errors.js';
import { openByteSource, type BytesRead } from './byte-source.js';
import type { SpillWriter } from './spill.js';
import { ColumnBuilder } from './column-builder.js';
import type { Table } from './table.js';

const LF = 0x0a;
const CR = 0x0d;
const CHUNK_BYTES = 1024 * 1024;
const decoder = new TextDecoder('utf-8');

/** Calls `onLine` with each line's text (without its line end) and its 1-based number. */
async function forEachLine(
  path: string,
  onLine: (line: string, lineNumber: number) => void,
  onBytes?: BytesRead,
): Promise<void> {
  const source = openByteSource(path, onBytes);
  try {
    let buf = new Uint8Array(CHUNK_BYTES);
    let length = 0;
    let lineNumber = 0;
    let first = true;
    const emit = (start: number, end: number) => {
      if (
        first &&
        end - start >= 3 &&
        buf[start] === 0xef &&
        buf[start + 1] === 0xbb &&
        buf[start + 2] === 0xbf
      )
        start += 3; // UTF-8 BOM
      first = false;
      if (end > start && buf[end - 1] === CR) end--;
      onLine(decoder.decode(buf.subarray(start, end)), ++lineNumber);
    };
    for (;;) {
      if (length === buf.length) {
        const bigger = new Uint8Array(buf.length * 2);
        bigger.set(buf);
        buf = bigger;
      }
      const got = source.read(buf, length, buf.length - length);
      const read = typeof got === 'number' ? got : await got;
      if (read === 0) {
        if (length > 0) emit(0, length);
        return;
      }
      const scanFrom = length;
      length += read;
      let start = 0;
      let end = buf.indexOf(LF, scanFrom);
      while (end >= 0 && end < length) {
        emit(start, end);
        start = end + 1;
        end = buf.indexOf(LF, start);
        if (end >= length) end = -1;
      }
      buf.copyWithin(0, start, length);
      length -= start;
    }
  } finally {
    source.close();
  }
}

export async function readJsonLines(
  path: string,
  include?: (name: string) => boolean,
  onBytes?: BytesRead,
  spill?: SpillWriter,
): Promise<Table> {
  const builders = new Map<string, ColumnBuilder | undefined>();
  const order: string[] = [];
  let rows = 0;
  let blank = true;
  // With a spill: the row the builders' cells start at, drained every block of rows.
  let blockStart = 0;
  await forEachLine(
    path,
    (line, lineNumber) => {
      if (line.trim() === '') return;
      blank = false;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (error) {
        throw new UserError('PARSE', `${path}:${lineNumber}: invalid JSON (${(error as Error).message})`);
      }
      if (record === null || typeof record !== 'object' || Array.isArray(record))
        throw new UserError('PARSE', `${path}:${lineNumber}: expected a JSON object per line`);
      if (spill && rows > blockStart && rows - blockStart >= spill.rowsPerBlock(order.length)) {
        spill.drain(builders.values(), blockStart);
        blockStart = rows;
      }
      for (const key of Object.keys(record)) {
        if (!builders.has(key)) {
          const builder = include && !include(key) ? undefined : new ColumnBuilder(key);
          // A column first seen on a later row is missing on the earlier rows.
          if (builder) for (let r = blockStart; r < rows; r++) builder.pushMissing();
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
    },
    onBytes,
  );
  if (blank) throw new UserError('EMPTY_FILE', `${path}: file is empty`);
  const mixed = order.find((key) => builders.get(key)?.needsStringPass);
  if (mixed !== undefined)
    throw new UserError(
      'COLUMN_TYPE_MISMATCH',
      `${path}: column '${mixed}' mixes numbers, booleans and strings`,
    );
  if (spill) {
    spill.drain(builders.values(), blockStart);
    spill.finish(builders.values(), rows);
    return { source: path, rows, columns: [], unloaded: order };
  }
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
