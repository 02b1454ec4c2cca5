/**
 * A spill of a text snapshot's parsed columns to a temporary columnar file, so a job that reads its columns in
 * batches under a memory limit parses a CSV, TSV or JSON Lines file once instead of once per batch.
 *
 * The reader streams rows into its column builders as usual, but every {@link SpillWriter.rowsPerBlock} rows it
 * drains each builder and the cells go to the file as one segment per column (Float64 values with NaN for missing,
 * or Int32 dictionary codes with -1 for missing, exactly the builders' storage). Only one block of rows is held.
 * What decides a column's type over the whole file (the mode, missing or non-integer cells, the dictionary) stays in
 * the builder, and its final state is recorded when the reader finishes. A batch then reads only its columns'
 * segments back into arrays of the exact row count.
 *
 * The file lives in the OS temporary directory and is removed when the job ends, on exit, and on SIGINT, SIGTERM or
 * SIGHUP.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileWriteError, registerScratchFile, removeScratchFile } from '../util/fs.js';
import type { ColumnBuilder } from './column-builder.js';
import type { Column } from './table.js';

/** One run of a column's cells in the file. */
interface Segment {
  readonly firstRow: number;
  readonly cells: number;
  readonly kind: 'numbers' | 'codes';
  readonly offset: number;
}

/** What a column's builder settled on over the whole file. */
interface SpilledColumn {
  readonly name: string;
  readonly segments: Segment[];
  /** The finished builder's column (type and dictionary; its arrays hold only the last undrained cells: none). */
  finished?: Column;
}

/** Fewest and most rows a block holds (a very wide file still writes segments of a useful size). */
const MIN_BLOCK_ROWS = 256;
const MAX_BLOCK_ROWS = 1 << 16;

/** Writes one file's parsed columns, block by block, to a temporary file; {@link finish} makes it readable. */
export class SpillWriter {
  readonly path: string;
  private fd: number;
  private offset = 0;
  private readonly columns = new Map<string, SpilledColumn>();
  /** Columns whose cells contradicted their type: the reader did not spill them (read them from the file). */
  private readonly mixed = new Set<string>();
  private result: SpilledFile | undefined;

  /** @param bufferBytes the memory the builders may hold between drains (all columns together) */
  constructor(private readonly bufferBytes: number) {
    this.path = join(
      tmpdir(),
      `driftwatch-spill-${process.pid}-${Math.random().toString(36).slice(2, 10)}.bin`,
    );
    registerScratchFile(this.path);
    try {
      this.fd = openSync(this.path, 'wx', 0o600);
    } catch (error) {
      removeScratchFile(this.path);
      throw fileWriteError(this.path, error);
    }
  }

  /** Rows to hold before draining `columns` builders of 8 bytes a cell. */
  rowsPerBlock(columns: number): number {
    const rows = Math.floor(this.bufferBytes / (8 * Math.max(1, columns)));
    return Math.min(MAX_BLOCK_ROWS, Math.max(MIN_BLOCK_ROWS, rows));
  }

  /** Writes the cells each builder holds (rows `firstRow` on) and empties it. */
  drain(builders: Iterable<ColumnBuilder | undefined>, firstRow: number): void {
    for (const builder of builders) {
      if (!builder || builder.size === 0) continue;
      let column = this.columns.get(builder.name);
      if (!column) {
        column = { name: builder.name, segments: [] };
        this.columns.set(builder.name, column);
      }
      const { kind, cells } = builder.drain();
      const bytes = new Uint8Array(cells.buffer, cells.byteOffset, cells.byteLength);
      let written = 0;
      try {
        while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
      } catch (error) {
        // A full temporary disk is the likely cause: one line naming the spill (`cannot write …: no space left`).
        throw fileWriteError(this.path, error);
      }
      column.segments.push({ firstRow, cells: cells.length, kind, offset: this.offset });
      this.offset += bytes.length;
    }
  }

  /** Records a column the reader could not spill (its cells disagreed on a type: a later pass reads it as text). */
  markMixed(name: string): void {
    this.mixed.add(name);
    this.columns.delete(name);
  }

  /** Records the builders' final state (call after the last {@link drain}); returns the readable spill. */
  finish(builders: Iterable<ColumnBuilder | undefined>, rows: number): SpilledFile {
    const names: string[] = [];
    for (const builder of builders) {
      if (builder) names.push(builder.name);
      if (!builder || this.mixed.has(builder.name)) continue;
      let column = this.columns.get(builder.name);
      if (!column) {
        column = { name: builder.name, segments: [] };
        this.columns.set(builder.name, column);
      }
      column.finished = builder.finish();
    }
    closeSync(this.fd);
    this.fd = openSync(this.path, 'r');
    this.result = new SpilledFile(this.path, this.fd, rows, names, this.columns, this.mixed);
    return this.result;
  }

  /** The readable spill, once the reader has finished. */
  get spilled(): SpilledFile | undefined {
    return this.result;
  }

  /** Removes the file (a read that failed). */
  discard(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    removeScratchFile(this.path);
  }
}

/** A finished spill: reads columns back by name. */
export class SpilledFile {
  constructor(
    private readonly path: string,
    private readonly fd: number,
    readonly rows: number,
    /** The columns read from the file, in its order (the mixed ones too). */
    readonly names: readonly string[],
    private readonly columns: ReadonlyMap<string, SpilledColumn>,
    /** Columns not in the spill (their cells disagreed on a type): read them from the source file. */
    readonly mixed: ReadonlySet<string>,
  ) {}

  /** Whether the spill holds this column. */
  has(name: string): boolean {
    return this.columns.has(name);
  }

  /** One column, as the reader would have returned it from a read of the whole file. */
  read(name: string): Column {
    const column = this.columns.get(name);
    if (!column?.finished) throw new Error(`spill: no column '${name}'`);
    const finished = column.finished;
    if (finished.type === 'string') {
      // Rows before a column's first segment (a JSON Lines key first seen later) and segments drained while every
      // cell so far was missing (written as NaN before the column turned out to hold strings) are missing: -1.
      const codes = new Int32Array(this.rows).fill(-1);
      for (const segment of column.segments) if (segment.kind === 'codes') this.readInto(codes, segment, 4);
      return { name, type: 'string', codes, dictionary: finished.dictionary };
    }
    const values = new Float64Array(this.rows).fill(Number.NaN);
    for (const segment of column.segments) this.readInto(values, segment, 8);
    return { name, type: finished.type, values };
  }

  private readInto(target: Float64Array | Int32Array, segment: Segment, cellBytes: number): void {
    const bytes = new Uint8Array(
      target.buffer,
      target.byteOffset + segment.firstRow * cellBytes,
      segment.cells * cellBytes,
    );
    let read = 0;
    while (read < bytes.length) {
      const got = readSync(this.fd, bytes, read, bytes.length - read, segment.offset + read);
      if (got === 0) throw new Error(`spill ${this.path}: file ended early`);
      read += got;
    }
  }

  /** Closes and removes the file. */
  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    removeScratchFile(this.path);
  }
}
