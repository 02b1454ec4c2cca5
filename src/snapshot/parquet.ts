/**
 * Parquet reader on hyparquet (pure JavaScript). Column chunks arrive column-oriented (`onChunk`), so values go
 * straight into column builders; rows are never assembled. Physical/logical types decide the storage type: INT32/INT64
 * → int (float when a cell is null, as pandas reads nullable ints), FLOAT/DOUBLE → float, BOOLEAN → bool, strings →
 * dictionary-encoded strings, DATE/TIMESTAMP → datetime.
 */
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import type { SchemaElement } from 'hyparquet';
import { closeSync } from 'node:fs';
import { UserError } from '../errors.js';
import { ColumnBuilder } from './column-builder.js';
import { openForReading } from '../util/fs.js';
import type { Column, Table } from './table.js';

function isDateElement(element: SchemaElement): boolean {
  const logical = element.logical_type?.type;
  return (
    logical === 'DATE' ||
    logical === 'TIMESTAMP' ||
    element.converted_type === 'DATE' ||
    element.converted_type === 'TIMESTAMP_MILLIS' ||
    element.converted_type === 'TIMESTAMP_MICROS' ||
    element.type === 'INT96'
  );
}

/** Where one column's decoded chunks go, in row order. */
interface ColumnSink {
  push(rowStart: number, data: ArrayLike<unknown>): void;
  finish(): Column;
}

function columnSink(path: string, element: SchemaElement, rows: number): ColumnSink {
  const name = element.name;
  if (isDateElement(element)) {
    const values = new Float64Array(rows).fill(Number.NaN);
    return {
      push(rowStart, data) {
        for (let i = 0; i < data.length; i++) {
          const value = data[i];
          if (value instanceof Date) values[rowStart + i] = value.getTime();
          else if (typeof value === 'number') values[rowStart + i] = value * 86_400_000; // DATE as days
        }
      },
      finish: () => ({ name, type: 'datetime', values }),
    };
  }
  const integerType = element.type === 'INT32' || element.type === 'INT64';
  const builder = new ColumnBuilder(name, {
    capacity: rows,
    storage: element.type === 'BYTE_ARRAY' || element.type === 'FIXED_LEN_BYTE_ARRAY' ? 'string' : undefined,
  });
  return {
    push(_rowStart, data) {
      for (let i = 0; i < data.length; i++) {
        const value = data[i];
        if (value === null || value === undefined) builder.pushMissing();
        else if (typeof value === 'number') builder.pushNumber(value, integerType);
        else if (typeof value === 'bigint') builder.pushNumber(Number(value), true);
        else if (typeof value === 'boolean') builder.pushBool(value);
        else if (typeof value === 'string') builder.pushString(value);
        else if (value instanceof Uint8Array) builder.pushString(new TextDecoder().decode(value));
        else
          throw new UserError(
            'PARSE',
            `${path}: column '${name}' has nested values, which snapshots cannot hold`,
          );
      }
    },
    finish: () => builder.finish(),
  };
}

export async function readParquet(path: string, include?: (name: string) => boolean): Promise<Table> {
  closeSync(openForReading(path));
  let file;
  let metadata;
  try {
    file = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw new UserError('PARSE', `${path}: not a readable Parquet file (${(error as Error).message})`);
  }
  const rows = Number(metadata.num_rows);
  if (rows === 0) throw new UserError('NO_ROWS', `${path}: has a schema but no data rows`);
  const schema = parquetSchema(metadata);
  const elements = schema.children.map((child) => child.element);
  const names = elements.map((element) => element.name).filter((name) => !include || include(name));
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new UserError('DUPLICATE_HEADER', `${path}: duplicate column name '${name}'`);
    seen.add(name);
  }
  const columnElements = names.map((name) => elements.find((e) => e.name === name)!);
  const sinks = columnElements.map((element) => columnSink(path, element, rows));
  const sinkOf = new Map(names.map((name, index) => [name, sinks[index]!]));
  // Row group by row group: only the chosen columns' chunks of one group are fetched and decoded at a time, and
  // their values go into the columns before the next group is read, so a read holds the chosen columns plus one
  // group's decoded chunks, never the whole file.
  let groupStart = 0;
  for (const group of names.length === 0 ? [] : metadata.row_groups) {
    const groupRows = Number(group.num_rows);
    const parts: { name: string; rowStart: number; data: ArrayLike<unknown> }[] = [];
    try {
      await parquetRead({
        file,
        metadata,
        columns: names,
        rowStart: groupStart,
        rowEnd: groupStart + groupRows,
        onChunk(chunk) {
          parts.push({ name: chunk.columnName, rowStart: chunk.rowStart, data: chunk.columnData });
        },
      });
    } catch (error) {
      throw new UserError('PARSE', `${path}: cannot decode Parquet data (${(error as Error).message})`);
    }
    parts.sort((a, b) => a.rowStart - b.rowStart);
    for (const part of parts) sinkOf.get(part.name)?.push(part.rowStart, part.data);
    groupStart += groupRows;
  }
  const columns: Column[] = sinks.map((sink) => sink.finish());
  return {
    source: path,
    rows,
    columns,
    unloaded: elements.map((element) => element.name).filter((name) => !names.includes(name)),
  };
}
